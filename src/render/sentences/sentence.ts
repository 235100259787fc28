/**
 * A sentence of our prose as data: how it is rendered, and one worked example per variant — each
 * missing value (an unknown time, zero failures, no changes) has its own wording instead of an
 * empty slot. The catalogue test renders every example and compares it word for word.
 */
export interface SentenceEntry<I> {
  id: string
  render: (input: I) => string
  examples: ReadonlyArray<{variant: string; input: I; output: string}>
}

export function sentence<I>(entry: SentenceEntry<I>): SentenceEntry<I> {
  return entry
}

/** `14:02 UTC` when on `day`, else `2026-11-12 14:02 UTC`. */
export function clock(iso: string, day?: string | null): string {
  const text = new Date(iso).toISOString()
  const time = `${text.slice(11, 16)} UTC`
  return day && new Date(day).toISOString().slice(0, 10) === text.slice(0, 10) ? time : `${text.slice(0, 10)} ${time}`
}

/** `2026-11-12 14:02–14:31 UTC` on one day, else both in full. */
export function clockSpan(from: string, to: string): string {
  const start = clock(from)
  const end = clock(to, from)
  return end.length < start.length ? `${start.replace(' UTC', '')}–${end}` : `${start}–${end}`
}

export const count = (n: number): string => n.toLocaleString('en-US')

/** 0.118 → "11.8%", 0.0014 → "0.14%". */
export function percent(ratio: number): string {
  const value = ratio * 100
  if (value === 0) return '0%'
  return `${value < 1 ? value.toFixed(2) : value.toFixed(1)}%`
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`
}

/** "a", "a and b", "a, b and c". */
export function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items[0] ?? ''
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`
}
