import type {EvidenceItem} from '../incident/evidence-item.js'

export interface CitedEvidence {
  id: string
  summary: string
  ref: string
  /** A real line of a mined template, shown beside its `<*>` form. */
  example: string | null
}

/**
 * The evidence a document cites, for its "Supporting information" list: file references shown
 * as `showPath` gives them (relative, never the machine's absolute path), and mined templates
 * with one of their real (redacted) lines.
 */
export function citedEvidence(
  items: readonly EvidenceItem[],
  ids: Iterable<string>,
  options: {showPath?: (path: string) => string; examples?: Readonly<Record<string, string>>} = {},
): CitedEvidence[] {
  const wanted = new Set(ids)
  const show = options.showPath ?? ((path: string) => path)
  return items
    .filter((item) => wanted.has(item.id))
    .map((item) => ({id: item.id, summary: item.summary, ref: refText(item.ref, show), example: item.summary.includes('<*>') ? (options.examples?.[item.id] ?? null) : null}))
}

function refText(ref: EvidenceItem['ref'], show: (path: string) => string): string {
  if (ref.file) return ref.line === undefined ? show(ref.file) : `${show(ref.file)}:${ref.line}`
  if (ref.sha) return `commit ${ref.sha.slice(0, 7)}`
  return ref.series ?? ref.url ?? ''
}

export function cites(ids: readonly string[]): string {
  return ids.length === 0 ? '' : ` [${ids.map((id) => `\`${id}\``).join(', ')}]`
}
