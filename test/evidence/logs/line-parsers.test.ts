import {describe, expect, it} from 'vitest'

import {DEFAULT_LAYOUTS} from '../../../src/evidence/logs/line-layout.js'
import {learnLineLayout, parseAccessLine, parseJsonLine, parseLine, parseLogfmtLine, parsePlainLine, PLAIN_LAYOUT, type ParseContext} from '../../../src/evidence/logs/line-parsers.js'

const reference: ParseContext = {time: {referenceMs: Date.parse('2024-06-15T00:00:00Z'), offsetMinutes: 0}, layouts: DEFAULT_LAYOUTS}
const now = Date.parse('2024-06-15T00:00:00Z')
const detectFormat = (sample: string[], context: ParseContext) => learnLineLayout(sample, context, now).format

describe('parseJsonLine', () => {
  it('upper-cases each method as written, long or short, whatever came before', () => {
    const long = `${'a'.repeat(32)}bbbbbbbb`
    const methods = ['get', 'GET', long, long.slice(0, 32), 'post', long.slice(0, 32)]
    for (const method of methods) expect(parseJsonLine(JSON.stringify({msg: 'x', method, path: '/'}))!.method, method).toBe(method.toUpperCase())
  })

  it('maps the usual field names, nested HTTP fields and latency units', () => {
    const record = parseJsonLine(
      '{"@timestamp":"2024-03-01T14:02:11.5+01:00","severity":"ERROR","message":"insert failed","req":{"method":"post","url":"/api/orders/42"},"res":{"statusCode":500},"duration":"1.5s","user_id":"u7","client_ip":"10.0.0.9"}',
    )!
    expect(new Date(record.ts).toISOString()).toBe('2024-03-01T13:02:11.500Z')
    expect(record).toMatchObject({level: 'error', method: 'POST', path: '/api/orders/42', status: 500, latencyMs: 1500, user: 'u7', ip: '10.0.0.9'})
    expect(record.message).toBe('[server-error] insert failed')
  })

  it('reads pino numeric levels, epoch ms and error objects with stacks', () => {
    const record = parseJsonLine('{"time":1709301731123,"level":50,"msg":"boom","err":{"message":"bad thing","stack":"Error: bad thing\\n    at f (/app/x.js:1:2)"}}')!
    expect(record.ts).toBe(1709301731123)
    expect(record.level).toBe('error')
    expect(record.message).toBe('boom: bad thing')
    expect(record.stack).toContain('/app/x.js:1:2')
  })

  it.each([
    ['compact (CLEF)', {'@t': '2026-11-21T10:15:00.1230000Z', '@mt': 'HTTP {RequestMethod} {RequestPath} responded {StatusCode}', '@l': 'Error', '@x': 'System.InvalidOperationException: pool closed\n   at Shop.Orders.Pool.Get() in /src/Orders/Pool.cs:line 12', RequestMethod: 'GET', RequestPath: '/api/orders', StatusCode: 500}],
    ['plain JSON formatter', {Timestamp: '2026-11-21T10:15:00.1230000+00:00', Level: 'Error', MessageTemplate: 'HTTP {RequestMethod} {RequestPath} responded {StatusCode}', RenderedMessage: 'HTTP GET /api/orders responded 500', Exception: 'System.InvalidOperationException: pool closed\n   at Shop.Orders.Pool.Get() in /src/Orders/Pool.cs:line 12'}],
  ])('reads Serilog %s: time, level, message and the exception', (_, line) => {
    const record = parseJsonLine(JSON.stringify(line))!
    expect(record.ts).toBe(Date.parse('2026-11-21T10:15:00.123Z'))
    expect(record.level).toBe('error')
    expect(record.message).toContain('HTTP ')
    expect(record.stack).toContain('Pool.cs:line 12')
  })

  it('takes nothing over from the previous line, and prefers the better-ranked key whatever the order', () => {
    parseJsonLine('{"time":"2024-03-01T14:02:11Z","level":"error","msg":"a","status":503,"latency_ms":5,"user_id":"u1","client_ip":"10.0.0.1","stack":"x"}')
    const next = parseJsonLine('{"lvl":"warn","log":"fallback","message":"preferred"}')!
    expect(next).toMatchObject({level: 'warn', message: 'preferred', status: null, latencyMs: null, user: null, ip: null, stack: null})
    expect(next.ts).toBeNaN()
  })

  it('rejects non-objects and broken JSON', () => {
    expect(parseJsonLine('{"a":')).toBeNull()
    expect(parseJsonLine('[1,2]')).toBeNull()
  })
})

describe('parseLogfmtLine', () => {
  it('reads quoted values and escapes', () => {
    const record = parseLogfmtLine('time=2024-03-01T14:02:11Z level=warn msg="pool \\"main\\" nearly full" waiting=12 duration_ms=40')!
    expect(record).toMatchObject({level: 'warn', message: 'pool "main" nearly full', latencyMs: 40})
    expect(new Date(record.ts).toISOString()).toBe('2024-03-01T14:02:11.000Z')
  })

  it('declines prose that only happens to contain = signs', () => {
    expect(parseLogfmtLine('the value a=b is c=d')).toBeNull()
  })
})

describe('parseAccessLine', () => {
  it('reads the combined format with a trailing request time', () => {
    const record = parseAccessLine('203.0.113.7 - alice [10/Oct/2024:13:55:36 +0000] "GET /api/orders/91?x=1 HTTP/1.1" 502 157 "-" "curl/8.0" 0.250')!
    expect(record).toMatchObject({ip: '203.0.113.7', user: 'alice', method: 'GET', path: '/api/orders/91?x=1', status: 502, level: 'error', latencyMs: 250})
    expect(new Date(record.ts).toISOString()).toBe('2024-10-10T13:55:36.000Z')
  })

  it('reads the common format', () => {
    expect(parseAccessLine('10.1.1.1 - - [10/Oct/2024:13:55:36 +0000] "POST /login HTTP/1.1" 200 12')).toMatchObject({status: 200, user: null, level: 'info'})
  })
})

describe('parsePlainLine', () => {
  it('splits timestamp, level and message', () => {
    const record = parsePlainLine('2024-03-01 14:02:11,123 ERROR [main] c.s.Orders - insert failed', PLAIN_LAYOUT, reference)
    expect(record.level).toBe('error')
    expect(record.message).toBe('ERROR [main] c.s.Orders - insert failed')
  })

  it('does not take "error" in prose for a level', () => {
    expect(parsePlainLine('2024-03-01T14:02:11Z retrying after error in worker', PLAIN_LAYOUT, reference).level).toBeNull()
    expect(parsePlainLine('[Sun Dec 04 04:47:44 2005] [error] mod_jk child', PLAIN_LAYOUT, reference).level).toBe('error')
  })

  it('keeps a line without timestamp as a message', () => {
    expect(parsePlainLine('just words', PLAIN_LAYOUT, reference)).toMatchObject({message: 'just words'})
    expect(Number.isNaN(parsePlainLine('just words', PLAIN_LAYOUT, reference).ts)).toBe(true)
  })
})

describe('detectFormat', () => {
  it('picks the format most sample lines fit', () => {
    expect(detectFormat(['{"time":"2024-03-01T14:02:11Z","msg":"a"}', '{"time":"2024-03-01T14:02:12Z","msg":"b"}'], reference)).toBe('json')
    expect(detectFormat(['1.2.3.4 - - [10/Oct/2024:13:55:36 +0000] "GET / HTTP/1.1" 200 1 "-" "x"'], reference)).toBe('access')
    expect(detectFormat(['ts=2024-03-01T14:02:11Z level=info msg=a', 'ts=2024-03-01T14:02:12Z level=info msg=b'], reference)).toBe('logfmt')
    expect(detectFormat(['2024-03-01T14:02:11Z INFO a', '\tat x.Y(Y.java:1)'], reference)).toBe('plain')
    expect(detectFormat([], reference)).toBe('plain')
  })

  it('still parses a JSON line inside a plain file', () => {
    expect(parseLine('{"ts":"2024-03-01T14:02:11Z","level":"error","msg":"x"}', PLAIN_LAYOUT, reference).level).toBe('error')
  })
})
