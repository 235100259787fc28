import {redact} from '../redact/redact.js'

/** Cut to at most `max` characters, marking the cut. */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : text.slice(0, max - 1) + '…'
}

/** Text that came from evidence or the user, made safe to send: redacted and capped. */
export function outgoingText(text: string, max: number): string {
  return clip(redact(text).trim(), max)
}
