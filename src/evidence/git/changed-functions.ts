/**
 * Which functions a commit changed, so a change can be tied to the function on a failing stack
 * frame, not just the file. Read from the zero-context patch (`git show -U0`: the changed line
 * ranges of each file) and the new text of each file (the enclosing definition of each range).
 */

export const SOURCE_FILE = /\.(?:go|py|rb|java|kt|kts|scala|groovy|cs|fs|ts|tsx|js|jsx|mjs|cjs|php|rs|ex|exs|swift|c|cc|cpp|h|hpp)$/

/** Changed line ranges (in the new file) per file path, from `git show -U0 --format= <sha>`. */
export function changedRanges(patch: string): Map<string, Array<[number, number]>> {
  const ranges = new Map<string, Array<[number, number]>>()
  let file: string | null = null
  for (const line of patch.split('\n')) {
    const header = /^\+\+\+ (?:b\/(.+)|\/dev\/null)$/.exec(line)
    if (header) {
      file = header[1] ?? null
      continue
    }
    const hunk = /^@@ -\d+(?:,\d+)? \+(\d+)(?:,(\d+))? @@/.exec(line)
    if (hunk && file !== null) {
      const start = Number(hunk[1])
      const length = hunk[2] === undefined ? 1 : Number(hunk[2])
      const list = ranges.get(file) ?? []
      list.push([Math.max(1, start), Math.max(start, start + length - 1)])
      ranges.set(file, list)
    }
  }
  return ranges
}

const NOT_NAMES = new Set(['if', 'for', 'while', 'switch', 'catch', 'return', 'new', 'else', 'elif', 'do', 'try', 'with', 'using', 'lock', 'foreach', 'when', 'match', 'sizeof', 'typeof'])
const DEFINITIONS: readonly RegExp[] = [
  /^func\s+(?:\([^)]*\)\s*)?(\w+)\s*[[(]/, // Go
  /^\s*(?:async\s+)?def\s+(?:self\.)?(\w+[?!]?)/, // Python, Ruby
  /^\s*(?:pub(?:\([^)]*\))?\s+)?(?:async\s+)?(?:unsafe\s+)?fn\s+(\w+)/, // Rust
  /^\s*(?:export\s+)?(?:default\s+)?(?:async\s+)?function\s*\*?\s*(\w+)/, // JS/TS, PHP
  /^\s*(?:(?:public|private|protected|static|final|abstract)\s+)*function\s+(\w+)\s*\(/, // PHP methods
  /^\s*(?:export\s+)?(?:const|let|var)\s+(\w+)\s*=\s*(?:async\s+)?(?:function\b|\([^)]*\)\s*(?::[^=]+)?=>|\w+\s*=>)/, // JS arrow functions
  /^\s*(?:(?:public|private|protected|internal|static|final|abstract|synchronized|override|virtual|async|suspend|open|readonly|sealed)\s+)*fun\s+(?:<[^>]+>\s+)?(?:[\w.]+\.)?(\w+)\s*\(/, // Kotlin
  /^\s*(?:(?:public|private|protected|internal|static|final|abstract|synchronized|override|virtual|async|extern|sealed|unsafe|native)\s+)+(?:<[^>]+>\s+)?[\w<>[\],.?]+\s+(\w+)\s*\(/, // Java, C#
  /^\s*(?:(?:public|private|protected|static|async|readonly|get|set)\s+)*(\w+)\s*\([^)]*\)\s*(?::\s*[^{=]+)?\{\s*$/, // JS/TS class methods
]

function definitionAt(line: string): string | null {
  for (const pattern of DEFINITIONS) {
    const match = pattern.exec(line)
    if (match && !NOT_NAMES.has(match[1])) return match[1]
  }
  return null
}

const indentOf = (line: string) => /^\s*/.exec(line)![0].replace(/\t/g, '    ').length

/**
 * The functions whose bodies hold the changed ranges of a file: for each range, the definitions
 * inside it and the nearest definition above it that is not indented deeper than the change.
 */
export function functionsAround(text: string, ranges: ReadonlyArray<readonly [number, number]>): string[] {
  const lines = text.split('\n')
  const found = new Set<string>()
  for (const [start, end] of ranges) {
    for (let n = start; n <= Math.min(end, lines.length); n++) {
      const name = definitionAt(lines[n - 1] ?? '')
      if (name) found.add(name)
    }
    const changedIndent = indentOf(lines[start - 1] ?? '')
    // A range that starts with a definition is that function (a new one, or its signature).
    if (definitionAt(lines[start - 1] ?? '') !== null) continue
    for (let n = start - 1; n >= 1; n--) {
      const line = lines[n - 1]
      if (line.trim() === '') continue
      const name = definitionAt(line)
      if (name && (indentOf(line) < changedIndent || line.trimEnd().endsWith('{') || /:\s*$/.test(line))) {
        found.add(name)
        break
      }
      // Back at the top level without a definition: the change is not inside a function.
      if (indentOf(line) === 0 && !name && /^[}\])]/.test(line) && changedIndent === 0) break
    }
  }
  return [...found]
}
