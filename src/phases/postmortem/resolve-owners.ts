import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import {ownersFor} from '../../evidence/git/codeowners.js'
import type {Rca} from '../../incident/rca.js'

const CAUSE_ROLE: Readonly<Partial<Record<Rca['rootCause']['category'], string>>> = {
  'database-migration': 'Database owners',
  'database-saturation': 'Database owners',
  'security-attack': 'Security team',
  'certificate-expiry': 'Platform / SRE team',
  network: 'Platform / SRE team',
  'traffic-surge': 'Platform / SRE team',
}

/**
 * Owners for action items: the CODEOWNERS team of the causal change's files when the repo has
 * one (teams only), else the configured default owner, else a role. Never a person.
 */
export async function resolveOwners(input: {repo: string | null; rca: Rca; facts: EvidenceFacts; service: string | null; defaultOwner?: string}): Promise<{cause: string; service: string; sre: string}> {
  const serviceRole = input.defaultOwner ?? `${input.service ?? 'Service'} owners`
  const change = input.facts.changes.find((item) => item.sha === input.rca.rootCause.change?.sha)
  const teams = input.repo && change ? await ownersFor(input.repo, change.files).catch(() => []) : []
  const cause = teams.length > 0 ? teams.map((team) => `@${team}`).join(', ') : (CAUSE_ROLE[input.rca.rootCause.category] ?? serviceRole)
  return {cause, service: serviceRole, sre: 'SRE on-call rotation'}
}
