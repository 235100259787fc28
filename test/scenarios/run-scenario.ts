import {OFFLINE_SPECIALISTS} from '../../src/agents/offline/offline-provider.js'
import {collectEvidence} from '../../src/evidence/collect-evidence.js'
import type {EvidenceBundle} from '../../src/evidence/evidence-bundle.js'
import {factsFrom} from '../../src/evidence/facts-from-bundle.js'
import type {SpecialistReport} from '../../src/incident/finding.js'
import type {Rca} from '../../src/incident/rca.js'
import {chooseSpecialists} from '../../src/phases/investigation/roster.js'
import {newIncident} from '../../src/phases/new-incident.js'
import {storyOf} from '../../src/phases/postmortem/incident-story.js'
import {buildRca} from '../../src/phases/rca/build-rca.js'
import type {Scenario, ScenarioInputs} from './fixtures/index.js'

export interface ScenarioRun {
  bundle: EvidenceBundle
  reports: SpecialistReport[]
  rca: Rca
  /** Evidence collection (logs, git, metrics, deploys), without building the fixture. */
  collectMs: number
  /** The offline specialists plus the RCA merge. */
  investigateMs: number
}

/** The pipeline's offline path over one built scenario: incident → evidence → roster → RCA. */
export async function runScenario(scenario: Scenario, inputs: ScenarioInputs): Promise<ScenarioRun> {
  const started = performance.now()
  // "Now" is an hour after the scenario's onset, as if the responder ran the tool during it.
  const now = new Date(Date.parse(scenario.expected.onset) + 3_600_000)
  const incident = newIncident(
    `incident-${scenario.name}`,
    {
      outDir: '.tresor',
      id: null,
      severity: scenario.severity,
      symptoms: scenario.symptoms,
      service: null,
      inputs: {
        logs: inputs.logs,
        repo: inputs.repo,
        metrics: inputs.metrics,
        deploys: inputs.deploys,
        health: [],
        databaseUrlSet: false,
        startedAtFlag: inputs.startedAt,
        lookback: '48h',
        redactIps: false,
      },
      databaseUrl: null,
      postmortem: false,
      skipTriage: true,
      provider: 'offline',
      notify: 'off',
    },
    now,
  )
  const bundle = await collectEvidence({incident, databaseUrl: null, now})
  const collected = performance.now()
  const reports = chooseSpecialists(incident.symptoms).map((specialist) => OFFLINE_SPECIALISTS[specialist](bundle, incident))
  const facts = factsFrom(bundle, incident)
  const rca = buildRca({reports, facts, recorded: [], service: 'service', story: storyOf(incident, facts, null, now), impactMinutes: null, limitations: bundle.limitations})
  return {bundle, reports, rca, collectMs: collected - started, investigateMs: performance.now() - collected}
}
