import {redact, type RedactOptions} from './redact.js'

const TRUNCATION_NOTE = '\n[… truncated]'

/** Callers promise bounded text; this only guards the redaction pass against one that does not. */
const MAX_REDACTED_CHARS = 1_000_000

/**
 * Redacts, then cuts to `maxChars` with a note: a cut before redaction could split a secret into
 * an unrecognisable but still leaking fragment. (Redaction shortens text, so a pre-cut close to
 * `maxChars` could pull a split fragment into the window; the pre-cut is kept far away.)
 */
export function capRedacted(text: string, maxChars: number, options: RedactOptions = {}): string {
  const redacted = redact(text.length > MAX_REDACTED_CHARS ? text.slice(0, MAX_REDACTED_CHARS) : text, options)
  if (redacted.length <= maxChars) return redacted
  return redacted.slice(0, Math.max(0, maxChars - TRUNCATION_NOTE.length)) + TRUNCATION_NOTE
}

/**
 * A sample of a line kept for later: redacted whole (up to a bound far past the cut), then cut to
 * `maxChars` without a note. Samples are cut to keep memory bounded; cut first, an email or a key
 * at the cut would lose the part the rules recognise it by.
 */
export function redactSample(text: string, maxChars: number, options: RedactOptions = {}): string {
  const redacted = redact(text.length > maxChars * 4 ? text.slice(0, maxChars * 4) : text, options)
  return redacted.length > maxChars ? redacted.slice(0, maxChars) : redacted
}
