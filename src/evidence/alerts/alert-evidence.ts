import type {EvidenceItem} from '../../incident/evidence-item.js'
import {redact} from '../../redact/redact.js'
import type {AlertSummary} from './read-alert.js'

/**
 * The alert as evidence: `ev-alert-1` for the notification as a whole (what fired, since when, how
 * severe it said it was), then one item per alert it grouped when there are several.
 */
const SOURCE_NAMES: Record<AlertSummary['source'], string> = {
  alertmanager: 'Alertmanager',
  grafana: 'Grafana',
  'pagerduty-webhook': 'PagerDuty',
  'pagerduty-incident': 'PagerDuty',
}

export function alertEvidence(alert: AlertSummary, options: {redactIps: boolean}): EvidenceItem[] {
  const clean = (text: string) => redact(text, {ips: options.redactIps})
  const since = alert.startsAt ? ` since ${alert.startsAt.slice(0, 16).replace('T', ' ')} UTC` : ''
  const severity = alert.severityFrom ? `, ${alert.severityFrom}` : ''
  const items: EvidenceItem[] = [
    {
      id: 'ev-alert-1',
      source: 'alert',
      kind: 'alert',
      summary: clean(`${SOURCE_NAMES[alert.source]} alert "${alert.title}" ${alert.status}${since}${severity}${alert.service ? `, service ${alert.service}` : ''}`),
      at: alert.startsAt,
      ref: {file: alert.path, ...(alert.alerts[0]?.url ? {url: alert.alerts[0].url} : {})},
      data: {source: alert.source, status: alert.status, suggestedSeverity: alert.suggestedSeverity, symptoms: alert.symptoms, alerts: alert.alerts.length + alert.moreAlerts},
    },
  ]
  if (alert.alerts.length > 1) {
    alert.alerts.forEach((one, i) => {
      const labels = Object.entries(one.labels)
        .filter(([key]) => key !== 'alertname')
        .slice(0, 6)
        .map(([key, value]) => `${key}=${value}`)
        .join(', ')
      items.push({
        id: `ev-alert-${i + 2}`,
        source: 'alert',
        kind: 'alert',
        summary: clean(`${one.name} ${one.status}${one.startsAt ? ` since ${one.startsAt.slice(11, 16)}Z` : ''}${labels ? ` (${labels})` : ''}${one.summary ? `: ${one.summary}` : ''}`),
        at: one.startsAt,
        ref: {file: alert.path, ...(one.url ? {url: one.url} : {})},
        data: {labels: one.labels, status: one.status},
      })
    })
  }
  return items
}
