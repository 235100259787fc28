import {closest} from './did-you-mean.js'

/** The commands besides the default one; `run` takes no arguments, so any other word is a command. */
export const COMMANDS = ['run', 'note', 'mitigate', 'resolve', 'list', 'show', 'postmortem', 'lint', 'stats', 'sync', 'help'] as const
const ROOT_ONLY = new Set(['--help', '-h', '--version', '-v'])

/**
 * The argv oclif should see: the pipeline is the default command (`incident-response --severity
 * p0 …` runs `run`), root help and version stay at the root, and a first word that is not a
 * command is a mistyped command — reported with the closest one instead of being handed to
 * `run` as an argument it does not take.
 */
export function routeArgv(argv: readonly string[]): {args: string[]} | {error: string; suggestion: string} {
  const first = argv[0]
  if (first === undefined) return {args: ['run']}
  if ((COMMANDS as readonly string[]).includes(first) || ROOT_ONLY.has(first)) return {args: [...argv]}
  if (first.startsWith('-')) return {args: ['run', ...argv]}
  const guess = closest(first, COMMANDS)
  return {
    error: `Unknown command "${first}".`,
    suggestion: guess ? `Did you mean \`incident-response ${guess}\`? (\`incident-response --help\` lists the commands.)` : 'Run `incident-response --help` for the commands; without a command, the flags go to the pipeline (`run`).',
  }
}
