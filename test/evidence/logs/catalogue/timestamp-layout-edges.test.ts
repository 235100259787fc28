import {describe, expect, it} from 'vitest'

import {EXAMPLE_CONTEXT, TIMESTAMP_LAYOUTS} from '../../../../src/evidence/logs/catalogue/timestamp-layouts.js'
import type {TimeContext} from '../../../../src/evidence/logs/timestamp.js'

/** What a layout reads at the start of `line`: the instant, and the index just past the stamp. */
function read(id: string, line: string, context: TimeContext = EXAMPLE_CONTEXT) {
  const layout = TIMESTAMP_LAYOUTS.find((candidate) => candidate.id === id)
  if (!layout) throw new Error(`no layout ${id}`)
  const stamp = layout.parse(line, 0, context)
  return stamp && {iso: new Date(stamp.ms).toISOString(), end: stamp.end, zoned: stamp.zoned, level: stamp.level}
}

// Each layout at the edges of its fields (the first and last valid value, one past each) and with
// each separator it checks replaced. Year-less stamps take the year of the reference, 2024-06-15.
const CASES: ReadonlyArray<readonly [string, string, string | null]> = [
  ['syslog-rfc3164', 'Jan 31 23:59:59 host', '2024-01-31T23:59:59.000Z'],
  ['syslog-rfc3164', 'Jun 1 00:00:00 host', '2024-06-01T00:00:00.000Z'],
  ['syslog-rfc3164', 'Jul 01 10:00:00 host', '2023-07-01T10:00:00.000Z'], // after the reference's date: last year
  ['syslog-rfc3164', 'Jun 00 10:00:00 host', null],
  ['syslog-rfc3164', 'Jun 32 10:00:00 host', null],
  ['syslog-rfc3164', 'Xyz 01 10:00:00 host', null],
  ['syslog-rfc3164', 'Jun-01 10:00:00 host', null],
  ['syslog-rfc3164', 'Jun 01-10:00:00 host', null],
  ['syslog-rfc3164', 'Jun 01 noon host', null],

  ['ctime', 'Thu Jan 01 00:00:00 1970 x', '1970-01-01T00:00:00.000Z'],
  ['ctime', 'Sat Jan 31 23:59:59 1970 x', '1970-01-31T23:59:59.000Z'],
  ['ctime', 'Mon Jan  1 10:00:00 2024 x', '2024-01-01T10:00:00.000Z'],
  ['ctime', 'Mon Jan 1 10:00:00 2024 x', '2024-01-01T10:00:00.000Z'],
  ['ctime', 'Mon Jan 00 10:00:00 2024 x', null],
  ['ctime', 'Mon Jan 32 10:00:00 2024 x', null],
  ['ctime', 'Wed Dec 31 23:59:59 1969 x', null],
  ['ctime', 'Mon Xyz 01 10:00:00 2024 x', null],
  ['ctime', 'Mon-Jan 01 10:00:00 2024 x', null],
  ['ctime', 'Mon Jan-01 10:00:00 2024 x', null],
  ['ctime', 'Mon Jan 01-10:00:00 2024 x', null],
  ['ctime', 'Mon Jan 01 noon 2024 x', null],
  ['ctime', 'Mon Jan 01 10:00:00-2024 x', null],

  ['rfc1123', 'Sat, 31 Jan 1970 23:59:59 GMT', '1970-01-31T23:59:59.000Z'],
  ['rfc1123', 'Thu, 01 Jan 1970 00:00:00 GMT', '1970-01-01T00:00:00.000Z'],
  ['rfc1123', 'Mon, 00 Jan 2024 10:00:00 GMT', null],
  ['rfc1123', 'Mon, 32 Jan 2024 10:00:00 GMT', null],
  ['rfc1123', 'Mon, 01 Xyz 2024 10:00:00 GMT', null],
  ['rfc1123', 'Wed, 31 Dec 1969 23:59:59 GMT', null],
  ['rfc1123', 'Mon; 01 Jan 2024 10:00:00 GMT', null],
  ['rfc1123', 'Mon,01 Jan 2024 10:00:00 GMT x', null],
  ['rfc1123', 'Mon,x01 Jan 2024 10:00:00 GMT', null],
  ['rfc1123', 'Mon, 01 Jan 2024-10:00:00 GMT', null],
  ['rfc1123', 'Mon, 01 Jan 2024 noon GMT', null],

  ['apache-access', '31/Jan/1970:23:59:59 +0000', '1970-01-31T23:59:59.000Z'],
  ['apache-access', '01/Jan/1970:00:00:00 +0000', '1970-01-01T00:00:00.000Z'],
  ['apache-access', '00/Jan/2024:10:00:00 +0000', null],
  ['apache-access', '32/Jan/2024:10:00:00 +0000', null],
  ['apache-access', '01/Xyz/2024:10:00:00 +0000', null],
  ['apache-access', '31/Dec/1969:23:59:59 +0000', null],
  ['apache-access', '01-Jan/2024:10:00:00 +0000', null],
  ['apache-access', '01/Jan-2024:10:00:00 +0000', null],
  ['apache-access', '01/Jan/2024 10:00:00 +0000', null],
  ['apache-access', '01/Jan/2024:noon +0000', null],

  ['go-slash', '2024/01/31 23:59:59 x', '2024-01-31T23:59:59.000Z'],
  ['go-slash', '2024/12/01 00:00:00 x', '2024-12-01T00:00:00.000Z'],
  ['go-slash', '2024/03/01 14:02:11+02:00 x', '2024-03-01T12:02:11.000Z'],
  ['go-slash', 'abcd/01/01 10:00:00 x', null],
  ['go-slash', '2024/00/01 10:00:00 x', null],
  ['go-slash', '2024/13/01 10:00:00 x', null],
  ['go-slash', '2024/01/00 10:00:00 x', null],
  ['go-slash', '2024/01/32 10:00:00 x', null],
  ['go-slash', '2024-01-01 10:00:00 x', null],
  ['go-slash', '2024/01-01 10:00:00 x', null],
  ['go-slash', '2024/01/01T10:00:00 x', null],
  ['go-slash', '2024/01/01 noon x', null],

  ['bgl-dashed', '2005-06-03-00.00.00.000000 x', '2005-06-03T00:00:00.000Z'],
  ['bgl-dashed', '2005-06-03-23.59.59.000000 x', '2005-06-03T23:59:59.000Z'],
  ['bgl-dashed', '2005-06-03-23.59.60.000000 x', '2005-06-04T00:00:00.000Z'], // a leap second
  ['bgl-dashed', '2005-06-03-15.42.50.675872+02:00 x', '2005-06-03T15:42:50.675Z'], // the layout has no zone
  ['bgl-dashed', '2005-06-03-24.00.00.000000 x', null],
  ['bgl-dashed', '2005-06-03-10.60.00.000000 x', null],
  ['bgl-dashed', '2005-06-03-10.00.61.000000 x', null],
  ['bgl-dashed', '2005-06-03-xx.00.00.000000 x', null],
  ['bgl-dashed', '2005-06-03-10.xx.00.000000 x', null],
  ['bgl-dashed', '2005-06-03-10.00.xx.000000 x', null],
  ['bgl-dashed', '2005-06-03-10:00.00.000000 x', null],
  ['bgl-dashed', '2005-06-03-10.00:00.000000 x', null],

  ['java-dd-mmm-yyyy', '31-Jan-1970 23:59:59 x', '1970-01-31T23:59:59.000Z'],
  ['java-dd-mmm-yyyy', '01 Jan 1970 00:00:00 x', '1970-01-01T00:00:00.000Z'],
  ['java-dd-mmm-yyyy', '00-Jan-2024 10:00:00 x', null],
  ['java-dd-mmm-yyyy', '32-Jan-2024 10:00:00 x', null],
  ['java-dd-mmm-yyyy', '01/Jan/2024 10:00:00 x', null],
  ['java-dd-mmm-yyyy', '01-Jan 2024 10:00:00 x', null],
  ['java-dd-mmm-yyyy', '01-Xyz-2024 10:00:00 x', null],
  ['java-dd-mmm-yyyy', '31-Dec-1969 23:59:59 x', null],
  ['java-dd-mmm-yyyy', '01-Jan-2024T10:00:00 x', null],
  ['java-dd-mmm-yyyy', '01-Jan-2024 noon x', null],

  ['healthapp', '19700101-0:0:0|x', '1970-01-01T00:00:00.000Z'],
  ['healthapp', '20171231-23:59:59:5|x', '2017-12-31T23:59:59.005Z'],
  ['healthapp', '20171223-22:15:29:6061|x', '2017-12-23T22:15:29.606Z'],
  ['healthapp', '20171223-22:15:29 606|x', '2017-12-23T22:15:29.000Z'],
  ['healthapp', '20171231-23:59:60|x', '2018-01-01T00:00:00.000Z'], // a leap second
  ['healthapp', '19691231-23:59:59|x', null],
  ['healthapp', '20170023-22:15:29|x', null],
  ['healthapp', '20171323-22:15:29|x', null],
  ['healthapp', '20171200-22:15:29|x', null],
  ['healthapp', '20171232-22:15:29|x', null],
  ['healthapp', '20171223 22:15:29|x', null],
  ['healthapp', '20171223-x:15:29|x', null],
  ['healthapp', '20171223-24:15:29|x', null],
  ['healthapp', '20171223-123:15:29|x', null],
  ['healthapp', '20171223-22-15:29|x', null],
  ['healthapp', '20171223-22:60:29|x', null],
  ['healthapp', '20171223-22:15-29|x', null],
  ['healthapp', '20171223-22:15:61|x', null],

  ['hdfs-compact', '081231 235959 x', '2008-12-31T23:59:59.000Z'],
  ['hdfs-compact', '080101 000000 x', '2008-01-01T00:00:00.000Z'],
  ['hdfs-compact', '081231 235960 x', '2009-01-01T00:00:00.000Z'], // a leap second
  ['hdfs-compact', 'aa0101 000000 x', null],
  ['hdfs-compact', '080001 100000 x', null],
  ['hdfs-compact', '081301 100000 x', null],
  ['hdfs-compact', '080100 100000 x', null],
  ['hdfs-compact', '080132 100000 x', null],
  ['hdfs-compact', '080101-100000 x', null],
  ['hdfs-compact', '080101 240000 x', null],
  ['hdfs-compact', '080101 106000 x', null],
  ['hdfs-compact', '080101 100061 x', null],
  ['hdfs-compact', '080101 xx0000 x', null],
  ['hdfs-compact', '080101 10xx00 x', null],
  ['hdfs-compact', '080101 1000xx x', null],
  ['hdfs-compact', '080101 1000001 x', null],

  ['epoch', '1709301731 x', '2024-03-01T14:02:11.000Z'],
  ['epoch', '1709301731123 x', '2024-03-01T14:02:11.123Z'],
  ['epoch', '1709301731123456 x', '2024-03-01T14:02:11.123Z'],
  ['epoch', '1709301731123456789 x', '2024-03-01T14:02:11.123Z'],
  ['epoch', '17093017311 x', null],
  ['epoch', '0000000000 x', null],
  ['epoch', '1709301731123.5 x', null], // a fraction only after seconds
  ['epoch', '1709301731. x', null],
  ['epoch', '1709301731@x', '2024-03-01T14:02:11.000Z'],
  ['epoch', '1709301731[x', '2024-03-01T14:02:11.000Z'],
  ['epoch', '1709301731`x', '2024-03-01T14:02:11.000Z'],
  ['epoch', '1709301731{x', '2024-03-01T14:02:11.000Z'],
  ['epoch', '1709301731A', null],
  ['epoch', '1709301731Z', null],
  ['epoch', '1709301731a', null],
  ['epoch', '1709301731z', null],
  ['epoch', '1709301731-x', null],
  ['epoch', '1709301731:x', null],
  ['epoch', '1709301731123.x', null],
]

describe('timestamp layouts at the edges of their fields', () => {
  it.each(CASES)('%s reads %j as %s', (id, line, iso) => {
    expect(read(id, line)?.iso ?? null).toBe(iso)
  })
})

describe('timestamp layouts: where a stamp ends, its zone and its level', () => {
  it('ends a stamp after its last field', () => {
    expect(read('ctime', 'Mon Jan 01 10:00:00 2024 x')?.end).toBe(24)
    expect(read('ctime', 'Mon Jan 01 10:00:00.123456 2024 x')?.end).toBe(31)
    expect(read('hdfs-compact', '080101 100000 x')?.end).toBe(13)
    expect(read('healthapp', '20171223-22:15:29:x')?.end).toBe(17)
    expect(read('epoch', '1709301731.250 x')).toMatchObject({end: 14, zoned: true})
  })

  it('takes klog\u2019s leading letter for the level', () => {
    expect(read('klog', 'I0615 10:00:00.000000 x')?.level).toBe('info')
    expect(read('klog', 'W0615 10:00:00.000000 x')?.level).toBe('warn')
    expect(read('klog', 'E0615 10:00:00.000000 x')?.level).toBe('error')
    expect(read('klog', 'F0615 10:00:00.000000 x')?.level).toBe('error')
    expect(read('klog', 'D0615 10:00:00.000000 x')).toBeNull()
  })
})

describe('a time of day alone is dated by the reference', () => {
  it('takes the reference\u2019s day up to an hour past it, and the day before after that', () => {
    expect(read('time-of-day', '13:00:00 x')?.iso).toBe('2024-06-15T13:00:00.000Z')
    expect(read('time-of-day', '13:00:01 x')?.iso).toBe('2024-06-14T13:00:01.000Z')
    expect(read('time-of-day', '12:30:00 x')?.iso).toBe('2024-06-15T12:30:00.000Z')
  })

  it('reads the time in the reference\u2019s offset, whose day may differ from UTC\u2019s', () => {
    const context = {referenceMs: Date.UTC(2024, 5, 15, 23, 30), offsetMinutes: 120} // 01:30 on the 16th, local
    expect(read('time-of-day', '01:00:00 x', context)?.iso).toBe('2024-06-15T23:00:00.000Z')
  })
})
