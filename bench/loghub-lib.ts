/**
 * Pieces of the Loghub benchmark that are worth testing on their own: turning a Loghub
 * `log_format` into a regex, and Grouping Accuracy.
 */

/** Loghub's recipe: literal parts keep their regex source with space runs as \s+, fields become lazy named groups. */
export function logFormatToRegex(format: string): RegExp {
  const parts = format.split(/(<[^<>]+>)/)
  let source = ''
  for (const part of parts) {
    if (part === '') continue
    const field = /^<([^<>]+)>$/.exec(part)
    source += field ? `(?<${field[1]}>.*?)` : part.replace(/ +/g, String.raw`\s+`)
  }
  return new RegExp(`^${source}$`)
}

/**
 * Grouping Accuracy: a line is correct only when the set of lines in its predicted group equals
 * the set of lines in its true group. Returns correct lines / all lines.
 */
export function groupingAccuracy(predicted: readonly string[], truth: readonly string[]): number {
  if (predicted.length !== truth.length) throw new Error(`label count mismatch: ${predicted.length} vs ${truth.length}`)
  if (truth.length === 0) return 1
  const members = (labels: readonly string[]) => {
    const groups = new Map<string, number[]>()
    labels.forEach((label, index) => {
      const list = groups.get(label)
      if (list) list.push(index)
      else groups.set(label, [index])
    })
    return groups
  }
  const predictedGroups = members(predicted)
  const truthGroups = members(truth)
  let correct = 0
  for (const lines of predictedGroups.values()) {
    const label = truth[lines[0]]
    const truthLines = truthGroups.get(label)!
    if (truthLines.length === lines.length && lines.every((line) => truth[line] === label)) correct += lines.length
  }
  return correct / truth.length
}
