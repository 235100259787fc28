import {z} from 'zod'

import type {Incident} from '../../incident/incident.js'
import type {Severity} from '../../incident/severity.js'
import type {PagerDutyEventsConfig} from '../config.js'
import type {HttpClient} from '../http/http-client.js'
import type {OutgoingRequest, TriageSummary} from '../integration-types.js'
import type {PagerDutyEventBody} from '../outbox-entry.js'
import {outgoingText} from '../text-limits.js'

const PAGERDUTY_SEVERITY: Readonly<Record<Severity, 'critical' | 'error' | 'warning'>> = {P0: 'critical', P1: 'error', P2: 'warning'}

/**
 * Events v2 trigger for an incident. The dedup key is the incident id, so a repeated trigger
 * updates the same PagerDuty alert and the resolve finds it. No links: nothing local is reachable
 * from a responder's phone.
 */
export function buildTriggerEvent(incident: Incident, triage: TriageSummary): PagerDutyEventBody {
  const impact = outgoingText(triage.impactSummary, 900)
  return {
    event_action: 'trigger',
    dedup_key: incident.id,
    payload: {
      summary: outgoingText(`[${incident.severity}] ${incident.title}: ${impact}`, 1024),
      source: incident.service ?? 'incident-response',
      severity: PAGERDUTY_SEVERITY[incident.severity],
      timestamp: incident.timestamps.detectedAt ?? incident.timestamps.startedAt ?? incident.createdAt,
      ...(incident.service ? {component: incident.service} : {}),
      class: incident.symptoms[0],
      custom_details: {
        incident_id: incident.id,
        severity: incident.severity,
        symptoms: incident.symptoms,
        impact,
        suspected_cause: triage.suspectedCause === null ? null : outgoingText(triage.suspectedCause, 1000),
        next_update: outgoingText(triage.nextUpdate, 200),
      },
    },
    client: 'incident-response',
  }
}

/** `dedupKey` is the one PagerDuty answered the trigger with (stored in the outbox), which is the incident id. */
export function buildResolveEvent(dedupKey: string): PagerDutyEventBody {
  return {event_action: 'resolve', dedup_key: dedupKey}
}

export function pagerDutyEventRequest(config: PagerDutyEventsConfig, body: PagerDutyEventBody): OutgoingRequest {
  return {
    method: 'POST',
    url: `${config.eventsUrl}/v2/enqueue`,
    headers: {'content-type': 'application/json'},
    json: {routing_key: config.routingKey, ...body},
  }
}

const EnqueueResponseSchema = z.object({status: z.literal('success'), dedup_key: z.string()})

export async function sendPagerDutyEvent(client: HttpClient, request: OutgoingRequest): Promise<{dedupKey: string}> {
  const response = await client.request(request)
  const answer = response.parse(EnqueueResponseSchema, (issue) => `with an unexpected body (${issue})`)
  return {dedupKey: answer.dedup_key}
}

/** Which setting to fix when the Events API refuses. */
export function pagerDutyEventsSetting(status: number, code: string | null): string | null {
  if (status === 400 && /routing|integration key/i.test(code ?? '')) return 'PAGERDUTY_ROUTING_KEY'
  if (status === 404) return 'PAGERDUTY_EVENTS_URL'
  if (status === 401 || status === 403) return 'PAGERDUTY_ROUTING_KEY'
  return null
}
