import {buildPersonPatterns} from '../../lint/person-patterns.js'

/**
 * Replace known people's names and emails with a role, so a postmortem never names an individual
 * even when a commit subject or a note does. Uses the blameless lint's patterns, so bot accounts
 * ("GitHub Actions") and names that are also words ("will", "max") are treated the same way in
 * both places. Emails first, then names, the longest first so a full name wins over its parts.
 */
export function scrubPeople(text: string, people: {names: readonly string[]; emails: readonly string[]}): string {
  const patterns = buildPersonPatterns({names: [...people.names], emails: [...people.emails]})
  const emails = patterns.filter((p) => p.rule === 'person-email')
  const names = patterns.filter((p) => p.rule === 'person-name')
  const longestFirst = (a: {pattern: RegExp}, b: {pattern: RegExp}) => b.pattern.source.length - a.pattern.source.length
  let out = text
  for (const {pattern} of emails.sort(longestFirst)) out = out.replace(pattern, '[a responder]')
  for (const {pattern} of names.sort(longestFirst)) out = out.replace(pattern, 'a responder')
  return out
}
