import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {TriageResult} from './triage-result.js'

type Mitigation = TriageResult['mitigations'][number]

/** A rollback command found for a candidate change (gathered by the triage runner from the repo). */
export interface RollbackHint {
  sha: string
  command: string
  note: string
  /** The tooling the command belongs to; `git` is only a file revert. */
  tool: string
}

/** Changes further than this before the onset are not offered as a quick rollback. */
export const ROLLBACK_WINDOW_MINUTES = 120

const KIND_WEIGHT: Readonly<Record<string, number>> = {
  'database-migration': 0.95,
  'config-change': 0.9,
  'feature-flag': 0.9,
  'code-change': 0.85,
  'dependency-upgrade': 0.8,
  deploy: 0.85,
  config: 0.9,
}

/** Error signatures that point at a standard first move, whatever the cause turns out to be. */
const SIGNATURES: readonly {pattern: RegExp; title: string; command: string | null}[] = [
  {pattern: /too many (clients|connections)|remaining connection slots|connection pool.*(exhaust|timeout)/i, title: 'Relieve the database connection limit: terminate idle-in-transaction sessions and cap the pool size', command: "psql \"$DATABASE_URL\" -c \"select pg_terminate_backend(pid) from pg_stat_activity where state = 'idle in transaction' and now() - state_change > interval '5 minutes'\""},
  {pattern: /ENOSPC|no space left on device/i, title: 'Free disk space on the affected hosts (rotate logs, clear temp files) or grow the volume', command: null},
  {pattern: /out of memory|OOMKilled|heap out of memory|oom-kill/i, title: 'Restart the affected instances and raise the memory limit while the leak is investigated', command: null},
  {pattern: /certificate (has )?expired|CERT_HAS_EXPIRED|x509: certificate/i, title: 'Renew and redeploy the expired TLS certificate', command: null},
  {pattern: /ENOTFOUND|EAI_AGAIN|getaddrinfo|ECONNREFUSED|ECONNRESET/i, title: 'Fail over or bypass the unreachable dependency (check DNS and network paths first)', command: null},
  {pattern: /\b(401|unauthori[sz]ed|invalid password|authentication failed)\b/i, title: 'Rate-limit or block the sources of the authentication-failure burst', command: null},
]

/** Immediate options, best first, each with why and the evidence behind it. */
export function rankMitigations(facts: EvidenceFacts, rollbacks: readonly RollbackHint[]): Mitigation[] {
  const options: Mitigation[] = []
  const deployOf = (sha: string) => facts.events.find((event) => event.sha !== null && sha.startsWith(event.sha) && (event.minutesBeforeOnset ?? -1) >= 0)
  for (const change of facts.changes) {
    // A commit shipped by a deploy event is one change: rank it by when it went live.
    const deploy = deployOf(change.sha)
    const minutes = deploy ? Math.min(deploy.minutesBeforeOnset!, change.minutesBeforeOnset ?? Infinity) : change.minutesBeforeOnset
    if (change.afterOnset || change.kind === 'docs-tests' || minutes === null || minutes > ROLLBACK_WINDOW_MINUTES) continue
    const hint = rollbacks.find((item) => item.sha === change.sha)
    const overlap = facts.topErrors.some((error) => change.components.some((component) => component.length > 2 && error.text.toLowerCase().includes(component.toLowerCase())))
    const score = proximity(minutes) * (KIND_WEIGHT[change.kind] ?? 0.7) * (overlap ? 1 : 0.85)
    // A migration already applied is not undone by reverting its file: it is rolled back by its
    // tool's down step when there is one, else rolled forward with a compensating migration.
    const migration = change.kind === 'database-migration'
    const down = migration && hint && hint.tool !== 'git' ? hint.command : null
    options.push({
      title: migration
        ? down
          ? `Roll back migration ${change.shortSha} "${change.subject}" with its down step`
          : `Roll migration ${change.shortSha} "${change.subject}" forward: apply a compensating migration that undoes its schema change`
        : `Roll back ${change.shortSha} "${change.subject}"`,
      command: migration ? down : (hint?.command ?? `git revert ${change.sha}`),
      why: `${change.kind} ${deploy ? `deployed (${deploy.description})` : 'committed'} ${Math.round(minutes)} min before the onset${overlap ? ', touching the component named in the new errors' : ''}.${hint?.note ? ` ${hint.note}` : ''}`,
      score: round(score),
      evidenceIds: deploy ? [change.evidenceId, deploy.evidenceId] : [change.evidenceId],
    })
  }
  const commitShas = facts.changes.map((change) => change.sha)
  for (const event of facts.events) {
    const minutes = event.minutesBeforeOnset
    if (event.sha && commitShas.some((sha) => sha.startsWith(event.sha!))) continue
    if (minutes === null || minutes < 0 || minutes > ROLLBACK_WINDOW_MINUTES) continue
    const title = event.kind === 'feature-flag' ? `Turn the feature flag back off: ${event.description}` : event.kind === 'config' ? `Revert the configuration change: ${event.description}` : `Roll back the deploy: ${event.description}`
    options.push({title, command: null, why: `${event.kind} ${Math.round(minutes)} min before the onset.`, score: round(proximity(minutes) * (KIND_WEIGHT[event.kind] ?? 0.8)), evidenceIds: [event.evidenceId]})
  }
  for (const signature of SIGNATURES) {
    const hits = facts.topErrors.filter((error) => signature.pattern.test(error.text))
    if (hits.length === 0) continue
    const count = hits.reduce((sum, error) => sum + error.count, 0)
    options.push({title: signature.title, command: signature.command, why: `${count.toLocaleString('en-US')} errors match this failure signature.`, score: round(0.5 + Math.min(0.3, count / 10_000)), evidenceIds: hits.map((error) => error.evidenceId)})
  }
  if (facts.unhealthy.length > 0) {
    options.push({title: 'Restart or fail over the instances behind the failing health checks', command: null, why: facts.unhealthy.map((item) => `${item.url}: ${item.detail}`).join('; '), score: 0.45, evidenceIds: facts.unhealthy.map((item) => item.evidenceId)})
  }
  return options.sort((a, b) => b.score - a.score).slice(0, 5)
}

/** 1.0 right before the onset, fading to 0.3 at the edge of the window. */
function proximity(minutes: number): number {
  return 1 - 0.7 * Math.min(1, Math.max(0, minutes) / ROLLBACK_WINDOW_MINUTES)
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
