import {mkdir, stat} from 'node:fs/promises'
import {join} from 'node:path'

import {withUsage} from '../agents/anthropic/usage.js'
import type {SpecialistProvider} from '../agents/specialist-input.js'
import type {Progress} from '../cli/progress.js'
import type {FileConfig} from '../config/config.js'
import {UsageError, UserError} from '../errors/errors.js'
import type {EvidenceBundle} from '../evidence/evidence-bundle.js'
import {loadEvidence, saveEvidence} from '../evidence/evidence-files.js'
import {factsFrom} from '../evidence/facts-from-bundle.js'
import type {ActionItem} from '../incident/action-item.js'
import type {SpecialistReport} from '../incident/finding.js'
import type {Incident, Phase} from '../incident/incident.js'
import {withIncidentLock} from '../incident/lock.js'
import type {Rca} from '../incident/rca.js'
import type {LintFinding} from '../lint/lint-blameless.js'
import {assertIncidentFolder, fileSystemError} from '../incident/safe-fs.js'
import {appendTimeline, createIncidentFolder, ensureOutDir, INCIDENT_FILE, incidentDir, readIncident, readTimeline, writeIncident} from '../incident/store.js'
import type {Notifier, NotifyReport} from './notifier.js'
import {newIncident} from './new-incident.js'
import {planPhases} from './phase-plan.js'
import type {PipelineRequest} from './pipeline-request.js'
import {loadPhaseOutputs, type PhaseOutputs} from './phase-outputs.js'
import {runInvestigation} from './investigation/run-investigation.js'
import {runPostmortem} from './postmortem/run-postmortem.js'
import {runRca} from './rca/run-rca.js'
import {runTriage} from './triage/run-triage.js'
import type {TriageResult} from './triage/triage-result.js'
import type {Narrator} from './postmortem/narrative.js'
import type {TemplateSet} from '../render/templates.js'

export interface PipelineDeps {
  now: () => Date
  progress: Progress
  collectEvidence: (incident: Incident, request: PipelineRequest) => Promise<EvidenceBundle>
  /** Offline engine or Claude; the Claude provider falls back to the offline engine per specialist. */
  provider: SpecialistProvider
  templates: TemplateSet
  notifier: Notifier
  fileConfig: FileConfig
  /** Drafts the postmortem prose (Claude); null keeps our own. */
  narrator: Narrator | null
}

export interface PipelineResult {
  incident: Incident
  dir: string
  bundle: EvidenceBundle
  triage: TriageResult | null
  reports: SpecialistReport[]
  rca: Rca | null
  actionItems: ActionItem[]
  /** Blameless-lint findings in the postmortem written by this run (user notes can bring them in). */
  lint: LintFinding[]
  notifications: NotifyReport[]
}

/**
 * The phase state machine. Everything runs under the incident lock; each phase persists its
 * output and marks itself done in incident.json before the next starts, so a killed run resumes
 * at the first phase not done and never redoes (or re-collects) what is on disk.
 */
export async function runPipeline(request: PipelineRequest, deps: PipelineDeps): Promise<PipelineResult> {
  const {dir, fresh} = await openOrCreate(request, deps)
  return withIncidentLock(dir, async () => {
    let incident = fresh ?? (await readIncident(dir))
    if (fresh) {
      await writeIncident(dir, incident)
      await appendTimeline(dir, {at: incident.timestamps.detectedAt ?? incident.createdAt, kind: 'declared', text: `Declared ${incident.severity}; symptoms ${incident.symptoms.join(', ')}`, source: 'incident-response'})
    }

    const imported = await importPagerDuty(dir, incident, request, deps)
    incident = imported.incident
    const bundle = await evidenceFor(dir, incident, request, deps)
    if (!incident.timestamps.startedAt && bundle.window.onset && bundle.window.onsetSource !== 'declared') {
      incident = {...incident, timestamps: {...incident.timestamps, startedAt: bundle.window.onset}}
      await writeIncident(dir, incident)
    }
    // Derived once: the facts read only the bundle and the detection time, both settled by now.
    const facts = factsFrom(bundle, incident)
    // The arc is the evidence's, recomputed from the saved bundle: kept in incident.json so that
    // list, stats and messages measure durations without reading the evidence.
    if (JSON.stringify(incident.arc ?? null) !== JSON.stringify(facts.arc)) {
      incident = {...incident, arc: facts.arc}
      await writeIncident(dir, incident)
    }

    const outputs: PhaseOutputs & {lint: LintFinding[]} = {...(await loadPhaseOutputs(dir, incident)), lint: []}
    const notifications: NotifyReport[] = []
    const markDone = async (phase: Phase, files: string[], status: 'done' | 'skipped' = 'done', note?: string) => {
      incident = {...incident, phases: {...incident.phases, [phase]: {status, at: deps.now().toISOString(), files, note}}}
      await writeIncident(dir, incident)
      await appendTimeline(dir, {at: deps.now().toISOString(), kind: 'phase', text: `${phase} ${status}${note ? `: ${note}` : ''}`, source: 'incident-response'})
    }

    for (const step of planPhases(incident, request)) {
      if (step.action === 'done') continue
      if (step.action === 'not-requested') {
        deps.progress.start('Postmortem')
        deps.progress.skip(`not generated for ${incident.severity} (pass --postmortem, or it is written when the incident is resolved)`)
        continue
      }
      if (step.action === 'skip') {
        deps.progress.start('Triage')
        deps.progress.skip('skipped: already triaged (--skip-triage)')
        await markDone('triage', [], 'skipped', 'already triaged before this tool ran')
        continue
      }
      switch (step.phase) {
        case 'triage': {
          deps.progress.start('Triage')
          const result = await runTriage({incident, bundle, dir, facts}, deps)
          outputs.triage = result.triage
          notifications.push(result.notify)
          deps.progress.succeed(result.triage.severityCheck.verdict === 'confirmed' ? `${incident.severity} kept` : `consider ${result.triage.severityCheck.suggested} (see phase-1-triage.md)`)
          await markDone('triage', result.files)
          break
        }
        case 'investigation': {
          deps.progress.start('Investigation')
          const result = await runInvestigation({incident, bundle, dir}, deps)
          outputs.reports = result.reports
          incident = {...incident, specialists: result.reports.map((report) => report.specialist), usage: result.usage}
          deps.progress.succeed(`${result.reports.length} specialists: ${result.reports.map((report) => report.specialist).join(', ')}`)
          await markDone('investigation', result.files)
          break
        }
        case 'rca': {
          deps.progress.start('Root-cause analysis')
          const result = await runRca({incident, bundle, reports: outputs.reports, dir, facts}, deps)
          outputs.rca = result.rca
          deps.progress.succeed(`${result.rca.rootCause.category} (confidence ${Math.round(result.rca.rootCause.confidence * 100)}%)`)
          await markDone('rca', result.files)
          if (request.updatePagerDuty && incident.pagerDutyIncidentId) {
            const content = `Root cause (${result.rca.rootCause.category}, confidence ${Math.round(result.rca.rootCause.confidence * 100)}%): ${result.rca.rootCause.summary}\nImpact: ${result.rca.impact.summary}`
            notifications.push(await deps.notifier.notePagerDuty({dir, pagerDutyIncidentId: incident.pagerDutyIncidentId, content}))
          }
          break
        }
        case 'postmortem': {
          if (!outputs.rca) throw new UsageError('The postmortem needs the RCA, which is missing.')
          deps.progress.start('Postmortem')
          const formats = request.formats ?? ['md', 'html']
          const result = await runPostmortem({incident, bundle, rca: outputs.rca, triage: outputs.triage, reports: outputs.reports, dir, formats, responders: imported.responders, facts}, deps)
          outputs.actionItems = result.actionItems
          outputs.lint = result.lint
          notifications.push(result.tracking)
          // The narrative's tokens are paid for like the specialists': they belong in the totals (saved by markDone).
          if (result.narrativeUsage) incident = {...incident, usage: withUsage(incident.usage, 'postmortem-narrative', result.narrativeUsage)}
          deps.progress.succeed(`${result.actionItems.length} action items${result.lint.length > 0 ? `, ${result.lint.length} blameless-lint finding(s)` : ', blameless lint clean'}`)
          await markDone('postmortem', result.files)
          break
        }
      }
    }
    return {incident, dir, bundle, triage: outputs.triage, reports: outputs.reports, rca: outputs.rca, actionItems: outputs.actionItems, lint: outputs.lint, notifications}
  })
}

async function openOrCreate(request: PipelineRequest, deps: PipelineDeps): Promise<{dir: string; fresh: Incident | null}> {
  if (request.id) {
    const dir = incidentDir(request.outDir, request.id)
    if (await stat(join(dir, INCIDENT_FILE)).catch(() => null)) return {dir, fresh: null}
    // A new incident under a chosen id (a CI job naming its incident up front) needs the usual input.
    if (!request.severity || !request.symptoms) {
      throw new UserError(`No incident ${request.id} in ${request.outDir}.`, {
        suggestions: ['Run `incident-response list` to see the incidents, or pass --severity and --symptoms to open a new one under this id.'],
      })
    }
    await ensureOutDir(request.outDir)
    await assertIncidentFolder(dir)
    await mkdir(dir, {recursive: true}).catch((error: unknown) => {
      throw fileSystemError(error, dir, 'creating the incident folder')
    })
    return {dir, fresh: newIncident(request.id, request, deps.now())}
  }
  if (!request.severity || !request.symptoms) throw new UsageError('A new incident needs --severity and --symptoms.')
  const {id, dir} = await createIncidentFolder(request.outDir, deps.now())
  return {dir, fresh: newIncident(id, request, deps.now())}
}

/**
 * `--pagerduty-incident`: once per incident, its PagerDuty timeline becomes ours (detection,
 * acknowledgement, resolution). A failed import is reported and the incident carries on.
 */
async function importPagerDuty(dir: string, incident: Incident, request: PipelineRequest, deps: PipelineDeps): Promise<{incident: Incident; responders: string[]}> {
  const pdId = request.pagerDutyIncident ?? incident.pagerDutyIncidentId
  if (!pdId) return {incident, responders: []}
  const already = (await readTimeline(dir)).some((event) => event.kind === 'import' && event.source === 'pagerduty')
  if (already && !request.updatePagerDuty) return {incident, responders: []}
  deps.progress.start(`Importing PagerDuty incident ${pdId}`)
  const result = await deps.notifier.importPagerDuty(pdId)
  if ('error' in result) {
    deps.progress.fail(result.error)
    // PagerDuty has this incident even if its timeline could not be read: it must not be paged again.
    if (incident.pagerDutyIncidentId === pdId) return {incident, responders: []}
    const linked: Incident = {...incident, pagerDutyIncidentId: pdId}
    await writeIncident(dir, linked)
    return {incident: linked, responders: []}
  }
  if (already) {
    deps.progress.succeed('already imported')
    return {incident, responders: result.responders}
  }
  for (const event of result.events) await appendTimeline(dir, event)
  await appendTimeline(dir, {at: deps.now().toISOString(), kind: 'import', text: `Imported the PagerDuty timeline (${result.events.length} events)`, source: 'pagerduty'})
  const t = incident.timestamps
  const earliest = (a: string | null, b: string | null) => (a && b ? (a < b ? a : b) : (a ?? b))
  const next: Incident = {
    ...incident,
    pagerDutyIncidentId: pdId,
    timestamps: {
      ...t,
      detectedAt: earliest(t.detectedAt, result.timestamps.detectedAt),
      acknowledgedAt: t.acknowledgedAt ?? result.timestamps.acknowledgedAt,
      resolvedAt: t.resolvedAt ?? result.timestamps.resolvedAt,
    },
    status: t.resolvedAt ?? result.timestamps.resolvedAt ? 'resolved' : incident.status,
  }
  await writeIncident(dir, next)
  deps.progress.succeed(`${result.events.length} timeline events`)
  return {incident: next, responders: result.responders}
}

async function evidenceFor(dir: string, incident: Incident, request: PipelineRequest, deps: PipelineDeps): Promise<EvidenceBundle> {
  const saved = await loadEvidence(dir)
  if (saved) return saved
  deps.progress.start('Collecting evidence')
  const bundle = await deps.collectEvidence(incident, request)
  await saveEvidence(dir, bundle)
  deps.progress.succeed(`${bundle.items.length} evidence items${bundle.limitations.length > 0 ? `, ${bundle.limitations.length} limitations` : ''}`)
  return bundle
}
