import {UsageError} from '../errors/errors.js'
import {POSTMORTEM_FORMATS, type PostmortemFormat} from '../lifecycle/postmortem-request.js'

export function parseFormats(value: string): PostmortemFormat[] {
  const formats = value.split(',').map((item) => item.trim().toLowerCase()).filter(Boolean)
  const unknown = formats.filter((format) => !(POSTMORTEM_FORMATS as readonly string[]).includes(format))
  if (unknown.length > 0 || formats.length === 0) {
    throw new UsageError(`Unknown --format ${unknown.join(', ') || '(empty)'}.`, {suggestions: [`Formats are: ${POSTMORTEM_FORMATS.join(', ')} (comma-separated).`]})
  }
  return [...new Set(formats)] as PostmortemFormat[]
}
