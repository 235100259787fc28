import {z} from 'zod'

/** The `_field_caps` answer: per field, per mapped type, whether it can be aggregated. */
export const FieldCapsSchema = z.object({
  indices: z.array(z.string()).default([]),
  fields: z.record(z.string(), z.record(z.string(), z.object({type: z.string(), aggregatable: z.boolean().default(false)}))),
})
export type FieldCaps = z.infer<typeof FieldCapsSchema>

/** Where a log document keeps what the analysis needs; null when the index has no such field. */
export interface LogFields {
  time: string | null
  /** Aggregatable: the histogram is split by it. */
  level: string | null
  /** Full text: searched for error words and new-error phrases when there is no level or error type. */
  message: string | null
  /** Aggregatable exception or error class: the `terms` of errors. */
  errorType: string | null
  /** Aggregatable service name, for scoping to --service. */
  service: string | null
}

// Elastic Common Schema first, then the common names of JSON loggers and of Filebeat/Logstash dynamic mappings.
const TIME = ['@timestamp', 'timestamp', 'time', '@t']
const LEVEL = ['log.level', 'level', 'severity', 'log_level', 'loglevel', 'levelname', 'severity_text', 'level.keyword', 'severity.keyword', 'log.level.keyword', 'loglevel.keyword']
const MESSAGE = ['message', 'msg', 'log', '@message']
const ERROR_TYPE = ['error.type', 'exception.type', 'error.kind', 'error.type.keyword', 'exception.type.keyword', 'error.class']
const SERVICE = ['service.name', 'kubernetes.labels.app', 'kubernetes.container.name', 'app', 'service', 'service.keyword', 'app.keyword']

/** Every field name asked of the field-capabilities API. */
export const FIELD_CANDIDATES = [...new Set([...TIME, ...LEVEL, ...MESSAGE, ...ERROR_TYPE, ...SERVICE])]

const DATE_TYPES = new Set(['date', 'date_nanos'])
const TEXT_TYPES = new Set(['text', 'match_only_text', 'keyword', 'wildcard'])

/** The fields to use: the user's where given, else the first candidate the index maps with a fitting type. */
export function chooseFields(caps: FieldCaps, given: {timeField: string | null; levelField: string | null; messageField: string | null}, service: string | null): LogFields {
  const find = (names: readonly string[], fits: (types: Array<{type: string; aggregatable: boolean}>) => boolean) =>
    names.find((name) => caps.fields[name] !== undefined && fits(Object.values(caps.fields[name]))) ?? null
  const aggregatable = (types: Array<{aggregatable: boolean}>) => types.every((t) => t.aggregatable)
  return {
    time: given.timeField ?? find(TIME, (types) => types.every((t) => DATE_TYPES.has(t.type))),
    level: given.levelField ?? find(LEVEL, aggregatable),
    message: given.messageField ?? find(MESSAGE, (types) => types.every((t) => TEXT_TYPES.has(t.type))),
    errorType: find(ERROR_TYPE, aggregatable),
    service: service === null ? null : find(SERVICE, aggregatable),
  }
}
