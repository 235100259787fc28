import {z} from 'zod'

import type {EntryKind} from '../log-digest.js'
import type {LogEntry} from '../source-reader.js'
import {epochToMs, parseTimestampValue} from '../timestamp.js'
import {DocumentShapeError, jsonPath} from './json-path.js'

/**
 * The answers and exports of log stores, as their public documentation shows them, turned into
 * entries for a SourceReader. Each kind is recognised by the keys that make it (never by a file
 * name), then parsed strictly enough that a broken document is refused with the JSON path of its
 * first problem instead of being read half:
 *
 * - Loki `query_range` / `query` with resultType `streams`: `data.result[].stream` (labels) and
 *   `values[]` of `[nanoseconds, line]` (https://grafana.com/docs/loki/latest/reference/loki-http-api/)
 * - Elasticsearch / OpenSearch `_search`: `hits.hits[]._source`
 *   (https://www.elastic.co/guide/en/elasticsearch/reference/current/search-search.html)
 * - Datadog logs: API v2 `data[].attributes` (`status`, `message`, `attributes`), or v1 `logs[].content`
 *   (https://docs.datadoghq.com/api/latest/logs/#search-logs)
 * - CloudWatch Logs `filter-log-events` / `get-log-events`: `events[]` of `{timestamp, message}`
 *   (https://docs.aws.amazon.com/cli/latest/reference/logs/filter-log-events.html)
 * - Google Cloud Logging `gcloud logging read --format=json` (an array of LogEntry) or `entries:list`
 *   (`entries[]`): `timestamp`, `severity`, `textPayload` | `jsonPayload`
 *   (https://cloud.google.com/logging/docs/reference/v2/rest/v2/LogEntry)
 * - any other array of log objects (`jq -s` of JSON lines): each object is an entry.
 *
 * `journalctl -o json` is JSON lines and is read as such (its fields are in field-roles.ts).
 */
export interface ExportedEntries {
  kind: EntryKind
  entries: LogEntry[]
}

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

const LokiSchema = z.object({
  data: z.object({
    resultType: z.literal('streams'),
    result: z.array(z.object({stream: z.record(z.string(), z.string()).default({}), values: z.array(z.tuple([z.string().regex(/^\d+$/, 'expected a timestamp in nanoseconds'), z.string()]).rest(z.unknown()))})),
  }),
})

const ElasticSchema = z.object({
  hits: z.object({hits: z.array(z.object({_source: z.record(z.string(), z.unknown()).optional(), fields: z.record(z.string(), z.unknown()).optional()}).passthrough())}),
})

const DatadogV2Schema = z.object({
  data: z.array(z.object({attributes: z.object({timestamp: z.union([z.string(), z.number()]).optional(), status: z.string().optional(), message: z.string().optional(), service: z.string().optional(), host: z.string().optional(), attributes: z.record(z.string(), z.unknown()).optional()}).passthrough()})),
})
const DatadogV1Schema = z.object({
  logs: z.array(z.object({content: z.object({timestamp: z.union([z.string(), z.number()]).optional(), status: z.string().optional(), message: z.string().optional(), service: z.string().optional(), host: z.string().optional(), attributes: z.record(z.string(), z.unknown()).optional()}).passthrough()})),
})

const CloudWatchSchema = z.object({
  events: z.array(z.object({timestamp: z.number(), message: z.string(), logStreamName: z.string().optional(), ingestionTime: z.number().optional()})),
})

const CloudLoggingEntrySchema = z
  .object({
    timestamp: z.string().optional(),
    receiveTimestamp: z.string().optional(),
    severity: z.string().optional(),
    textPayload: z.string().optional(),
    jsonPayload: z.record(z.string(), z.unknown()).optional(),
    protoPayload: z.record(z.string(), z.unknown()).optional(),
    httpRequest: z.record(z.string(), z.unknown()).optional(),
    resource: z.object({type: z.string().optional(), labels: z.record(z.string(), z.string()).optional()}).optional(),
    labels: z.record(z.string(), z.string()).optional(),
    logName: z.string().optional(),
  })
  .passthrough()

/** Which kind of export a parsed document is, by the keys that make it; null when none. */
export function exportKindOf(document: unknown): EntryKind | null {
  if (Array.isArray(document)) {
    if (document.length > 0 && document.every(isObject) && document.some((entry) => 'logName' in entry || 'textPayload' in entry || 'jsonPayload' in entry || 'insertId' in entry)) return 'cloud-logging'
    return document.every(isObject) ? 'entries' : null
  }
  if (!isObject(document)) return null
  const data = document.data
  if (isObject(data) && 'resultType' in data && 'result' in data) return 'loki'
  if (isObject(document.hits) && 'hits' in document.hits) return 'elasticsearch'
  if (Array.isArray(data) && data.every((item) => isObject(item) && isObject(item.attributes))) return 'datadog'
  if (Array.isArray(document.logs) && document.logs.every((item) => isObject(item) && isObject(item.content))) return 'datadog'
  if (Array.isArray(document.events) && document.events.every((item) => isObject(item) && 'message' in item && 'timestamp' in item)) return 'cloudwatch'
  if (Array.isArray(document.entries) && document.entries.every(isObject)) return 'cloud-logging'
  return null
}

function parse<T>(kind: string, schema: z.ZodType<T>, document: unknown): T {
  const parsed = schema.safeParse(document)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new DocumentShapeError(kind, jsonPath(issue.path), issue.message)
  }
  return parsed.data
}

/** The entries of a log-store export; throws DocumentShapeError (with the JSON path) when it is not one, or is broken. */
export function readLogStoreExport(document: unknown): ExportedEntries {
  const kind = exportKindOf(document)
  switch (kind) {
    case 'loki':
      return {kind, entries: lokiEntries(parse('Loki query_range answer', LokiSchema, document))}
    case 'elasticsearch':
      return {kind, entries: parse('Elasticsearch _search answer', ElasticSchema, document).hits.hits.map((hit) => structuredEntry(hit._source ?? flattenFields(hit.fields ?? {})))}
    case 'datadog': {
      const rows = isObject(document) && Array.isArray(document.data) ? parse('Datadog logs answer', DatadogV2Schema, document).data.map((row) => row.attributes) : parse('Datadog logs answer', DatadogV1Schema, document).logs.map((row) => row.content)
      return {kind, entries: rows.map(datadogEntry)}
    }
    case 'cloudwatch':
      return {kind, entries: parse('CloudWatch Logs events', CloudWatchSchema, document).events.map((event) => ({text: event.message, ts: event.timestamp, fields: event.logStreamName ? {stream: event.logStreamName} : undefined}))}
    case 'cloud-logging': {
      const list = Array.isArray(document) ? document : (document as Json).entries
      return {kind, entries: parse('Cloud Logging entries', z.array(CloudLoggingEntrySchema), list).map(cloudLoggingEntry)}
    }
    case 'entries':
      return {kind, entries: (document as Json[]).map(structuredEntry)}
    default:
      throw new DocumentShapeError('log export', '(the document)', 'is JSON but not a known log-store export (Loki query_range, Elasticsearch/OpenSearch _search, Datadog logs, CloudWatch Logs events, Cloud Logging entries, or an array of log objects)')
  }
}

function lokiEntries(answer: z.infer<typeof LokiSchema>): LogEntry[] {
  const entries: Array<LogEntry & {ns: bigint}> = []
  for (const stream of answer.data.result) {
    // Loki's own level labels, when promtail or the OTel pipeline set one.
    const level = stream.stream.level ?? stream.stream.detected_level ?? stream.stream.severity_text
    for (const [ns, line] of stream.values) entries.push({text: line, ts: Number(BigInt(ns) / 1_000_000n), level, fields: stream.stream, ns: BigInt(ns)})
  }
  // Streams come one after the other; the lines of all of them are read in time order.
  entries.sort((a, b) => (a.ns < b.ns ? -1 : a.ns > b.ns ? 1 : 0))
  return entries.map(({ns: _ns, ...entry}) => entry)
}

/** A structured log object (an Elasticsearch document, an element of an array): its message is the text, everything is fields. */
function structuredEntry(source: Json): LogEntry {
  const message = source.message ?? source.msg ?? (isObject(source.log) ? undefined : source.log)
  return {text: typeof message === 'string' ? message : '', ts: Number.NaN, fields: source}
}

function flattenFields(fields: Json): Json {
  // `fields` (docvalue_fields, or _source disabled) holds every value as an array.
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [key, Array.isArray(value) && value.length === 1 ? value[0] : value]))
}

function datadogEntry(row: {timestamp?: string | number; status?: string; message?: string; service?: string; host?: string; attributes?: Json}): LogEntry {
  const ts = typeof row.timestamp === 'number' ? (epochToMs(row.timestamp) ?? Number.NaN) : (parseTimestampValue(row.timestamp) ?? Number.NaN)
  return {text: row.message ?? '', ts, level: row.status, fields: {...(row.attributes ?? {}), service: row.service, host: row.host}}
}

function cloudLoggingEntry(entry: z.infer<typeof CloudLoggingEntrySchema>): LogEntry {
  const ts = parseTimestampValue(entry.timestamp ?? entry.receiveTimestamp) ?? Number.NaN
  const payload = entry.jsonPayload ?? {}
  const message = entry.textPayload ?? payload.message ?? payload.msg ?? (entry.protoPayload ? JSON.stringify(entry.protoPayload).slice(0, 2000) : '')
  const http = entry.httpRequest ?? {}
  return {
    text: typeof message === 'string' ? message : JSON.stringify(message),
    ts,
    // Cloud Logging's DEFAULT means "no severity given": the text may still say one.
    level: entry.severity === 'DEFAULT' ? undefined : entry.severity,
    fields: {...payload, status: http.status, method: http.requestMethod, url: http.requestUrl, client_ip: http.remoteIp, ...(entry.resource?.labels ?? {})},
  }
}
