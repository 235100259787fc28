import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

export interface CodeownersRule {
  pattern: RegExp
  /** Teams only (`org/team`); an empty list un-owns the matched paths. */
  teams: string[]
}

// GitHub's lookup order: the first of these that exists is the one used.
const CODEOWNERS_LOCATIONS = ['.github/CODEOWNERS', 'CODEOWNERS', 'docs/CODEOWNERS']

/**
 * The owning teams of `paths` from the repository's CODEOWNERS (last matching rule wins, as on
 * GitHub). Individuals and emails are dropped: action items are owned by a team, never a person.
 * No CODEOWNERS file → no owners.
 */
export async function ownersFor(repo: string, paths: string[]): Promise<string[]> {
  for (const location of CODEOWNERS_LOCATIONS) {
    const text = await readFile(join(repo, location), 'utf8').catch(() => null)
    if (text !== null) return teamsFor(parseCodeowners(text), paths)
  }
  return []
}

export function teamsFor(rules: CodeownersRule[], paths: string[]): string[] {
  const teams = new Set<string>()
  for (const path of paths) {
    const normalised = path.replace(/^\.?\//, '')
    const rule = rules.findLast((r) => r.pattern.test(normalised))
    for (const team of rule?.teams ?? []) teams.add(team)
  }
  return [...teams]
}

export function parseCodeowners(text: string): CodeownersRule[] {
  const rules: CodeownersRule[] = []
  for (const raw of text.split('\n')) {
    const line = raw.replace(/(^|\s)#.*$/, '').trim()
    if (line === '' || line.startsWith('[')) continue
    const [pattern, ...owners] = line.split(/\s+/)
    const teams = owners.filter((o) => /^@[^/\s]+\/\S+$/.test(o)).map((o) => o.slice(1))
    rules.push({pattern: patternToRegExp(pattern), teams})
  }
  return rules
}

/**
 * gitignore-style matching as GitHub applies it to CODEOWNERS: a pattern without an inner slash
 * matches at any depth, a leading or inner slash anchors it at the root, a matched directory owns
 * everything below it, and `dir/*` owns only the files directly in `dir`.
 */
export function patternToRegExp(pattern: string): RegExp {
  const dirOnly = pattern.endsWith('/')
  const trimmed = pattern.replace(/^\//, '').replace(/\/$/, '')
  const anchored = pattern.startsWith('/') || trimmed.includes('/')
  let body = ''
  for (let i = 0; i < trimmed.length; i++) {
    const char = trimmed[i]
    if (char === '*' && trimmed[i + 1] === '*') {
      const slashAfter = trimmed[i + 2] === '/'
      body += slashAfter ? '(?:.*/)?' : '.*'
      i += slashAfter ? 2 : 1
    } else if (char === '*') {
      body += '[^/]*'
    } else if (char === '?') {
      body += '[^/]'
    } else {
      body += char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
    }
  }
  const ownsOnlyDirectChildren = trimmed.endsWith('/*') && !trimmed.endsWith('**/*')
  const below = ownsOnlyDirectChildren ? '' : dirOnly ? '/.*' : '(?:/.*)?'
  return new RegExp(`^${anchored ? '' : '(?:.*/)?'}${body}${below}$`)
}
