import type {FileConfig} from '../config/config.js'
import {UsageError, UserError} from '../errors/errors.js'
import {parseDuration} from '../evidence/duration.js'
import {displayUrl} from '../evidence/sources/source-http.js'
import {type LiveSources, UserPromqlSchema, type UserPromql} from '../evidence/sources/source-settings.js'

export interface SourceFlags {
  prometheus?: string
  promql?: string[]
  loki?: string
  'loki-selector'?: string
  elasticsearch?: string
  'elasticsearch-index'?: string
  'kube-context'?: string
  'kube-namespace'?: string
  'kube-selector'?: string
}

/** Searched when no index pattern is given: Elastic Agent data streams, Filebeat and Logstash defaults. */
export const DEFAULT_ELASTICSEARCH_INDEX = 'logs-*,filebeat-*,logstash-*'

/**
 * The live sources of a new incident from the flags and the config file's `sources` (flags win),
 * checked before any evidence is read: a malformed URL or `--promql` is a usage error, a bad
 * query entry in the config file a UserError naming the file and the entry. A `--metrics` URL
 * is a Prometheus base URL. Undefined when no live source is named.
 */
export function resolveLiveSources(
  flags: SourceFlags,
  context: {config: FileConfig; configPath: string | null; service: string | null; metricsUrls: string[]; env: NodeJS.ProcessEnv},
): LiveSources | undefined {
  const file = context.config.sources ?? {}
  if (file.window) parseDuration(file.window)
  const prometheusUrl = flags.prometheus ?? context.metricsUrls[0] ?? file.prometheus?.url
  const queries = [...configQueries(file.prometheus?.queries ?? [], context.configPath), ...(flags.promql ?? []).map(parsePromqlFlag)]
  if (queries.length > 0 && !prometheusUrl) {
    throw new UsageError('--promql needs a Prometheus to ask.', {suggestions: ['Add --prometheus http://prometheus:9090 (or sources.prometheus.url in the config file).']})
  }
  const lokiUrl = flags.loki ?? file.loki?.url
  const lokiSelector = flags['loki-selector'] ?? file.loki?.selector ?? (context.service ? `{service_name="${context.service}"}` : null)
  if (lokiUrl && !lokiSelector) {
    throw new UsageError('--loki needs a stream selector.', {suggestions: ['Add --loki-selector \'{app="checkout"}\', or --service NAME to select {service_name="NAME"}.']})
  }
  const elasticsearchUrl = flags.elasticsearch ?? file.elasticsearch?.url
  const kubernetes = {
    context: flags['kube-context'] ?? file.kubernetes?.context ?? null,
    namespace: flags['kube-namespace'] ?? file.kubernetes?.namespace ?? null,
    labelSelector: flags['kube-selector'] ?? file.kubernetes?.labelSelector ?? null,
  }
  const wantsKubernetes = Boolean(file.kubernetes) || Object.values(kubernetes).some((value) => value !== null)
  const sources: LiveSources = {
    prometheus: prometheusUrl ? {url: checkedUrl(prometheusUrl, '--prometheus'), queries} : null,
    loki: lokiUrl && lokiSelector ? {url: checkedUrl(lokiUrl, '--loki'), selector: checkedSelector(lokiSelector), tenant: context.env.LOKI_ORG_ID || file.loki?.tenant || null} : null,
    elasticsearch: elasticsearchUrl
      ? {url: checkedUrl(elasticsearchUrl, '--elasticsearch'), index: flags['elasticsearch-index'] ?? file.elasticsearch?.index ?? DEFAULT_ELASTICSEARCH_INDEX}
      : null,
    kubernetes: wantsKubernetes ? kubernetes : null,
  }
  return Object.values(sources).some((source) => source !== null) ? sources : undefined
}

/** `name=EXPR`: the name becomes the series' name, the rest is PromQL (which may itself contain `=`). */
function parsePromqlFlag(text: string): UserPromql {
  const at = text.indexOf('=')
  const parsed = UserPromqlSchema.safeParse(at > 0 ? {name: text.slice(0, at).trim(), expr: text.slice(at + 1)} : {name: '', expr: text})
  if (!parsed.success) {
    throw new UsageError(`--promql "${text}" is not name=EXPR (${parsed.error.issues[0].message}).`, {
      suggestions: ['Example: --promql \'checkout_5xx=sum(rate(http_requests_total{job="checkout",code=~"5.."}[5m]))\''],
    })
  }
  return parsed.data
}

function configQueries(entries: readonly unknown[], configPath: string | null): UserPromql[] {
  return entries.map((entry, index) => {
    const parsed = UserPromqlSchema.safeParse(entry)
    if (parsed.success) return parsed.data
    const issue = parsed.error.issues[0]
    const name = typeof (entry as {name?: unknown})?.name === 'string' ? ` (${(entry as {name: string}).name})` : ''
    throw new UserError(`${configPath ?? 'The config file'}: sources.prometheus.queries[${index}]${name} is invalid: ${issue.path.join('.') || 'entry'}: ${issue.message}`, {
      suggestions: ['Each entry is {"name": "checkout_5xx", "expr": "<PromQL>"} with optional "symptoms": ["high-error-rate", …].'],
    })
  })
}

/** The URL kept in incident.json: without credentials or query string, which the user keeps in the environment. */
function checkedUrl(text: string, flag: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    throw new UsageError(`${flag} "${text}" is not a URL.`, {suggestions: [`Pass the base URL, e.g. ${flag} http://127.0.0.1:${flag === '--loki' ? 3100 : flag === '--elasticsearch' ? 9200 : 9090}`]})
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`${flag} "${displayUrl(url)}" is not an http(s) URL.`)
  if (url.username || url.password) {
    throw new UsageError(`${flag} carries credentials in the URL; they would be kept with the incident.`, {
      suggestions: ['Pass them in the environment (see the README, "Live sources") and give the URL without them.'],
    })
  }
  return displayUrl(url)
}

function checkedSelector(selector: string): string {
  const trimmed = selector.trim()
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) {
    throw new UsageError(`--loki-selector "${selector}" is not a LogQL stream selector.`, {suggestions: ['Example: --loki-selector \'{namespace="shop", app="checkout"}\'']})
  }
  return trimmed
}
