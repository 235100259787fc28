import {
  clockAt,
  dayStart,
  digits,
  epochToMs,
  fractionAt,
  isDigit,
  monthAt,
  parseIsoAt,
  stampOf,
  timestamp,
  yearFor,
  zoneAt,
  type ParsedTimestamp,
  type TimeContext,
} from '../timestamp.js'

/**
 * The timestamp layouts we read, one entry each: what it looks like, whether it carries its own
 * year and zone, and whether it is distinctive enough to be looked for anywhere in a line when the
 * place learned for the file does not hold one. Layouts a number or a word could take by chance
 * (an epoch column, `yyMMdd HHmmss`, a bare time of day) are only read where the file's first
 * lines showed them, never found by scanning.
 *
 * The examples are read with EXAMPLE_CONTEXT (reference 2024-06-15T12:00:00Z, UTC), the one the
 * catalogue test uses.
 */
export interface TimestampLayout {
  id: string
  description: string
  /** The stamp carries its year (false: taken from the reference). */
  year: boolean
  /** The stamp carries a calendar date at all (false: a time of day, dated by the reference). */
  date: boolean
  /** `always`: an epoch or a mandatory offset; `sometimes`: ISO's optional zone; `never`. */
  zone: 'always' | 'sometimes' | 'never'
  /** Looked for at any field of a line when the learned place fails. */
  anywhere: boolean
  /** A cheap test of the first character before `parse` runs (`any`: a user's layout). */
  startsWith: 'digit' | 'upper' | 'letter' | 'any'
  parse: (text: string, at: number, context: TimeContext) => ParsedTimestamp | null
  examples: {match: ReadonlyArray<{line: string; iso: string}>; nonMatch: readonly string[]}
}

export const EXAMPLE_CONTEXT: TimeContext = {referenceMs: Date.UTC(2024, 5, 15, 12), offsetMinutes: 0}

/** `Mar  1 14:02:11` and friends: a month name, a day, a time, with no year. */
function syslogAt(text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  const month = monthAt(text, at)
  if (month < 0 || text.charCodeAt(at + 3) !== 32) return null
  let i = at + 4
  if (text.charCodeAt(i) === 32) i++
  const dayDigits = isDigit(text.charCodeAt(i + 1)) ? 2 : 1
  const day = digits(text, i, dayDigits)
  i += dayDigits
  if (day < 1 || day > 31 || text.charCodeAt(i) !== 32) return null
  const clock = clockAt(text, i + 1)
  if (!clock) return null
  const year = yearFor(month + 1, day, clock.ms, context)
  if (year === null) return null
  const fraction = fractionAt(text, clock.end)
  return stampOf(dayStart(year, month + 1, day), clock.ms, fraction.millis, fraction.end, null, context)
}

/** `Wed Oct 11 14:32:52.123456 2024` (ctime, the Apache error log). */
function ctimeAt(text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  if (text.charCodeAt(at + 3) !== 32) return null
  const month = monthAt(text, at + 4)
  if (month < 0 || text.charCodeAt(at + 7) !== 32) return null
  let i = at + 8
  if (text.charCodeAt(i) === 32) i++
  const dayDigits = isDigit(text.charCodeAt(i + 1)) ? 2 : 1
  const day = digits(text, i, dayDigits)
  i += dayDigits
  if (day < 1 || day > 31 || text.charCodeAt(i) !== 32) return null
  const clock = clockAt(text, i + 1)
  if (!clock) return null
  const fraction = fractionAt(text, clock.end)
  if (text.charCodeAt(fraction.end) !== 32) return null
  const year = digits(text, fraction.end + 1, 4)
  if (year < 1970) return null
  return stampOf(dayStart(year, month + 1, day), clock.ms, fraction.millis, fraction.end + 5, null, context)
}

/** `Tue, 01 Mar 2024 14:02:11 GMT` (RFC 1123 / RFC 2822, HTTP dates). */
function rfc1123At(text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  if (text.charCodeAt(at + 3) !== 44 || text.charCodeAt(at + 4) !== 32) return null
  const day = digits(text, at + 5, 2)
  const month = monthAt(text, at + 8)
  const year = digits(text, at + 12, 4)
  if (day < 1 || day > 31 || month < 0 || year < 1970 || text.charCodeAt(at + 16) !== 32) return null
  const clock = clockAt(text, at + 17)
  if (!clock) return null
  let zone = zoneAt(text, clock.end)
  if (!zone && text.charCodeAt(clock.end) === 32) zone = zoneAt(text, clock.end + 1)
  return stampOf(dayStart(year, month + 1, day), clock.ms, 0, clock.end, zone, context)
}

/** `10/Oct/2000:13:55:36 -0700` (nginx/Apache access logs, inside brackets). */
function accessAt(text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  const day = digits(text, at, 2)
  const month = monthAt(text, at + 3)
  const year = digits(text, at + 7, 4)
  if (day < 1 || day > 31 || month < 0 || year < 1970 || text.charCodeAt(at + 2) !== 47 || text.charCodeAt(at + 6) !== 47 || text.charCodeAt(at + 11) !== 58) return null
  const clock = clockAt(text, at + 12)
  if (!clock) return null
  const zone = text.charCodeAt(clock.end) === 32 ? zoneAt(text, clock.end + 1) : null
  return stampOf(dayStart(year, month + 1, day), clock.ms, 0, clock.end, zone, context)
}

/**
 * A date written as numbers with separators, then a separator and a clock: the shape of Spark,
 * Go, BGL, Android, klog and Proxifier stamps. `order` says which of year, month and day come
 * first; a year of two digits is 20yy; no year means the reference's.
 */
function numericDateAt(
  text: string,
  at: number,
  context: TimeContext,
  shape: {yearDigits: 0 | 2 | 4; dateSep: string; clockSep: string; clockStyle?: 'dots'},
): ParsedTimestamp | null {
  let i = at
  let year = -1
  if (shape.yearDigits > 0) {
    year = digits(text, i, shape.yearDigits)
    if (year < 0) return null
    if (shape.yearDigits === 2) year += 2000
    i += shape.yearDigits
    if (shape.dateSep !== '' && text[i++] !== shape.dateSep) return null
  }
  const month = digits(text, i, 2)
  i += 2
  if (shape.dateSep !== '' && text[i++] !== shape.dateSep) return null
  const day = digits(text, i, 2)
  i += 2
  if (month < 1 || month > 12 || day < 1 || day > 31 || text[i] !== shape.clockSep) return null
  i++
  let clockMs: number
  let end: number
  if (shape.clockStyle === 'dots') {
    // BGL: HH.mm.ss.SSSSSS
    const hour = digits(text, i, 2)
    const minute = digits(text, i + 3, 2)
    const second = digits(text, i + 6, 2)
    if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 || text.charCodeAt(i + 2) !== 46 || text.charCodeAt(i + 5) !== 46) return null
    clockMs = hour * 3_600_000 + minute * 60_000 + second * 1000
    end = i + 8
  } else {
    const clock = clockAt(text, i)
    if (!clock) return null
    clockMs = clock.ms
    end = clock.end
  }
  const fraction = fractionAt(text, end)
  const millis = fraction.millis
  end = fraction.end
  if (year < 0) {
    const fromReference = yearFor(month, day, clockMs, context)
    if (fromReference === null) return null
    year = fromReference
  }
  return stampOf(dayStart(year, month, day), clockMs, millis, end, shape.clockStyle === undefined ? zoneAt(text, end) : null, context)
}

/** `20-Jun-2025 13:14:40.123` (Tomcat, java.util.logging) or `06 Nov 2024 08:49:37,459` (log4j DATE, Redis). */
function dayMonthNameYearAt(text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  const day = digits(text, at, 2)
  const sep = text.charCodeAt(at + 2)
  if (day < 1 || day > 31 || (sep !== 45 && sep !== 32) || text.charCodeAt(at + 6) !== sep) return null
  const month = monthAt(text, at + 3)
  const year = digits(text, at + 7, 4)
  if (month < 0 || year < 1970 || text.charCodeAt(at + 11) !== 32) return null
  const clock = clockAt(text, at + 12)
  if (!clock) return null
  const fraction = fractionAt(text, clock.end)
  return stampOf(dayStart(year, month + 1, day), clock.ms, fraction.millis, fraction.end, zoneAt(text, fraction.end), context)
}

/** A number of one or two digits at `at`: its value and end, or null. */
function shortNumberAt(text: string, at: number): {value: number; end: number} | null {
  if (!isDigit(text.charCodeAt(at))) return null
  const two = isDigit(text.charCodeAt(at + 1))
  if (two && isDigit(text.charCodeAt(at + 2))) return null
  return {value: two ? digits(text, at, 2) : digits(text, at, 1), end: at + (two ? 2 : 1)}
}

/** HealthApp `yyyyMMdd-H:m:s:SSS`, whose clock fields are not zero-padded (`22:16:0:119`). */
function healthAppAt(text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  const year = digits(text, at, 4)
  const month = digits(text, at + 4, 2)
  const day = digits(text, at + 6, 2)
  if (year < 1970 || month < 1 || month > 12 || day < 1 || day > 31 || text.charCodeAt(at + 8) !== 45) return null
  const hour = shortNumberAt(text, at + 9)
  if (!hour || hour.value > 23 || text.charCodeAt(hour.end) !== 58) return null
  const minute = shortNumberAt(text, hour.end + 1)
  if (!minute || minute.value > 59 || text.charCodeAt(minute.end) !== 58) return null
  const second = shortNumberAt(text, minute.end + 1)
  if (!second || second.value > 60) return null
  let end = second.end
  let millis = 0
  if (text.charCodeAt(end) === 58 && isDigit(text.charCodeAt(end + 1))) {
    let i = end + 1
    while (isDigit(text.charCodeAt(i))) i++
    millis = Math.min(999, digits(text, end + 1, Math.min(3, i - end - 1)))
    end = i
  }
  return stampOf(dayStart(year, month, day), hour.value * 3_600_000 + minute.value * 60_000 + second.value * 1000, millis, end, null, context)
}

/** `yyMMdd HHmmss` (Hadoop HDFS). */
function compactAt(text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  const year = digits(text, at, 2)
  const month = digits(text, at + 2, 2)
  const day = digits(text, at + 4, 2)
  if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || text.charCodeAt(at + 6) !== 32) return null
  const hour = digits(text, at + 7, 2)
  const minute = digits(text, at + 9, 2)
  const second = digits(text, at + 11, 2)
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60 || isDigit(text.charCodeAt(at + 13))) return null
  return stampOf(dayStart(2000 + year, month, day), hour * 3_600_000 + minute * 60_000 + second * 1000, 0, at + 13, null, context)
}

/** An epoch number of 10, 13, 16 or 19 digits (s, ms, µs, ns), seconds with an optional fraction. */
function epochAt(text: string, at: number): ParsedTimestamp | null {
  let i = at
  while (isDigit(text.charCodeAt(i))) i++
  const length = i - at
  if (length !== 10 && length !== 13 && length !== 16 && length !== 19) return null
  let end = i
  let value = Number(text.slice(at, i))
  if (length === 10 && text.charCodeAt(i) === 46 && isDigit(text.charCodeAt(i + 1))) {
    end = i + 1
    while (isDigit(text.charCodeAt(end))) end++
    value = Number(text.slice(at, end))
  }
  const next = text.charCodeAt(end)
  if ((next >= 65 && next <= 90) || (next >= 97 && next <= 122) || next === 46 || next === 45 || next === 58) return null
  const ms = epochToMs(value)
  return ms === null ? null : timestamp(ms, end, true)
}

/** klog / glog: `I1120 10:00:00.000000`, the level letter first, then MMdd. */
function klogAt(text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  const letter = text.charCodeAt(at)
  const level = letter === 73 ? 'info' : letter === 87 ? 'warn' : letter === 69 || letter === 70 ? 'error' : null
  if (level === null) return null
  const stamp = numericDateAt(text, at + 1, context, {yearDigits: 0, dateSep: '', clockSep: ' '})
  if (stamp) stamp.level = level
  return stamp
}

/** A time of day alone (`14:02:11.123`, Logback's default), dated by the reference: the latest such time not after it. */
function timeOfDayAt(text: string, at: number, context: TimeContext): ParsedTimestamp | null {
  if (context.referenceMs === null || isDigit(text.charCodeAt(at - 1))) return null
  const clock = clockAt(text, at)
  if (!clock) return null
  const fraction = fractionAt(text, clock.end)
  const reference = context.referenceMs + context.offsetMinutes * 60_000
  const day = Math.floor(reference / 86_400_000) * 86_400_000
  let local = day + clock.ms + fraction.millis
  if (local > reference + 3_600_000) local -= 86_400_000
  return timestamp(local - context.offsetMinutes * 60_000, fraction.end, false)
}

export const TIMESTAMP_LAYOUTS: readonly TimestampLayout[] = [
  {
    id: 'iso8601',
    description: 'ISO 8601 / RFC 3339: T or space, dot or comma fractions, Z, offsets, " UTC" or no zone (Python logging, log4j ISO8601, RFC 5424 syslog, Windows CBS)',
    year: true,
    date: true,
    zone: 'sometimes',
    anywhere: true,
    startsWith: 'digit',
    parse: (text, at, context) => parseIsoAt(text, at, context),
    examples: {
      match: [
        {line: '2024-03-01T14:02:11.250+02:00 INFO started', iso: '2024-03-01T12:02:11.250Z'},
        {line: '2024-03-01 14:02:11,123 ERROR [main] c.s.Orders - insert failed', iso: '2024-03-01T14:02:11.123Z'},
        {line: '<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - BOM\'su root\' failed for lonvick on /dev/pts/8', iso: '2003-10-11T22:14:15.003Z'},
        {line: '2024-03-01 14:02:11.123 UTC [4321] LOG:  checkpoint starting: time', iso: '2024-03-01T14:02:11.123Z'},
        {line: '2016-09-28 04:30:30, Info                  CBS    Loaded Servicing Stack v6.1.7601.23505', iso: '2016-09-28T04:30:30.000Z'},
        {line: 'nova-api.log.1.2017-05-16_13:53:08 2017-05-16 00:00:00.008 25746 INFO nova.osapi_compute.wsgi.server', iso: '2017-05-16T00:00:00.008Z'},
        {line: 'Payment retried - Time: 2025-06-20 13:14:40', iso: '2025-06-20T13:14:40.000Z'},
      ],
      nonMatch: ['2024-13-01 14:02:11 bad month', '2024-03-01 a date alone', '2005-06-03-15.42.50.675872 is BGL, not ISO'],
    },
  },
  {
    id: 'syslog-rfc3164',
    description: 'BSD syslog `Mmm dd HH:mm:ss` (no year, no zone), with or without a <PRI> in front',
    year: false,
    date: true,
    zone: 'never',
    anywhere: true,
    startsWith: 'upper',
    parse: syslogAt,
    examples: {
      match: [
        {line: 'Dec 10 06:55:46 LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186', iso: '2023-12-10T06:55:46.000Z'},
        {line: 'Jun  1 09:00:55 calvisitor-10-105-160-95 kernel[0]: ARPT: 620701.011328: wl0', iso: '2024-06-01T09:00:55.000Z'},
        {line: '<34>Oct 11 22:14:15 mymachine su: \'su root\' failed for lonvick on /dev/pts/8', iso: '2023-10-11T22:14:15.000Z'},
      ],
      nonMatch: ['Decision 10 made', 'Mar 32 14:02:11 no such day'],
    },
  },
  {
    id: 'apache-access',
    description: 'nginx/Apache access log `[dd/Mmm/yyyy:HH:mm:ss ±zzzz]`',
    year: true,
    date: true,
    zone: 'always',
    anywhere: true,
    startsWith: 'digit',
    parse: accessAt,
    examples: {
      match: [{line: '127.0.0.1 - frank [10/Oct/2000:13:55:36 -0700] "GET /apache_pb.gif HTTP/1.0" 200 2326', iso: '2000-10-10T20:55:36.000Z'}],
      nonMatch: ['10/10/2000 13:55:36'],
    },
  },
  {
    id: 'ctime',
    description: 'ctime `Www Mmm dd HH:mm:ss[.ffffff] yyyy` (the Apache error log)',
    year: true,
    date: true,
    zone: 'never',
    anywhere: true,
    startsWith: 'upper',
    parse: ctimeAt,
    examples: {
      match: [
        {line: '[Sun Dec 04 04:47:44 2005] [error] mod_jk child workerEnv in error state 6', iso: '2005-12-04T04:47:44.000Z'},
        {line: '[Wed Oct 11 14:32:52.123456 2024] [core:error] [pid 35708:tid 4328636416] [client 72.15.99.187] File does not exist', iso: '2024-10-11T14:32:52.123Z'},
      ],
      nonMatch: ['Sun Dec 04 04:47:44 without a year'],
    },
  },
  {
    id: 'rfc1123',
    description: 'RFC 1123 / RFC 2822 `Www, dd Mmm yyyy HH:mm:ss GMT|±zzzz` (HTTP dates, mail logs)',
    year: true,
    date: true,
    zone: 'sometimes',
    anywhere: true,
    startsWith: 'upper',
    parse: rfc1123At,
    examples: {
      match: [{line: 'Tue, 01 Mar 2024 14:02:11 GMT upstream timed out', iso: '2024-03-01T14:02:11.000Z'}, {line: 'Fri, 21 Nov 2014 09:55:06 -0600 message queued', iso: '2014-11-21T15:55:06.000Z'}],
      nonMatch: ['Tue, the first of March'],
    },
  },
  {
    id: 'go-slash',
    description: 'Go log and nginx error log `yyyy/MM/dd HH:mm:ss[.ffffff]`',
    year: true,
    date: true,
    zone: 'never',
    anywhere: true,
    startsWith: 'digit',
    parse: (text, at, context) => numericDateAt(text, at, context, {yearDigits: 4, dateSep: '/', clockSep: ' '}),
    examples: {
      match: [
        {line: '2024/03/01 14:02:11 http: TLS handshake error from 10.0.0.7:51234: EOF', iso: '2024-03-01T14:02:11.000Z'},
        {line: '2024/03/01 14:02:11 [error] 3123#3123: *9 connect() failed (111: Connection refused) while connecting to upstream', iso: '2024-03-01T14:02:11.000Z'},
        {line: '2024/03/01 14:02:11.123456 main.go:42: listening', iso: '2024-03-01T14:02:11.123Z'},
      ],
      nonMatch: ['2024/03/01 no time'],
    },
  },
  {
    id: 'spark-yy-slash',
    description: 'log4j `yy/MM/dd HH:mm:ss` (Spark)',
    year: true,
    date: true,
    zone: 'never',
    anywhere: true,
    startsWith: 'digit',
    parse: (text, at, context) => numericDateAt(text, at, context, {yearDigits: 2, dateSep: '/', clockSep: ' '}),
    examples: {
      match: [{line: '17/06/09 20:10:40 INFO executor.CoarseGrainedExecutorBackend: Registered signal handlers for [TERM, HUP, INT]', iso: '2017-06-09T20:10:40.000Z'}],
      nonMatch: ['17/13/09 20:10:40 no month 13'],
    },
  },
  {
    id: 'hdfs-compact',
    description: '`yyMMdd HHmmss` (Hadoop HDFS); read only where learned',
    year: true,
    date: true,
    zone: 'never',
    anywhere: false,
    startsWith: 'digit',
    parse: compactAt,
    examples: {
      match: [{line: '081109 203615 148 INFO dfs.DataNode$PacketResponder: PacketResponder 1 for block blk_38865049064139660 terminating', iso: '2008-11-09T20:36:15.000Z'}],
      nonMatch: ['081109 2036151 seven digits'],
    },
  },
  {
    id: 'bgl-dashed',
    description: '`yyyy-MM-dd-HH.mm.ss.SSSSSS` (Blue Gene/L RAS)',
    year: true,
    date: true,
    zone: 'never',
    anywhere: true,
    startsWith: 'digit',
    parse: (text, at, context) => numericDateAt(text, at, context, {yearDigits: 4, dateSep: '-', clockSep: '-', clockStyle: 'dots'}),
    examples: {
      match: [{line: '2005-06-03-15.42.50.675872 R02-M1-N0-C:J12-U11 RAS KERNEL INFO instruction cache parity error corrected', iso: '2005-06-03T15:42:50.675Z'}],
      nonMatch: ['2005-06-03-15:42:50'],
    },
  },
  {
    id: 'healthapp',
    description: '`yyyyMMdd-HH:mm:ss:SSS` (HealthApp)',
    year: true,
    date: true,
    zone: 'never',
    anywhere: true,
    startsWith: 'digit',
    parse: healthAppAt,
    examples: {
      match: [
        {line: '20171223-22:15:29:606|Step_LSC|30002312|onStandStepChanged 3579', iso: '2017-12-23T22:15:29.606Z'},
        {line: '20171223-22:16:0:119|Step_LSC|30002312|processHandleBroadcastAction action:android.intent.action.TIME_TICK', iso: '2017-12-23T22:16:00.119Z'},
      ],
      nonMatch: ['20171323-22:15:29:606|no month 13'],
    },
  },
  {
    id: 'epoch',
    description: 'Epoch seconds (optionally with a fraction), milliseconds, microseconds or nanoseconds as a column (BGL, Thunderbird, HPC); read only where learned',
    year: true,
    date: true,
    zone: 'always',
    anywhere: false,
    startsWith: 'digit',
    parse: (text, at) => epochAt(text, at),
    examples: {
      match: [
        {line: '- 1117838570 2005.06.03 R02-M1-N0-C:J12-U11 2005-06-03-15.42.50.675872', iso: '2005-06-03T22:42:50.000Z'},
        {line: '1709301731.250 worker started', iso: '2024-03-01T14:02:11.250Z'},
        {line: '1709301731123456 usec stamp', iso: '2024-03-01T14:02:11.123Z'},
      ],
      nonMatch: ['12345 short number', '1709301731abc'],
    },
  },
  {
    id: 'android-logcat',
    description: 'Android logcat `MM-dd HH:mm:ss.SSS` (no year, no zone)',
    year: false,
    date: true,
    zone: 'never',
    anywhere: true,
    startsWith: 'digit',
    parse: (text, at, context) => {
      const stamp = numericDateAt(text, at, context, {yearDigits: 0, dateSep: '-', clockSep: ' '})
      // Without its milliseconds `MM-dd HH:mm:ss` is too plain a shape to trust.
      return stamp && text.charCodeAt(at + 14) === 46 ? stamp : null
    },
    examples: {
      match: [{line: '03-17 16:13:38.811  1702  2395 D WindowManager: printFreezingDisplayLogsopening app wtoken', iso: '2024-03-17T16:13:38.811Z'}],
      nonMatch: ['03-17 16:13:38 without milliseconds'],
    },
  },
  {
    id: 'klog',
    description: 'klog / glog `Lmmdd HH:mm:ss.ffffff` (Kubernetes components); the letter is the level',
    year: false,
    date: true,
    zone: 'never',
    anywhere: true,
    startsWith: 'upper',
    parse: klogAt,
    examples: {
      match: [
        {line: 'I0615 10:00:00.000000       1 main.go:10] Starting controller', iso: '2024-06-15T10:00:00.000Z'},
        {line: 'E1120 10:00:00.123456    4511 kubelet.go:2412] "Error syncing pod" err="failed to \\"StartContainer\\""', iso: '2023-11-20T10:00:00.123Z'},
      ],
      nonMatch: ['I0615 is not a stamp', 'X0615 10:00:00.000000 no such level'],
    },
  },
  {
    id: 'java-dd-mmm-yyyy',
    description: '`dd-Mmm-yyyy HH:mm:ss.SSS` (Tomcat, java.util.logging) and `dd Mmm yyyy HH:mm:ss,SSS` (log4j DATE, Redis)',
    year: true,
    date: true,
    zone: 'never',
    anywhere: true,
    startsWith: 'digit',
    parse: dayMonthNameYearAt,
    examples: {
      match: [
        {line: '20-Jun-2025 13:14:40.123 SEVERE [main] org.apache.catalina.startup.Catalina.start Server startup failed', iso: '2025-06-20T13:14:40.123Z'},
        {line: '1:M 06 Nov 2024 08:49:37.459 * Background saving started by pid 28', iso: '2024-11-06T08:49:37.459Z'},
      ],
      nonMatch: ['20-Jun-25 13:14:40'],
    },
  },
  {
    id: 'proxifier',
    description: 'Proxifier `[MM.dd HH:mm:ss]` (no year, no zone); read only where learned',
    year: false,
    date: true,
    zone: 'never',
    anywhere: false,
    startsWith: 'digit',
    parse: (text, at, context) => numericDateAt(text, at, context, {yearDigits: 0, dateSep: '.', clockSep: ' '}),
    examples: {
      match: [{line: '[10.30 16:49:06] chrome.exe - proxy.cse.cuhk.edu.hk:5070 open through proxy proxy.cse.cuhk.edu.hk:5070 HTTPS', iso: '2023-10-30T16:49:06.000Z'}],
      nonMatch: ['[13.30 16:49:06] no month 13'],
    },
  },
  {
    id: 'time-of-day',
    description: 'A time of day alone `HH:mm:ss[.SSS]` (Logback\'s default), dated by the reference; read only where learned',
    year: false,
    date: false,
    zone: 'never',
    anywhere: false,
    startsWith: 'digit',
    parse: timeOfDayAt,
    examples: {
      match: [{line: '09:15:02.123 [main] INFO  c.s.App - Started App in 3.2 seconds', iso: '2024-06-15T09:15:02.123Z'}],
      nonMatch: ['25:15:02 no hour 25'],
    },
  },
]
