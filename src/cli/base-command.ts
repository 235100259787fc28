import {Command, Errors} from '@oclif/core'

import {formatErrorForTerminal, mapError} from '../errors/exit-boundary.js'
import {UsageError} from '../errors/errors.js'
import {explainParseError} from './explain-parse-error.js'

/** Routes every error through the one exit boundary: a clear line (or JSON), the right exit code. */
export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true

  protected override async catch(error: Error & {exitCode?: number}): Promise<never> {
    if (error instanceof Errors.ExitError) throw error
    const mapped = mapError(this.explained(error))
    if (this.jsonEnabled()) {
      this.logJson({error: {kind: mapped.kind, message: mapped.message, suggestions: mapped.suggestions, exitCode: mapped.exitCode}})
    } else {
      process.stderr.write(formatErrorForTerminal(mapped) + '\n')
    }
    if (mapped.detail && (process.env.DEBUG ?? '').includes('incident-response')) process.stderr.write(mapped.detail + '\n')
    this.exit(mapped.exitCode)
  }

  /** A parse error of oclif's, reworded with what this command takes. */
  private explained(error: Error): Error {
    const ctor = this.ctor as typeof Command
    const example = ctor.examples?.[0]
    const exampleText = typeof example === 'string' ? example : (example?.command ?? null)
    const explained = explainParseError(error, {
      id: this.id ?? 'run',
      flags: (ctor.flags ?? {}) as Record<string, {char?: string; aliases?: string[]}>,
      args: (ctor.args ?? {}) as Record<string, {description?: string}>,
      example: exampleText ? exampleText.replaceAll('<%= config.bin %>', this.config.bin) : null,
    })
    return explained ? new UsageError(explained.message, {suggestions: explained.suggestions, cause: error}) : error
  }
}
