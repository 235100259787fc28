import {IntegrationError} from '../../errors/errors.js'
import type {IntegrationConfig} from '../config.js'
import type {IntegrationDeps} from '../integration-types.js'
import {createServiceClients} from '../service-clients.js'
import {outgoingText} from '../text-limits.js'
import {fetchPagerDutyIncident, fetchPagerDutyLogEntries, pagerDutyNoteRequest, sendPagerDutyNote} from './pagerduty-rest.js'
import {type PagerDutyImport, pagerDutyTimeline} from './pagerduty-timeline.js'

/**
 * `--pagerduty-incident ID`: read the incident and all its log entries. Throws IntegrationError
 * (the caller reports it and carries on without the import).
 */
export async function importPagerDutyIncident(id: string, context: {config: IntegrationConfig; deps: IntegrationDeps}): Promise<PagerDutyImport> {
  const api = context.config.pagerdutyApi
  if (api === null) throw new IntegrationError('PagerDuty', 'importing an incident needs PAGERDUTY_API_TOKEN')
  const client = createServiceClients(context.config, context.deps).pagerdutyApi
  const incident = await fetchPagerDutyIncident(client, api, id)
  const logEntries = await fetchPagerDutyLogEntries(client, api, id)
  return pagerDutyTimeline(incident, logEntries)
}

/**
 * Post a note straight away, without the outbox (for a command that reports the outcome itself);
 * `notePagerDutyIncident` is the outbox-backed form.
 */
export async function postPagerDutyNote(id: string, content: string, context: {config: IntegrationConfig; deps: IntegrationDeps}): Promise<{noteId: string}> {
  const api = context.config.pagerdutyApi
  if (api === null) throw new IntegrationError('PagerDuty', 'posting a note needs PAGERDUTY_API_TOKEN and PAGERDUTY_FROM')
  const client = createServiceClients(context.config, context.deps).pagerdutyApi
  return sendPagerDutyNote(client, pagerDutyNoteRequest(api, {pagerDutyIncidentId: id, content: outgoingText(content, 10_000)}))
}
