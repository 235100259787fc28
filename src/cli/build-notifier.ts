import type {FileConfig} from '../config/config.js'
import {type IntegrationConfig, loadIntegrationConfig} from '../integrations/config.js'
import {type IntegrationDeps, type IntegrationResult, type NotifyMode, underHeldLock} from '../integrations/integration-types.js'
import {AppError} from '../errors/errors.js'
import {importPagerDutyIncident} from '../integrations/pagerduty/pagerduty-import.js'
import {createJiraIssuesForActionItems, escalateIncident, notePagerDutyIncident} from '../integrations/notify.js'
import {emptyReport, type Notifier, type NotifyReport} from '../phases/notifier.js'

/** Integration settings from the environment and the config file's `integrations` section. */
export function integrationConfig(config: FileConfig, env: NodeJS.ProcessEnv): IntegrationConfig {
  return loadIntegrationConfig(env, config.integrations ?? {})
}

/**
 * The real notifier. The pipeline already holds the incident lock when it calls, so the
 * integrations must not take it again (it is not re-entrant).
 */
export function buildNotifier(options: {config: FileConfig; env: NodeJS.ProcessEnv; mode: NotifyMode}): Notifier {
  const config = integrationConfig(options.config, options.env)
  const deps: IntegrationDeps = {withLock: underHeldLock}
  const configured = Boolean(config.pagerdutyEvents || config.slack)
  return {
    async escalate({dir, incident, impactSummary, suspectedCause, nextUpdate}) {
      if (options.mode === 'off' || (!configured && config.problems.length === 0)) return emptyReport('escalate')
      const result = await escalateIncident({dir, config, deps, mode: options.mode, incident, triage: {impactSummary, suspectedCause, nextUpdate}})
      return toReport('escalate', result, config)
    },
    async trackActionItems({dir, incident, items}) {
      if (options.mode === 'off' || !config.jira) return emptyReport('track')
      return toReport('track', await createJiraIssuesForActionItems({dir, config, deps, mode: options.mode, incident, items}), config)
    },
    async importPagerDuty(pagerDutyIncidentId) {
      try {
        return await importPagerDutyIncident(pagerDutyIncidentId, {config, deps})
      } catch (error) {
        return {error: error instanceof AppError ? error.message : `PagerDuty import failed: ${(error as Error).message}`}
      }
    },
    async notePagerDuty({dir, pagerDutyIncidentId, content}) {
      if (options.mode === 'off') return emptyReport('pagerduty-note')
      return toReport('pagerduty-note', await notePagerDutyIncident({dir, config, deps, mode: options.mode, pagerDutyIncidentId, content}), config)
    },
  }
}

export function toReport(action: string, result: IntegrationResult, config: IntegrationConfig): NotifyReport {
  return {
    action,
    delivered: result.delivered,
    pending: result.pending,
    failed: result.failed.map((failure) => ({channel: failure.channel, error: failure.error})),
    dryRun: result.dryRun.map((item) => ({channel: item.channel, request: item.request})),
    problems: [...config.problems, ...result.skipped.map((skip) => `${skip.channel}: ${skip.reason}`)],
    jiraKeys: result.jiraKeys,
    deferred: result.deferred,
    blocked: result.blocked,
    unconfirmed: result.unconfirmed,
    notices: result.notices,
    pageUndelivered: result.pageUndelivered,
  }
}
