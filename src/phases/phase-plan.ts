import type {Incident, Phase} from '../incident/incident.js'

export interface PlanOptions {
  postmortem: boolean
  skipTriage: boolean
  /** Rebuild the RCA and postmortem from saved findings (after notes, mitigation or resolution). */
  refresh?: boolean
}

export type PhaseStep = {phase: Phase; action: 'run' | 'skip' | 'done' | 'not-requested'}

/**
 * The state machine, as a pure function: what each phase does on this run. Phases already done
 * are never redone (resume); triage can be skipped once, on request; the postmortem runs for P0,
 * on request, or once the incident is resolved. A refresh
 * re-derives the RCA and postmortem (cheap and pure) without re-running triage or the specialists.
 */
export function planPhases(incident: Incident, options: PlanOptions): PhaseStep[] {
  const postmortemWanted = incident.severity === 'P0' || options.postmortem || incident.status === 'resolved'
  return [
    {phase: 'triage', action: incident.phases.triage ? 'done' : options.skipTriage ? 'skip' : 'run'},
    {phase: 'investigation', action: incident.phases.investigation ? 'done' : 'run'},
    {phase: 'rca', action: incident.phases.rca && !options.refresh ? 'done' : 'run'},
    {phase: 'postmortem', action: incident.phases.postmortem && !options.refresh ? 'done' : postmortemWanted ? 'run' : 'not-requested'},
  ]
}
