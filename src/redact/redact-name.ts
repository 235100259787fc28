import {looksKeyLike} from './entropy.js'
import {placeholder, redact} from './redact.js'

/** `release-`, `deploy/`, `v`: the word a name starts with, kept; what follows is judged. */
const LEADING_WORD = /^([A-Za-z]+[-_/.])?([\s\S]*)$/

/**
 * A name someone gave a thing (a git tag): redacted like any text, and the part after its leading
 * word masked when it looks like a generated key. A name has no `key=` or header around a value
 * for the rules to see, so a password or hex key pasted into one is known by its look alone;
 * version names, dates and short ids do not look like keys (see `looksKeyLike`).
 */
export function redactName(name: string): string {
  const redacted = redact(name)
  const [, word = '', rest = ''] = LEADING_WORD.exec(redacted) ?? []
  return looksKeyLike(rest) ? word + placeholder('api-key') : redacted
}
