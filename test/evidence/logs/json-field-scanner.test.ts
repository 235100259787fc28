import {describe, expect, it} from 'vitest'

import {recordFromFields, recordFromFlatJson} from '../../../src/evidence/logs/structured-fields.js'

// Whatever the scanner accepts must read exactly as JSON.parse plus the field mapping would.
const viaJsonParse = (line: string) => recordFromFields(JSON.parse(line) as Record<string, unknown>, line)

const FLAT = [
  '{"time":"2026-11-29T12:00:00.123Z","level":"error","msg":"request completed","method":"post","path":"/api/orders/12","status":500,"duration_ms":181,"user_id":"u12","client_ip":"10.0.1.2","request_id":"req-1f"}',
  '{ "level" : "info" , "msg" : "spaced out" , "status" : 200 }  ',
  '{"ts":1709301731.5,"lvl":"warn","message":"pool usage high","latency":"250ms","ok":true,"gone":null,"n":-0.5e-3,"z":0,"big":12345678901234567890}',
  '{"level":"info","msg":"café ☕ 東京","user":"üser"}',
  '{"msg":"","message":"fallback","level":""}',
  '{"status":"503","method":"GET","path":"/x","msg":"upstream","log.level":"error","http.method":"put"}',
  '{"t":"2024-03-01 14:02:11","severity":"CRITICAL","event":"disk full","bool":false,"error":"plain error text"}',
  '{}',
  '{"msg":"ids past 2^53","user_id":2458929016521272189,"status":200,"duration_ms":-12}',
]
// Lines the scanner leaves to JSON.parse: escapes, nesting, a repeated key it keeps.
const SLOW = [
  '{"msg":"quote \\" inside","level":"info"}',
  '{"time":1709301731123,"level":50,"msg":"boom","err":{"message":"bad thing"}}',
  '{"level":"info","msg":"x","tags":["a","b"]}',
  '{"message":"a","msg":"b","msg":null}',
]
const MALFORMED = ['{"a":1,}', '{"a" 1}', '{a:1}', '{"a":01}', '{"a":1} x', '{"a":tru}', '{"a":"unterminated', '{"a":-}', '{"a":1.}', '{"a":1e}', '{"a":1,"b"}', '{"a":truex}']

describe('recordFromFlatJson', () => {
  it('reads flat lines exactly as JSON.parse does', () => {
    for (const line of FLAT) expect(recordFromFlatJson(line), line).toEqual(viaJsonParse(line))
  })

  it('leaves escapes, nesting and repeated keys to JSON.parse', () => {
    for (const line of SLOW) {
      expect(() => JSON.parse(line), line).not.toThrow()
      expect(recordFromFlatJson(line), line).toBeNull()
    }
  })

  it('never accepts a line JSON.parse rejects for its structure', () => {
    for (const line of MALFORMED) {
      expect(() => JSON.parse(line), line).toThrow()
      expect(recordFromFlatJson(line), line).toBeNull()
    }
  })

  it('reads a raw tab inside a value as text, where JSON.parse would refuse the line', () => {
    const line = '{"level":"warn","msg":"tab\there"}'
    expect(() => JSON.parse(line)).toThrow()
    expect(recordFromFlatJson(line)?.message).toBe('tab\there')
  })
})
