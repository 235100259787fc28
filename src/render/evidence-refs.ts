import type {EvidenceItem} from '../incident/evidence-item.js'

/** The evidence a document cites, for its "Evidence cited" / "Supporting information" list. */
export function citedEvidence(items: readonly EvidenceItem[], ids: Iterable<string>): {id: string; summary: string; ref: string}[] {
  const wanted = new Set(ids)
  return items
    .filter((item) => wanted.has(item.id))
    .map((item) => ({id: item.id, summary: item.summary, ref: refText(item.ref)}))
}

function refText(ref: EvidenceItem['ref']): string {
  if (ref.file) return ref.line === undefined ? ref.file : `${ref.file}:${ref.line}`
  if (ref.sha) return `commit ${ref.sha.slice(0, 7)}`
  return ref.series ?? ref.url ?? ''
}

export function cites(ids: readonly string[]): string {
  return ids.length === 0 ? '' : ` [${ids.map((id) => `\`${id}\``).join(', ')}]`
}
