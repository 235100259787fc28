import ora, {type Ora} from 'ora'

/** What a phase runner reports; the CLI decides how it looks (spinner on a TTY, plain lines otherwise). */
export interface Progress {
  start(label: string): void
  succeed(detail?: string): void
  skip(detail: string): void
  fail(detail: string): void
  info(message: string): void
}

/** All progress goes to stderr: stdout is for the summary or the JSON object. */
export function createProgress(options: {tty: boolean; color: boolean; stream?: NodeJS.WriteStream}): Progress {
  const stream = options.stream ?? process.stderr
  let spinner: Ora | null = null
  let label = ''
  let startedAt = 0
  const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(1)} s`
  const line = (text: string) => stream.write(text + '\n')
  return {
    start(next) {
      label = next
      startedAt = Date.now()
      if (options.tty) spinner = ora({text: next, stream, color: 'cyan', isEnabled: true, isSilent: false}).start()
      else line(`▸ ${next}…`)
    },
    succeed(detail) {
      const text = `${label}${detail ? ` — ${detail}` : ''} (${elapsed()})`
      if (spinner) spinner.succeed(text)
      else line(`✔ ${text}`)
      spinner = null
    },
    skip(detail) {
      if (spinner) spinner.info(`${label} — ${detail}`)
      else line(`ℹ ${label} — ${detail}`)
      spinner = null
    },
    fail(detail) {
      if (spinner) spinner.fail(`${label} — ${detail}`)
      else line(`✖ ${label} — ${detail}`)
      spinner = null
    },
    info(message) {
      if (spinner) spinner.info(message).start(label)
      else line(`  ${message}`)
    },
  }
}
