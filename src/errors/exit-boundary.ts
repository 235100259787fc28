import {terminalText} from '../output/safe-text.js'
import {AppError, IntegrationError, ModelOutputError} from './errors.js'

export interface MappedError {
  kind: 'usage' | 'user' | 'locked' | 'integration' | 'model-output' | 'internal'
  message: string
  suggestions: string[]
  exitCode: number
  /** Only for bugs: the stack, shown with DEBUG=incident-response:* */
  detail: string | null
}

/** The one place that turns any error into what the user sees and the exit code. */
export function mapError(error: unknown): MappedError {
  if (error instanceof AppError) {
    return {
      kind: kindOf(error),
      message: error.message,
      suggestions: error.suggestions,
      exitCode: error.exitCode,
      detail: error.name === 'InternalError' ? (error.stack ?? null) : null,
    }
  }
  // oclif's own parse errors (unknown flag, bad option) carry their exit code; they are usage errors.
  const oclif = (error as {oclif?: {exit?: number}} | null)?.oclif
  if (error instanceof Error && oclif?.exit !== undefined) {
    const suggestions = suggestionsOf(error)
    if (oclif.exit === 2 && suggestions.length === 0) suggestions.push('Run `incident-response --help` (or `incident-response <command> --help`) for the flags it takes.')
    return {kind: oclif.exit === 2 ? 'usage' : 'user', message: firstLine(error.message), suggestions, exitCode: oclif.exit, detail: null}
  }
  const message = error instanceof Error ? error.message : String(error)
  return {
    kind: 'internal',
    message: `Internal error: ${message}`,
    suggestions: ['This is a bug in incident-response. Re-run with DEBUG=incident-response:* for details and report it.'],
    exitCode: 1,
    detail: error instanceof Error ? (error.stack ?? null) : null,
  }
}

function kindOf(error: AppError): MappedError['kind'] {
  if (error instanceof IntegrationError) return 'integration'
  if (error instanceof ModelOutputError) return 'model-output'
  switch (error.exitCode) {
    case 2: {
      return 'usage'
    }
    case 3: {
      return 'locked'
    }
    default: {
      return error.name === 'InternalError' ? 'internal' : 'user'
    }
  }
}

function suggestionsOf(error: Error): string[] {
  const suggestions = (error as {suggestions?: unknown}).suggestions
  return Array.isArray(suggestions) ? suggestions.map(String) : []
}

function firstLine(text: string): string {
  return text.split('\n').find((line) => line.trim() !== '')?.trim() ?? text
}

/** An error's message can quote input (a path, a value): it is printed without control characters. */
export function formatErrorForTerminal(mapped: MappedError): string {
  const lines = [`Error: ${terminalText(mapped.message)}`]
  for (const suggestion of mapped.suggestions) lines.push(`  → ${terminalText(suggestion)}`)
  return lines.join('\n')
}
