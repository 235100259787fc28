import {parseDuration} from '../duration.js'
import {DEFAULT_SOURCE_BUDGET, type SourceBudgetLimits} from './source-budget.js'
import type {SourceAuth} from './source-http.js'
import type {SourcesConfig} from './sources-config.js'

/**
 * What asking the live sources needs besides the incident: credentials, the budget and the
 * window, from the environment and the config file (the environment wins for credentials).
 * Built for each run and never saved.
 */
export interface LiveSourcesRuntime {
  incidentDir: string
  auth: {prometheus: SourceAuth; loki: SourceAuth; elasticsearch: SourceAuth}
  elasticsearchFields: {timeField: string | null; levelField: string | null; messageField: string | null}
  /** A kubeconfig other than $KUBECONFIG or ~/.kube/config. */
  kubeconfig: string | null
  limits: SourceBudgetLimits
  /** How far before the declared time the sources are asked about. */
  windowBeforeMs: number
  redactIps: boolean
  now: Date
  /** For the kubeconfig ($KUBECONFIG, $HOME) and in-cluster detection. */
  env: NodeJS.ProcessEnv
  fetch?: typeof globalThis.fetch
}

export const DEFAULT_WINDOW_BEFORE = '3h'
/** Sources are asked up to this long after the declared time (or up to now, if sooner). */
export const WINDOW_AFTER_MS = 3_600_000

export function liveSourcesRuntime(
  config: SourcesConfig | undefined,
  env: NodeJS.ProcessEnv,
  options: {incidentDir: string; redactIps: boolean; now: Date},
): LiveSourcesRuntime {
  const pick = (name: string, fromFile: string | undefined) => env[name] || fromFile || null
  return {
    incidentDir: options.incidentDir,
    auth: {
      prometheus: {
        bearerToken: pick('PROMETHEUS_BEARER_TOKEN', config?.prometheus?.bearerToken),
        username: pick('PROMETHEUS_USERNAME', config?.prometheus?.username),
        password: pick('PROMETHEUS_PASSWORD', config?.prometheus?.password),
      },
      loki: {
        bearerToken: pick('LOKI_BEARER_TOKEN', config?.loki?.bearerToken),
        username: pick('LOKI_USERNAME', config?.loki?.username),
        password: pick('LOKI_PASSWORD', config?.loki?.password),
      },
      elasticsearch: {
        apiKey: pick('ELASTICSEARCH_API_KEY', config?.elasticsearch?.apiKey),
        username: pick('ELASTICSEARCH_USERNAME', config?.elasticsearch?.username),
        password: pick('ELASTICSEARCH_PASSWORD', config?.elasticsearch?.password),
      },
    },
    elasticsearchFields: {
      timeField: config?.elasticsearch?.timeField ?? null,
      levelField: config?.elasticsearch?.levelField ?? null,
      messageField: config?.elasticsearch?.messageField ?? null,
    },
    kubeconfig: config?.kubernetes?.kubeconfig ?? null,
    limits: {...DEFAULT_SOURCE_BUDGET, ...config?.budget},
    windowBeforeMs: parseDuration(config?.window ?? DEFAULT_WINDOW_BEFORE),
    redactIps: options.redactIps,
    now: options.now,
    env,
  }
}
