/**
 * Reading configuration values as quantities: durations (`5s`, `500ms`, `PT2S`, `30000` under a
 * `timeout_ms` key), sizes (`512Mi`, `1G`) and CPU (`500m`), so a change's direction (lowered,
 * raised) and a timeout firing at its new value can be recognised.
 */

const DURATION_UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  ms: 1,
  millis: 1,
  milliseconds: 1,
  s: 1000,
  sec: 1000,
  secs: 1000,
  second: 1000,
  seconds: 1000,
  'second(s)': 1000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  'minute(s)': 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
}

const SIZE_UNITS: Readonly<Record<string, number>> = {
  b: 1,
  k: 1e3,
  kb: 1e3,
  ki: 1024,
  kib: 1024,
  m: 1e6,
  mb: 1e6,
  mi: 1024 ** 2,
  mib: 1024 ** 2,
  g: 1e9,
  gb: 1e9,
  gi: 1024 ** 3,
  gib: 1024 ** 3,
  t: 1e12,
  ti: 1024 ** 4,
}

/**
 * The milliseconds a duration text can mean. A bare number is read by the key's words (`… ms`,
 * `… seconds`); with no hint it may be either, so both readings are returned.
 */
export function durationMs(text: string, keyWords: string): number[] {
  const value = text.trim().toLowerCase()
  const iso = /^p(?:t)?(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(value)
  if (iso && (iso[1] || iso[2] || iso[3])) return [(Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0)) * 1000]
  // Go durations chain units: 1m30s, 1.5s.
  const parts = [...value.matchAll(/(\d+(?:\.\d+)?)\s*([a-zµ()]+)/g)]
  if (parts.length > 0 && parts.map((p) => p[0]).join('').replace(/\s/g, '') === value.replace(/\s/g, '')) {
    let total = 0
    for (const [, amount, unit] of parts) {
      const factor = DURATION_UNITS[unit]
      if (factor === undefined) return []
      total += Number(amount) * factor
    }
    return [total]
  }
  const bare = /^(\d+(?:\.\d+)?)$/.exec(value)
  if (!bare) return []
  const n = Number(bare[1])
  if (/\b(?:ms|millis|milliseconds?)\b/.test(keyWords)) return [n]
  if (/\b(?:s|sec|secs|seconds?)\b/.test(keyWords)) return [n * 1000]
  return [n, n * 1000]
}

/** A comparable number for a value with or without a unit (durations in ms, sizes in bytes, CPU in cores); null for text. */
export function magnitude(text: string): number | null {
  const value = text.trim().replace(/^["']|["']$/g, '')
  const cpu = /^(\d+(?:\.\d+)?)m$/.exec(value)
  if (cpu) return Number(cpu[1]) / 1000
  const duration = durationMs(value, 'ms')
  if (duration.length === 1 && /[a-z]/i.test(value)) return duration[0]
  const size = /^(\d+(?:\.\d+)?)\s*([a-z]+)$/i.exec(value)
  if (size && SIZE_UNITS[size[2].toLowerCase()] !== undefined) return Number(size[1]) * SIZE_UNITS[size[2].toLowerCase()]
  const number = /^-?\d+(?:\.\d+)?$/.exec(value)
  return number ? Number(value) : null
}
