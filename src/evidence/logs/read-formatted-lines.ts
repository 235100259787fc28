import {detectFormat, type LogFormat} from './line-parsers.js'
import {readLines, type LineReaderOptions, type ReadStats} from './line-reader.js'

/**
 * readLines for readers that parse: the source's format is detected from its first lines, which
 * are then handed over in order like the rest, each with the format. Returning false stops.
 */
const DETECT_SAMPLE_LINES = 50

export type FormattedLineHandler = (line: string, lineNumber: number, format: LogFormat) => void | boolean

export async function readFormattedLines(
  source: string,
  onLine: FormattedLineHandler,
  options: LineReaderOptions & {now: Date},
): Promise<{stats: ReadStats; format: LogFormat}> {
  let format: LogFormat | null = null
  const head: Array<[string, number]> = []
  const replay = (known: LogFormat): boolean => {
    format = known
    for (const [text, n] of head) if (onLine(text, n, known) === false) return false
    head.length = 0
    return true
  }
  const stats = await readLines(
    source,
    (line, lineNumber) => {
      if (format !== null) return onLine(line, lineNumber, format)
      head.push([line, lineNumber])
      if (head.length < DETECT_SAMPLE_LINES) return true
      return replay(detectFormat(head.map(([text]) => text), options.now))
    },
    options,
  )
  if (format === null) replay(detectFormat(head.map(([text]) => text), options.now))
  return {stats, format: format!}
}
