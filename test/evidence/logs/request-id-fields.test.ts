import {describe, expect, it} from 'vitest'

import {REQUEST_ID_FIELDS} from '../../../src/evidence/logs/field-roles.js'
import {parseAccessLine, parseJsonLine, parseLogfmtLine} from '../../../src/evidence/logs/line-parsers.js'

const ID = '3f2a9c1e7b8d4e6fa1c2b3d4e5f60718'

/** `{a: {b: value}}` for the path `a.b`: how a logger that nests the field writes it. */
function nested(path: string, value: unknown): Record<string, unknown> {
  const dot = path.indexOf('.')
  return dot < 0 ? {[path]: value} : {[path.slice(0, dot)]: nested(path.slice(dot + 1), value)}
}

describe('request id fields', () => {
  it('are listed once each, with who writes them', () => {
    expect(new Set(REQUEST_ID_FIELDS.map((field) => field.key)).size).toBe(REQUEST_ID_FIELDS.length)
    for (const field of REQUEST_ID_FIELDS) expect(field.writtenBy, field.key).not.toBe('')
  })

  for (const {key} of REQUEST_ID_FIELDS) {
    describe(key, () => {
      it('is read from a JSON line, as a flat key and nested', () => {
        expect(parseJsonLine(JSON.stringify({time: '2026-11-12T14:02:00Z', msg: 'request completed', status: 502, [key]: ID}))!.requestId).toBe(ID)
        if (key.includes('.')) {
          const line = JSON.stringify({time: '2026-11-12T14:02:00Z', msg: 'request completed', status: 502, ...nested(key, ID)})
          expect(parseJsonLine(line)!.requestId, line).toBe(ID)
        }
      })

      it('is read from a logfmt line', () => {
        expect(parseLogfmtLine(`time=2026-11-12T14:02:00Z msg="request completed" status=502 ${key}=${ID}`)!.requestId).toBe(ID)
      })
    })
  }

  it('prefers the request id over a correlation id over the trace id, in any order', () => {
    const line = {msg: 'x', trace_id: 'trace-1', correlation_id: 'corr-1', request_id: 'req-1'}
    expect(parseJsonLine(JSON.stringify(line))!.requestId).toBe('req-1')
    expect(parseJsonLine(JSON.stringify({msg: 'x', trace_id: 'trace-1', correlationId: 'corr-1'}))!.requestId).toBe('corr-1')
  })

  it('reads no id from a placeholder, a boolean or an all-zero trace id, so lines without one do not become one request', () => {
    for (const value of ['-', '', ' ', 'null', 'None', 'undefined', 'n/a', '0', '00000000000000000000000000000000', '00000000-0000-0000-0000-000000000000', true, false, {}, null]) {
      expect(parseJsonLine(JSON.stringify({msg: 'x', status: 502, request_id: value}))!.requestId, JSON.stringify(value)).toBeNull()
    }
    for (const value of ['0af7651916cd43dd8448eb211c80319c', 'req-bb32ed95cc7f', '-abc', 'none-of-these', '0HMVFE0A0AK8V:00000001']) {
      expect(parseJsonLine(JSON.stringify({msg: 'x', status: 502, trace_id: value}))!.requestId, value).toBe(value)
    }
    expect(parseJsonLine(JSON.stringify({msg: 'x', status: 502, requestId: 4711}))!.requestId).toBe('4711')
  })

  it('leaves counters out: pino-http req.id and Fastify reqId are not request ids', () => {
    expect(parseJsonLine(JSON.stringify({msg: 'request completed', req: {id: 1, method: 'GET', url: '/'}, res: {statusCode: 500}}))!.requestId).toBeNull()
    expect(parseJsonLine(JSON.stringify({msg: 'request completed', reqId: 'req-1', statusCode: 500}))!.requestId).toBeNull()
  })
})

describe('the request id of an access-log line', () => {
  const combined = '192.0.2.13 - - [12/Nov/2026:14:02:00 +0000] "POST /api/checkout HTTP/1.1" 502 157 "-" "curl/8.5.0"'
  it("reads nginx's $request_id and a UUID after the standard fields, bare, quoted or labelled", () => {
    expect(parseAccessLine(`${combined} 0.012 ${ID}`)!.requestId).toBe(ID)
    expect(parseAccessLine(`${combined} "${ID}" 0.012`)!.requestId).toBe(ID)
    expect(parseAccessLine(`${combined} rt=0.012 request_id=${ID}`)!.requestId).toBe(ID)
    expect(parseAccessLine(`${combined} rid="0b9c5d2e-8a41-4f6b-9d3e-7c1a2b3c4d5e"`)!.requestId).toBe('0b9c5d2e-8a41-4f6b-9d3e-7c1a2b3c4d5e')
  })

  it('finds none in a line without one: a latency, a dash, a shorter hex value, an all-zero id', () => {
    expect(parseAccessLine(`${combined} 0.012 00000000000000000000000000000000`)!.requestId).toBeNull()
    expect(parseAccessLine(`${combined} 0.012`)!.requestId).toBeNull()
    expect(parseAccessLine(`${combined} 0.012 -`)!.requestId).toBeNull()
    expect(parseAccessLine(`${combined} 0.012 deadbeef`)!.requestId).toBeNull()
    expect(parseAccessLine(combined)!.requestId).toBeNull()
  })
})
