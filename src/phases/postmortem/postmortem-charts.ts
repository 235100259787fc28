import {ATTACK_SIGNAL} from '../../evidence/arc/find-incident-arc.js'
import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Incident} from '../../incident/incident.js'
import type {Rca} from '../../incident/rca.js'
import type {PostmortemChart} from '../../render/html/render-postmortem-html.js'
import {MITIGATION_WORDS} from '../../evidence/arc/classify-mitigation.js'
import {renderErrorRateChart} from '../../render/svg/error-rate-chart.js'
import type {MarkerKind} from '../../render/svg/marker-style.js'
import {renderPhaseStrip} from '../../render/svg/phase-strip.js'

/** The two charts of the postmortem, from the evidence buckets and the incident's timestamps. */
export function postmortemCharts(incident: Incident, rca: Rca, facts: EvidenceFacts): PostmortemChart[] {
  const t = incident.timestamps
  const markers: {at: string; label: string; kind: MarkerKind}[] = []
  const onset = t.startedAt ?? rca.rootCause.onset
  // Listed under the chart as "hh:mm kind: label", so a label says what the kind does not.
  if (onset) markers.push({at: onset, label: 'first failures', kind: 'onset'})
  if (t.detectedAt && facts.declaredAt) markers.push({at: t.detectedAt, label: 'incident declared', kind: 'detection'})
  // Full texts: the chart numbers its markers and lists them underneath, wrapped, never cut.
  for (const event of rca.timeline) {
    const text = event.text.replace(/^.*?: /, '')
    if (event.kind === 'change') markers.push({at: event.at, label: text, kind: 'change'})
    if (event.kind === 'deploy') markers.push({at: event.at, label: text, kind: 'deploy'})
  }
  const arc = incident.arc ?? facts.arc
  if (arc.mitigation) markers.push({at: arc.mitigation.at, label: `${arc.mitigation.description} — ${MITIGATION_WORDS[arc.mitigation.kind]}, from the evidence`, kind: 'mitigation'})
  if (arc.recovery) markers.push({at: arc.recovery.at, label: arc.recovery.signals.some((signal) => signal.signal === ATTACK_SIGNAL) ? 'attack stopped (from the evidence)' : 'back to baseline (from the evidence)', kind: 'recovery'})
  if (t.mitigatedAt) markers.push({at: t.mitigatedAt, label: incident.mitigation ? `mitigated: ${incident.mitigation}` : 'mitigated', kind: 'mitigation'})
  if (t.resolvedAt) markers.push({at: t.resolvedAt, label: incident.resolution ? `resolved: ${incident.resolution}` : 'resolved', kind: 'resolved'})
  const inRange = markersWithinData(markers, facts)

  // The phases end where the durations say: what people recorded, else the evidence's arc.
  const mitigated = t.mitigatedAt ?? arc.mitigation?.at ?? null
  const ended = t.resolvedAt ?? arc.recovery?.at ?? arc.endOfImpact ?? null
  const end = ended ?? mitigated ?? facts.errors?.lastErrorAt ?? t.detectedAt ?? onset
  const detected = facts.declaredAt
  const phases = [
    onset && {name: 'Impact', from: onset, to: arc.endOfImpact ?? t.mitigatedAt ?? t.resolvedAt},
    onset && detected && {name: 'Detection', from: onset, to: detected},
    detected && {name: 'Response', from: detected, to: mitigated ?? ended},
    mitigated && {name: 'Recovery', from: mitigated, to: ended},
  ].filter((phase): phase is {name: string; from: string; to: string | null} => Boolean(phase))
  const now = [end, ...phases.flatMap((phase) => [phase.from, phase.to])].filter((value): value is string => Boolean(value)).sort().at(-1) ?? new Date(0).toISOString()
  return [
    {id: 'error-rate', caption: 'Error rate per minute (UTC); the numbered markers (onset, changes, deploys, detection, mitigation, recovery) are listed under the chart.', svg: renderErrorRateChart({buckets: facts.buckets, markers: inRange})},
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
