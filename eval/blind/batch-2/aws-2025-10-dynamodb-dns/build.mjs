import {rng, every, writeJson, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20251020)
const dnsGone = '2025-10-20T06:48:00Z'
const dnsBack = '2025-10-20T09:25:00Z'
const streams = ['ecs/orders-api/1f0c2a9d8e7b4c3a', 'ecs/orders-api/6b9d0e3f1a2c4b5d', 'ecs/orders-api/9e8f7a6b5c4d3e2f']
// Share of DynamoDB calls that need a new connection, hence a DNS answer: grows as pooled
// connections are recycled after the record disappears.
const newConn = (d) => { const m = minutesSince(d, dnsGone); return m < 0 ? 0 : Math.min(0.95, 0.04 + m * 0.06) }
const broken = (d) => minutesSince(d, dnsGone) >= 0 && minutesSince(d, dnsBack) < 0
const queueFull = (d) => minutesSince(d, '2025-10-20T07:02:00Z') >= 0 && minutesSince(d, '2025-10-20T09:31:00Z') < 0
const dnsErr = (op, host) => `operation error DynamoDB: ${op}, exceeded maximum number of attempts, 3, https response error StatusCode: 0, RequestID: , request send failed, Post "https://${host}/": dial tcp: lookup ${host} on 169.254.169.253:53: no such host`
const events = []
let id = 0
const push = (d, obj) => events.push({logStreamName: r.pick(streams), timestamp: d.getTime(), message: JSON.stringify({time: fmt.iso(d), ...obj}), ingestionTime: d.getTime() + r.int(200, 1500), eventId: String(39200000000000000000000000000000000000000000000000000000n + BigInt(++id))})
every(r, '2025-10-20T06:00:00Z', '2025-10-20T10:30:00Z', 1800, (d) => {
  const orderId = `ord_${r.hex(12)}`
  if (broken(d) && r() < newConn(d)) {
    const op = r.pick(['PutItem', 'PutItem', 'GetItem', 'Query'])
    push(d, {level: 'ERROR', msg: 'dynamodb call failed', table: 'orders', op, order_id: orderId, err: dnsErr(op, 'dynamodb.us-east-1.amazonaws.com')})
    if (queueFull(d) && r.chance(0.9)) push(new Date(d.getTime() + 3), {level: 'ERROR', msg: 'shedding load: write queue full', queue_len: 10000, queue_cap: 10000, method: 'POST', path: '/v1/orders', status: 503, duration_ms: r.int(1, 4)})
    return null
  }
  if (queueFull(d) && r.chance(0.5)) {
    push(d, {level: 'ERROR', msg: 'shedding load: write queue full', queue_len: 10000, queue_cap: 10000, method: 'POST', path: '/v1/orders', status: 503, duration_ms: r.int(1, 4)})
    return null
  }
  if (minutesSince(d, dnsBack) > 0 && minutesSince(d, dnsBack) < 8 && r.chance(0.3)) push(d, {level: 'WARN', msg: 'draining write queue', queue_len: Math.max(0, 10000 - Math.round(minutesSince(d, dnsBack) * 1400)), drained_per_s: r.int(300, 500)})
  push(d, {level: 'INFO', msg: 'request completed', method: r.pick(['POST', 'GET', 'GET']), path: r.pick(['/v1/orders', '/v1/orders/' + orderId, '/v1/orders?customer=c_' + r.hex(6)]), status: r.pick([200, 201, 200]), duration_ms: r.int(6, 45)})
  return null
})
events.sort((a, b) => a.timestamp - b.timestamp)
writeJson(out(dir, 'logs/cloudwatch-orders-api.json'), {events, searchedLogStreams: streams.map((logStreamName) => ({logStreamName, searchedCompletely: true}))})
const base = goService('example.com/orders-api')
const dynamo = (v) => `package store\n\n// aws-sdk-go-v2 ${v}\nimport (\n\t"context"\n\n\t"github.com/aws/aws-sdk-go-v2/config"\n\t"github.com/aws/aws-sdk-go-v2/service/dynamodb"\n)\n\nfunc New(ctx context.Context) (*dynamodb.Client, error) {\n\tcfg, err := config.LoadDefaultConfig(ctx, config.WithRegion("us-east-1"))\n\tif err != nil {\n\t\treturn nil, err\n\t}\n\treturn dynamodb.NewFromConfig(cfg), nil\n}\n`
const gomod = (v) => base['go.mod'].replace(')\n', `\tgithub.com/aws/aws-sdk-go-v2/service/dynamodb ${v}\n)\n`)
buildRepo(out(dir, 'repo'), [
  {subject: 'orders-api: store orders in DynamoDB', author: people.ana, at: '2025-06-02T10:00:00Z', files: {...base, 'go.mod': gomod('v1.43.1'), 'internal/store/dynamo.go': dynamo('dynamodb v1.43.1'), 'internal/api/queue.go': 'package api\n\n// writes are queued in memory and retried; when the queue is full the API sheds load with 503\nconst queueCap = 10000\n'}},
  {subject: 'orders: upgrade aws-sdk-go-v2 service/dynamodb to v1.50.1', author: people.bot, at: '2025-10-19T16:00:00Z', body: 'Bumps github.com/aws/aws-sdk-go-v2/service/dynamodb from 1.43.1 to 1.50.1.', files: {'go.mod': gomod('v1.50.1'), 'internal/store/dynamo.go': dynamo('dynamodb v1.50.1')}},
  {subject: 'docs: on-call runbook for DynamoDB throttling', author: people.ben, at: '2025-10-20T05:30:00Z', files: {'docs/runbooks/dynamodb-throttling.md': '# DynamoDB throttling\n\nLook for ProvisionedThroughputExceededException; raise table capacity or enable on-demand.\n'}},
  {subject: 'orders: fall back to the SQS outbox when DynamoDB is unreachable', author: people.chen, at: '2025-10-20T08:40:00Z', files: {'internal/store/outbox.go': 'package store\n\n// Outbox keeps orders in SQS until DynamoDB answers again.\ntype Outbox struct{}\n'}},
])
