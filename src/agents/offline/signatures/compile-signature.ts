import type {RootCauseCategory} from '../../../incident/vocabulary.js'
import {FAILURE_CLASS_INFO, type FailureClass, type FailureClassInfo} from './failure-classes.js'
import {DURATION_GROUPS, EXTRACT_FIELDS, type ExtractField, type SignatureEntry, type UserSignature} from './signature-schema.js'

/** A catalogue entry ready to match: its regular expressions built once. */
export interface CompiledSignature {
  id: string
  ecosystem: string
  failure: FailureClass
  category: RootCauseCategory
  info: FailureClassInfo
  title: string
  extracts: readonly ExtractField[]
  /** Ids of entries whose hits this one's presence turns into its consequences. */
  supersedes: readonly string[]
  mitigation: string | null
  nextSteps: readonly string[]
  source: string | null
  /** Tried on every log line of a signal. */
  text: readonly RegExp[]
  /** Tried on metric series names. */
  metrics: readonly RegExp[]
}

/** An entry that cannot be compiled: the message names the part at fault. */
export class SignatureDefinitionError extends Error {}

const SIGNAL_NUMBERS: Readonly<Record<string, {number: number; word: string | null}>> = {
  SIGKILL: {number: 9, word: 'killed'},
  SIGSEGV: {number: 11, word: 'segmentation fault'},
  SIGTERM: {number: 15, word: 'terminated'},
  SIGABRT: {number: 6, word: 'aborted'},
  SIGBUS: {number: 7, word: 'bus error'},
  SIGINT: {number: 2, word: 'interrupt'},
  SIGILL: {number: 4, word: 'illegal instruction'},
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function compileSignature(entry: SignatureEntry | UserSignature): CompiledSignature {
  const {match} = entry
  const text: RegExp[] = match.patterns.map((pattern, index) => compilePattern(pattern, `match.patterns[${index}]`, match.caseSensitive ? '' : 'i'))
  if (match.exceptions.length > 0) {
    // Whole names: `OutOfMemoryError` in `java.lang.OutOfMemoryError:` but not in `MyOutOfMemoryErrorHandler`.
    text.push(new RegExp(`(?<![\\w$])(?:${match.exceptions.map(escapeRegExp).join('|')})(?![\\w$])`))
  }
  if (match.exitCodes.length > 0) {
    text.push(new RegExp(`(?:exit(?:ed)?\\s+(?:with\\s+)?(?:code|status)|exit[_ -]?code|exitcode|return\\s?code)["'=:\\s]{1,3}(?:${match.exitCodes.join('|')})\\b`, 'i'))
  }
  for (const name of match.signals) {
    const known = SIGNAL_NUMBERS[name]
    const alternatives = [`\\b${name}\\b`, ...(known ? [`\\bsignal:?\\s+${known.number}\\b`, ...(known.word ? [`\\bsignal:?\\s+${known.word}\\b`] : [])] : [])]
    text.push(new RegExp(alternatives.join('|'), 'i'))
  }
  if (match.k8sReasons.length > 0) text.push(new RegExp(`(?<![A-Za-z])(?:${match.k8sReasons.join('|')})(?![A-Za-z])`))
  if (match.httpStatuses.length > 0) {
    const codes = match.httpStatuses.join('|')
    text.push(
      new RegExp(
        `(?:\\bstatus(?:[_ .-]?code)?["']?\\s*[=:]\\s*["']?|\\bHTTP\\/\\d(?:\\.\\d)?"?\\s+|\\b(?:responded|returned|answered|received|got)\\s+(?:with\\s+)?(?:(?:status|HTTP|code)\\s+)?|\\bstatus\\s+)(?:${codes})\\b`,
        'i',
      ),
    )
  }
  const metrics = match.metrics.map((pattern, index) => compilePattern(pattern, `match.metrics[${index}]`, 'i'))
  checkGroups(entry, text)
  const info = FAILURE_CLASS_INFO[entry.failure]
  return {
    id: entry.id,
    ecosystem: entry.ecosystem,
    failure: entry.failure,
    category: entry.category ?? info.category,
    info,
    title: entry.title ?? entry.id,
    extracts: entry.extracts,
    supersedes: entry.supersedes,
    mitigation: entry.mitigation ?? null,
    nextSteps: entry.nextSteps,
    source: entry.source ?? null,
    text,
    metrics,
  }
}

function compilePattern(pattern: string, where: string, flags: string): RegExp {
  try {
    return new RegExp(pattern, flags)
  } catch (error) {
    throw new SignatureDefinitionError(`${where} ${JSON.stringify(pattern)} is not a valid regular expression (${(error as Error).message.replace(/^Invalid regular expression: /, '')})`)
  }
}

/** Every named group must be a known field, and every declared field must have a group. */
function checkGroups(entry: SignatureEntry | UserSignature, regexes: readonly RegExp[]): void {
  const groups = new Set<string>()
  for (const regex of regexes) for (const [, name] of regex.source.matchAll(/\(\?<([A-Za-z_]\w*)>/g)) groups.add(name)
  const fieldOf = (group: string) => DURATION_GROUPS[group]?.field ?? group
  for (const group of groups) {
    if (!(EXTRACT_FIELDS as readonly string[]).includes(fieldOf(group))) {
      throw new SignatureDefinitionError(`pattern group "${group}" is not a field it can extract (${EXTRACT_FIELDS.join(', ')})`)
    }
  }
  const provided = new Set([...groups].map(fieldOf))
  const missing = entry.extracts.filter((field) => !provided.has(field))
  if (missing.length > 0) throw new SignatureDefinitionError(`extracts ${missing.join(', ')} but no pattern has a group of that name`)
}

export type Extracted = Partial<Record<ExtractField, string[]>>

/**
 * Whether any of the lines matches, and the values its named groups captured, in the order found
 * (a template's masked `<*>` is never a value). Null when nothing matches.
 */
export function matchLines(signature: CompiledSignature, lines: readonly string[]): Extracted | null {
  let matched = false
  const extracted: Extracted = {}
  for (const line of lines) {
    for (const regex of signature.text) {
      const found = regex.exec(line)
      if (!found) continue
      matched = true
      for (const [group, raw] of Object.entries(found.groups ?? {})) {
        if (raw === undefined || raw === '' || raw.includes('<*>')) continue
        const duration = DURATION_GROUPS[group]
        const field = (duration?.field ?? group) as ExtractField
        const value = duration ? `${raw}${duration.unit}` : raw.replace(/[.,;:]+$/, '')
        const values = (extracted[field] ??= [])
        if (!values.includes(value) && values.length < 8) values.push(value)
      }
    }
  }
  return matched ? extracted : null
}

/** The first value of each field one line yields, or null when the line does not match (for tests and examples). */
export function matchLine(signature: CompiledSignature, line: string): Record<string, string> | null {
  const extracted = matchLines(signature, [line])
  if (extracted === null) return null
  return Object.fromEntries(Object.entries(extracted).map(([field, values]) => [field, values[0]]))
}

export function matchesMetric(signature: CompiledSignature, name: string): boolean {
  return signature.metrics.some((regex) => regex.test(name))
}
