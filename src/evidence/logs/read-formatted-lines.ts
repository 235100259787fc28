import {learnLineLayout, type LineLayout, type ParseContext} from './line-parsers.js'
import {readLines, type LineReaderOptions, type ReadStats} from './line-reader.js'

/**
 * readLines for readers that parse but do not analyse (the log search tool): the source's layout
 * is learned from its first lines, which are then handed over in order like the rest, each with
 * the layout. Returning false stops.
 */
const DETECT_SAMPLE_LINES = 50

export type FormattedLineHandler = (line: string, lineNumber: number, layout: LineLayout) => void | boolean

export async function readFormattedLines(
  source: string,
  onLine: FormattedLineHandler,
  options: LineReaderOptions & {now: Date; context: ParseContext},
): Promise<{stats: ReadStats; layout: LineLayout}> {
  let layout: LineLayout | null = null
  const head: Array<[string, number]> = []
  const learn = () => learnLineLayout(head.map(([text]) => text), options.context, options.now.getTime())
  const replay = (known: LineLayout): boolean => {
    layout = known
    for (const [text, n] of head) if (onLine(text, n, known) === false) return false
    head.length = 0
    return true
  }
  const stats = await readLines(
    source,
    (line, lineNumber) => {
      if (layout !== null) return onLine(line, lineNumber, layout)
      head.push([line, lineNumber])
      if (head.length < DETECT_SAMPLE_LINES) return true
      return replay(learn())
    },
    options,
  )
  if (layout === null) replay(learn())
  return {stats, layout: layout!}
}
