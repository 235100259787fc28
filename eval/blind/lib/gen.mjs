// Seeded generators for the blind cases' evidence: the same seed always gives the same bytes, so
// a case is reproducible without committing large logs.
import {mkdirSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'

/** mulberry32: a small, fast, seeded PRNG (returns floats in [0, 1)). */
export function rng(seed) {
  let a = seed >>> 0
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  next.int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1))
  next.pick = (arr) => arr[Math.floor(next() * arr.length)]
  next.chance = (p) => next() < p
  next.hex = (n) => Array.from({length: n}, () => '0123456789abcdef'[Math.floor(next() * 16)]).join('')
  return next
}

const MON = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
const p2 = (n) => String(n).padStart(2, '0')
const p3 = (n) => String(n).padStart(3, '0')
const p6 = (n) => String(n).padStart(6, '0')

/** Timestamp layouts seen in real logs (all rendered in UTC). */
export const fmt = {
  iso: (d) => d.toISOString(),
  isoSec: (d) => d.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  isoOffset: (d, offsetMin = 0) => {
    const local = new Date(d.getTime() + offsetMin * 60000)
    const sign = offsetMin >= 0 ? '+' : '-'
    const abs = Math.abs(offsetMin)
    return local.toISOString().replace('Z', `${sign}${p2(Math.floor(abs / 60))}:${p2(abs % 60)}`)
  },
  // 2023-03-08 06:00:01.123 (logback / Spring Boot default)
  javaSpace: (d) => d.toISOString().replace('T', ' ').replace('Z', ''),
  // 2023-03-08 06:00:01,123 (Python logging asctime)
  python: (d) => d.toISOString().replace('T', ' ').replace('Z', '').replace('.', ','),
  // 2023/03/08 06:00:01 (Go log package)
  go: (d) => `${d.getUTCFullYear()}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
  // Mar  8 06:00:01 (syslog RFC 3164)
  syslog: (d) => `${MON[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
  // E0308 06:00:01.123456 (klog, without the level letter)
  klog: (d, micros = 0) => `${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p6(d.getUTCMilliseconds() * 1000 + micros)}`,
  // 23/03/08 06:00:01 (Spark / log4j yy/MM/dd)
  spark: (d) => `${p2(d.getUTCFullYear() % 100)}/${p2(d.getUTCMonth() + 1)}/${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}`,
  // 08-Mar-2023 06:00:01.123 (Tomcat catalina.out)
  tomcat: (d) => `${p2(d.getUTCDate())}-${MON[d.getUTCMonth()]}-${d.getUTCFullYear()} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${p3(d.getUTCMilliseconds())}`,
  // 08/Mar/2023:06:00:01 +0000 (nginx/Apache combined)
  clf: (d) => `${p2(d.getUTCDate())}/${MON[d.getUTCMonth()]}/${d.getUTCFullYear()}:${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())} +0000`,
  // 2023-03-08 06:00:01.123 UTC (PostgreSQL log_line_prefix '%m')
  pg: (d) => `${d.toISOString().replace('T', ' ').replace('Z', '')} UTC`,
  // 2023-03-08 06:00:01 (Rails / plain)
  plain: (d) => d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, ''),
  epochMs: (d) => d.getTime(),
  epochNs: (d) => `${d.getTime()}000000`,
}

/**
 * Emit events at a jittered cadence between two instants.
 * `make(t, i)` returns a string, an array of strings (a multi-line event), or null (skip).
 */
export function every(r, from, to, stepMs, make, jitter = 0.5) {
  const out = []
  let t = new Date(from).getTime()
  const end = new Date(to).getTime()
  let i = 0
  while (t < end) {
    const v = make(new Date(t), i++)
    if (v != null) out.push({t, text: Array.isArray(v) ? v.join('\n') : v})
    t += Math.max(1, Math.round(stepMs * (1 - jitter / 2 + r() * jitter)))
  }
  return out
}

/** One event at an instant. */
export const at = (when, text) => ({t: new Date(when).getTime(), text: Array.isArray(text) ? text.join('\n') : text})

/** Merge event lists in time order (stable) and write them as lines. */
export function writeEvents(file, ...lists) {
  const all = lists.flat().map((e, i) => ({...e, i}))
  all.sort((a, b) => a.t - b.t || a.i - b.i)
  writeText(file, all.map((e) => e.text).join('\n') + '\n')
}

/** Write lines with no timestamps kept (untimed stdout): the order is kept, the times are dropped. */
export function writeUntimed(file, ...lists) {
  writeEvents(file, ...lists)
}

export function writeText(file, text) {
  mkdirSync(dirname(file), {recursive: true})
  writeFileSync(file, text)
}

export function writeJson(file, value) {
  writeText(file, JSON.stringify(value, null, 2) + '\n')
}

export function writeJsonl(file, rows) {
  writeText(file, rows.map((r) => JSON.stringify(r)).join('\n') + '\n')
}

/** Wide CSV metrics: `timestamp,<series>…` one row per step. */
export function writeCsvMetrics(file, from, to, stepMs, series) {
  const names = Object.keys(series)
  const rows = [['timestamp', ...names].join(',')]
  for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += stepMs) {
    const d = new Date(t)
    rows.push([fmt.isoSec(d), ...names.map((n) => round(series[n](d)))].join(','))
  }
  writeText(file, rows.join('\n') + '\n')
}

/** A saved Prometheus query_range answer (resultType matrix). */
export function writePromRange(file, from, to, stepMs, series) {
  const result = series.map(({metric, value}) => {
    const values = []
    for (let t = new Date(from).getTime(); t <= new Date(to).getTime(); t += stepMs) {
      values.push([t / 1000, String(round(value(new Date(t))))])
    }
    return {metric, values}
  })
  writeJson(file, {status: 'success', data: {resultType: 'matrix', result}})
}

const round = (v) => Math.round(v * 10000) / 10000

/** Minutes between `d` and an ISO instant (negative before it). */
export const minutesSince = (d, iso) => (d.getTime() - new Date(iso).getTime()) / 60000

export const out = (dir, ...parts) => join(dir, ...parts)

const UAS = [
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/119.0.0.0 Safari/537.36',
  'Mozilla/5.0 (iPhone; CPU iPhone OS 16_6 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/16.6 Mobile/15E148 Safari/604.1',
  'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.1 Safari/605.1.15',
  'okhttp/4.10.0',
]

/** A client address from a documentation range (RFC 5737), stable per index. */
export const docIp = (r) => `${r.pick(['192.0.2', '198.51.100', '203.0.113'])}.${r.int(1, 254)}`

/** nginx "combined" access-log line, with $request_time appended as many setups do. */
export function accessLine(r, d, {method = 'GET', path, status, bytes, ip, ua, rt} = {}) {
  return `${ip ?? docIp(r)} - - [${fmt.clf(d)}] "${method} ${path} HTTP/1.1" ${status} ${bytes ?? r.int(200, 9000)} "-" "${ua ?? r.pick(UAS)}" ${(rt ?? r() * 0.2).toFixed(3)}`
}
