import {stat} from 'node:fs/promises'
import {resolve} from 'node:path'
import type {Readable} from 'node:stream'

import type {ProviderName} from '../agents/specialist-input.js'
import {type FileConfig, loadFileConfig} from '../config/config.js'
import {UsageError, UserError} from '../errors/errors.js'
import {parseDuration} from '../evidence/duration.js'
import {assertGitRepo} from '../evidence/git/assert-git-repo.js'
import {validateIncidentId} from '../incident/incident-id.js'
import {parseSeverityFlag, parseSymptomsFlag} from '../incident/parse-input.js'
import type {Severity} from '../incident/severity.js'
import type {Symptom} from '../incident/vocabulary.js'
import type {PipelineRequest} from '../phases/pipeline-request.js'
import {assertOneStdinReader, checkKubernetesInputs, checkLogDocuments, readAlertInput} from './check-reader-inputs.js'
import {terminalText} from '../output/safe-text.js'
import {recordableUrl} from '../redact/recordable-url.js'
import {redact, redactValue} from '../redact/redact.js'
import {askSeverity, askSymptoms} from './prompts.js'
import {expandLogSources} from './expand-log-sources.js'
import {resolveLiveSources, type SourceFlags} from './resolve-sources.js'

export interface RunFlags extends SourceFlags {
  severity?: string
  symptoms?: string[]
  service?: string
  repo?: string
  logs?: string[]
  metrics?: string[]
  deploys?: string
  'database-url'?: string
  health?: string[]
  'started-at'?: string
  lookback: string
  'redact-ips'?: boolean
  postmortem: boolean
  'skip-triage': boolean
  provider?: string
  notify: boolean
  'dry-run': boolean
  id?: string
  'out-dir': string
  'pagerduty-incident'?: string
  update?: boolean
  k8s?: string[]
  alert?: string
  threads?: number
}

/** Flags win over the config file, the config file over defaults; prompts fill what is still missing. */
export async function resolvePipelineRequest(
  flags: RunFlags,
  options: {interactive: boolean; env?: NodeJS.ProcessEnv; stdin?: Readable},
): Promise<{request: PipelineRequest; config: FileConfig; configRoot: string}> {
  const env = options.env ?? process.env
  const repoFlag = flags.repo ? resolve(flags.repo) : null
  if (repoFlag) await assertGitRepo(repoFlag)
  const configRoot = repoFlag ?? process.cwd()
  const {config, path: configPath} = await loadFileConfig(configRoot)

  // `--id ''` is a mistake to report, not a request for a new incident.
  const id = flags.id === undefined ? null : validateIncidentId(flags.id)
  // The alert is read first: it fills what neither the flags nor the config file say.
  const alertSource = flags.alert ?? config.alert ?? null
  assertOneStdinReader(alertSource, [...(flags.logs ?? config.logs ?? [])])
  // Kept in incident.json: redacted like any evidence (annotations and labels carry what the rule saw).
  const alert = alertSource ? (redactValue(await readAlertInput(alertSource, options.stdin ?? process.stdin)) as Awaited<ReturnType<typeof readAlertInput>>) : null
  let severity: Severity | null = flags.severity ? parseSeverityFlag(flags.severity) : config.severity ? parseSeverityFlag(config.severity) : (alert?.suggestedSeverity ?? null)
  let symptoms: Symptom[] | null = flags.symptoms ? parseSymptomsFlag(flags.symptoms) : config.symptoms ? parseSymptomsFlag(config.symptoms) : alert && alert.symptoms.length > 0 ? alert.symptoms : null
  if (!id) {
    if (!severity && options.interactive) severity = await askSeverity()
    if (!symptoms && options.interactive) symptoms = await askSymptoms()
    const missing = [!severity && '--severity p0|p1|p2', !symptoms && '--symptoms a,b'].filter(Boolean)
    if (missing.length > 0) {
      throw new UsageError(`Missing ${missing.join(' and ')} (no terminal to ask, or --non-interactive).`, {
        suggestions: [`Pass ${missing.join(' ')}, e.g. --severity p1 --symptoms high-error-rate.`],
      })
    }
  }

  const lookback = flags.lookback ?? config.lookback ?? '48h'
  parseDuration(lookback)
  const startedAt = flags['started-at'] ? parseInstant(flags['started-at']) : (alert?.startsAt ?? null)
  const logs = await expandLogSources([...(flags.logs ?? config.logs ?? [])])
  await checkLogDocuments(logs)
  const k8s = await checkKubernetesInputs(flags.k8s ?? config.k8s ?? [])
  const deploys = flags.deploys ?? config.deploys ?? null
  if (deploys) await assertReadable(deploys, '--deploys')
  const metricsGiven = flags.metrics ?? config.metrics ?? []
  // A URL under --metrics is a Prometheus to ask live; the rest are files.
  const metrics = metricsGiven.filter((source) => !/^https?:\/\//i.test(source))
  for (const source of metrics) await assertReadable(source, '--metrics')
  const service = flags.service ?? config.service ?? alert?.service ?? null
  const sources = resolveLiveSources(flags, {config, configPath, service, metricsUrls: metricsGiven.filter((source) => /^https?:\/\//i.test(source)), env})

  if (flags['database-url'] !== undefined) assertDatabaseUrl(flags['database-url'])
  const provider = chooseProvider(flags.provider ?? config.provider, env)
  return {
    configRoot,
    config,
    request: {
      outDir: resolve(flags['out-dir'] ?? config.outDir ?? '.tresor'),
      id,
      severity,
      symptoms,
      service: serviceName(service ?? undefined),
      inputs: {
        logs,
        repo: repoFlag ?? process.cwd(),
        metrics: metrics.map((source) => resolve(source)),
        deploys: deploys ? resolve(deploys) : null,
        health: (flags.health ?? config.health ?? []).map(recordableUrl),
        databaseUrlSet: Boolean(flags['database-url']),
        startedAtFlag: startedAt,
        startedAtOffsetMinutes: flags['started-at'] ? writtenOffset(flags['started-at']) : null,
        startedAtSource: flags['started-at'] ? 'flag' : alert?.startsAt ? 'alert' : undefined,
        k8s,
        alert,
        lookback,
        redactIps: flags['redact-ips'] ?? config.redactIps ?? false,
        ...(sources ? {sources} : {}),
      },
      databaseUrl: flags['database-url'] ?? null,
      healthUrls: flags.health ?? config.health ?? [],
      ...((flags.threads ?? config.threads) === undefined ? {} : {threads: flags.threads ?? config.threads}),
      postmortem: flags.postmortem,
      skipTriage: flags['skip-triage'],
      provider,
      notify: flags['dry-run'] ? 'dry-run' : flags.notify ? 'send' : 'off',
      // `--id X --postmortem` rewrites the postmortem (and the RCA it rests on) from saved findings,
      // e.g. after the incident was resolved; earlier phases are never re-run.
      refresh: Boolean(id && flags.postmortem),
      pagerDutyIncident: flags['pagerduty-incident'] ?? null,
      updatePagerDuty: flags.update ?? false,
    },
  }
}

/** The service name goes into every document and message: typed text, redacted, one line, no controls. */
function serviceName(text: string | undefined): string | null {
  const name = text === undefined ? '' : terminalText(redact(text)).trim()
  return name === '' ? null : name
}

/** A database URL the driver cannot parse is a usage error now, not a crash after the evidence is read. */
function assertDatabaseUrl(text: string): void {
  let url: URL | null = null
  try {
    url = new URL(text)
  } catch {
    // reported below
  }
  if (url === null || !/^postgres(?:ql)?:$/.test(url.protocol)) {
    throw new UsageError(`--database-url is not a PostgreSQL URL: ${recordableUrl(text)}`, {suggestions: ['Example: --database-url postgres://user:password@db.internal:5432/orders (IPv6 hosts in brackets: postgres://user@[::1]:5432/orders)']})
  }
}

function chooseProvider(value: string | undefined, env: NodeJS.ProcessEnv): ProviderName {
  if (value === 'offline' || value === 'anthropic') return value
  if (value) throw new UsageError(`Unknown provider "${value}".`, {suggestions: ['Use --provider offline or --provider anthropic.']})
  return env.ANTHROPIC_API_KEY ? 'anthropic' : 'offline'
}

function parseInstant(text: string): string {
  const date = new Date(text)
  if (Number.isNaN(date.getTime()) || !/^\d{4}-\d{2}-\d{2}/.test(text)) {
    throw new UsageError(`--started-at "${text}" is not an ISO 8601 time.`, {suggestions: ['Use e.g. --started-at 2026-11-30T14:05:00Z']})
  }
  return date.toISOString()
}

/** The offset a time was written with (`+02:00` → 120, `-0530` → -330); null for `Z` or none. */
function writtenOffset(text: string): number | null {
  const match = /([+-])(\d{2}):?(\d{2})$/.exec(text.trim())
  if (!match) return null
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]))
}

async function assertReadable(path: string, flag: string): Promise<void> {
  const info = await stat(path).catch(() => null)
  if (!info) throw new UserError(`${flag} ${path} does not exist.`, {suggestions: ['Check the path (relative paths are relative to the current directory).']})
  if (!info.isFile()) throw new UserError(`${flag} ${path} is not a file.`)
}
