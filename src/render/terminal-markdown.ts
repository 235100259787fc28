import {Chalk} from 'chalk'
import {Marked, type Tokens} from 'marked'
import {markedTerminal} from 'marked-terminal'

export interface TerminalMarkdownOptions {
  color: boolean
  /** Columns to wrap prose at; default 80. */
  width?: number
}

// CSI sequences (colours, cursor) and OSC sequences (hyperlinks).
const ANSI_ESCAPE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b/g

/**
 * Markdown (a postmortem, a phase report) rendered for the terminal. With `color: false` the
 * output has no escape sequences at all: marked-terminal's code highlighter and table borders
 * consult the global chalk level, so the text is also stripped after rendering to be certain.
 */
export function renderMarkdownForTerminal(markdown: string, options: TerminalMarkdownOptions): string {
  const c = new Chalk({level: options.color ? 1 : 0})
  const marked = new Marked().use(
    markedTerminal({
      code: c.yellow,
      blockquote: c.gray.italic,
      html: c.gray,
      heading: c.green.bold,
      firstHeading: c.magenta.bold.underline,
      hr: c.reset,
      listitem: c.reset,
      table: c.reset,
      paragraph: c.reset,
      strong: c.bold,
      em: c.italic,
      codespan: c.yellow,
      del: c.dim.gray.strikethrough,
      link: c.blue,
      href: c.blue.underline,
      emoji: false,
      width: options.width ?? 80,
      reflowText: true,
      tab: 2,
      tableOptions: {style: {head: options.color ? ['cyan'] : [], border: options.color ? ['gray'] : []}},
    }),
  )
  // marked-terminal renders a tight list item's text token verbatim, leaving "**x**" and
  // "[a](b)" in the output; parse its inline tokens the way marked's own renderer does.
  marked.use({
    renderer: {
      text(token: Tokens.Text | Tokens.Escape): string | false {
        return 'tokens' in token && token.tokens ? this.parser.parseInline(token.tokens) : false
      },
    },
  })
  const rendered = marked.parse(markdown, {async: false})
  return options.color ? rendered : rendered.replace(ANSI_ESCAPE, '')
}
