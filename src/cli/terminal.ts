import chalk, {type ChalkInstance} from 'chalk'

export interface TerminalStyle {
  /** stderr is a terminal: spinners are fine. */
  tty: boolean
  /** stdin and stdout are terminals: prompts are possible. */
  interactive: boolean
  color: boolean
  chalk: ChalkInstance
}

/** Spinners and colour only on a TTY; NO_COLOR (any value) turns colour off. */
export function terminalStyle(env: NodeJS.ProcessEnv = process.env): TerminalStyle {
  const color = Boolean(process.stdout.isTTY) && env.NO_COLOR === undefined && env.TERM !== 'dumb'
  if (!color) chalk.level = 0
  return {
    // A terminal that reports no width (some PTYs) would make a spinner redraw forever.
    tty: Boolean(process.stderr.isTTY) && (process.stderr.columns ?? 0) > 0 && env.TERM !== 'dumb',
    interactive: Boolean(process.stdin.isTTY && process.stdout.isTTY),
    color,
    chalk,
  }
}
