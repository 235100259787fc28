/**
 * Multi-line stack traces (Java/Kotlin, Node, Python, Go panics, .NET, Ruby, PHP, Rust): which
 * untimestamped lines continue the event before them, and what exception and frames a finished
 * trace names, so frames can be matched to changed files.
 */
import {LEVEL_SPELLINGS} from './catalogue/level-spellings.js'

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
/** Frames read from one trace before choosing the MAX_FRAMES kept. */
const MAX_READ_FRAMES = 80

const TRACE_START =
  /^(?:Caused by: |Suppressed: |Traceback \(most recent call last\)|goroutine \d+ \[|created by |\.\.\. \d+ (?:more|common frames omitted)|During handling of the above exception|Stack trace:|stack backtrace:|--- End of (?:inner exception )?stack trace)/
const EXCEPTION_HEADER = /^(?:[A-Za-z_$][\w$]*\.)*[A-Za-z_$][\w$]*(?:Exception|Error|Throwable|Panic|Fault)(?::|$)/
const GO_FUNCTION = /^[\w.\/*()[\]-]+\(.*\)$/
const PYTHON_FINAL = /^[A-Za-z_][\w.]*: /
/** Go prints the signal after `panic:`; PHP numbers its frames `#0 /path(12): call()`. */
const BRACKETED = /^(?:\[signal |#\d+ (?:\/|\{main\}|\[internal))/

/** Lines that open an event of their own even right after indented ones (catalogue/level-spellings.ts). */
const EVENT_STARTS = LEVEL_SPELLINGS.flatMap((spelling) => (spelling.startsEvent ? [spelling.startsEvent] : []))

/** True when `line` (which has no timestamp of its own) belongs to the event above it. */
export function isTraceContinuation(line: string, inTrace: boolean): boolean {
  const c = line.charCodeAt(0)
  if (inTrace && EVENT_STARTS.some((start) => start.test(line))) return false
  if (c === 32 || c === 9) return line.trim().length > 0
  if (TRACE_START.test(line) || EXCEPTION_HEADER.test(line)) return true
  if (BRACKETED.test(line)) return line.startsWith('#') || inTrace
  return inTrace && (GO_FUNCTION.test(line) || PYTHON_FINAL.test(line))
}

/**
 * Whether `line` belongs to the event above it rather than starting one: indented, or a trace line
 * that starts with a letter (a Go panic starts its own event), `[signal …]` inside a Go panic or a
 * PHP `#0 …` frame. The one rule for reading a source and for choosing where a worker's byte range
 * may start.
 */
export function continuesEvent(line: string, inTrace: boolean): boolean {
  const c = line.charCodeAt(0)
  const mayContinue = c === 32 || c === 9 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 35 || (c === 91 && inTrace)
  return mayContinue && !startsPanic(line) && isTraceContinuation(line, inTrace)
}

/** A Go panic starts its own event even without a timestamp. */
export function startsPanic(line: string): boolean {
  return line.startsWith('panic: ') || line.startsWith('fatal error: ')
}

const JAVA_FRAME = /^\s*at ([\w$.<>/]+)\(([^:)\s]+)(?::(\d+))?\)/
const NODE_FRAME = /^\s*at (?:async )?(?:(.+?) \()?(.+?):(\d+):\d+\)?$/
const DOTNET_FRAME = /^\s*at (.+?)\(.*\) in (.+?):line (\d+)\s*$/
const RUBY_FRAME = /^\s*(?:from )?([^\s:]+\.rb):(\d+):in [`'](.+?)'/
const PHP_FRAME = /^#\d+ (\S+\.php)\((\d+)\): (.+)$/
const PYTHON_FRAME = /^\s*File "(.+)", line (\d+), in (.+)$/
const GO_FILE = /^\s+(\S+\.go):(\d+)/
const GOROUTINE = /^goroutine \d+ \[/
const HTTP_PANIC = /panic serving \S+?: (.*)$/
const RUST_FILE = /^\s+at (\S+\.rs):(\d+)(?::\d+)?\s*$/
const RUST_FUNCTION = /^\s+\d+: (?:0x[\da-f]+ - )?(.+?)\s*$/
const RUST_PANIC = /thread '[^']*' panicked at (?:'(.*)', )?(\S+?\.rs):(\d+):\d+:?(?:\s*(.*))?$/
const RUBY_HEADER = /^([^\s:]+\.rb):(\d+):in [`'](.+?)': (.*) \(([A-Z][\w:]*)\)$/
const HEADER_WITH_TYPE = /^(?:Caused by: |Unhandled exception\. |PHP Fatal error: +Uncaught )?((?:[A-Za-z_$][\w$]*[.\\])*[A-Za-z_$][\w$]*(?:Exception|Error|Throwable|Panic|Fault))(?::\s*(.*))?$/

/**
 * Reads an event's first line plus its continuation lines. Java/Kotlin, Node, .NET, Ruby, PHP:
 * the deepest `Caused by` (else the first header) names the exception, frames are listed innermost
 * first. Python lists frames outermost first, so its last frames are kept. Go: `panic: msg` and
 * the panicking goroutine. Rust: `thread '…' panicked at file:line` and the backtrace.
 */
export function parseException(firstLine: string, continuation: readonly string[]): ParsedException | null {
  const lines = [firstLine, ...continuation]
  const panicLine = lines.find(startsPanic)
  if (panicLine !== undefined) return parseGoPanic(panicLine, lines)
  // A panic recovered and logged by net/http (`http: panic serving addr: msg`) is followed by its goroutine.
  if (lines.some((line) => GOROUTINE.test(line))) return parseGoPanic(firstLine, lines)
  if (lines.some((line) => line.startsWith('Traceback (most recent call last)'))) return parsePython(lines)
  const rustPanic = lines.map((line) => RUST_PANIC.exec(line)).find((match) => match !== null)
  if (rustPanic) return parseRustPanic(rustPanic, lines)

  let type: string | null = null
  let message = ''
  const frames: StackFrame[] = []
  for (const [index, line] of lines.entries()) {
    const trimmed = line.trim()
    const ruby = index === 0 ? RUBY_HEADER.exec(trimmed) : null
    if (ruby) {
      type = ruby[5]
      message = ruby[4]
      frames.push({file: ruby[1], line: Number(ruby[2]), function: ruby[3]})
      continue
    }
    const header = HEADER_WITH_TYPE.exec(trimmed) ?? (index === 0 ? headerInsideMessage(line) : null)
    if (header && (type === null || trimmed.startsWith('Caused by: '))) {
      type = header[1]
      message = (header[2] ?? '').trim()
      continue
    }
    if (frames.length < MAX_READ_FRAMES) {
      const frame = frameOf(line)
      if (frame) frames.push(frame)
    }
  }
  if (type === null) return frames.length > 0 ? {type: 'Error', message: firstLine.trim(), frames: selectFrames(frames)} : null
  return {type, message, frames: selectFrames(frames)}
}

/** One frame line of .NET, Java/Kotlin, Ruby, PHP or Node (tried in that order: Node's is the loosest). */
function frameOf(line: string): StackFrame | null {
  const dotnet = DOTNET_FRAME.exec(line)
  if (dotnet) return {file: dotnet[2], line: Number(dotnet[3]), function: dotnet[1]}
  const java = JAVA_FRAME.exec(line)
  if (java) return {file: java[2], line: java[3] ? Number(java[3]) : 0, function: java[1]}
  const ruby = RUBY_FRAME.exec(line)
  if (ruby) return {file: ruby[1], line: Number(ruby[2]), function: ruby[3]}
  const php = PHP_FRAME.exec(line)
  if (php) return {file: php[1], line: Number(php[2]), function: php[3]}
  const node = NODE_FRAME.exec(line)
  if (node) return {file: node[2], line: Number(node[3]), function: node[1] ?? '<anonymous>'}
  return null
}

/** A header after a log prefix: `... ERROR failed: java.lang.IllegalStateException: boom`. */
function headerInsideMessage(line: string): RegExpExecArray | null {
  // Anchored at a word start after a space so the scan stays linear on long lines.
  const match = /(?:^|\s)((?:[A-Za-z_$][\w$]*[.\\])*[A-Za-z_$][\w$]*(?:Exception|Error|Throwable))(?::\s+(.*))?$/.exec(line.slice(0, 1000))
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
  return {type, message, frames: selectFrames(frames.slice(-MAX_READ_FRAMES).reverse())}
}

function parseGoPanic(panicLine: string, lines: readonly string[]): ParsedException {
  const frames: StackFrame[] = []
  // Only the panicking goroutine: the first one listed.
  let goroutines = 0
  for (let i = 1; i < lines.length && frames.length < MAX_READ_FRAMES; i++) {
    if (lines[i].startsWith('goroutine ') && ++goroutines > 1) break
    const file = GO_FILE.exec(lines[i])
    if (file && GO_FUNCTION.test(lines[i - 1].trim())) {
      frames.push({file: file[1], line: Number(file[2]), function: lines[i - 1].trim().replace(/\([^()]*\)$/, '')})
    }
  }
  const colon = panicLine.indexOf(': ')
  const message = HTTP_PANIC.exec(panicLine)?.[1] ?? panicLine.slice(colon + 2)
  return {type: panicLine.includes('fatal error') ? 'fatal error' : 'panic', message: message.trim(), frames: selectFrames(frames)}
}

function parseRustPanic(panic: RegExpExecArray, lines: readonly string[]): ParsedException {
  const at = lines.indexOf(panic.input)
  // Rust ≥ 1.73 puts the message on the line after `panicked at file:line:`.
  const message = panic[1] ?? (panic[4] || lines[at + 1]?.trim() || '')
  const frames: StackFrame[] = [{file: panic[2], line: Number(panic[3]), function: '<panic>'}]
  for (let i = at + 1; i < lines.length && frames.length < MAX_READ_FRAMES; i++) {
    const file = RUST_FILE.exec(lines[i])
    const fn = file ? RUST_FUNCTION.exec(lines[i - 1]) : null
    if (file && fn) frames.push({file: file[1], line: Number(file[2]), function: fn[1]})
  }
  return {type: 'panic', message, frames: selectFrames(frames)}
}

/** Frames of the language runtime itself: they never name a file of the service's repository. */
const RUNTIME_FRAME = /^(?:node:|internal\/)|\/(?:usr\/local\/go|go)\/src\/(?:runtime|net|internal|reflect|sync|syscall|testing)\/|\/lib\/python\d\.\d+\/(?!site-packages)|\/rustc\/[\da-f]+\/|\/lib\/ruby\/\d/
const RUNTIME_FUNCTION = /^(?:java|javax|jdk|sun|com\.sun|kotlin|scala)\.|^(?:System|Microsoft)\.|^(?:runtime|reflect)\.|^(?:std|core|alloc)::|^__rust|^rust_begin_unwind/
/** Third-party code: kept for dependency matching, but after the service's own frames. */
const LIBRARY_FRAME = /node_modules\/|site-packages\/|dist-packages\/|\/go\/pkg\/mod\/|\/gems\/|\/vendor\/|\.cargo\/registry\//
const LIBRARY_FUNCTION = /^(?:org\.(?:springframework|hibernate|apache|postgresql|eclipse|glassfish|jboss)|com\.(?:zaxxer|mysql|fasterxml|google)|io\.(?:netty|grpc|micrometer|undertow|github\.resilience4j)|reactor|okhttp3|feign|ch\.qos)\./

function isRuntimeFrame(frame: StackFrame): boolean {
  return RUNTIME_FRAME.test(frame.file) || RUNTIME_FUNCTION.test(frame.function)
}

function isLibraryFrame(frame: StackFrame): boolean {
  return LIBRARY_FRAME.test(frame.file) || LIBRARY_FUNCTION.test(frame.function)
}

/**
 * The MAX_FRAMES frames worth keeping, in trace order: never the runtime's own (unless that is all
 * there is); the innermost frame (where it failed, even in a library: a dependency upgrade is found
 * there), then the service's own frames, then the next library frames.
 */
function selectFrames(frames: readonly StackFrame[]): StackFrame[] {
  const useful = frames.filter((frame) => !isRuntimeFrame(frame))
  const pool = useful.length > 0 ? useful : frames
  if (pool.length <= MAX_FRAMES) return [...pool]
  const keep = new Set<number>([0])
  for (const [index, frame] of pool.entries()) if (keep.size < MAX_FRAMES && !isLibraryFrame(frame)) keep.add(index)
  for (let index = 1; keep.size < MAX_FRAMES; index++) keep.add(index)
  return [...keep].sort((a, b) => a - b).map((index) => pool[index])
}

const BUILD_PREFIXES = /^(?:file:\/\/|webpack:\/\/\/?(?:[^/]*\/)?(?:\.\/)?)|^\.\/|^(?:[A-Za-z]:)?\/(?:usr\/src\/app|app|build|workspace|workdir|src\/app|opt\/app|srv\/app|srv|code|var\/www\/html|var\/www|home\/runner\/work\/[^/]+\/[^/]+|go\/src\/[^/]+\/[^/]+\/[^/]+|var\/task)\//
/** A Go module path (`github.com/acme/orders/…`, optionally `@v1.2.3`) that -trimpath leaves in frames. */
const GO_MODULE = /^(?:[a-z0-9-]+\.)+[a-z]{2,}\/[^/]+\/[^/@]+(?:@[^/]+)?\//
const SITE_PACKAGES = /^.*\/(?:site|dist)-packages\//

/**
 * The part of a frame's file path that may be a path in the service's repository: build and
 * deploy prefixes (`/build/`, `/app/`, `/usr/src/app/`, `/workspace/`, `site-packages/`, Go module
 * paths) removed, Windows separators turned around. A JVM frame names only `Foo.java`; its
 * package (from the function) gives the directories: `com/acme/orders/Foo.java`.
 */
export function repoRelativePath(frame: Pick<StackFrame, 'file' | 'function'>): string {
  let path = frame.file.replace(/\\/g, '/')
  if (!path.includes('/') && /\.(?:java|kt|scala|groovy)$/.test(path)) {
    const pkg = frame.function.replace(/^[\w.]+\//, '').split('.').slice(0, -2).filter((part) => /^[a-z_][\w]*$/.test(part))
    return pkg.length > 0 ? `${pkg.join('/')}/${path}` : path
  }
  path = path.replace(SITE_PACKAGES, '').replace(BUILD_PREFIXES, '').replace(GO_MODULE, '')
  return path.replace(/^\/+/, '')
}

/** The bare function or method name of a frame (`(*OrderStore).Total` → `Total`, `Foo.place` → `place`). */
export function frameFunctionName(name: string): string {
  const cleaned = name
    .replace(/^block (?:\(\d+ levels\) )?in /, '')
    .replace(/<(\w+)>d__\d+\.MoveNext$/, '$1')
    .replace(/\(.*\)$/, '')
    .replace(/\.func\d+(?:\.\d+)*$/, '')
  const parts = cleaned.split(/::|->|[.#/\\ ]/).filter((part) => /^[A-Za-z_$][\w$]*$/.test(part))
  return parts.at(-1) ?? ''
}
