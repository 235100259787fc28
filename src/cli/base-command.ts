import {format} from 'node:util'

import {Command, Errors} from '@oclif/core'

import {formatErrorForTerminal, mapError} from '../errors/exit-boundary.js'
import {UsageError} from '../errors/errors.js'
import {explainParseError} from './explain-parse-error.js'
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

  /**
   * JSON escapes C0 controls itself, but not DEL, the C1 controls (an 8-bit CSI is one) or the
   * bidirectional overrides: those are written as \u escapes too, so the JSON reads the same.
   */
  override logJson(json: unknown): void {
    process.stdout.write(JSON.stringify(json, null, 2).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`) + '\n')
  }

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
