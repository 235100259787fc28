import {describe, expect, it} from 'vitest'

import {alertEvidence} from '../../../src/evidence/alerts/alert-evidence.js'
import {ALERT_SEVERITIES} from '../../../src/evidence/alerts/catalogue/alert-severities.js'
import {ALERT_SYMPTOMS} from '../../../src/evidence/alerts/catalogue/alert-symptoms.js'
import {readAlert} from '../../../src/evidence/alerts/read-alert.js'
import {alertmanagerWebhook, grafanaWebhook, pagerDutyIncident, pagerDutyWebhook} from './alert-samples.js'

describe('alert catalogues', () => {
  for (const entry of ALERT_SYMPTOMS) {
    it(`symptom ${entry.id}: matches its examples and not its non-examples`, () => {
      expect(entry.examples.match.length).toBeGreaterThan(0)
      for (const text of entry.examples.match) expect(entry.pattern.test(text), text).toBe(true)
      expect(entry.examples.nonMatch.length).toBeGreaterThan(0)
      for (const text of entry.examples.nonMatch) expect(entry.pattern.test(text), text).toBe(false)
    })
  }
  for (const entry of ALERT_SEVERITIES) {
    it(`severity ${entry.id}: decides its examples as ${entry.severity}`, () => {
      expect(entry.examples.match.length).toBeGreaterThan(0)
      for (const value of entry.examples.match) expect(ALERT_SEVERITIES.find((e) => e.pattern.test(value))?.id, value).toBe(entry.id)
      expect(entry.examples.nonMatch.length).toBeGreaterThan(0)
      for (const value of entry.examples.nonMatch) expect(entry.pattern.test(value), value).toBe(false)
    })
  }
})

describe('readAlert', () => {
  it('reads an Alertmanager webhook: service, start, symptoms, severity from its labels', () => {
    const alert = readAlert(alertmanagerWebhook, '/tmp/alert.json')
    expect(alert).toMatchObject({
      source: 'alertmanager',
      title: 'KubePodCrashLooping: Pod is crash looping.',
      status: 'firing',
      startsAt: '2025-06-20T13:10:12.345Z',
      service: 'checkout-api',
      suggestedSeverity: 'P1',
      severityFrom: 'label severity=critical',
      symptoms: ['infrastructure-issues'],
      moreAlerts: 0,
    })
    expect(alert.alerts[0]).toMatchObject({name: 'KubePodCrashLooping', endsAt: null, labels: {pod: 'checkout-7d9f8b6c5-x2x9q'}})
  })

  it('reads a Grafana webhook, its offset time normalised', () => {
    const alert = readAlert(grafanaWebhook, 'grafana.json')
    expect(alert).toMatchObject({source: 'grafana', title: '[FIRING:1] Checkout p99 latency high (payments checkout)', startsAt: '2025-06-20T13:10:00.000Z', service: 'checkout', suggestedSeverity: 'P2', symptoms: ['slow-performance']})
  })

  it('reads a PagerDuty v3 webhook: priority P1 suggests P0', () => {
    const alert = readAlert(pagerDutyWebhook, 'pd.json')
    expect(alert).toMatchObject({source: 'pagerduty-webhook', title: 'Checkout API 5xx error rate above 10%', startsAt: '2025-06-20T13:10:29.000Z', service: 'checkout-api', suggestedSeverity: 'P0', severityFrom: 'PagerDuty priority P1', symptoms: ['high-error-rate']})
  })

  it('reads a PagerDuty incident: urgency when there is no priority', () => {
    const alert = readAlert(pagerDutyIncident, 'incident.json')
    expect(alert).toMatchObject({source: 'pagerduty-incident', status: 'acknowledged', service: 'orders-service', suggestedSeverity: 'P2', severityFrom: 'PagerDuty urgency low', symptoms: ['database-issues']})
  })

  it('refuses a broken payload naming the JSON path', () => {
    const broken = structuredClone(alertmanagerWebhook) as Record<string, unknown>
    ;(broken.alerts as Array<Record<string, unknown>>)[0].startsAt = 'soon'
    expect(() => readAlert(broken, 'a.json')).toThrow('alerts[0].startsAt: expected a date-time')
    expect(() => readAlert({status: 'firing', alerts: []}, 'a.json')).toThrow('alerts: expected at least one alert')
    expect(() => readAlert({hello: 'world'}, 'a.json')).toThrow('is not an Alertmanager or Grafana webhook')
    expect(() => readAlert([], 'a.json')).toThrow('expected a JSON object')
  })

  it('becomes citable evidence', () => {
    const items = alertEvidence(readAlert(alertmanagerWebhook, '/tmp/alert.json'), {redactIps: false})
    expect(items).toEqual([
      expect.objectContaining({id: 'ev-alert-1', source: 'alert', at: '2025-06-20T13:10:12.345Z', summary: 'Alertmanager alert "KubePodCrashLooping: Pod is crash looping." firing since 2025-06-20 13:10 UTC, label severity=critical, service checkout-api'}),
    ])
  })
})
