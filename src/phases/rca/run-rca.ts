import {join} from 'node:path'

import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import {factsFrom} from '../../evidence/facts-from-bundle.js'
import {writeFileAtomic, writeJsonAtomic} from '../../incident/atomic-write.js'
import type {SpecialistReport} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import {type Rca, RcaSchema} from '../../incident/rca.js'
import {readTimeline} from '../../incident/store.js'
import type {PipelineDeps} from '../pipeline.js'
import {RCA_JSON} from '../phase-outputs.js'
import {incidentDurations} from '../../incident/durations.js'
import {storyOf} from '../postmortem/incident-story.js'
import {buildRca} from './build-rca.js'
import {rcaView} from './rca-view.js'

/** `facts` is the pipeline's once-per-run `factsFrom(bundle, incident)`; derived here when absent. */
export async function runRca(
  input: {incident: Incident; bundle: EvidenceBundle; reports: SpecialistReport[]; dir: string; facts?: EvidenceFacts},
  deps: Pick<PipelineDeps, 'templates' | 'now'>,
): Promise<{rca: Rca; files: string[]}> {
  const {incident, bundle, dir} = input
  const facts = input.facts ?? factsFrom(bundle, incident)
  const now = deps.now()
  const rca = RcaSchema.parse(
    buildRca({
      reports: input.reports,
      facts,
      recorded: await readTimeline(dir),
      service: incident.service ?? 'the service',
      story: storyOf(incident, facts, null, now),
      impactMinutes: incidentDurations({...incident, arc: incident.arc ?? facts.arc}, now).impact.minutes,
      limitations: bundle.limitations,
    }),
  )
  await writeJsonAtomic(join(dir, RCA_JSON), rca)
  await writeFileAtomic(join(dir, 'phase-3-rca.md'), deps.templates.render('rca', rcaView(incident, rca, input.reports)))
  return {rca, files: [RCA_JSON, 'phase-3-rca.md']}
}
