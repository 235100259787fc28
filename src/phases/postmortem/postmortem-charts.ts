import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Incident} from '../../incident/incident.js'
import type {Rca} from '../../incident/rca.js'
import type {PostmortemChart} from '../../render/html/render-postmortem-html.js'
import {renderErrorRateChart} from '../../render/svg/error-rate-chart.js'
import {renderPhaseStrip} from '../../render/svg/phase-strip.js'

/** The two charts of the postmortem, from the evidence buckets and the incident's timestamps. */
export function postmortemCharts(incident: Incident, rca: Rca, facts: EvidenceFacts): PostmortemChart[] {
  const t = incident.timestamps
  const markers: {at: string; label: string; kind: 'onset' | 'change' | 'deploy' | 'mitigation' | 'resolved' | 'detection'}[] = []
  const onset = t.startedAt ?? rca.rootCause.onset
  if (onset) markers.push({at: onset, label: 'onset', kind: 'onset'})
  if (t.detectedAt) markers.push({at: t.detectedAt, label: 'declared', kind: 'detection'})
  for (const event of rca.timeline) {
    if (event.kind === 'change') markers.push({at: event.at, label: event.text.replace(/^.*?: /, '').slice(0, 24), kind: 'change'})
    if (event.kind === 'deploy') markers.push({at: event.at, label: event.text.replace(/^.*?: /, '').slice(0, 24), kind: 'deploy'})
  }
  if (t.mitigatedAt) markers.push({at: t.mitigatedAt, label: 'mitigated', kind: 'mitigation'})
  if (t.resolvedAt) markers.push({at: t.resolvedAt, label: 'resolved', kind: 'resolved'})
  const inRange = markersWithinData(markers, facts)

  const end = t.resolvedAt ?? t.mitigatedAt ?? facts.errors?.lastErrorAt ?? t.detectedAt ?? onset
  const phases = [
    onset && {name: 'Impact', from: onset, to: t.resolvedAt ?? t.mitigatedAt},
    onset && t.detectedAt && {name: 'Detection', from: onset, to: t.detectedAt},
    t.detectedAt && {name: 'Response', from: t.detectedAt, to: t.mitigatedAt ?? t.resolvedAt},
    t.mitigatedAt && {name: 'Recovery', from: t.mitigatedAt, to: t.resolvedAt},
  ].filter((phase): phase is {name: string; from: string; to: string | null} => Boolean(phase))
  const now = [end, ...phases.flatMap((phase) => [phase.from, phase.to])].filter((value): value is string => Boolean(value)).sort().at(-1) ?? new Date(0).toISOString()
  return [
    {id: 'error-rate', caption: 'Error rate per minute (UTC) with the onset, changes, deploys, detection and mitigation marked.', svg: renderErrorRateChart({buckets: facts.buckets, markers: inRange})},
    {id: 'incident-phases', caption: 'Incident phases and their durations.', svg: renderPhaseStrip({phases, now})},
  ]
}

/** Markers far outside the log window would squash the data into a sliver; keep those near it. */
function markersWithinData<T extends {at: string}>(markers: T[], facts: EvidenceFacts): T[] {
  if (facts.buckets.length === 0) return markers
  const from = Date.parse(facts.buckets[0].t) - 3_600_000
  const to = Date.parse(facts.buckets.at(-1)!.t) + 3_600_000
  return markers.filter((marker) => Date.parse(marker.at) >= from && Date.parse(marker.at) <= to)
}
