/**
 * Turns the people we know about (git authors, responders, config) into match patterns.
 * A full name is matched whole and by its parts, so "Ada Lovelace", "Ada" and "Lovelace" are all
 * caught; parts under three characters are too ambiguous to match.
 */
export interface PersonPattern {
  rule: 'person-name' | 'person-email' | 'person-handle'
  pattern: RegExp
}

const MIN_NAME_LENGTH = 3

/** Words that show up in automation accounts ("GitHub Actions", "Deploy Bot"), never a person. */
const NON_PERSON_PARTS = new Set([
  'actions', 'admin', 'automation', 'bot', 'build', 'ci', 'deploy', 'deployer', 'dev', 'example', 'github',
  'gitlab', 'jenkins', 'local', 'noreply', 'ops', 'release', 'renovate', 'root', 'runner', 'service', 'system',
  'team', 'test', 'the', 'user',
])

/**
 * Names that are also everyday words: as a lone part they only match when capitalised, so "we
 * will mark it" and "max connections" are not flagged for Will, Mark or Max. The full name still
 * matches in any case.
 */
const WORD_LIKE_NAMES = new Set([
  'amber', 'april', 'art', 'baker', 'banks', 'bill', 'black', 'brown', 'cash', 'chance', 'chase', 'cook',
  'dale', 'dash', 'dawn', 'don', 'drew', 'faith', 'field', 'forest', 'frank', 'gene', 'glen', 'grace', 'grant',
  'gray', 'green', 'grey', 'guy', 'hall', 'heath', 'holly', 'hope', 'hunter', 'iris', 'ivy', 'jack', 'joy',
  'june', 'king', 'lane', 'long', 'mark', 'mason', 'max', 'may', 'miles', 'miller', 'page', 'penny', 'pierce',
  'price', 'ray', 'reed', 'rice', 'rich', 'river', 'rose', 'sandy', 'sky', 'stone', 'summer', 'wade', 'wall',
  'ward', 'white', 'will', 'young',
])

const WORD_CHAR = String.raw`[\p{L}\p{N}_]`

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

function wordPattern(text: string, caseSensitive: boolean): RegExp {
  const body = escapeRegExp(text).replace(/\s+/g, String.raw`\s+`)
  return new RegExp(`(?<!${WORD_CHAR})${body}(?!${WORD_CHAR})`, caseSensitive ? 'gu' : 'giu')
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase()
}

function isAutomationAccount(name: string): boolean {
  return /\[bot\]|\bbot\b/i.test(name) || name.split(' ').every((part) => NON_PERSON_PARTS.has(part.toLowerCase()))
}

export function buildPersonPatterns(people: {names?: string[]; emails?: string[]}): PersonPattern[] {
  const patterns: PersonPattern[] = []
  const seen = new Set<string>()
  const add = (rule: PersonPattern['rule'], pattern: RegExp) => {
    const key = `${rule}/${pattern.source}/${pattern.flags}`
    if (seen.has(key)) return
    seen.add(key)
    patterns.push({rule, pattern})
  }

  for (const raw of people.names ?? []) {
    const name = raw.trim().replace(/\s+/g, ' ')
    if (name.length < MIN_NAME_LENGTH || isAutomationAccount(name)) continue
    const parts = name.split(' ')
    if (parts.length > 1) add('person-name', wordPattern(name, false))
    for (const part of parts) {
      const lower = part.toLowerCase()
      if (part.length < MIN_NAME_LENGTH || NON_PERSON_PARTS.has(lower)) continue
      if (WORD_LIKE_NAMES.has(lower)) add('person-name', wordPattern(capitalised(part), true))
      else add('person-name', wordPattern(part, false))
    }
  }

  for (const raw of people.emails ?? []) {
    const email = raw.trim()
    if (!email.includes('@')) continue
    // Emails are bounded by anything that cannot be part of an address.
    add('person-email', new RegExp(`(?<![\\w.+-])${escapeRegExp(email)}(?![\\w.-])`, 'gi'))
  }
  return patterns
}

/** Mailboxes and mentions of a role or a group, not of a person. */
const ROLE_ACCOUNTS = new Set([
  'admin', 'alerts', 'all', 'billing', 'channel', 'devops', 'everyone', 'help', 'here', 'incident', 'incidents', 'info', 'infra',
  'noreply', 'no-reply', 'oncall', 'on-call', 'ops', 'platform', 'postmaster', 'root', 'security', 'sre', 'support', 'team',
])

/**
 * People the linter can know without being told: any e-mail address (a role mailbox such as
 * oncall@ aside) and any @handle that is not a team (`@org/team`) or a group mention (`@here`).
 */
export const ANYONE_PATTERNS: readonly PersonPattern[] = [
  {rule: 'person-email', pattern: /(?<![\w.+-])([\w.+-]+)@[a-z0-9-]+(?:\.[a-z0-9-]+)+(?![\w.-])/gi},
  {rule: 'person-handle', pattern: /(?<![\w.@/+-])@([a-z0-9](?:[a-z0-9-]{0,37}[a-z0-9])?)(?![\w/@-]|\.[a-z0-9])/gi},
]

/** Whether a generic match names a role (oncall@…, @here) rather than a person. */
export function isRoleAccount(local: string): boolean {
  const name = local.toLowerCase()
  return ROLE_ACCOUNTS.has(name) || ROLE_ACCOUNTS.has(name.replace(/[-_.]?(team|bot|alerts?)$/, '')) || /bot$|\[bot\]$/.test(name)
}
