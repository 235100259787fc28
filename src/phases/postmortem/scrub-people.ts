/**
 * Replace known people's names and emails with a role, so a postmortem never names an individual
 * even when a commit subject or a note does. Whole words, any case; the longest names first so a
 * full name wins over its parts.
 */
export function scrubPeople(text: string, people: {names: readonly string[]; emails: readonly string[]}): string {
  let out = text
  for (const email of [...people.emails].filter(Boolean).sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(escapeRegExp(email), 'gi'), '[a responder]')
  }
  const names = [...new Set(people.names.flatMap((name) => [name, ...name.split(/\s+/)]))].filter((name) => name.length >= 3)
  for (const name of names.sort((a, b) => b.length - a.length)) {
    out = out.replace(new RegExp(`(?<![\\p{L}\\p{N}_])${escapeRegExp(name)}(?![\\p{L}\\p{N}_])`, 'giu'), 'a responder')
  }
  return out
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}
