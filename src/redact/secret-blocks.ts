import {placeholder} from './redact.js'

/**
 * Key material spread over lines (a PEM or PGP private key, the private half of a PuTTY key)
 * pasted into a plain log: read line by line, its base64 body would become lines of its own, and
 * no single line looks like a secret. A reader passes each line through `filter` first: the line
 * that opens a block keeps what comes before it plus a placeholder, the body and the closing line
 * are dropped (null), and the first line that cannot be part of a key ends the block early, so an
 * unterminated block never swallows the log.
 */
const PEM_BEGIN = /-{4,5} ?BEGIN [A-Z0-9 _-]{0,40}PRIVATE KEY(?: BLOCK)? ?-{4,5}/
const PEM_END = /-{4,5} ?END [A-Z0-9 _-]{0,40}PRIVATE KEY(?: BLOCK)? ?-{4,5}/
const PUTTY_BEGIN = /Private-Lines: ?\d+/
const PUTTY_END = /Private-MAC: ?[0-9a-fA-F]+/
/** base64 body lines, armour headers (`Proc-Type: …`, `Comment: …`) and blanks; a diff's `+`/`-` and a quote's `>` too. */
const BODY_LINE = /^[\s+>-]*(?:[A-Za-z0-9+/=]{0,128}|[A-Za-z][A-Za-z0-9-]*: .{0,200})\s*$/
const MAX_BLOCK_LINES = 400

export class SecretBlockFilter {
  private end: RegExp | null = null
  private lines = 0

  /** The line as it may be kept, or null when it is part of key material. */
  filter(line: string): string | null {
    if (this.end !== null) {
      if (this.end.test(line)) {
        this.end = null
        return null
      }
      if (++this.lines <= MAX_BLOCK_LINES && BODY_LINE.test(line)) return null
      this.end = null
    }
    return this.opens(line)
  }

  private opens(line: string): string {
    if (!line.includes('PRIVATE KEY') && !line.includes('Private-Lines')) return line
    for (const [begin, end] of [[PEM_BEGIN, PEM_END], [PUTTY_BEGIN, PUTTY_END]] as const) {
      const start = begin.exec(line)
      if (start === null) continue
      // A block that closes on the same line is one value; the text-level rules take it whole.
      if (end.test(line.slice(start.index))) return line
      this.end = end
      this.lines = 0
      return `${line.slice(0, start.index)}${placeholder('private-key')}`
    }
    return line
  }
}
