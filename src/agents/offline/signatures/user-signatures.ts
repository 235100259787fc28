import {UserError} from '../../../errors/errors.js'
import {formatIssues} from '../../../errors/format-issues.js'
import {builtInCatalogue} from './catalogue.js'
import {compileSignature, matchesMetric, matchLine, SignatureDefinitionError, type CompiledSignature} from './compile-signature.js'
import {UserSignatureSchema} from './signature-schema.js'

/**
 * The `signatures` entries of the user's config file, checked and compiled: a malformed entry, a
 * pattern that is not a regular expression or an example that does not behave as stated is a user
 * error naming the file and the entry, raised while the config is read (before any evidence is).
 */
export function compileUserSignatures(entries: readonly unknown[], file: string): CompiledSignature[] {
  const seen = new Set<string>()
  return entries.map((raw, index) => {
    const name = entryName(raw, index)
    const fail = (problem: string) =>
      new UserError(`${file}: signature ${name} is invalid: ${problem}`, {suggestions: ['See the README section "Failure signatures" for the fields an entry takes.']})
    const parsed = UserSignatureSchema.safeParse(raw)
    if (!parsed.success) throw fail(formatIssues(parsed.error, 3).join('; '))
    if (seen.has(parsed.data.id)) throw fail('another entry has the same id')
    seen.add(parsed.data.id)
    let signature: CompiledSignature
    try {
      signature = compileSignature(parsed.data)
    } catch (error) {
      if (error instanceof SignatureDefinitionError) throw fail(error.message)
      throw error
    }
    const metricOnly = signature.text.length === 0
    const matches = (line: string) => (metricOnly ? matchesMetric(signature, line) : matchLine(signature, line) !== null)
    for (const example of parsed.data.examples?.match ?? []) {
      const line = typeof example === 'string' ? example : example.line
      if (!matches(line)) throw fail(`its example ${JSON.stringify(line.slice(0, 120))} does not match`)
    }
    for (const line of parsed.data.examples?.nonMatch ?? []) {
      if (matches(line)) throw fail(`its counter-example ${JSON.stringify(line.slice(0, 120))} matches`)
    }
    return signature
  })
}

/** The built-in catalogue with the user's entries first; a user entry with a built-in's id replaces it. */
export function catalogueWith(user: readonly CompiledSignature[]): readonly CompiledSignature[] {
  if (user.length === 0) return builtInCatalogue()
  const ids = new Set(user.map((signature) => signature.id))
  return [...user, ...builtInCatalogue().filter((signature) => !ids.has(signature.id))]
}

function entryName(raw: unknown, index: number): string {
  const id = raw !== null && typeof raw === 'object' && typeof (raw as {id?: unknown}).id === 'string' ? (raw as {id: string}).id : null
  return id ? `"${id}" (signatures[${index}])` : `signatures[${index}]`
}
