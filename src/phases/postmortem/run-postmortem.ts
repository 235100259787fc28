import {join} from 'node:path'

import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import {factsFrom} from '../../evidence/facts-from-bundle.js'
import {gitAuthors} from '../../evidence/git/git-authors.js'
import {type ActionItem, ActionItemsFileSchema} from '../../incident/action-item.js'
import {writeFileAtomic, writeJsonAtomic} from '../../incident/atomic-write.js'
import type {SpecialistReport, Usage} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import type {Rca} from '../../incident/rca.js'
import {readJsonFile} from '../../incident/store.js'
import {lintBlameless, type LintFinding} from '../../lint/lint-blameless.js'
import {cites} from '../../render/evidence-refs.js'
import {renderPostmortemHtml} from '../../render/html/render-postmortem-html.js'
import {ACTION_ITEMS_JSON} from '../phase-outputs.js'
import type {NotifyReport} from '../notifier.js'
import type {PipelineDeps} from '../pipeline.js'
import type {TriageResult} from '../triage/triage-result.js'
import type {PostmortemFormat} from '../../lifecycle/postmortem-request.js'
import {deriveActionItems} from './derive-action-items.js'
import {documentPath} from './document-path.js'
import {storyOf} from './incident-story.js'
import {mergeNarrative, type Narrative, type Narrator, offlineNarrative} from './narrative.js'
import {postmortemCharts} from './postmortem-charts.js'
import {postmortemView} from './postmortem-view.js'
import {resolveOwners} from './resolve-owners.js'
import {scrubPeople} from './scrub-people.js'

export interface PostmortemOutput {
  actionItems: ActionItem[]
  tracking: NotifyReport
  lint: LintFinding[]
  files: string[]
  /** What Claude's draft of the prose cost, for the incident's usage totals; null without a narrator. */
  narrativeUsage: Usage | null
}

/**
 * Gather (owners, people to keep out, earlier action items) → decide (action items, narrative,
 * views; pure) → apply (write the documents, run the blameless linter over the result).
 * `facts` is the pipeline's once-per-run `factsFrom(bundle, incident)`; derived here when absent.
 */
export async function runPostmortem(
  input: {incident: Incident; bundle: EvidenceBundle; rca: Rca; triage: TriageResult | null; reports: SpecialistReport[]; dir: string; formats: readonly PostmortemFormat[]; responders?: string[]; facts?: EvidenceFacts},
  deps: Pick<PipelineDeps, 'templates' | 'now' | 'fileConfig' | 'notifier' | 'narrator'> & {cwd?: string},
): Promise<PostmortemOutput> {
  const {incident, bundle, rca, dir} = input
  const facts = input.facts ?? factsFrom(bundle, incident)
  const repo = incident.inputs.repo
  const owners = await resolveOwners({repo, rca, facts, service: incident.service, defaultOwner: deps.fileConfig.defaultOwner})
  const authors = repo ? await gitAuthors(repo) : {names: [], emails: []}
  const people = {names: [...authors.names, ...(input.responders ?? []), ...(deps.fileConfig.people?.names ?? [])], emails: [...authors.emails, ...(deps.fileConfig.people?.emails ?? [])]}

  const previous = await readJsonFile(join(dir, ACTION_ITEMS_JSON), ActionItemsFileSchema).catch(() => null)
  const derived = keepTrackingKeys(deriveActionItems(rca, facts, owners, deps.now()), previous?.items ?? [])
  const tracking = await deps.notifier.trackActionItems({dir, incident, items: derived})
  const actionItems = derived.map((item) => ({...item, jiraKey: tracking.jiraKeys[item.id] ?? item.jiraKey}))
  const now = deps.now()
  const story = storyOf(incident, facts, rca.rootCause, now)
  const drafted = await narrativeFor(incident, rca, offlineNarrative(rca, facts, story), deps.narrator, people)
  const view = postmortemView({
    incident,
    rca,
    triage: input.triage,
    reports: input.reports,
    actionItems,
    facts,
    evidence: bundle.items,
    narrative: drafted.narrative,
    story,
    responders: input.responders ?? [],
    now,
    showPath: documentPath(repo, deps.cwd ?? process.cwd()),
  })
  const scrub = (text: string) => scrubPeople(text, people)
  const markdown = scrub(deps.templates.render('postmortem', view))
  const charts = postmortemCharts(incident, rca, facts)

  await writeJsonAtomic(join(dir, ACTION_ITEMS_JSON), {schemaVersion: 1, incidentId: incident.id, items: actionItems})
  await writeFileAtomic(join(dir, 'action-items.md'), scrub(deps.templates.render('actionItems', {id: incident.id, items: actionItems.map((item) => ({...item, cites: cites(item.evidenceIds)}))})))
  for (const chart of charts) await writeFileAtomic(join(dir, `${chart.id}.svg`), chart.svg)
  await writeFileAtomic(join(dir, 'postmortem.md'), markdown)
  await writeFileAtomic(join(dir, 'incident-summary.md'), scrub(deps.templates.render('summary', view)))
  const files = ['postmortem.md', ...charts.map((chart) => `${chart.id}.svg`), ACTION_ITEMS_JSON, 'action-items.md', 'incident-summary.md']
  if (input.formats.includes('html')) {
    await writeFileAtomic(join(dir, 'postmortem.html'), renderPostmortemHtml({title: `Postmortem: ${incident.title}`, markdown, charts}))
    files.push('postmortem.html')
  }
  if (input.formats.includes('json')) {
    const json = {schemaVersion: 1, incident, rca, actionItems, narrative: view.executiveSummary, metrics: view.metrics}
    await writeFileAtomic(join(dir, 'postmortem.json'), scrub(JSON.stringify(json, null, 2)) + '\n')
    files.push('postmortem.json')
  }
  return {actionItems, tracking, lint: lintBlameless(markdown, people), files, narrativeUsage: drafted.usage}
}

/** Claude's draft where it is blameless (and names nobody we know of); our own prose otherwise. And what the draft cost. */
async function narrativeFor(
  incident: Incident,
  rca: Rca,
  base: Narrative,
  narrator: Narrator | null,
  people: {names: string[]; emails: string[]},
): Promise<{narrative: Narrative; usage: Usage | null}> {
  if (!narrator) return {narrative: base, usage: null}
  const draft = await narrator({incident, rca})
  return {narrative: mergeNarrative(base, draft, (text) => lintBlameless(text, people).length === 0), usage: draft.usage ?? null}
}

/** A regenerated list keeps the Jira keys already created for the same items. */
function keepTrackingKeys(items: ActionItem[], previous: readonly ActionItem[]): ActionItem[] {
  return items.map((item) => ({...item, jiraKey: previous.find((old) => old.id === item.id && old.title === item.title)?.jiraKey ?? null}))
}
