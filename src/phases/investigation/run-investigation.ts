import {join} from 'node:path'
import pLimit from 'p-limit'

import {digestFor} from '../../agents/digest-for.js'
import {createEvidenceTools} from '../../agents/evidence-tools.js'
import {sumUsage} from '../../agents/anthropic/usage.js'
import type {SpecialistInput} from '../../agents/specialist-input.js'
import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import {writeFileAtomic, writeJsonAtomic} from '../../incident/atomic-write.js'
import type {SpecialistReport} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import type {PipelineDeps} from '../pipeline.js'
import {readSavedReport} from '../phase-outputs.js'
import {specialistView} from './specialist-view.js'
import {chooseSpecialists, MAX_SPECIALISTS, SPECIALIST_SCOPES} from './roster.js'

export interface InvestigationOutput {
  reports: SpecialistReport[]
  usage: Incident['usage']
  files: string[]
}

/**
 * One p-limit fan-out of up to three specialists, whatever the provider. Each report is written
 * as soon as its specialist finishes, so a killed run keeps the finished ones and a resume only
 * re-runs the specialists that had not finished (no second bill for a Claude specialist).
 */
export async function runInvestigation(
  input: {incident: Incident; bundle: EvidenceBundle; dir: string},
  deps: Pick<PipelineDeps, 'provider' | 'templates'>,
): Promise<InvestigationOutput> {
  const {incident, bundle, dir} = input
  const specialists = chooseSpecialists(incident.symptoms)
  const tools = createEvidenceTools(bundle, incident.inputs)
  const limit = pLimit(MAX_SPECIALISTS)
  const startedAt = Date.now()
  const reports = await Promise.all(
    specialists.map((specialist) =>
      limit(async () => {
        const saved = await readSavedReport(dir, specialist)
        if (saved) return saved
        let digest: string | undefined
        const specialistInput: SpecialistInput = {
          incident,
          specialist,
          scope: SPECIALIST_SCOPES[specialist],
          // Built on first read, once: the offline provider reasons over the bundle and never reads it.
          get digest() {
            return (digest ??= digestFor(specialist, bundle))
          },
          evidence: bundle.items,
          bundle,
          tools,
        }
        const report = await deps.provider.runSpecialist(specialistInput)
        await writeFileAtomic(join(dir, `phase-2-${specialist}.md`), deps.templates.render('specialist', specialistView(report, bundle)))
        await writeJsonAtomic(join(dir, 'findings', `${specialist}.json`), report)
        return report
      }),
    ),
  )
  const usages = reports.filter((report) => report.usage).map((report) => [report.specialist, report.usage!] as const)
  return {
    reports,
    usage: usages.length > 0 ? {perSpecialist: Object.fromEntries(usages), total: sumUsage(usages.map(([, usage]) => usage), {wallMs: Date.now() - startedAt})} : null,
    files: specialists.flatMap((specialist) => [`phase-2-${specialist}.md`, `findings/${specialist}.json`]),
  }
}
