import {UsageError} from '../errors/errors.js'
import {parseSeverity, type Severity} from './severity.js'
import {type Symptom, SYMPTOMS, SymptomSchema} from './vocabulary.js'

export function parseSeverityFlag(input: string): Severity {
  const severity = parseSeverity(input)
  if (!severity) {
    throw new UsageError(`Unknown severity "${input}".`, {suggestions: ['Use --severity p0, p1 or p2.']})
  }
  return severity
}

/** `a,b` (or repeated flags) → validated symptoms; every unknown one is named at once. */
export function parseSymptomsFlag(values: readonly string[]): Symptom[] {
  const names = values.flatMap((value) => value.split(',')).map((value) => value.trim().toLowerCase()).filter(Boolean)
  const unknown = names.filter((name) => !SymptomSchema.safeParse(name).success)
  if (unknown.length > 0) {
    throw new UsageError(`Unknown symptom${unknown.length > 1 ? 's' : ''}: ${unknown.join(', ')}.`, {
      suggestions: [`Symptoms are: ${SYMPTOMS.join(', ')}.`],
    })
  }
  if (names.length === 0) throw new UsageError('No symptoms given.', {suggestions: [`Pass --symptoms with one or more of: ${SYMPTOMS.join(', ')}.`]})
  return [...new Set(names)] as Symptom[]
}
