import {rng, every, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20240502)
const burst = (d) => minutesSince(d, '2024-05-02T13:04:10Z') >= 0 && minutesSince(d, '2024-05-02T13:10:05Z') < 0
const paths = () => r.pick([`/api/products/${r.int(1000, 9999)}`, `/api/products?category=${r.pick(['lamps', 'desks', 'chairs'])}`, '/api/products/search?q=oak', `/api/products/${r.int(1000, 9999)}/reviews`])
const appRows = []
const env = every(r, '2024-05-02T12:30:00Z', '2024-05-02T13:45:00Z', 90, (d) => {
  const path = paths()
  const rid = `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`
  const client = `10.9.${r.int(1, 20)}.${r.int(2, 250)}:${r.int(30000, 60000)}`
  if (burst(d) && r.chance(0.011)) return `[${fmt.iso(d)}] "GET ${path} HTTP/1.1" 503 UC upstream_reset_before_response_started{connection_termination} - "-" 0 95 ${r.int(0, 3)} - "-" "okhttp/4.12.0" "${rid}" "product-api.shop.svc.cluster.local:8080" "10.9.44.17:8080" inbound|8080|| 127.0.0.6:${r.int(30000, 60000)} 10.9.44.17:8080 ${client} outbound_.8080_._.product-api.shop.svc.cluster.local default`
  const ms = r.int(4, 60)
  if (r.chance(0.3)) appRows.push({t: d.getTime() + ms, text: JSON.stringify({time: fmt.iso(new Date(d.getTime() + ms)), level: 'info', logger: 'uvicorn.access', msg: `10.9.44.17:0 - "GET ${path} HTTP/1.1" 200`, request_id: rid, duration_ms: ms})})
  return `[${fmt.iso(d)}] "GET ${path} HTTP/1.1" 200 - via_upstream - "-" 0 ${r.int(300, 9000)} ${ms + 1} ${ms} "-" "okhttp/4.12.0" "${rid}" "product-api.shop.svc.cluster.local:8080" "10.9.44.17:8080" inbound|8080|| 127.0.0.6:${r.int(30000, 60000)} 10.9.44.17:8080 ${client} outbound_.8080_._.product-api.shop.svc.cluster.local default`
})
writeEvents(out(dir, 'logs/envoy-sidecar.log'), env)
writeEvents(out(dir, 'logs/product-api.jsonl'), appRows)
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-05-01T16:00:00Z', service: 'product-api', version: '2024.05.01-3', sha: 'a91c04e7d2b85f3a6c1e9d0b7f4a2c8e5d3b1f60', kind: 'deploy', description: 'product-api 2024.05.01-3'},
  {time: '2024-05-02T13:01:00Z', service: 'web-static', version: '2024.05.02-1', sha: '3e7b9d1c05a84f26b9e0c7d1a3f5b2e8c4d6a091', kind: 'deploy', description: 'web-static: publish asset bundle 2024.05.02-1 to the CDN bucket'},
])
