import {BLAME_RULES} from './blame-rules.js'
import {ANYONE_PATTERNS, buildPersonPatterns, isRoleAccount} from './person-patterns.js'
import {proseLines} from './prose-lines.js'

export interface LintFinding {
  /** 1-based line and column of the match in the input text. */
  line: number
  column: number
  rule: string
  match: string
  message: string
  suggestion: string
}

export interface BlamelessLintOptions {
  /** People known from git authors, responders or config; matched as whole words, any case. */
  names?: string[]
  emails?: string[]
}

const PERSON_MESSAGE = {
  'person-name': 'names a person',
  'person-email': 'an individual\'s email address',
  'person-handle': 'a person\'s handle',
} as const

const PERSON_SUGGESTION = 'name the role or team (e.g. "the on-call engineer", "the payments team") or the change (its sha)'

interface Span {
  start: number
  end: number
}

function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end && (outer.end - outer.start) > (inner.end - inner.start)
}

/**
 * Flags blame language and named individuals in a Markdown postmortem. Code blocks and inline
 * code are skipped. Pure: the caller reads the file and decides the exit code.
 */
export function lintBlameless(text: string, options: BlamelessLintOptions = {}): LintFinding[] {
  const people = buildPersonPatterns(options)
  const findings: LintFinding[] = []

  for (const {line, text: prose} of proseLines(text)) {
    for (const rule of BLAME_RULES) {
      for (const m of prose.matchAll(rule.pattern)) {
        findings.push({line, column: m.index + 1, rule: rule.rule, match: m[0], message: rule.message, suggestion: rule.suggestion})
      }
    }

    // A full name also matches by its parts; report the longest match only.
    const personMatches: Array<Span & {rule: keyof typeof PERSON_MESSAGE; match: string}> = []
    for (const person of people) {
      for (const m of prose.matchAll(person.pattern)) {
        personMatches.push({start: m.index, end: m.index + m[0].length, rule: person.rule, match: m[0]})
      }
    }
    for (const anyone of ANYONE_PATTERNS) {
      for (const m of prose.matchAll(anyone.pattern)) {
        if (isRoleAccount(m[1]) || personMatches.some((other) => other.start <= m.index && m.index + m[0].length <= other.end)) continue
        personMatches.push({start: m.index, end: m.index + m[0].length, rule: anyone.rule, match: m[0]})
      }
    }
    for (const candidate of personMatches) {
      if (personMatches.some((other) => contains(other, candidate))) continue
      if (findings.some((f) => f.line === line && f.column === candidate.start + 1 && f.rule === candidate.rule)) continue
      findings.push({
        line,
        column: candidate.start + 1,
        rule: candidate.rule,
        match: candidate.match,
        message: `"${candidate.match}" ${PERSON_MESSAGE[candidate.rule]}`,
        suggestion: PERSON_SUGGESTION,
      })
    }
  }

  return findings.sort((a, b) => a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule))
}
