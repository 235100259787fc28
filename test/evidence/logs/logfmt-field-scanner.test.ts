import {describe, expect, it} from 'vitest'

import {FoundFields} from '../../../src/evidence/logs/field-roles.js'
import {scanLogfmt} from '../../../src/evidence/logs/logfmt-field-scanner.js'
import {parseLogfmt, recordFromFields, recordFromLogfmt} from '../../../src/evidence/logs/structured-fields.js'

/** What reading the line as an object gives: the reference the scanner must match. */
function viaObject(line: string) {
  const fields = parseLogfmt(line)
  return fields ? recordFromFields(fields, line) : null
}

describe('scanLogfmt', () => {
  it('reads a line as the object walk does, values of role keys only', () => {
    const line = 'ts=2024-03-01T14:02:11Z level=warn service=api msg="slow \\"query\\" on orders" duration=0.25s user=u-1 client_ip=10.0.0.7 status=503 method=get path=/api/orders'
    expect(recordFromLogfmt(line)).toEqual(viaObject(line))
    expect(recordFromLogfmt(line)?.message).toBe('[server-error] slow "query" on orders')
  })

  it('hands a role key given twice to the object walk, which keeps the last value', () => {
    expect(scanLogfmt('level=info msg=a level=error', new FoundFields().reset())).toBe(-1)
    expect(recordFromLogfmt('level=info msg=a level=error')?.level).toBe('error')
    // Keys without a role may repeat.
    expect(scanLogfmt('k=1 k=2 msg=a', new FoundFields().reset())).toBe(3)
  })

  it('matches the object walk on generated lines with flags, empty values, escapes and repeats', () => {
    const pieces = ['level=info', 'level=', 'lvl=error', 'msg=hi', 'msg="a b"', 'msg="x \\" y"', 'message="m"', 'error', 'err="boom\\n"', 'ts=2024-03-01T14:02:11Z', 'time=bad', '=v', 'k=v', 'status=500', 'status=warn', 'user=', 'ip=1.2.3.4', 'latency=12ms', 'duration=3', 'path=/a', 'method=post', 'PRIORITY=3', '"q=1"', 'x']
    let seed = 11
    const next = () => (seed = (Math.imul(seed, 1664525) + 1013904223) >>> 0)
    for (let k = 0; k < 3000; k++) {
      const line = Array.from({length: 1 + (next() % 7)}, () => pieces[next() % pieces.length]).join(next() % 5 === 0 ? '  ' : ' ')
      expect(recordFromLogfmt(line), line).toEqual(viaObject(line))
    }
  })
})
