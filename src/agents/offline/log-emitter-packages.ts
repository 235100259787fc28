/**
 * Libraries that write, trace or report the lines we read: logging frameworks, request loggers,
 * tracers and error reporters. Their names sit in the evidence because they emitted it (a
 * `SourceContext` of Serilog.AspNetCore.RequestLoggingMiddleware, a `logger=org.slf4j…` field),
 * not because they failed, so an upgrade of one is not tied to the errors by its name or its
 * words; only by the failing frames being inside it, or an exception that names it.
 */
export interface LogEmitterPackage {
  id: string
  /** Package names (npm, NuGet, Maven artifact, PyPI, Go module, crate, gem), whole name, case-insensitive. */
  names: RegExp
  /** Where its name shows in log lines it wrote. */
  source: string
  /** A package name it covers, and one it must not. */
  examples: {match: string; nonMatch: string}
}

export const LOG_EMITTER_PACKAGES: readonly LogEmitterPackage[] = [
  {id: 'serilog', names: /^serilog(?:\.[\w.]+)?$/i, source: 'https://github.com/serilog/serilog-aspnetcore#request-logging', examples: {match: 'Serilog.AspNetCore', nonMatch: 'Npgsql'}},
  {id: 'nlog', names: /^nlog(?:\.[\w.]+)?$/i, source: 'https://github.com/NLog/NLog/wiki/Layout-Renderers', examples: {match: 'NLog.Web.AspNetCore', nonMatch: 'Newtonsoft.Json'}},
  {id: 'log4net', names: /^log4net$/i, source: 'https://logging.apache.org/log4net/manual/configuration/layouts.html', examples: {match: 'log4net', nonMatch: 'Dapper'}},
  {id: 'microsoft-extensions-logging', names: /^microsoft\.extensions\.logging(?:\.[\w.]+)?$/i, source: 'https://learn.microsoft.com/en-us/dotnet/core/extensions/logging', examples: {match: 'Microsoft.Extensions.Logging.Console', nonMatch: 'Microsoft.Data.SqlClient'}},
  {id: 'log4j', names: /^(?:log4j(?:-[\w-]+)?|log4j2?)$/i, source: 'https://logging.apache.org/log4j/2.x/manual/layouts.html', examples: {match: 'log4j-core', nonMatch: 'jackson-databind'}},
  {id: 'logback', names: /^logback(?:-[\w-]+)?$/i, source: 'https://logback.qos.ch/manual/layouts.html', examples: {match: 'logback-classic', nonMatch: 'snakeyaml'}},
  {id: 'slf4j', names: /^slf4j(?:-[\w-]+)?$/i, source: 'https://www.slf4j.org/manual.html', examples: {match: 'slf4j-api', nonMatch: 'HikariCP'}},
  {id: 'logstash-logback-encoder', names: /^logstash-logback-encoder$/i, source: 'https://github.com/logfellow/logstash-logback-encoder#standard-fields', examples: {match: 'logstash-logback-encoder', nonMatch: 'logstash-core'}},
  {id: 'winston', names: /^(?:winston|express-winston|winston-[\w-]+)$/i, source: 'https://github.com/winstonjs/winston#logging', examples: {match: 'express-winston', nonMatch: 'express'}},
  {id: 'pino', names: /^(?:pino|pino-[\w-]+|@fastify\/pino|express-pino-logger)$/i, source: 'https://github.com/pinojs/pino/blob/main/docs/api.md', examples: {match: 'pino-http', nonMatch: 'pg'}},
  {id: 'bunyan', names: /^bunyan$/i, source: 'https://github.com/trentm/node-bunyan#core-fields', examples: {match: 'bunyan', nonMatch: 'bull'}},
  {id: 'morgan', names: /^morgan$/i, source: 'https://github.com/expressjs/morgan', examples: {match: 'morgan', nonMatch: 'mongoose'}},
  {id: 'go-zap', names: /^(?:go\.uber\.org\/zap|zap)$/i, source: 'https://pkg.go.dev/go.uber.org/zap', examples: {match: 'go.uber.org/zap', nonMatch: 'github.com/lib/pq'}},
  {id: 'go-logrus', names: /^(?:github\.com\/sirupsen\/logrus|logrus)$/i, source: 'https://github.com/sirupsen/logrus', examples: {match: 'github.com/sirupsen/logrus', nonMatch: 'github.com/go-redis/redis'}},
  {id: 'go-zerolog', names: /^(?:github\.com\/rs\/zerolog|zerolog)$/i, source: 'https://github.com/rs/zerolog', examples: {match: 'github.com/rs/zerolog', nonMatch: 'github.com/rs/cors'}},
  {id: 'python-logging', names: /^(?:structlog|loguru|python-json-logger|colorlog)$/i, source: 'https://www.structlog.org/en/stable/', examples: {match: 'structlog', nonMatch: 'sqlalchemy'}},
  {id: 'rust-tracing', names: /^(?:tracing|tracing-[\w-]+|log|env_logger|slog(?:-[\w-]+)?)$/i, source: 'https://docs.rs/tracing-subscriber', examples: {match: 'tracing-subscriber', nonMatch: 'tokio'}},
  {id: 'ruby-logging', names: /^(?:lograge|semantic_logger|rails_semantic_logger)$/i, source: 'https://github.com/roidrage/lograge', examples: {match: 'lograge', nonMatch: 'pg'}},
  {id: 'php-monolog', names: /^(?:monolog\/monolog|monolog)$/i, source: 'https://github.com/Seldaek/monolog/blob/main/doc/01-usage.md', examples: {match: 'monolog/monolog', nonMatch: 'guzzlehttp/guzzle'}},
  {id: 'error-reporters', names: /^(?:@?sentry[\w./-]*|sentry-sdk|raven|bugsnag[\w.-]*|rollbar[\w.-]*)$/i, source: 'https://docs.sentry.io/platforms/', examples: {match: '@sentry/node', nonMatch: 'axios'}},
  {id: 'tracers', names: /^(?:dd-trace|ddtrace|newrelic|elastic-apm-node|@opentelemetry\/[\w-]+|opentelemetry[\w.-]*|OpenTelemetry[\w.]*)$/i, source: 'https://opentelemetry.io/docs/specs/otel/logs/', examples: {match: '@opentelemetry/instrumentation-http', nonMatch: 'ioredis'}},
]

/** True for a package that emits log lines rather than failing in them. */
export function isLogEmitter(pkg: string): boolean {
  return LOG_EMITTER_PACKAGES.some((entry) => entry.names.test(pkg))
}
