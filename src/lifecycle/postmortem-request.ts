import type {Incident} from '../incident/incident.js'
import type {PipelineRequest} from '../phases/pipeline-request.js'

export const POSTMORTEM_FORMATS = ['md', 'html', 'json'] as const
export type PostmortemFormat = (typeof POSTMORTEM_FORMATS)[number]

/**
 * The pipeline request that (re)writes an existing incident's postmortem: missing phases run
 * from the saved evidence (nothing is re-collected), the RCA and postmortem are re-derived so
 * notes, mitigation and resolution recorded since are in them.
 */
export function postmortemRequest(outDir: string, incident: Incident, notify: PipelineRequest['notify']): PipelineRequest {
  return {
    outDir,
    id: incident.id,
    severity: incident.severity,
    symptoms: incident.symptoms,
    service: incident.service,
    inputs: incident.inputs,
    databaseUrl: null,
    postmortem: true,
    skipTriage: false,
    provider: incident.provider,
    notify,
    refresh: true,
  }
}
