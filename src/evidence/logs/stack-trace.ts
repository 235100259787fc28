/**
 * Multi-line stack traces (Java, Node, Python, Go panics): which untimestamped lines continue the
 * event before them, and what exception and top frames a finished trace names, so frames can be
 * matched to changed files.
 */
export interface StackFrame {
  file: string
  line: number
  function: string
}

export interface ParsedException {
  type: string
  message: string
  frames: StackFrame[]
}

export const MAX_FRAMES = 5

const TRACE_START =
  /^(?:Caused by: |Suppressed: |Traceback \(most recent call last\)|goroutine \d+ \[|created by |\.\.\. \d+ (?:more|common frames omitted)|During handling of the above exception)/
const EXCEPTION_HEADER = /^(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error|Throwable|Panic|Fault)(?::|$)/
const GO_FUNCTION = /^[\w.\/*()[\]-]+\(.*\)$/
const PYTHON_FINAL = /^[A-Za-z_][\w.]*: /

/** True when `line` (which has no timestamp of its own) belongs to the event above it. */
export function isTraceContinuation(line: string, inTrace: boolean): boolean {
  const c = line.charCodeAt(0)
  if (c === 32 || c === 9) return line.trim().length > 0
  if (TRACE_START.test(line) || EXCEPTION_HEADER.test(line)) return true
  return inTrace && (GO_FUNCTION.test(line) || PYTHON_FINAL.test(line))
}

/**
 * Whether `line` belongs to the event above it rather than starting one: indented, or a trace line
 * that starts with a letter (a Go panic starts its own event). The one rule for reading a source
 * and for choosing where a worker's byte range may start.
 */
export function continuesEvent(line: string, inTrace: boolean): boolean {
  const c = line.charCodeAt(0)
  const mayContinue = c === 32 || c === 9 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return mayContinue && !startsPanic(line) && isTraceContinuation(line, inTrace)
}

/** A Go panic starts its own event even without a timestamp. */
export function startsPanic(line: string): boolean {
  return line.startsWith('panic: ') || line.startsWith('fatal error: ')
}

const JAVA_FRAME = /^\s*at ([\w$.<>/]+)\(([^:)]+)(?::(\d+))?\)/
const NODE_FRAME = /^\s*at (?:async )?(?:(.+?) \()?(.+?):(\d+):\d+\)?$/
const PYTHON_FRAME = /^\s*File "(.+)", line (\d+), in (.+)$/
const GO_FILE = /^\s+(\S+\.go):(\d+)/
const HEADER_WITH_TYPE = /^(?:Caused by: )?((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error|Throwable|Panic|Fault))(?::\s*(.*))?$/

/**
 * Reads an event's first line plus its continuation lines. Java/Node: the deepest `Caused by`
 * (else the first header) names the exception, frames are the first ones listed (innermost
 * first). Python lists frames outermost first, so its last frames are kept. Go: `panic: msg`.
 */
export function parseException(firstLine: string, continuation: readonly string[]): ParsedException | null {
  const lines = [firstLine, ...continuation]
  const panicLine = lines.find(startsPanic)
  if (panicLine !== undefined) return parseGoPanic(panicLine, lines)
  if (lines.some((line) => line.startsWith('Traceback (most recent call last)'))) return parsePython(lines)

  let type: string | null = null
  let message = ''
  const frames: StackFrame[] = []
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim()
    const header = HEADER_WITH_TYPE.exec(trimmed) ?? (index === 0 ? headerInsideMessage(line) : null)
    if (header && (type === null || trimmed.startsWith('Caused by: '))) {
      type = header[1]
      message = (header[2] ?? '').trim()
      continue
    }
    if (frames.length >= MAX_FRAMES) continue
    const java = JAVA_FRAME.exec(line)
    if (java) {
      frames.push({file: java[2], line: java[3] ? Number(java[3]) : 0, function: java[1]})
      continue
    }
    const node = NODE_FRAME.exec(line)
    if (node) frames.push({file: node[2], line: Number(node[3]), function: node[1] ?? '<anonymous>'})
  }
  if (type === null) return frames.length > 0 ? {type: 'Error', message: firstLine.trim(), frames} : null
  return {type, message, frames}
}

/** A header after a log prefix: `... ERROR failed: java.lang.IllegalStateException: boom`. */
function headerInsideMessage(line: string): RegExpExecArray | null {
  // Anchored at a word start after a space so the scan stays linear on long lines.
  const match = /(?:^|\s)((?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error|Throwable))(?::\s+(.*))?$/.exec(line.slice(0, 1000))
  return match && match.index > 0 ? match : null
}

function parsePython(lines: readonly string[]): ParsedException {
  const frames: StackFrame[] = []
  let type = 'Exception'
  let message = ''
  for (const line of lines) {
    const frame = PYTHON_FRAME.exec(line)
    if (frame) {
      frames.push({file: frame[1], line: Number(frame[2]), function: frame[3]})
      continue
    }
    const final = /^([A-Za-z_][\w.]*)(?::\s*(.*))?$/.exec(line.trim())
    if (final && line.charCodeAt(0) !== 32 && !line.startsWith('Traceback') && !line.startsWith('During handling')) {
      type = final[1]
      message = final[2] ?? ''
    }
  }
  return {type, message, frames: frames.slice(-MAX_FRAMES).reverse()}
}

function parseGoPanic(panicLine: string, lines: readonly string[]): ParsedException {
  const frames: StackFrame[] = []
  for (let i = 1; i < lines.length && frames.length < MAX_FRAMES; i++) {
    const file = GO_FILE.exec(lines[i])
    if (file && i > 0 && GO_FUNCTION.test(lines[i - 1].trim())) {
      frames.push({file: file[1], line: Number(file[2]), function: lines[i - 1].trim().replace(/\([^()]*\)$/, '')})
    }
  }
  const colon = panicLine.indexOf(': ')
  return {type: panicLine.startsWith('fatal error') ? 'fatal error' : 'panic', message: panicLine.slice(colon + 2).trim(), frames}
}
