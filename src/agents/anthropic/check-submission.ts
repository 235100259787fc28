import type {Finding} from '../../incident/finding.js'
import {SubmissionSchema} from './agent-tools.js'
import {formatIssues} from '../../errors/format-issues.js'

export type SubmissionCheck =
  | {ok: true; summary: string; findings: Finding[]; droppedFindings: number; limitations: string[]}
  | {ok: false; issues: string[]}

/**
 * Validates the model's `submit_findings` input and holds every finding to its citations:
 * ids the model made up are removed, and a finding left without any real evidence is dropped
 * (and counted) rather than passed on to the RCA.
 */
export function checkSubmission(rawInput: unknown, knownIds: ReadonlySet<string>): SubmissionCheck {
  const parsed = SubmissionSchema.safeParse(rawInput)
  if (!parsed.success) return {ok: false, issues: formatIssues(parsed.error)}

  const findings: Finding[] = []
  const unknownIds = new Set<string>()
  let droppedFindings = 0
  for (const finding of parsed.data.findings) {
    const cited = [...new Set(finding.evidenceIds)]
    const known = cited.filter((id) => knownIds.has(id))
    for (const id of cited) if (!knownIds.has(id)) unknownIds.add(id)
    if (known.length === 0) droppedFindings++
    else findings.push({...finding, evidenceIds: known})
  }

  const limitations: string[] = []
  if (droppedFindings > 0) {
    limitations.push(`${droppedFindings} finding(s) from Claude dropped: they cited no evidence id that exists.`)
  }
  if (unknownIds.size > 0) {
    limitations.push(`Claude cited unknown evidence ids, removed: ${[...unknownIds].slice(0, 10).join(', ')}.`)
  }
  return {ok: true, summary: parsed.data.summary, findings, droppedFindings, limitations}
}
