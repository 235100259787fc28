import {AppError, IntegrationError} from '../../errors/errors.js'
import type {IntegrationConfig} from '../config.js'
import type {IntegrationDeps} from '../integration-types.js'
import {createServiceClients} from '../service-clients.js'
import {fetchPagerDutyIncident, fetchPagerDutyIncidentStatus, fetchPagerDutyLogEntries} from './pagerduty-rest.js'
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
 * For `resolve` of an incident imported with `--pagerduty-incident`: we did not page it, so we do
 * not resolve it; this says where it stands in PagerDuty. Never throws.
 */
export async function importedIncidentState(id: string, context: {config: IntegrationConfig; deps: IntegrationDeps}): Promise<string> {
  const api = context.config.pagerdutyApi
  const resolveThere = `PagerDuty incident ${id} was imported, not paged by this tool, so it is not resolved from here`
  if (api === null) return `${resolveThere}: resolve it in PagerDuty (set PAGERDUTY_API_TOKEN to see its state here).`
  try {
    const {status, number} = await fetchPagerDutyIncidentStatus(createServiceClients(context.config, context.deps).pagerdutyApi, api, id)
    const name = number === null ? `PagerDuty incident ${id}` : `PagerDuty incident #${number} (${id})`
    if (status === 'resolved') return `${name} (imported) is resolved in PagerDuty.`
    return `${name} (imported, not paged by this tool) is still ${status} in PagerDuty: resolve it there.`
  } catch (error) {
    return `${resolveThere}; its state could not be read (${error instanceof AppError ? error.message : 'unexpected failure'}): check it in PagerDuty.`
  }
}
