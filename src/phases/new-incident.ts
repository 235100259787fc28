import {InternalError} from '../errors/errors.js'
import {INCIDENT_SCHEMA_VERSION, type Incident} from '../incident/incident.js'
import type {PipelineRequest} from './pipeline-request.js'

/** The first state of a new incident. Detection is when it was declared (`--started-at`), else now. */
export function newIncident(id: string, request: PipelineRequest, now: Date): Incident {
  if (!request.severity || !request.symptoms) throw new InternalError('newIncident needs severity and symptoms')
  const declaredAt = request.inputs.startedAtFlag ?? now.toISOString()
  const service = request.service ?? null
  return {
    schemaVersion: INCIDENT_SCHEMA_VERSION,
    id,
    title: `${service ?? 'Service'}: ${request.symptoms.join(', ')}`,
    severity: request.severity,
    symptoms: request.symptoms,
    service,
    status: 'investigating',
    createdAt: now.toISOString(),
    phases: {},
    timestamps: {startedAt: null, detectedAt: declaredAt, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
    inputs: request.inputs,
    provider: request.provider,
    specialists: [],
    usage: null,
    pagerDutyIncidentId: request.pagerDutyIncident ?? null,
    mitigation: null,
    resolution: null,
  }
}
