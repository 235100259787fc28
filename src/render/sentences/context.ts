import {clock, listOf, plural, sentence} from './sentence.js'
import {formatDurationMinutes} from '../format.js'

export interface LeadupInput {
  /** Null when no repository history was examined. */
  changes: {count: number; kinds: string[]} | null
  /** Null when no deploy events were given. */
  events: number | null
  lookback: string
  causal: {sha: string | null; subject: string} | null
}

/** What changed before the onset, and which change (if any) the RCA holds responsible. */
export const leadup = sentence<LeadupInput>({
  id: 'context.leadup',
  render: ({changes, events, lookback, causal}) => {
    const window = `in the ${lookback.replace(/^(\d+)([a-z]+)$/, '$1 $2')} before the onset`
    const commits = changes === null ? 'No repository history was examined' : changes.count === 0 ? `No commits landed ${window}` : `${plural(changes.count, 'commit')} landed ${window} (${listOf(changes.kinds)})`
    const deploys = events === null ? '' : events === 0 ? ', and no deploy, flag or config event preceded it' : `, and ${plural(events, 'deploy, flag or config event')} preceded it`
    const seen = (changes?.count ?? 0) + (events ?? 0)
    const cause = causal ? ` The causal change was ${causal.sha ? `${causal.sha.slice(0, 7)} ` : ''}"${causal.subject}".` : seen === 1 ? ' It is not supported as the cause.' : seen > 1 ? ' None of them is supported as the cause.' : ''
    return `${commits}${deploys}.${cause}`
  },
  examples: [
    {variant: 'the example', input: {changes: {count: 7, kinds: ['database-migration', 'docs-tests', 'config-change', 'dependency-upgrade', 'code-change']}, events: 6, lookback: '48h', causal: {sha: 'e3f0244ff909c773fc92229628382c7ddcc47dd7', subject: 'migrations: make orders.currency NOT NULL'}}, output: '7 commits landed in the 48 h before the onset (database-migration, docs-tests, config-change, dependency-upgrade and code-change), and 6 deploy, flag or config events preceded it. The causal change was e3f0244 "migrations: make orders.currency NOT NULL".'},
    {variant: 'no repository, no deploy events', input: {changes: null, events: null, lookback: '48h', causal: null}, output: 'No repository history was examined.'},
    {variant: 'nothing changed', input: {changes: {count: 0, kinds: []}, events: 0, lookback: '2d', causal: null}, output: 'No commits landed in the 2 d before the onset, and no deploy, flag or config event preceded it.'},
    {variant: 'one commit, not the cause', input: {changes: {count: 1, kinds: ['code-change']}, events: null, lookback: '6h', causal: null}, output: '1 commit landed in the 6 h before the onset (code-change). It is not supported as the cause.'},
    {variant: 'several, none the cause', input: {changes: {count: 3, kinds: ['code-change', 'config-change']}, events: 2, lookback: '48h', causal: null}, output: '3 commits landed in the 48 h before the onset (code-change and config-change), and 2 deploy, flag or config events preceded it. None of them is supported as the cause.'},
  ],
})

export interface DetectionInput {
  onset: string | null
  /** Null when the declaration time is not known. */
  declared: string | null
  acknowledged: string | null
}

export const detection = sentence<DetectionInput>({
  id: 'context.detection',
  render: ({onset, declared, acknowledged}) => {
    const ack = acknowledged ? ` Acknowledged at ${clock(acknowledged, onset ?? declared)}.` : ''
    if (!declared) {
      return `When the incident was declared is not known: no --started-at or alert gave the time, and this run came long after the evidence, so the time to detect is unknown.${ack}`
    }
    if (!onset) return `Declared at ${clock(declared)}; the onset is not in the evidence, so the time to detect is unknown.${ack}`
    const minutes = (Date.parse(declared) - Date.parse(onset)) / 60_000
    if (minutes < 0) return `Declared at ${clock(declared)}, before the onset the evidence shows (${clock(onset, declared)}).${ack}`
    return `Declared at ${clock(declared)}, ${formatDurationMinutes(minutes)} after the onset at ${clock(onset, declared)}.${ack}`
  },
  examples: [
    {variant: 'the example', input: {onset: '2026-11-12T14:02:00.000Z', declared: '2026-11-12T14:09:00.000Z', acknowledged: null}, output: 'Declared at 2026-11-12 14:09 UTC, 7 min after the onset at 14:02 UTC.'},
    {variant: 'acknowledged', input: {onset: '2026-11-12T14:02:00.000Z', declared: '2026-11-12T14:09:00.000Z', acknowledged: '2026-11-12T14:11:00.000Z'}, output: 'Declared at 2026-11-12 14:09 UTC, 7 min after the onset at 14:02 UTC. Acknowledged at 14:11 UTC.'},
    {variant: 'declaration time unknown (a replay)', input: {onset: '2026-11-12T14:02:00.000Z', declared: null, acknowledged: null}, output: 'When the incident was declared is not known: no --started-at or alert gave the time, and this run came long after the evidence, so the time to detect is unknown.'},
    {variant: 'onset unknown', input: {onset: null, declared: '2026-11-12T14:09:00.000Z', acknowledged: null}, output: 'Declared at 2026-11-12 14:09 UTC; the onset is not in the evidence, so the time to detect is unknown.'},
    {variant: 'declared before the onset', input: {onset: '2026-11-12T14:02:00.000Z', declared: '2026-11-12T14:00:00.000Z', acknowledged: null}, output: 'Declared at 2026-11-12 14:00 UTC, before the onset the evidence shows (14:02 UTC).'},
  ],
})

export const specialistsRun = sentence<{specialists: string[]}>({
  id: 'context.specialists',
  render: ({specialists}) => (specialists.length === 0 ? 'No specialist has run yet.' : `Investigation ran ${plural(specialists.length, 'specialist')} (${listOf(specialists)}).`),
  examples: [
    {variant: 'three', input: {specialists: ['root-cause-analyst', 'backend-reliability', 'database']}, output: 'Investigation ran 3 specialists (root-cause-analyst, backend-reliability and database).'},
    {variant: 'one', input: {specialists: ['performance']}, output: 'Investigation ran 1 specialist (performance).'},
    {variant: 'none', input: {specialists: []}, output: 'No specialist has run yet.'},
  ],
})

