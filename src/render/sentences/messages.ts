import {clock, clockSpan, count, listOf, sentence} from './sentence.js'
import type {Story} from './story.js'
import {EXAMPLE_STORY, STATUS_PAGE} from './example-story.js'

/** The note for the organisation: a status line, in other words than the executive summary. */
export const internalMessage = sentence<Pick<Story, 'service' | 'onset' | 'failures' | 'endpoints' | 'recovery' | 'mitigation' | 'recorded' | 'cause'> & {severity: string; actionItems: number}>({
  id: 'messages.internal',
  render: (story) => {
    const state = story.recorded.status === 'resolved' ? 'resolved' : story.recorded.status === 'mitigated' ? 'mitigated' : story.recovery ? 'recovered, not yet resolved' : 'open'
    const affected = story.endpoints.filter((endpoint) => endpoint.affected).map((endpoint) => endpoint.name)
    const what = affected.length > 0 ? listOf(affected) : story.service
    const span = story.onset ? (story.recovery ? ` ${clockSpan(story.onset, story.recovery.at)}` : ` since ${clock(story.onset)}`) : ''
    const failedOnAffected = story.endpoints.filter((endpoint) => endpoint.affected).reduce((sum, endpoint) => sum + endpoint.during.failed, 0)
    const failed = story.failures.kind === 'requests' ? `, ${count(failedOnAffected || story.failures.during.failed)} failed requests` : story.failures.kind === 'error-lines' ? `, ${count(story.failures.lines)} error lines` : ''
    const fix = story.mitigation ? ` ${FIX_VERB[story.mitigation.kind]} by ${story.mitigation.label}.` : ''
    const cause = story.cause.kind === 'change' ? ` Cause: ${story.cause.changeKind.replaceAll('-', ' ')} ${story.cause.sha?.slice(0, 7) ?? `"${story.cause.subject}"`}.` : story.cause.kind === 'condition' ? ` Cause: ${story.cause.category}.` : ' Cause: under investigation.'
    const items = story.actionItems === 0 ? '' : ` Follow-up: ${count(story.actionItems)} action item${story.actionItems === 1 ? '' : 's'} in action-items.md.`
    return `[${story.severity}, ${state}] ${what} failing${span}${failed}.${fix}${cause}${items}`
  },
  examples: [
    {variant: 'recovered, not resolved', input: {...EXAMPLE_STORY, severity: 'P0', actionItems: 4}, output: '[P0, recovered, not yet resolved] POST /api/checkout failing 2026-11-12 14:02–14:31 UTC, 531 failed requests. Fixed forward by deploy 2.14.3 of checkout-api. Cause: database migration e3f0244. Follow-up: 4 action items in action-items.md.'},
    {variant: 'resolved', input: {...EXAMPLE_STORY, severity: 'P0', actionItems: 4, recorded: {...EXAMPLE_STORY.recorded, status: 'resolved', resolvedAt: '2026-11-12T15:00:00.000Z'}}, output: '[P0, resolved] POST /api/checkout failing 2026-11-12 14:02–14:31 UTC, 531 failed requests. Fixed forward by deploy 2.14.3 of checkout-api. Cause: database migration e3f0244. Follow-up: 4 action items in action-items.md.'},
    {variant: 'little known', input: {...EXAMPLE_STORY, severity: 'P2', actionItems: 1, onset: null, failures: {kind: 'error-lines', lines: 12}, endpoints: [], recovery: null, mitigation: null, cause: {kind: 'undetermined', confidence: 0.2}}, output: '[P2, open] checkout-api failing, 12 error lines. Cause: under investigation. Follow-up: 1 action item in action-items.md.'},
    {variant: 'a rollback, no logs, no action items', input: {...EXAMPLE_STORY, severity: 'P1', actionItems: 0, failures: {kind: 'no-logs'}, mitigation: {...EXAMPLE_STORY.mitigation!, kind: 'rollback', label: 'deploy 2.14.0 of checkout-api'}, cause: {kind: 'condition', category: 'database-saturation', summary: 'Connections exhausted', confidence: 0.7}}, output: '[P1, recovered, not yet resolved] POST /api/checkout failing 2026-11-12 14:02–14:31 UTC. Rolled back by deploy 2.14.0 of checkout-api. Cause: database-saturation.'},
  ],
})

/** The message for customers: no internals, no cause, only what they saw and whether it is over. */
export const externalMessage = sentence<Pick<Story, 'service' | 'onset' | 'endpoints' | 'recovery' | 'recorded' | 'failures'> & {statusPage: string | null}>({
  id: 'messages.external',
  render: ({service, onset, endpoints, recovery, recorded, failures, statusPage}) => {
    const affected = endpoints.filter((endpoint) => endpoint.affected).map((endpoint) => endpoint.name.replace(/^[A-Z]+ /, ''))
    // Requests only when request lines counted them; else all the evidence says is that the service failed.
    const what = affected.length > 0 ? `requests to ${listOf(affected)} on ${service}` : failures.kind === 'requests' ? `some requests to ${service}` : null
    const failed = what ? `${what} failed` : `${service} was failing`
    const resolved = recorded.status === 'resolved'
    if (onset && recovery) return `Between ${clockSpan(onset, recovery.at).replace('–', ' and ')}, ${failed}. ${resolved ? 'The issue is resolved' : `It has worked normally since ${clock(recovery.at, onset)} and we are confirming the fix`}; we are taking steps so it does not happen again.`
    if (resolved) return `${capital(failed)}${onset ? ` from ${clock(onset)}` : ''}. The issue is resolved; we are taking steps so it does not happen again.`
    return statusPage ?? `We are investigating ${what ? `failed ${what}` : `failures of ${service}`}${onset ? ` since ${clock(onset)}` : ''}.`
  },
  examples: [
    {variant: 'recovered', input: {...EXAMPLE_STORY, statusPage: STATUS_PAGE}, output: 'Between 2026-11-12 14:02 and 14:31 UTC, requests to /api/checkout on checkout-api failed. It has worked normally since 14:31 UTC and we are confirming the fix; we are taking steps so it does not happen again.'},
    {variant: 'recovered and resolved', input: {...EXAMPLE_STORY, statusPage: STATUS_PAGE, recorded: {...EXAMPLE_STORY.recorded, status: 'resolved'}}, output: 'Between 2026-11-12 14:02 and 14:31 UTC, requests to /api/checkout on checkout-api failed. The issue is resolved; we are taking steps so it does not happen again.'},
    {variant: 'resolved, no recovery in the evidence', input: {...EXAMPLE_STORY, statusPage: STATUS_PAGE, recovery: null, endpoints: [], recorded: {...EXAMPLE_STORY.recorded, status: 'resolved'}}, output: 'Some requests to checkout-api failed from 2026-11-12 14:02 UTC. The issue is resolved; we are taking steps so it does not happen again.'},
    {variant: 'open: the triage status page', input: {...EXAMPLE_STORY, statusPage: STATUS_PAGE, recovery: null}, output: 'Investigating — checkout-api is returning errors for some requests since 2026-11-12 14:02 UTC. Our engineers are working on it; next update within 30 minutes.'},
    {variant: 'open, no triage, onset unknown', input: {...EXAMPLE_STORY, statusPage: null, recovery: null, onset: null}, output: 'We are investigating failed requests to /api/checkout on checkout-api.'},
    {variant: 'recovered, error lines only (no request was counted)', input: {...EXAMPLE_STORY, statusPage: null, endpoints: [], failures: {kind: 'error-lines', lines: 48}}, output: 'Between 2026-11-12 14:02 and 14:31 UTC, checkout-api was failing. It has worked normally since 14:31 UTC and we are confirming the fix; we are taking steps so it does not happen again.'},
    {variant: 'open, error lines only', input: {...EXAMPLE_STORY, statusPage: null, recovery: null, endpoints: [], failures: {kind: 'error-lines', lines: 48}}, output: 'We are investigating failures of checkout-api since 2026-11-12 14:02 UTC.'},
  ],
})

const FIX_VERB: Readonly<Record<NonNullable<Story['mitigation']>['kind'], string>> = {
  rollback: 'Rolled back',
  'forward-change': 'Fixed forward',
  'flag-flip': 'Stopped',
  'config-change': 'Stopped',
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
