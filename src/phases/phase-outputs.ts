import {stat} from 'node:fs/promises'
import {join} from 'node:path'

import {type ActionItem, ActionItemsFileSchema} from '../incident/action-item.js'
import {type SpecialistReport, SpecialistReportSchema} from '../incident/finding.js'
import type {Incident} from '../incident/incident.js'
import {type Rca, RcaSchema} from '../incident/rca.js'
import {readJsonFile} from '../incident/store.js'
import type {SpecialistId} from '../incident/vocabulary.js'
import {type TriageResult, TriageResultSchema} from './triage/triage-result.js'

export const TRIAGE_JSON = 'triage.json'
export const RCA_JSON = 'rca.json'
export const ACTION_ITEMS_JSON = 'action-items.json'

export interface PhaseOutputs {
  triage: TriageResult | null
  reports: SpecialistReport[]
  rca: Rca | null
  actionItems: ActionItem[]
}

/** What earlier runs already produced, validated; a phase marked done must have its files. */
export async function loadPhaseOutputs(dir: string, incident: Incident): Promise<PhaseOutputs> {
  const done = (phase: keyof Incident['phases']) => incident.phases[phase]?.status === 'done'
  const reports: SpecialistReport[] = []
  if (done('investigation')) {
    for (const specialist of incident.specialists) {
      const report = await readSavedReport(dir, specialist)
      if (report) reports.push(report)
    }
  }
  return {
    triage: done('triage') ? await readJsonFile(join(dir, TRIAGE_JSON), TriageResultSchema) : null,
    reports,
    rca: done('rca') ? await readJsonFile(join(dir, RCA_JSON), RcaSchema) : null,
    actionItems: done('postmortem') ? (await readJsonFile(join(dir, ACTION_ITEMS_JSON), ActionItemsFileSchema)).items : [],
  }
}

/** A specialist's saved report, or null when it never finished (or its file is unreadable). */
export async function readSavedReport(dir: string, specialist: SpecialistId): Promise<SpecialistReport | null> {
  const path = join(dir, 'findings', `${specialist}.json`)
  if (!(await stat(path).catch(() => null))) return null
  return readJsonFile(path, SpecialistReportSchema).catch(() => null)
}
