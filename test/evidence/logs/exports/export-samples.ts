/**
 * Log-store answers in the shapes their vendors document, written for these tests (the values are
 * ours). Each sample names the page its shape follows.
 */
const ns = (iso: string, extra = 0) => String(BigInt(Date.parse(iso)) * 1_000_000n + BigInt(extra))

/** https://grafana.com/docs/loki/latest/reference/loki-http-api/#query-logs-within-a-range-of-time */
export function lokiQueryRange(filler = 0) {
  return {
    status: 'success',
    data: {
      resultType: 'streams',
      result: [
        {
          stream: {namespace: 'shop', pod: 'checkout-7d9f8b6c5-x2x9q', container: 'api', level: 'error'},
          values: [
            [ns('2025-06-20T13:14:41Z', 250), 'payment call failed: upstream connect error or disconnect/reset before headers. reset reason: connection failure'],
            [ns('2025-06-20T13:14:40Z'), 'payment call failed: upstream connect error or disconnect/reset before headers. reset reason: connection failure'],
          ],
        },
        {
          stream: {namespace: 'shop', pod: 'checkout-7d9f8b6c5-x2x9q', container: 'api'},
          values: [
            [ns('2025-06-20T13:14:39Z'), `{"level":"info","msg":"GET /api/cart 200","status":200,"method":"GET","path":"/api/cart","pad":"${'x'.repeat(filler)}"}`],
            [ns('2025-06-20T13:14:38Z'), 'java.lang.OutOfMemoryError: Java heap space\n\tat com.shop.Cart.load(Cart.java:88)'],
          ],
        },
      ],
      stats: {summary: {bytesProcessedPerSecond: 1_000_000, totalEntriesReturned: 4}},
    },
  }
}

/** https://www.elastic.co/guide/en/elasticsearch/reference/current/search-search.html#search-api-response-body (ECS fields) */
export const elasticsearchSearch = {
  took: 5,
  timed_out: false,
  _shards: {total: 1, successful: 1, skipped: 0, failed: 0},
  hits: {
    total: {value: 3, relation: 'eq'},
    max_score: 1.3862942,
    hits: [
      {_index: 'logs-checkout-2025.06.20', _id: 'a1', _score: 1.3, _source: {'@timestamp': '2025-06-20T13:14:38.120Z', log: {level: 'ERROR'}, message: 'insert into orders failed', service: {name: 'checkout-api'}, error: {type: 'org.postgresql.util.PSQLException', message: 'null value in column "currency" violates not-null constraint'}}},
      {_index: 'logs-checkout-2025.06.20', _id: 'a2', _score: 1.3, _source: {'@timestamp': '2025-06-20T13:14:39.000Z', log: {level: 'INFO'}, message: 'request completed', http: {request: {method: 'POST'}, response: {status_code: 500}}, url: {path: '/api/orders'}, client: {ip: '203.0.113.9'}}},
      {_index: 'logs-checkout-2025.06.20', _id: 'a3', _score: 1.3, _source: {'@timestamp': '2025-06-20T13:14:40.000Z', message: 'cache warmed in 120 ms'}},
    ],
  },
}

/** https://docs.datadoghq.com/api/latest/logs/#search-logs (v2 answer: data[].attributes, level in status) */
export const datadogSearch = {
  data: [
    {id: 'AAAAAXGLdD0AAABPV-5whqgB', type: 'log', attributes: {timestamp: '2025-06-20T13:14:38.000Z', status: 'error', service: 'checkout-api', host: 'i-0abc', message: 'Charge declined by provider', tags: ['env:prod'], attributes: {http: {status_code: 502, method: 'POST', url_details: {path: '/api/charge'}}, usr: {id: 'u-17'}}}},
    {id: 'AAAAAXGLdD0AAABPV-5whqgC', type: 'log', attributes: {timestamp: '2025-06-20T13:14:39.000Z', status: 'info', service: 'checkout-api', host: 'i-0abc', message: 'Charge accepted', tags: ['env:prod'], attributes: {}}},
  ],
  links: {next: 'https://api.datadoghq.com/api/v2/logs/events?page[cursor]=eyJ'},
  meta: {elapsed: 132, page: {after: 'eyJ'}, request_id: 'MWlFUjVaWGZTTTZPYzM0VXp1OXU2d3xLSVpEMjZKQ0VKUTI0dEYtM3RSOFVR', status: 'done'},
}

/** https://docs.aws.amazon.com/cli/latest/reference/logs/filter-log-events.html#output */
export const cloudwatchEvents = {
  events: [
    {logStreamName: 'checkout/api/0b1c', timestamp: Date.parse('2025-06-20T13:14:38Z'), message: '2025-06-20T13:14:38.000Z ERROR Task timed out after 30.03 seconds', ingestionTime: Date.parse('2025-06-20T13:14:39Z'), eventId: '31953106606966983378809025079804211143289615424298221568'},
    {logStreamName: 'checkout/api/0b1c', timestamp: Date.parse('2025-06-20T13:14:39Z'), message: 'START RequestId: 6f7d9a1e Version: $LATEST', ingestionTime: Date.parse('2025-06-20T13:14:40Z'), eventId: '31953106606966983378809025079804211143289615424298221569'},
  ],
  searchedLogStreams: [{logStreamName: 'checkout/api/0b1c', searchedCompletely: true}],
}

/** https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry (as `gcloud logging read --format=json` prints them) */
export const cloudLoggingEntries = [
  {
    insertId: '1x2y3z',
    jsonPayload: {message: 'failed to connect to redis: dial tcp 10.0.3.4:6379: i/o timeout', caller: 'cache/redis.go:88'},
    logName: 'projects/shop-prod/logs/stdout',
    receiveTimestamp: '2025-06-20T13:14:38.512Z',
    resource: {type: 'k8s_container', labels: {cluster_name: 'prod', namespace_name: 'shop', pod_name: 'checkout-7d9f8b6c5-x2x9q', container_name: 'api'}},
    severity: 'ERROR',
    timestamp: '2025-06-20T13:14:38.100Z',
  },
  {
    insertId: '1x2y40',
    textPayload: 'Listening on :8080',
    logName: 'projects/shop-prod/logs/stdout',
    resource: {type: 'k8s_container', labels: {namespace_name: 'shop'}},
    severity: 'DEFAULT',
    timestamp: '2025-06-20T13:14:37.000Z',
  },
  {
    insertId: '1x2y41',
    httpRequest: {requestMethod: 'GET', requestUrl: 'https://shop.example.com/api/cart', status: 503, remoteIp: '198.51.100.4', latency: '0.250s'},
    logName: 'projects/shop-prod/logs/requests',
    severity: 'ERROR',
    timestamp: '2025-06-20T13:14:39.000Z',
  },
]

/** `journalctl -o json` (https://www.freedesktop.org/software/systemd/man/latest/journalctl.html, fields: systemd.journal-fields(7)) */
export const journalLines = [
  {__REALTIME_TIMESTAMP: '1750425278000000', _HOSTNAME: 'web-1', SYSLOG_IDENTIFIER: 'nginx', _SYSTEMD_UNIT: 'nginx.service', PRIORITY: '6', MESSAGE: 'Starting nginx'},
  {__REALTIME_TIMESTAMP: '1750425279000000', _HOSTNAME: 'web-1', SYSLOG_IDENTIFIER: 'kernel', PRIORITY: '3', MESSAGE: 'Out of memory: Killed process 4121 (java) total-vm:8123456kB'},
  {__REALTIME_TIMESTAMP: '1750425280000000', _HOSTNAME: 'web-1', SYSLOG_IDENTIFIER: 'systemd', _SYSTEMD_UNIT: 'app.service', PRIORITY: '4', MESSAGE: 'app.service: Main process exited, code=killed, status=9/KILL'},
]
