import {Prng} from '../scenarios/fixtures/builders/prng.js'

/**
 * A log store that holds as many lines as asked (100 million is fine) without keeping any: every
 * line is a pure function of its minute and its index in that minute. Counts come first — per
 * minute a total, split over the templates by their shares before and after the onset — so
 * aggregates are computed from counts, and only the lines a query actually returns are rendered.
 * The fake Loki and Elasticsearch both serve it; `writeJsonLines` writes the same store as a file.
 */
export type StoreLevel = 'debug' | 'info' | 'warn' | 'error'

/** The draws a template renders a line with. */
export type Draws = Pick<Prng, 'next' | 'int' | 'chance' | 'pick' | 'hex' | 'latency' | 'publicIp'>

export interface StoreTemplate {
  id: string
  level: StoreLevel
  /** Relative weight of the template's lines before and after the onset (0: absent then). */
  share: {before: number; after: number}
  /** The exception or error class its lines carry (Elasticsearch's `error.type`). */
  errorType?: string
  /** The line's message and any other fields; `rng` is seeded by the line, so it is stable. */
  render(rng: Draws): {message: string; fields?: Record<string, unknown>}
}

export interface StoreSpec {
  seed: number
  /** Epoch ms, whole minutes. */
  from: number
  to: number
  onset: number
  linesPerMinute: number
  service: string
  namespace: string
  pods: readonly string[]
  templates: readonly StoreTemplate[]
}

export interface StoreEntry {
  /** Epoch ms, and epoch ns unique per line (Loki's timestamps). */
  ms: number
  ns: bigint
  minute: number
  index: number
  template: StoreTemplate
  pod: string
  message: string
  fields: Record<string, unknown>
}

const MINUTE_MS = 60_000
const STRIDES = [7919, 104_729, 1_299_709, 15_485_863]

export class LogStore {
  private readonly counts = new Map<number, Int32Array>()

  constructor(readonly spec: StoreSpec) {}

  get firstMinute(): number {
    return Math.floor(this.spec.from / MINUTE_MS)
  }

  get lastMinute(): number {
    return Math.floor((this.spec.to - 1) / MINUTE_MS)
  }

  /** Lines per template in one minute (zeros outside the store's span). */
  countsAt(minute: number): Int32Array {
    const cached = this.counts.get(minute)
    if (cached) return cached
    const templates = this.spec.templates
    const out = new Int32Array(templates.length)
    if (minute >= this.firstMinute && minute <= this.lastMinute) {
      const rng = new Prng(hash(this.spec.seed, minute, 0x5eed))
      const total = Math.round(this.spec.linesPerMinute * (0.97 + rng.next() * 0.06))
      const after = minute * MINUTE_MS >= this.spec.onset
      const weights = templates.map((t) => (after ? t.share.after : t.share.before))
      const sum = weights.reduce((a, b) => a + b, 0)
      // Stochastic rounding, seeded: a template with a tiny share still shows up now and then.
      weights.forEach((w, k) => (out[k] = Math.floor((total * w) / sum + new Prng(hash(this.spec.seed, minute, k)).next())))
    }
    this.counts.set(minute, out)
    return out
  }

  totalAt(minute: number): number {
    return this.countsAt(minute).reduce((a, b) => a + b, 0)
  }

  /** The `index`-th line of `minute`: templates interleaved by a stride coprime with the minute's total. */
  entry(minute: number, index: number): StoreEntry {
    const counts = this.countsAt(minute)
    const total = counts.reduce((a, b) => a + b, 0)
    const stride = STRIDES.find((s) => gcd(s, total) === 1) ?? 1
    let position = Number((BigInt(index) * BigInt(stride)) % BigInt(total))
    let k = 0
    while (position >= counts[k]) position -= counts[k++]
    const template = this.spec.templates[k]
    const rng = new Prng(hash(this.spec.seed, minute, index + 1))
    const {message, fields = {}} = template.render(rng)
    const offsetNs = (BigInt(index) * 60_000_000_000n) / BigInt(total)
    const ns = BigInt(minute) * 60_000_000_000n + offsetNs
    return {ms: Number(ns / 1_000_000n), ns, minute, index, template, pod: this.spec.pods[index % this.spec.pods.length], message, fields}
  }

  /**
   * Lines in [start, end) ms in time order (or newest first), those `keep` accepts, at most
   * `limit`. Minutes in which no template can match (`mayMatch`) are skipped without rendering
   * a line, as a store skips chunks its index rules out.
   */
  *scan(options: {start: number; end: number; backward?: boolean; mayMatch?: (template: StoreTemplate) => boolean; keep?: (entry: StoreEntry) => boolean}): Generator<StoreEntry> {
    const first = Math.max(this.firstMinute, Math.floor(options.start / MINUTE_MS))
    const last = Math.min(this.lastMinute, Math.floor((options.end - 1) / MINUTE_MS))
    const candidates = this.spec.templates.map((t) => options.mayMatch?.(t) ?? true)
    for (let step = 0; step <= last - first; step++) {
      const minute = options.backward ? last - step : first + step
      const counts = this.countsAt(minute)
      if (!counts.some((count, k) => count > 0 && candidates[k])) continue
      const total = counts.reduce((a, b) => a + b, 0)
      const from = Math.max(0, ceilDiv((options.start - minute * MINUTE_MS) * total, MINUTE_MS))
      const to = Math.min(total, ceilDiv((options.end - minute * MINUTE_MS) * total, MINUTE_MS))
      for (let n = 0; n < to - from; n++) {
        const index = options.backward ? to - 1 - n : from + n
        const entry = this.entry(minute, index)
        if (entry.ms < options.start || entry.ms >= options.end) continue
        if (!candidates[this.spec.templates.indexOf(entry.template)]) continue
        if (options.keep && !options.keep(entry)) continue
        yield entry
      }
    }
  }

  /** The line as the application wrote it: one JSON object. */
  jsonLine(entry: StoreEntry): string {
    return JSON.stringify({time: new Date(entry.ms).toISOString(), level: entry.template.level, service: this.spec.service, pod: entry.pod, msg: entry.message, ...entry.fields})
  }

  /** The line as an Elasticsearch document in Elastic Common Schema fields. */
  ecsDocument(entry: StoreEntry): Record<string, unknown> {
    const {method, path, route, status, stack, ...rest} = entry.fields as Record<string, unknown>
    return {
      '@timestamp': new Date(entry.ms).toISOString(),
      log: {level: entry.template.level},
      message: entry.message,
      service: {name: this.spec.service},
      kubernetes: {namespace: this.spec.namespace, pod: {name: entry.pod}},
      ...(method ? {http: {request: {method}, response: {status_code: status}}} : {}),
      ...(path ? {url: {path}} : {}),
      ...(route ? {http_route: route} : {}),
      ...(entry.template.errorType ? {error: {type: entry.template.errorType, ...(stack ? {stack_trace: stack} : {})}} : {}),
      ...rest,
    }
  }

  /** One line of `template` with fixed draws: its constant text, for deciding whether a filter can match it. */
  templateLine(template: StoreTemplate): string {
    const {message, fields = {}} = template.render(new FixedDraws())
    return JSON.stringify({time: '', level: template.level, service: this.spec.service, pod: '', msg: message, ...fields})
  }
}

class FixedDraws implements Draws {
  private n = 0
  next(): number {
    this.n = (this.n + 0.618_033_988_75) % 1
    return this.n
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1))
  }
  chance(p: number): boolean {
    return this.next() < p
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]
  }
  hex(length: number): string {
    return 'a'.repeat(length)
  }
  latency(median: number): number {
    return median
  }
  publicIp(): string {
    return '192.0.2.1'
  }
}

function ceilDiv(a: number, b: number): number {
  return Math.ceil(a / b)
}

function gcd(a: number, b: number): number {
  while (b !== 0) [a, b] = [b, a % b]
  return a
}

/** A 32-bit mix of three integers, for per-minute and per-line seeds. */
export function hash(a: number, b: number, c: number): number {
  let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x7f4a7c15, 0xc2b2ae35) ^ Math.imul(c + 0x165667b1, 0x27d4eb2f)
  h ^= h >>> 15
  h = Math.imul(h, 0x2c1b3c6d)
  h ^= h >>> 12
  return h >>> 0
}
