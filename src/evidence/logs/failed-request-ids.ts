import {detach} from './detach.js'

/**
 * The ids of failed requests (5xx request lines that carry one) with when each first failed, and
 * per source how many failed request lines it had and how many carried an id: what matching one
 * request's lines across sources takes (request-impact.ts). Only failed requests are kept, and at
 * most `maxIds` of them: past the cap no new id is kept and `capped` says the set is partial, so
 * the impact falls back to counting one source.
 */
export interface RequestIdSource {
  access: boolean
  failed: number
  withId: number
}

/** The plain-data form, posted from a worker thread. */
export interface FailedRequestIdsState {
  ids: Array<[string, number]>
  sources: Array<[string, RequestIdSource]>
  capped: boolean
}

/** Longer ids are cut: a request id is a UUID or shorter, and a key stays bounded whatever the input. */
const MAX_ID_CHARS = 128

export class FailedRequestIds {
  /** Id → the earliest time (epoch ms) a line of any source said the request failed. */
  readonly firstFailed = new Map<string, number>()
  readonly sources = new Map<string, RequestIdSource>()
  capped = false

  constructor(readonly maxIds: number) {}

  /** One failed request line of `source` at `ts`, with its request id or none. */
  add(id: string | null, ts: number, source: string, access: boolean): void {
    let counts = this.sources.get(source)
    if (!counts) this.sources.set(source, (counts = {access, failed: 0, withId: 0}))
    counts.failed++
    if (id === null) return
    counts.withId++
    this.keep(id.length > MAX_ID_CHARS ? id.slice(0, MAX_ID_CHARS) : id, ts)
  }

  private keep(id: string, ts: number): void {
    const seen = this.firstFailed.get(id)
    if (seen !== undefined) {
      if (ts < seen) this.firstFailed.set(id, ts)
    } else if (this.firstFailed.size >= this.maxIds) this.capped = true
    else this.firstFailed.set(detach(id), ts)
  }

  exportState(): FailedRequestIdsState {
    return {ids: [...this.firstFailed], sources: [...this.sources], capped: this.capped}
  }

  /** Adds another thread's ids and counts: an id both saw is one request, at the earlier time. */
  merge(state: FailedRequestIdsState): void {
    for (const [id, ts] of state.ids) this.keep(id, ts)
    for (const [source, counts] of state.sources) {
      const into = this.sources.get(source)
      if (into) {
        into.failed += counts.failed
        into.withId += counts.withId
      } else this.sources.set(source, {...counts})
    }
    this.capped ||= state.capped
  }
}
