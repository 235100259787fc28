import {join} from 'node:path'

import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import {factsFrom} from '../../evidence/facts-from-bundle.js'
import {suggestRollback, trackedFiles} from '../../evidence/git/rollback-command.js'
import {writeFileAtomic, writeJsonAtomic} from '../../incident/atomic-write.js'
import type {Incident} from '../../incident/incident.js'
import {appendTimeline} from '../../incident/store.js'
import type {NotifyReport} from '../notifier.js'
import {TRIAGE_JSON} from '../phase-outputs.js'
import type {PipelineDeps} from '../pipeline.js'
import {decideTriage, nextUpdateFor} from './decide-triage.js'
import {ROLLBACK_WINDOW_MINUTES, type RollbackHint} from './rank-mitigations.js'
import {type TriageResult, TriageResultSchema} from './triage-result.js'
import {triageView} from './triage-view.js'

/**
 * Gather (rollback commands for the candidate changes) → decide (pure) → apply (files, escalation).
 * `facts` is the pipeline's once-per-run `factsFrom(bundle, incident)`; derived here when absent.
 */
export async function runTriage(
  input: {incident: Incident; bundle: EvidenceBundle; dir: string; facts?: EvidenceFacts},
  deps: Pick<PipelineDeps, 'templates' | 'notifier' | 'now'>,
): Promise<{triage: TriageResult; notify: NotifyReport; files: string[]}> {
  const {incident, bundle, dir} = input
  const facts = input.facts ?? factsFrom(bundle, incident)
  const rollbacks = await rollbackHints(incident, bundle)
  const decided = decideTriage(incident, facts, rollbacks)
  const triage = TriageResultSchema.parse({...decided, limitations: bundle.limitations})

  const notify = await deps.notifier.escalate({
    dir,
    incident,
    impactSummary: triage.impact.summary,
    suspectedCause: triage.suspectedCause,
    nextUpdate: nextUpdateFor(incident.severity),
  })
  const sent = [...new Set(notify.dryRun.map((item) => item.channel))]
  if (notify.delivered > 0 || sent.length > 0) {
    await appendTimeline(dir, {at: deps.now().toISOString(), kind: 'escalation', text: notify.delivered > 0 ? `Escalated (${notify.delivered} notification(s) sent)` : `Escalation dry run: ${sent.join(', ')}`, source: 'incident-response'})
  }
  await writeJsonAtomic(join(dir, TRIAGE_JSON), triage)
  await writeFileAtomic(join(dir, 'phase-1-triage.md'), deps.templates.render('triage', triageView(incident, triage, notify)))
  return {triage, notify, files: ['phase-1-triage.md', TRIAGE_JSON]}
}

/** Rollback commands for the changes close before the onset, in the repository's own tooling. */
async function rollbackHints(incident: Incident, bundle: EvidenceBundle): Promise<RollbackHint[]> {
  const repo = incident.inputs.repo
  const candidates = (bundle.git?.commits ?? []).filter(
    (commit) => !commit.afterOnset && commit.kind !== 'docs-tests' && (commit.minutesBeforeOnset ?? Infinity) <= ROLLBACK_WINDOW_MINUTES,
  )
  if (!repo || candidates.length === 0) return []
  const files = await trackedFiles(repo) // listed once for all candidates
  return candidates.slice(0, 5).map((commit) => {
    const suggestion = suggestRollback(commit, files, incident.service)
    return {sha: commit.sha, command: suggestion.command, note: suggestion.note, tool: suggestion.tool}
  })
}
