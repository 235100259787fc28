import {Command, Errors} from '@oclif/core'

import {formatErrorForTerminal, mapError} from '../errors/exit-boundary.js'

/** Routes every error through the one exit boundary: a clear line (or JSON), the right exit code. */
export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true

  protected override async catch(error: Error & {exitCode?: number}): Promise<never> {
    if (error instanceof Errors.ExitError) throw error
    const mapped = mapError(error)
    if (this.jsonEnabled()) {
      this.logJson({error: {kind: mapped.kind, message: mapped.message, suggestions: mapped.suggestions, exitCode: mapped.exitCode}})
    } else {
      process.stderr.write(formatErrorForTerminal(mapped) + '\n')
    }
    if (mapped.detail && (process.env.DEBUG ?? '').includes('incident-response')) process.stderr.write(mapped.detail + '\n')
    this.exit(mapped.exitCode)
  }
}
