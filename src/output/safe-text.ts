/**
 * Text we did not write (log lines, commit subjects, deploy descriptions, notes, a model's prose)
 * made safe for where it is shown. In a terminal an escape sequence is a command: it can retitle
 * the window, clear the screen, or hide a link behind harmless text (OSC 8), and `cat` of a file
 * runs it too. In Markdown a `# line`, an `<iframe>` or a link is structure, and in the HTML it
 * becomes a heading, a frame or a link to someone else's host. So evidence text loses its control
 * characters everywhere, and in Markdown it is escaped text: it reads the same and means nothing.
 */

// ESC-introduced sequences: CSI (ESC [ … final), OSC / DCS / SOS / PM / APC strings (to BEL or
// ST, or to the end when unterminated), and two-character escapes. Their 8-bit C1 forms too.
const ESCAPE_SEQUENCE =
  /\u001b\[[0-?]*[ -/]*[@-~]?|\u009b[0-?]*[ -/]*[@-~]?|(?:\u001b[\]PX^_]|[\u0090\u0098\u009d\u009e\u009f])[^\u0007\u001b\u009c]*(?:\u0007|\u001b\\|\u009c)?|\u001b[ -/]*[0-~]?/g
// C0 controls but tab and newline, DEL, C1 controls, and the bidirectional overrides and isolates
// that make text display in another order than it reads ("Trojan Source").
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g

/** Removes escape sequences and control characters; tab and newline stay. */
export function stripControls(text: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text)) return text
  return text.replace(ESCAPE_SEQUENCE, '').replace(CONTROL, '')
}

/** One line for the terminal: no controls, line breaks as spaces. */
export function terminalText(text: string): string {
  return stripControls(text).replace(/\s*\n\s*/g, ' ')
}

// ASCII punctuation that can open or close Markdown structure inside a line; escaped with a
// backslash, which CommonMark renders as the character itself. An underscore inside a word
// (orders_pkey) cannot emphasise anything, an @ only links after an address's local part, an & only
// matters as an entity, and a # only at the start of a line: those stay as they are elsewhere.
const MARKDOWN_PUNCTUATION = /[\\*[\]<>|]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|(?<=[\w.+-])@|&(?=#?\w+;)/g
const LINE_START_MARKER = /^(\s*)(\d+)([.)])|^(\s*)([-+>#=])/
const AUTOLINK = /(\w)(:\/\/)|\b(www)\./gi

function escapeOutsideCode(text: string): string {
  return text.replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`).replace(AUTOLINK, (_m, scheme: string | undefined, sep: string | undefined, www: string | undefined) => (www ? `${www}\\.` : `${scheme}\\${sep}`))
}

/**
 * Evidence text as inline Markdown that renders as itself: one line (a line break could start a
 * heading, a list or a table row), control characters gone, Markdown punctuation escaped, bare
 * URLs unlinked; at the start of a line, no heading, list or quote marker. Code spans (`…`) stay code spans: their content is shown literally already, and
 * our own views mark commands, endpoints and evidence ids with them.
 */
export function markdownText(text: string, options: {startsLine?: boolean} = {startsLine: true}): string {
  const line = stripControls(text).replace(/\s*\n\s*/g, ' ')
  let out = ''
  let rest = line
  for (let open = rest.indexOf('`'); open !== -1; open = rest.indexOf('`')) {
    const close = rest.indexOf('`', open + 1)
    if (close === -1) break
    // A pipe splits a table cell even inside a code span, unless escaped.
    out += escapeOutsideCode(rest.slice(0, open)) + rest.slice(open, close + 1).replaceAll('|', '\\|')
    rest = rest.slice(close + 1)
  }
  out += escapeOutsideCode(rest).replace(/`/g, '\\`')
  // A value that starts a line must not start a heading, a list or a quote.
  if (!options.startsLine) return out
  return out.replace(LINE_START_MARKER, (_m, s1: string | undefined, digits: string | undefined, mark: string | undefined, s2: string | undefined, bullet: string | undefined) =>
    digits !== undefined ? `${s1}${digits}\\${mark}` : `${s2}\\${bullet}`,
  )
}

const SGR = /^\u001b\[[0-9;]*m$/

/**
 * Everything a command prints, last line of defence: escape sequences and control characters go,
 * except colour (SGR) sequences when colour is on, which are ours (chalk) and can only recolour.
 */
export function terminalOutput(text: string, keepColour: boolean): string {
  if (!/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(text)) return text
  return text
    .replace(ESCAPE_SEQUENCE, (sequence) => (keepColour && SGR.test(sequence) ? sequence : ''))
    .replace(/[\u0000-\u0008\u000b-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '')
}
