/**
 * How loggers write their level, beyond the common words (ERROR, warning, fatal …): .NET's
 * four-letter labels, Serilog's and zerolog's three-letter abbreviations, zap's `dpanic`, and the
 * syslog priority in front of a line. A level the line states this way is the line's own level:
 * it wins over any severity marker in its content, so `[INF] Retrying after TimeoutException`
 * stays info. Each entry carries real-shaped lines in its logger's default layout, which a test
 * reads through the line reader.
 */
export type SpelledLevel = 'debug' | 'info' | 'warn' | 'error'

export interface LevelSpelling {
  id: string
  description: string
  /** Where the logger documents its level names. */
  source: string
  /** Level names as the logger writes them (any case) → our level. */
  words: Readonly<Record<string, SpelledLevel>>
  /**
   * A line of this shape starts an event even right after indented lines: .NET's console writes
   * the level and category on one line and indents the message under it, so an unindented
   * `fail: …[13]` is not one more line of the event above.
   */
  startsEvent?: RegExp
  examples: ReadonlyArray<{line: string; level: SpelledLevel}>
}

export const LEVEL_SPELLINGS: readonly LevelSpelling[] = [
  {
    id: 'dotnet-console',
    description: 'Microsoft.Extensions.Logging console (simple and systemd formatters): `fail: Category[EventId]`',
    source: 'https://learn.microsoft.com/en-us/dotnet/core/extensions/console-log-formatters',
    words: {trce: 'debug', dbug: 'debug', info: 'info', warn: 'warn', fail: 'error', crit: 'error'},
    startsEvent: /^(?:trce|dbug|info|warn|fail|crit): [\w.`+<>]+\[\d+\]/,
    examples: [
      {line: 'fail: Microsoft.AspNetCore.Server.Kestrel[13]', level: 'error'},
      {line: 'crit: Microsoft.AspNetCore.Hosting.Diagnostics[6]', level: 'error'},
      {line: 'warn: Microsoft.AspNetCore.HttpsPolicy.HttpsRedirectionMiddleware[3]', level: 'warn'},
      {line: 'info: Microsoft.Hosting.Lifetime[14]', level: 'info'},
      {line: '2024-06-12 10:00:01 fail: Shop.Orders.OrderService[0] Order 42 could not be saved', level: 'error'},
      {line: '2024-06-12 10:00:03 warn: Shop.Orders.OrderService[0] Retrying after a TimeoutException', level: 'warn'},
    ],
  },
  {
    id: 'serilog',
    description: 'Serilog `{Level:u3}` in its default console and file templates: VRB DBG INF WRN ERR FTL',
    source: 'https://github.com/serilog/serilog/wiki/Formatting-Output',
    words: {vrb: 'debug', dbg: 'debug', inf: 'info', wrn: 'warn', err: 'error', ftl: 'error'},
    examples: [
      {line: '[10:00:02 FTL] Host terminated unexpectedly', level: 'error'},
      {line: '2024-06-12 10:00:01.123 +00:00 [ERR] Order 42 could not be saved', level: 'error'},
      {line: '2024-06-12 10:00:02.123 +00:00 [FTL] Host terminated unexpectedly', level: 'error'},
      {line: '[10:00:03 WRN] Slow order save', level: 'warn'},
      {line: '[10:00:00 INF] Retrying after TimeoutException: the operation has timed out', level: 'info'},
    ],
  },
  {
    id: 'zerolog',
    description: 'zerolog levels (trace … panic) and its ConsoleWriter abbreviations TRC DBG INF WRN ERR FTL PNC',
    source: 'https://github.com/rs/zerolog#leveled-logging',
    words: {trc: 'debug', trace: 'debug', dbg: 'debug', inf: 'info', wrn: 'warn', err: 'error', ftl: 'error', pnc: 'error', panic: 'error'},
    examples: [
      {line: '3:50PM FTL cannot open the orders database error="dial tcp 10.0.0.5:5432: connect: connection refused"', level: 'error'},
      {line: '3:51PM PNC boom', level: 'error'},
      {line: '3:52PM WRN slow query took=2.3s', level: 'warn'},
      {line: '{"level":"panic","time":"2024-06-12T10:00:03Z","message":"boom"}', level: 'error'},
      {line: '{"level":"trace","time":"2024-06-12T10:00:04Z","message":"entering handler"}', level: 'debug'},
    ],
  },
  {
    id: 'zap',
    description: 'zap levels, among them `dpanic` (panics in development, logs in production)',
    source: 'https://pkg.go.dev/go.uber.org/zap/zapcore#Level',
    words: {dpanic: 'error', panic: 'error', fatal: 'error'},
    examples: [
      {line: '{"level":"dpanic","ts":1718186401.123,"caller":"orders/save.go:13","msg":"order 42 could not be saved"}', level: 'error'},
      {line: '2024-06-12T10:00:01.123Z\tDPANIC\torders/save.go:13\torder 42 could not be saved', level: 'error'},
      {line: '{"level":"fatal","ts":1718186402.123,"caller":"main.go:14","msg":"cannot continue"}', level: 'error'},
    ],
  },
]

/**
 * RFC 5424 §6.2.1 severities by number; a `<PRI>` in front of a line (RFC 3164, RFC 5424, the
 * `<3>` sd-daemon prefix) is facility × 8 + severity.
 */
export const SYSLOG_SEVERITIES: readonly SpelledLevel[] = ['error', 'error', 'error', 'error', 'warn', 'info', 'info', 'debug']

export const SYSLOG_PRIORITY_EXAMPLES: ReadonlyArray<{line: string; level: SpelledLevel}> = [
  {line: '<11>1 2024-06-12T10:00:01.123Z web01 shop 4242 - - order 42 could not be saved', level: 'error'},
  {line: '<27>Jun 12 10:00:01 web01 shop[4242]: order 42 could not be saved', level: 'error'},
  {line: '<28>Jun 12 10:00:03 web01 shop[4242]: slow order save', level: 'warn'},
  {line: '<30>Jun 12 10:00:00 web01 shop[4242]: starting', level: 'info'},
  {line: '<2>cannot continue', level: 'error'},
]

/** The level a `<PRI>` at the start of `line` states, or null (no PRI, or one above 191). */
export function syslogPriorityLevel(line: string): SpelledLevel | null {
  if (line.charCodeAt(0) !== 60) return null
  let value = 0
  let i = 1
  for (; i <= 4; i++) {
    const c = line.charCodeAt(i)
    if (c < 48 || c > 57) break
    value = value * 10 + (c - 48)
  }
  if (i === 1 || i > 4 || line.charCodeAt(i) !== 62 || value > 191) return null
  return SYSLOG_SEVERITIES[value % 8]
}
