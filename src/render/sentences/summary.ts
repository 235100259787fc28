import {ATTACK_SIGNAL} from '../../evidence/arc/find-incident-arc.js'
import {clock, count, listOf, percent, sentence} from './sentence.js'
import type {Story} from './story.js'
import {EXAMPLE_STORY, NOT_AFFECTED, REQUESTS} from './example-story.js'

/** The first sentence of the executive summary: when, where, and how much failed. */
export const opening = sentence<Pick<Story, 'service' | 'onset' | 'failures' | 'endpoints'>>({
  id: 'summary.opening',
  render: ({service, onset, failures, endpoints}) => {
    const affected = endpoints.filter((endpoint) => endpoint.affected)
    const where = affected.length > 0 ? ` on ${listOf(affected.map((endpoint) => endpoint.name))}` : ''
    const start = onset ? `On ${onset.slice(0, 10)} at ${clock(onset, onset)}, ${service} started failing${where}` : `The service ${service} failed${where}, from a time the evidence does not show`
    switch (failures.kind) {
      case 'requests': {
        if (failures.during.failed === 0) return `${onset ? `From ${clock(onset)}` : 'In the evidence'}, no request to ${service} failed (0 of ${count(failures.during.total)}).`
        if (affected.length > 0) {
          const failed = affected.reduce((sum, endpoint) => sum + endpoint.during.failed, 0)
          const total = affected.reduce((sum, endpoint) => sum + endpoint.during.total, 0)
          return `${start}: ${count(failed)} of ${affected.length === 1 ? 'its' : 'their'} ${count(total)} requests failed.`
        }
        return `${start}: ${count(failures.during.failed)} of ${count(failures.during.total)} requests failed (${percent(failures.during.failed / failures.during.total)}).`
      }
      case 'error-lines':
        return `${start}: ${count(failures.lines)} error lines were logged.`
      case 'none':
        return `${onset ? `From ${clock(onset)}` : 'In the evidence'}, the logs of ${service} show no failed request and no error line.`
      case 'no-logs':
        return `${start}; no logs were given to count the failures.`
    }
  },
  examples: [
    {variant: 'the example: one endpoint affected', input: EXAMPLE_STORY, output: 'On 2026-11-12 at 14:02 UTC, checkout-api started failing on POST /api/checkout: 531 of its 536 requests failed.'},
    {variant: 'onset unknown', input: {...EXAMPLE_STORY, onset: null}, output: 'The service checkout-api failed on POST /api/checkout, from a time the evidence does not show: 531 of its 536 requests failed.'},
    {variant: 'no request failed', input: {...EXAMPLE_STORY, failures: {...REQUESTS, during: {total: 4524, failed: 0}}, endpoints: []}, output: 'From 2026-11-12 14:02 UTC, no request to checkout-api failed (0 of 4,524).'},
    {variant: 'no endpoint affected', input: {...EXAMPLE_STORY, endpoints: NOT_AFFECTED}, output: 'On 2026-11-12 at 14:02 UTC, checkout-api started failing: 536 of 4,524 requests failed (11.8%).'},
    {variant: 'error lines only', input: {...EXAMPLE_STORY, failures: {kind: 'error-lines', lines: 1108}, endpoints: []}, output: 'On 2026-11-12 at 14:02 UTC, checkout-api started failing: 1,108 error lines were logged.'},
    {variant: 'nothing failed in the logs', input: {...EXAMPLE_STORY, failures: {kind: 'none'}, endpoints: []}, output: 'From 2026-11-12 14:02 UTC, the logs of checkout-api show no failed request and no error line.'},
    {variant: 'no logs', input: {...EXAMPLE_STORY, failures: {kind: 'no-logs'}, endpoints: []}, output: 'On 2026-11-12 at 14:02 UTC, checkout-api started failing; no logs were given to count the failures.'},
  ],
})

/** The cause in one sentence. */
export const causeSentence = sentence<Pick<Story, 'cause'>>({
  id: 'summary.cause',
  render: ({cause}) => {
    const confidence = percent(cause.confidence).replace(/\.\d%$/, '%')
    switch (cause.kind) {
      case 'change':
        return `The cause was the ${cause.changeKind.replaceAll('-', ' ')}${cause.sha ? ` ${cause.sha.slice(0, 7)}` : ''} "${cause.subject}" (confidence ${confidence}).`
      case 'condition':
        return `The cause (${cause.category}, confidence ${confidence}): ${lowerFirst(cause.summary.replace(/\.$/, ''))}.`
      case 'undetermined':
        return `The cause is not determined (the strongest lead reached ${confidence}); the RCA lists what to collect next.`
    }
  },
  examples: [
    {variant: 'a change', input: EXAMPLE_STORY, output: 'The cause was the database migration e3f0244 "migrations: make orders.currency NOT NULL" (confidence 97%).'},
    {variant: 'a condition', input: {cause: {kind: 'condition', category: 'database-saturation', summary: 'The database ran out of connection slots (97 of 100 in use).', confidence: 0.72}}, output: 'The cause (database-saturation, confidence 72%): the database ran out of connection slots (97 of 100 in use).'},
    {variant: 'undetermined', input: {cause: {kind: 'undetermined', confidence: 0.35}}, output: 'The cause is not determined (the strongest lead reached 35%); the RCA lists what to collect next.'},
  ],
})

/** How it ended (or that it has not), with the impact duration. */
export const ending = sentence<Pick<Story, 'mitigation' | 'recovery' | 'evidenceEnd' | 'notRecovered' | 'duration' | 'onset'>>({
  id: 'summary.ending',
  render: ({mitigation, recovery, evidenceEnd, notRecovered, duration, onset}) => {
    if (recovery && mitigation) {
      return `The failures stopped after ${KIND_SHORT[mitigation.kind]} (${mitigation.label} at ${clock(mitigation.at, onset)}) and the service was back to its baseline from ${clock(recovery.at, onset)}, after ${duration} of impact.`
    }
    if (recovery?.signals.includes(ATTACK_SIGNAL)) return `The attack stopped: no failed login from ${clock(recovery.at, onset)}, after ${duration} of impact, with no change in the evidence just before it.`
    if (recovery) return `The service was back to its baseline from ${clock(recovery.at, onset)}, after ${duration} of impact, with no change in the evidence just before it.`
    if (notRecovered.length > 0 && evidenceEnd) return `When the evidence ends (${clock(evidenceEnd, onset)}) the failures were still going on: the impact lasted ${duration}.`
    return duration === 'unknown' ? 'The evidence does not show when the impact ended.' : `The evidence does not show the impact ending; it has lasted ${duration}.`
  },
  examples: [
    {variant: 'a mitigation and a recovery', input: EXAMPLE_STORY, output: 'The failures stopped after a forward change (deploy 2.14.3 of checkout-api at 14:30 UTC) and the service was back to its baseline from 14:31 UTC, after 29 min of impact.'},
    {variant: 'a recovery without a change before it', input: {...EXAMPLE_STORY, mitigation: null}, output: 'The service was back to its baseline from 14:31 UTC, after 29 min of impact, with no change in the evidence just before it.'},
    {variant: 'an attack that stopped by itself', input: {...EXAMPLE_STORY, mitigation: null, recovery: {...EXAMPLE_STORY.recovery!, signals: ['failed logins']}}, output: 'The attack stopped: no failed login from 14:31 UTC, after 29 min of impact, with no change in the evidence just before it.'},
    {variant: 'not recovered when the evidence ends', input: {...EXAMPLE_STORY, mitigation: null, recovery: null, notRecovered: ['log error rate'], duration: 'at least 38 min'}, output: 'When the evidence ends (14:40 UTC) the failures were still going on: the impact lasted at least 38 min.'},
    {variant: 'open and live', input: {...EXAMPLE_STORY, mitigation: null, recovery: null, evidenceEnd: null, duration: '12 min so far'}, output: 'The evidence does not show the impact ending; it has lasted 12 min so far.'},
    {variant: 'nothing known', input: {...EXAMPLE_STORY, mitigation: null, recovery: null, evidenceEnd: null, duration: 'unknown'}, output: 'The evidence does not show when the impact ended.'},
  ],
})

/** What the responders recorded, in one sentence. */
export const recordedStatus = sentence<Pick<Story, 'recorded' | 'onset'>>({
  id: 'summary.status',
  render: ({recorded, onset}) => {
    if (recorded.status === 'resolved' && recorded.resolvedAt) return `It was recorded as resolved at ${clock(recorded.resolvedAt, onset)}.`
    if (recorded.status === 'mitigated' && recorded.mitigatedAt) return `It was recorded as mitigated at ${clock(recorded.mitigatedAt, onset)} and is not resolved yet.`
    return 'No mitigation or resolution has been recorded by the responders yet.'
  },
  examples: [
    {variant: 'resolved', input: {...EXAMPLE_STORY, recorded: {status: 'resolved', mitigatedAt: null, mitigation: null, resolvedAt: '2026-11-12T15:10:00.000Z', resolution: 'Legacy checkout writes the currency'}}, output: 'It was recorded as resolved at 15:10 UTC.'},
    {variant: 'mitigated the next day', input: {...EXAMPLE_STORY, recorded: {status: 'mitigated', mitigatedAt: '2026-11-13T09:00:00.000Z', mitigation: 'Dropped NOT NULL', resolvedAt: null, resolution: null}}, output: 'It was recorded as mitigated at 2026-11-13 09:00 UTC and is not resolved yet.'},
    {variant: 'nothing recorded', input: EXAMPLE_STORY, output: 'No mitigation or resolution has been recorded by the responders yet.'},
  ],
})

const KIND_SHORT: Readonly<Record<NonNullable<Story['mitigation']>['kind'], string>> = {
  rollback: 'a rollback',
  'forward-change': 'a forward change',
  'flag-flip': 'a feature-flag change',
  'config-change': 'a configuration change',
}

function lowerFirst(text: string): string {
  return /^[A-Z][a-z]/.test(text) ? text.charAt(0).toLowerCase() + text.slice(1) : text
}
