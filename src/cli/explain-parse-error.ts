import {closest} from './did-you-mean.js'

export interface CommandSpec {
  id: string
  flags: Readonly<Record<string, {char?: string; aliases?: string[]}>>
  args: Readonly<Record<string, {description?: string}>>
  /** The command's first example, already rendered. */
  example: string | null
}

/**
 * oclif's parse errors in our words: a mistyped flag gets a "did you mean", a missing argument is
 * named (oclif's message lists it on a second line, which a one-line error loses). Null for
 * anything else, which the exit boundary handles as before.
 */
export function explainParseError(error: Error, spec: CommandSpec): {message: string; suggestions: string[]} | null {
  const name = error.constructor.name
  if (name === 'NonExistentFlagsError') {
    const unknown = ((error as {flags?: string[]}).flags ?? []).map(String)
    const known = Object.entries(spec.flags).flatMap(([flag, definition]) => [`--${flag}`, ...(definition.aliases ?? []).map((alias) => `--${alias}`)])
    const suggestions = unknown.flatMap((flag) => {
      const guess = closest(flag.replace(/=.*$/, ''), known)
      return guess ? [`Did you mean ${guess}?`] : []
    })
    suggestions.push(`Run \`incident-response ${spec.id === 'run' ? '' : `${spec.id} `}--help\` for the flags it takes.`)
    return {message: `Unknown flag${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}${spec.id === 'run' ? '' : ` for \`${spec.id}\``}.`, suggestions}
  }
  if (name === 'RequiredArgsError') {
    const missing = ((error as {args?: Array<{name: string; description?: string}>}).args ?? []).map((arg) => `${arg.name.toUpperCase()}${arg.description ?? spec.args[arg.name]?.description ? ` (${(arg.description ?? spec.args[arg.name]?.description)!.replace(/\.$/, '')})` : ''}`)
    return {
      message: `Missing the ${missing.join(' and the ')} argument${missing.length === 1 ? '' : 's'} of \`${spec.id}\`.`,
      suggestions: spec.example ? [`For example: ${spec.example}`] : [],
    }
  }
  if (name === 'UnexpectedArgsError') {
    const extra = ((error as {args?: unknown[]}).args ?? []).map(String)
    return {message: `Unexpected argument${extra.length === 1 ? '' : 's'} ${extra.map((arg) => `"${arg}"`).join(', ')} for \`${spec.id}\`.`, suggestions: ['Put text with spaces in quotes, and give flags as --name value.']}
  }
  // A flag value oclif refused (`--threads 0`, `--threads two`): its reason sits on the second line.
  const value = /^Parsing (--[\w-]+)\s*\n\s*(.+)/.exec(error.message)
  if (value) {
    const reason = value[2].trim().replace(/\.$/, '')
    return {message: `${value[1]}: ${reason.charAt(0).toLowerCase()}${reason.slice(1)}.`, suggestions: [`Run \`incident-response ${spec.id === 'run' ? '' : `${spec.id} `}--help\` for the flags it takes.`]}
  }
  return null
}
