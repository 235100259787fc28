import {SEVERITY_MARKERS, type MarkerLevel, type SeverityMarker} from './catalogue/severity-markers.js'

/**
 * The severity markers compiled for the per-line path: one regex made of every marker's keywords
 * gates the lot, so a line that names none of them costs a single scan; only then are the
 * markers' own patterns tried, errors before warnings. Markers without keywords (a user's) are
 * tried on every line that reaches them.
 */
const MAX_SCANNED_CHARS = 2000

export class SeverityMarkers {
  private readonly gate: RegExp | null
  private readonly gated: readonly SeverityMarker[]
  private readonly ungated: readonly SeverityMarker[]

  constructor(readonly markers: readonly SeverityMarker[]) {
    // Errors first, catalogue order within a level: the first match decides.
    const ordered = [...markers.filter((m) => m.level === 'error'), ...markers.filter((m) => m.level === 'warn')]
    this.gated = ordered.filter((m) => m.keywords.length > 0)
    this.ungated = ordered.filter((m) => m.keywords.length === 0)
    const keywords = [...new Set(this.gated.flatMap((m) => m.keywords))]
    this.gate = keywords.length > 0 ? new RegExp(keywords.map(escapeRegExp).join('|')) : null
  }

  /** The marker that decides the severity of `text`, or null when none matches. */
  markerOf(text: string): SeverityMarker | null {
    const scanned = text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text
    let best: SeverityMarker | null = null
    for (const marker of this.ungated) {
      if (marker.pattern.test(scanned)) {
        best = marker
        break
      }
    }
    if (best?.level === 'error' || this.gate === null || !this.gate.test(scanned)) return best
    for (const marker of this.gated) {
      if (best && marker.level === 'warn') break
      if (marker.keywords.some((keyword) => scanned.includes(keyword)) && marker.pattern.test(scanned)) return marker
    }
    return best
  }

  levelOf(text: string): MarkerLevel | null {
    return this.markerOf(text)?.level ?? null
  }

  /** The client address a marker names (its `ip` group), e.g. the source of a failed login. */
  static clientOf(marker: SeverityMarker, text: string): string | null {
    if (!marker.pattern.source.includes('(?<ip>')) return null
    return marker.pattern.exec(text.length > MAX_SCANNED_CHARS ? text.slice(0, MAX_SCANNED_CHARS) : text)?.groups?.ip ?? null
  }
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

export const DEFAULT_SEVERITY_MARKERS = new SeverityMarkers(SEVERITY_MARKERS)
