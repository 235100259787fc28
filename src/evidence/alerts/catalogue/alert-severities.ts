import type {Severity} from '../../../incident/severity.js'

/**
 * The severity an alert suggests, from what it says of itself: a `severity`/`priority` label
 * (Alertmanager, Grafana) or a PagerDuty priority and urgency. Tried in order; the first entry
 * whose pattern matches the stated value decides. Only a suggestion: --severity and the config
 * file win, and triage can still say the evidence calls for another.
 */
export interface AlertSeverity {
  id: string
  severity: Severity
  /** Matched against the value, e.g. `critical`, `P1`, `high`. */
  pattern: RegExp
  examples: {match: readonly string[]; nonMatch: readonly string[]}
}

export const ALERT_SEVERITIES: readonly AlertSeverity[] = [
  {id: 'page-or-emergency', severity: 'P0', pattern: /^(?:page|emergency|disaster|sev[\s_-]?0|p0|fatal)$/i, examples: {match: ['page', 'SEV0', 'P0'], nonMatch: ['critical', 'P1']}},
  {id: 'pagerduty-p1', severity: 'P0', pattern: /^pagerduty:P1$/, examples: {match: ['pagerduty:P1'], nonMatch: ['P1', 'pagerduty:P2']}},
  {id: 'critical', severity: 'P1', pattern: /^(?:critical|crit|sev[\s_-]?1|p1|high|error|major)$/i, examples: {match: ['critical', 'sev1', 'high', 'P1'], nonMatch: ['warning']}},
  {id: 'pagerduty-p2', severity: 'P1', pattern: /^pagerduty:P2$/, examples: {match: ['pagerduty:P2'], nonMatch: ['pagerduty:P3']}},
  {id: 'warning', severity: 'P2', pattern: /^(?:warning|warn|minor|low|info|informational|sev[\s_-]?[234]|p[2-5]|pagerduty:P[3-5])$/i, examples: {match: ['warning', 'low', 'sev3', 'pagerduty:P4'], nonMatch: ['critical']}},
]
