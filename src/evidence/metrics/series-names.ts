/** An evidence-id-safe slug of a series name: `http_requests_total{code="500"}` → `http-requests-total-code-500`. */
export function slugifySeries(name: string): string {
  const slug = name
    .toLowerCase()
    .replace(/[^a-z0-9.]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80)
    .replace(/[-.]+$/, '')
  return slug === '' ? 'series' : slug
}

const UNIT_RULES: Array<[RegExp, string]> = [
  [/(^|[_.-])(percent|pct)([_.-]|$)|%/i, '%'],
  [/(^|[_.-])(utili[sz]ation|ratio)([_.-]|$)/i, 'ratio'],
  [/(^|[_.-])(ms|millis|milliseconds)([_.-]|$)/i, 'ms'],
  [/(^|[_.-])(seconds|secs|s)([_.-]|$)/i, 's'],
  [/(^|[_.-])bytes([_.-]|$)|(^|[_.-])(mb|mib|gb|gib)([_.-]|$)/i, 'bytes'],
  [/(^|[_.-])(rps|qps|per[_.-]?second|per[_.-]?sec|rate)([_.-]|$)/i, '/s'],
  [/connections?/i, 'connections'],
  [/(^|[_.-])(total|count|errors?|requests?)([_.-]|$)/i, 'count'],
]

/** A unit guessed from the series name; null when the name says nothing. */
export function guessUnit(name: string): string | null {
  const metricName = name.replace(/\{.*$/, '')
  for (const [pattern, unit] of UNIT_RULES) if (pattern.test(metricName)) return unit
  return null
}
