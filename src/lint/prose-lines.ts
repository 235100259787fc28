/**
 * The Markdown lines a reader sees as prose, with code and HTML comments blanked out. Code (fenced
 * blocks and inline spans) quotes logs and diffs verbatim, so "failed to connect" there is
 * evidence, not blame; comments are never shown. Blanking with spaces instead of cutting keeps
 * the columns of the remaining text exact.
 */
export interface ProseLine {
  /** 1-based line number in the input. */
  line: number
  text: string
}

const FENCE_OPEN = /^ {0,3}(`{3,}|~{3,})/

export function proseLines(markdown: string): ProseLine[] {
  const lines = markdown.split(/\r?\n/)
  const out: ProseLine[] = []
  let fence: string | null = null
  let inComment = false
  lines.forEach((raw, index) => {
    let text = raw
    if (fence === null) {
      const blanked = blankComments(raw, inComment)
      text = blanked.text
      inComment = blanked.open
    }
    const opener = FENCE_OPEN.exec(text)
    if (fence !== null) {
      // A closing fence uses the same character, at least as long, and nothing after it.
      const trimmed = text.trim()
      if (trimmed.startsWith(fence) && /^([`~])\1*$/.test(trimmed) && trimmed[0] === fence[0]) fence = null
      return
    }
    if (opener) {
      fence = opener[1]
      return
    }
    out.push({line: index + 1, text: blankInlineCode(text)})
  })
  return out
}

/** Blanks `<!-- … -->`, also across lines: `open` says whether a comment continues past this one. */
function blankComments(line: string, startsInComment: boolean): {text: string; open: boolean} {
  let out = ''
  let open = startsInComment
  let cursor = 0
  while (cursor < line.length) {
    const marker = open ? line.indexOf('-->', cursor) : line.indexOf('<!--', cursor)
    const end = marker === -1 ? line.length : marker + (open ? 3 : 0)
    out += open ? ' '.repeat(end - cursor) : line.slice(cursor, end)
    if (marker === -1) break
    cursor = end
    open = !open
  }
  return {text: out, open}
}

/** Replaces each inline code span (`…`, ``…``) with spaces of the same length. */
export function blankInlineCode(text: string): string {
  return text.replace(/(`+)([^`]|[^`][\s\S]*?[^`])\1(?!`)/g, (span) => ' '.repeat(span.length))
}
