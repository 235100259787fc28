import {AFFECTED_RULE} from '../../evidence/impact/endpoint-test.js'
import {clock, count, listOf, percent, plural, sentence} from './sentence.js'
import type {Counts, Story, StoryEndpoint} from './story.js'
import {EXAMPLE_STORY, NOT_AFFECTED, REQUESTS} from './example-story.js'

const SOURCE: Readonly<Record<'access' | 'app', (files: string) => string>> = {
  access: (files) => `Counted from the access log (${files}), one line per request, so the application's own lines about the same requests are not counted again.`,
  app: (files) => `Counted from the application's request lines (${files}), one per request with its status, so error lines about the same requests are not counted again.`,
}

const AUTHORITATIVE: Readonly<Record<'access' | 'app', string>> = {access: 'the access log', app: "the application's request lines"}

/** How failures matched by request id were counted: each failed id once, lines without one from the authoritative source only. */
const correlated = (across: readonly string[], source: 'access' | 'app') =>
  `Correlated by request id across ${across.length} sources (${listOf(across)}): a request that failed in several of them counts once, and failed lines without an id count from ${AUTHORITATIVE[source]} only.`

/** How many requests failed, over which window, from which source. */
export const failedRequests = sentence<Pick<Story, 'failures' | 'onset'>>({
  id: 'impact.failed-requests',
  render: ({failures, onset}) => {
    switch (failures.kind) {
      case 'requests': {
        const window = onset ? (failures.until === 'end-of-impact' ? `from ${clock(onset)} to ${clock(failures.to, onset)}` : `from ${clock(onset)} to the end of the evidence at ${clock(failures.to, onset)}`) : 'in the evidence'
        const source = failures.correlatedAcross ? correlated(failures.correlatedAcross, failures.source) : SOURCE[failures.source](listOf(failures.files) || 'no file named')
        if (failures.during.failed === 0) return `No request failed ${window} (0 of ${count(failures.during.total)}). ${source}`
        const before = failures.baseline.total > 0 ? `, against ${percent(failures.baseline.failed / failures.baseline.total)} before the onset` : ''
        return `${plural(failures.during.failed, 'request')} failed (HTTP 5xx) ${window}: ${percent(failures.during.failed / failures.during.total)} of ${count(failures.during.total)}${before}. ${source}`
      }
      case 'error-lines': {
        // The count covers the impact window when the onset is known, else the whole evidence.
        const window = !onset ? 'in the evidence' : failures.to ? `from ${clock(onset)} to ${clock(failures.to, onset)}` : `from ${clock(onset)} to the end of the evidence`
        return `${plural(failures.lines, 'error line')} ${failures.lines === 1 ? 'was' : 'were'} logged ${window}; without request lines (a status per request) ${failures.lines === 1 ? 'it' : 'they'} cannot be turned into a number of failed requests.`
      }
      case 'none':
        return 'The logs hold no failed request and no error line.'
      case 'no-logs':
        return 'No logs were given, so the failures cannot be counted.'
    }
  },
  examples: [
    {variant: 'the example, from the access log', input: EXAMPLE_STORY, output: '536 requests failed (HTTP 5xx) from 2026-11-12 14:02 UTC to 14:30 UTC: 11.8% of 4,524, against 0.14% before the onset. Counted from the access log (access.log.gz), one line per request, so the application\'s own lines about the same requests are not counted again.'},
    {variant: 'still open: to the end of the evidence', input: {...EXAMPLE_STORY, failures: {...REQUESTS, until: 'evidence-end', to: '2026-11-12T14:40:00.000Z'}}, output: '536 requests failed (HTTP 5xx) from 2026-11-12 14:02 UTC to the end of the evidence at 14:40 UTC: 11.8% of 4,524, against 0.14% before the onset. Counted from the access log (access.log.gz), one line per request, so the application\'s own lines about the same requests are not counted again.'},
    {variant: 'from application request lines', input: {...EXAMPLE_STORY, failures: {...REQUESTS, source: 'app', files: ['app.log.gz', 'worker.log']}}, output: '536 requests failed (HTTP 5xx) from 2026-11-12 14:02 UTC to 14:30 UTC: 11.8% of 4,524, against 0.14% before the onset. Counted from the application\'s request lines (app.log.gz and worker.log), one per request with its status, so error lines about the same requests are not counted again.'},
    {variant: 'matched by request id across sources', input: {...EXAMPLE_STORY, failures: {...REQUESTS, files: ['access.log.gz', 'app.log.gz'], correlatedAcross: ['access.log.gz', 'app.log.gz']}}, output: '536 requests failed (HTTP 5xx) from 2026-11-12 14:02 UTC to 14:30 UTC: 11.8% of 4,524, against 0.14% before the onset. Correlated by request id across 2 sources (access.log.gz and app.log.gz): a request that failed in several of them counts once, and failed lines without an id count from the access log only.'},
    {variant: 'no request failed', input: {...EXAMPLE_STORY, failures: {...REQUESTS, during: {total: 4524, failed: 0}}}, output: 'No request failed from 2026-11-12 14:02 UTC to 14:30 UTC (0 of 4,524). Counted from the access log (access.log.gz), one line per request, so the application\'s own lines about the same requests are not counted again.'},
    {variant: 'onset unknown, nothing before it', input: {...EXAMPLE_STORY, onset: null, failures: {...REQUESTS, baseline: {total: 0, failed: 0}}}, output: '536 requests failed (HTTP 5xx) in the evidence: 11.8% of 4,524. Counted from the access log (access.log.gz), one line per request, so the application\'s own lines about the same requests are not counted again.'},
    {variant: 'error lines only, to the recovery', input: {...EXAMPLE_STORY, failures: {kind: 'error-lines', lines: 1108, to: '2026-11-12T14:31:00.000Z'}}, output: '1,108 error lines were logged from 2026-11-12 14:02 UTC to 14:31 UTC; without request lines (a status per request) they cannot be turned into a number of failed requests.'},
    {variant: 'one error line, no recovery', input: {...EXAMPLE_STORY, failures: {kind: 'error-lines', lines: 1}}, output: '1 error line was logged from 2026-11-12 14:02 UTC to the end of the evidence; without request lines (a status per request) it cannot be turned into a number of failed requests.'},
    {variant: 'error lines, onset unknown', input: {...EXAMPLE_STORY, onset: null, failures: {kind: 'error-lines', lines: 12}}, output: '12 error lines were logged in the evidence; without request lines (a status per request) they cannot be turned into a number of failed requests.'},
    {variant: 'nothing failed', input: {...EXAMPLE_STORY, failures: {kind: 'none'}}, output: 'The logs hold no failed request and no error line.'},
    {variant: 'no logs', input: {...EXAMPLE_STORY, failures: {kind: 'no-logs'}}, output: 'No logs were given, so the failures cannot be counted.'},
  ],
})

const share = (counts: Counts) => `${count(counts.failed)} of ${count(counts.total)} requests failed, ${percent(counts.total === 0 ? 0 : counts.failed / counts.total)}`
const before = (counts: Counts) => (counts.total === 0 ? 'none before the onset' : `${percent(counts.failed / counts.total)} before the onset`)
// The whole-log figure is what the endpoint's evidence item shows: said here so the two reconcile.
const whole = (endpoint: StoryEndpoint) => (endpoint.wholeLog && endpoint.wholeLog.failed !== endpoint.during.failed ? `; ${count(endpoint.wholeLog.failed)} of ${count(endpoint.wholeLog.total)} over the whole log` : '')
const detail = (endpoint: StoryEndpoint) => `${endpoint.name} (${share(endpoint.during)}; ${before(endpoint.baseline)}${whole(endpoint)})`

/** Which endpoints the test says were affected, and which failing ones it says were not. */
export const endpointVerdicts = sentence<Pick<Story, 'endpoints'>>({
  id: 'impact.endpoints',
  render: ({endpoints}) => {
    if (endpoints.length === 0) return 'No endpoint had failing requests to test.'
    const affected = endpoints.filter((endpoint) => endpoint.affected)
    const unaffected = endpoints.filter((endpoint) => !endpoint.affected)
    const parts = [affected.length > 0 ? `Affected: ${listOf(affected.map(detail))}.` : 'No endpoint failed significantly more than before the onset.']
    if (unaffected.length > 0) parts.push(`Not affected by that test: ${listOf(unaffected.map(detail))}.`)
    parts.push(`An endpoint counts as affected when ${AFFECTED_RULE}.`)
    return parts.join(' ')
  },
  examples: [
    {variant: 'one affected, one not', input: EXAMPLE_STORY, output: 'Affected: POST /api/checkout (531 of 536 requests failed, 99.1%; 0.69% before the onset; 541 of 1,830 over the whole log). Not affected by that test: POST /api/v2/checkout (5 of 348 requests failed, 1.4%; 0.85% before the onset; 13 of 1,172 over the whole log). An endpoint counts as affected when its failure rate after the onset is higher than before it, by a one-sided two-proportion z-test (z ≥ 3.09, p < 0.001) and by at least 1 percentage point (an endpoint with fewer than 30 requests before the onset is compared with all requests of its source).'},
    {variant: 'none affected', input: {endpoints: NOT_AFFECTED}, output: 'No endpoint failed significantly more than before the onset. Not affected by that test: POST /api/checkout (531 of 536 requests failed, 99.1%; 0.69% before the onset; 541 of 1,830 over the whole log) and POST /api/v2/checkout (5 of 348 requests failed, 1.4%; 0.85% before the onset; 13 of 1,172 over the whole log). An endpoint counts as affected when its failure rate after the onset is higher than before it, by a one-sided two-proportion z-test (z ≥ 3.09, p < 0.001) and by at least 1 percentage point (an endpoint with fewer than 30 requests before the onset is compared with all requests of its source).'},
    {variant: 'nothing to test', input: {endpoints: []}, output: 'No endpoint had failing requests to test.'},
    {variant: 'a new endpoint, no baseline', input: {endpoints: [{name: 'POST /api/v3/checkout', during: {total: 40, failed: 38}, baseline: {total: 0, failed: 0}, affected: true}]}, output: 'Affected: POST /api/v3/checkout (38 of 40 requests failed, 95.0%; none before the onset). An endpoint counts as affected when its failure rate after the onset is higher than before it, by a one-sided two-proportion z-test (z ≥ 3.09, p < 0.001) and by at least 1 percentage point (an endpoint with fewer than 30 requests before the onset is compared with all requests of its source).'},
  ],
})

export const usersAffected = sentence<Pick<Story, 'users'>>({
  id: 'impact.users',
  render: ({users}) => (users === null ? 'How many users were affected is not known from the evidence.' : users === 0 ? 'No user id appears on a failing line.' : `${plural(users, 'distinct user')} appear${users === 1 ? 's' : ''} on failing lines.`),
  examples: [
    {variant: 'many', input: EXAMPLE_STORY, output: '553 distinct users appear on failing lines.'},
    {variant: 'one', input: {users: 1}, output: '1 distinct user appears on failing lines.'},
    {variant: 'none', input: {users: 0}, output: 'No user id appears on a failing line.'},
    {variant: 'unknown', input: {users: null}, output: 'How many users were affected is not known from the evidence.'},
  ],
})

export interface SeverityInput {
  declared: string
  suggested: string
  verdict: 'confirmed' | 'raise' | 'lower'
  /** True when the declared level is kept although volume alone says one lower. */
  keptAbove: boolean
  /** The measure weighed: "11.8% of requests failed", or null when there was none. */
  measure: string | null
}

/** The severity as declared, and what the evidence alone supports. */
export const severityWording = sentence<SeverityInput>({
  id: 'impact.severity',
  render: ({declared, suggested, verdict, keptAbove, measure}) => {
    if (!measure) return `${declared} as declared; there is no error-rate evidence to weigh it against.`
    if (keptAbove) return `${declared} as declared; by volume alone the evidence supports ${suggested} (${measure}).`
    if (verdict === 'confirmed') return `${declared} as declared, consistent with the evidence (${measure}).`
    return `${declared} as declared; the evidence suggests ${suggested} (${measure}).`
  },
  examples: [
    {variant: 'kept above what volume supports', input: {declared: 'P0', suggested: 'P1', verdict: 'confirmed', keptAbove: true, measure: '11.8% of requests failed; POST /api/checkout 99.1%'}, output: 'P0 as declared; by volume alone the evidence supports P1 (11.8% of requests failed; POST /api/checkout 99.1%).'},
    {variant: 'confirmed', input: {declared: 'P1', suggested: 'P1', verdict: 'confirmed', keptAbove: false, measure: '11.8% of requests failed'}, output: 'P1 as declared, consistent with the evidence (11.8% of requests failed).'},
    {variant: 'raise suggested', input: {declared: 'P2', suggested: 'P0', verdict: 'raise', keptAbove: false, measure: '62.0% of requests failed'}, output: 'P2 as declared; the evidence suggests P0 (62.0% of requests failed).'},
    {variant: 'nothing to weigh', input: {declared: 'P1', suggested: 'P1', verdict: 'confirmed', keptAbove: false, measure: null}, output: 'P1 as declared; there is no error-rate evidence to weigh it against.'},
  ],
})

/** The first answer of the five whys: that requests failed, in figures (the cause comes later). */
export const symptomBecause = sentence<Pick<Story, 'failures' | 'onset' | 'endpoints'>>({
  id: 'impact.symptom',
  render: ({failures, onset, endpoints}) => {
    const when = onset ? `at ${clock(onset)}` : 'at a time the evidence does not show'
    const worst = endpoints.filter((endpoint) => endpoint.affected).sort((a, b) => b.during.failed - a.during.failed)[0]
    switch (failures.kind) {
      case 'requests':
        if (failures.during.failed === 0) return `No request failed after the onset (0 of ${count(failures.during.total)}); the incident was declared on other signals.`
        return `Requests started failing ${when}: ${count(failures.during.failed)} of ${count(failures.during.total)} failed (${percent(failures.during.failed / failures.during.total)})${worst ? `, ${count(worst.during.failed)} of them on ${worst.name}` : ''}.`
      case 'error-lines':
        return failures.firstAt && onset ? `Errors started at ${clock(failures.firstAt, onset)}, after the onset at ${clock(onset)}: ${plural(failures.lines, 'error line')} since then.` : `Errors started ${when}: ${plural(failures.lines, 'error line')} since then.`
      case 'none':
        return 'No request failed and no error line was logged after the onset; the incident was declared on other signals.'
      case 'no-logs':
        return `The service degraded ${when}; no logs were given to count the failures.`
    }
  },
  examples: [
    {variant: 'requests, one endpoint worst', input: EXAMPLE_STORY, output: 'Requests started failing at 2026-11-12 14:02 UTC: 536 of 4,524 failed (11.8%), 531 of them on POST /api/checkout.'},
    {variant: 'no endpoint affected, onset unknown', input: {...EXAMPLE_STORY, onset: null, endpoints: NOT_AFFECTED}, output: 'Requests started failing at a time the evidence does not show: 536 of 4,524 failed (11.8%).'},
    {variant: 'no request failed', input: {...EXAMPLE_STORY, failures: {...REQUESTS, during: {total: 4524, failed: 0}}}, output: 'No request failed after the onset (0 of 4,524); the incident was declared on other signals.'},
    {variant: 'error lines', input: {...EXAMPLE_STORY, failures: {kind: 'error-lines', lines: 1108}}, output: 'Errors started at 2026-11-12 14:02 UTC: 1,108 error lines since then.'},
    {variant: 'error lines that began after the onset', input: {...EXAMPLE_STORY, failures: {kind: 'error-lines', lines: 48, firstAt: '2026-11-12T14:51:00.000Z'}}, output: 'Errors started at 14:51 UTC, after the onset at 2026-11-12 14:02 UTC: 48 error lines since then.'},
    {variant: 'nothing failed', input: {...EXAMPLE_STORY, failures: {kind: 'none'}}, output: 'No request failed and no error line was logged after the onset; the incident was declared on other signals.'},
    {variant: 'no logs', input: {...EXAMPLE_STORY, failures: {kind: 'no-logs'}}, output: 'The service degraded at 2026-11-12 14:02 UTC; no logs were given to count the failures.'},
  ],
})
