import type {SampleSpan} from './real-prometheus.js'

/** A checkout incident: 5xx from 0.5% to ~20% at 12:00, a container's memory climbing to its limit. */
const at = (hhmm: string) => Date.parse(`2026-11-20T${hhmm}:00Z`) / 1000
const FROM = at('09:00')
const TO = at('13:10')
export const ONSET = at('12:00')

/** A counter whose rate is `before` until `change`, then `after`. */
const counter = (before: number, after: number) => (t: number) => (t < ONSET ? before * (t - FROM) : before * (ONSET - FROM) + after * (t - ONSET))
const span = (sample: string, value: SampleSpan['value']): SampleSpan => ({sample, from: FROM, to: TO, value})

export const INCIDENT_DATA: SampleSpan[] = [
  span('http_requests_total{job="checkout-api",instance="10.1.0.7:8080",code="200"}', counter(49.75, 40)),
  span('http_requests_total{job="checkout-api",instance="10.1.0.7:8080",code="500"}', counter(0.25, 10)),
  span('http_requests_total{job="search-api",instance="10.1.0.9:8080",code="200"}', counter(20, 20)),
  span('container_memory_working_set_bytes{namespace="shop",pod="checkout-api-7d9f8-x2x9z",container="app"}', (t) =>
    t < at('11:30') ? 4e8 : Math.min(1.05e9, 4e8 + ((t - at('11:30')) / 3600) * 6.5e8),
  ),
  span('kube_pod_container_resource_limits{namespace="shop",pod="checkout-api-7d9f8-x2x9z",container="app",resource="memory",unit="byte"}', 1073741824),
  span('up{job="checkout-api",instance="10.1.0.7:8080"}', 1),
]

