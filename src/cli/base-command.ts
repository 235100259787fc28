import {format} from 'node:util'

import {Command, Errors} from '@oclif/core'

import {formatErrorForTerminal, mapError} from '../errors/exit-boundary.js'
import {terminalOutput} from '../output/safe-text.js'
import {terminalStyle} from './terminal.js'

/** Routes every error through the one exit boundary: a clear line (or JSON), the right exit code. */
export abstract class BaseCommand extends Command {
  static override enableJsonFlag = true

  /** What a command prints may quote evidence: no escape sequence of its own reaches the terminal. */
  override log(message = '', ...args: unknown[]): void {
    super.log(terminalOutput(format(message, ...args), terminalStyle().color))
  }

  override logToStderr(message = '', ...args: unknown[]): void {
    super.logToStderr(terminalOutput(format(message, ...args), terminalStyle().color))
  }

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
