import {z} from 'zod'

import {SeveritySchema, type Severity} from '../../incident/severity.js'
import {SymptomSchema, type Symptom} from '../../incident/vocabulary.js'
import {DocumentShapeError, jsonPath} from '../logs/exports/json-path.js'
import {ALERT_SEVERITIES} from './catalogue/alert-severities.js'
import {ALERT_SYMPTOMS} from './catalogue/alert-symptoms.js'

/**
 * The alert that opened the incident (--alert), read from the payload its sender documents, and
 * what it tells the incident: the service, when it started, the symptoms its name and labels
 * name, a suggested severity. A pure function of the parsed JSON.
 *
 * - Alertmanager webhook (version 4): https://prometheus.io/docs/alerting/latest/configuration/#webhook_config
 * - Grafana alerting webhook (Alertmanager's shape plus orgId, title, message, values):
 *   https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/
 * - PagerDuty webhook v3 (`event.data` an incident): https://developer.pagerduty.com/docs/webhooks/v3-overview/
 * - PagerDuty REST incident (`GET /incidents/{id}` → `incident`): https://developer.pagerduty.com/api-reference/
 */
const Iso = z.string().datetime({offset: true})
const Stamp = z.string().refine((value) => !Number.isNaN(Date.parse(value)), 'expected a date-time')

export const AlertSummarySchema = z.object({
  source: z.enum(['alertmanager', 'grafana', 'pagerduty-webhook', 'pagerduty-incident']),
  path: z.string(),
  title: z.string(),
  status: z.string(),
  /** When it started firing (the earliest firing alert, the incident's creation). */
  startsAt: Iso.nullable(),
  service: z.string().nullable(),
  suggestedSeverity: SeveritySchema.nullable(),
  /** What the severity was read from (`label severity=critical`, `PagerDuty priority P1`). */
  severityFrom: z.string().nullable(),
  symptoms: z.array(SymptomSchema),
  alerts: z
    .array(
      z.object({
        name: z.string(),
        status: z.string(),
        startsAt: Iso.nullable(),
        endsAt: Iso.nullable(),
        labels: z.record(z.string(), z.string()),
        summary: z.string().nullable(),
        url: z.string().nullable(),
      }),
    )
    .max(20),
  /** Alerts in the payload beyond the 20 kept. */
  moreAlerts: z.number().int().nonnegative(),
})
export type AlertSummary = z.infer<typeof AlertSummarySchema>

const Labels = z.record(z.string(), z.string())
const AlertmanagerAlert = z
  .object({
    status: z.string(),
    labels: Labels,
    annotations: z.record(z.string(), z.string()).default({}),
    startsAt: Stamp,
    endsAt: z.string().optional(),
    generatorURL: z.string().optional(),
    fingerprint: z.string().optional(),
  })
  .passthrough()
const AlertmanagerSchema = z
  .object({
    status: z.string(),
    alerts: z.array(AlertmanagerAlert).min(1, 'expected at least one alert'),
    commonLabels: Labels.default({}),
    commonAnnotations: z.record(z.string(), z.string()).default({}),
    groupLabels: Labels.default({}),
    externalURL: z.string().optional(),
    title: z.string().optional(),
    orgId: z.number().optional(),
  })
  .passthrough()

const Reference = z.object({summary: z.string().optional()}).passthrough()
const PagerDutyIncident = z
  .object({
    id: z.string(),
    title: z.string(),
    status: z.string(),
    created_at: Stamp.optional(),
    urgency: z.string().optional(),
    html_url: z.string().optional(),
    service: Reference.optional(),
    priority: Reference.nullable().optional(),
  })
  .passthrough()
const PagerDutyWebhookSchema = z.object({event: z.object({event_type: z.string(), occurred_at: Stamp, resource_type: z.string().optional(), data: PagerDutyIncident}).passthrough()}).passthrough()
const PagerDutyIncidentSchema = z.object({incident: PagerDutyIncident}).passthrough()

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value)
const iso = (value: string | undefined | null): string | null => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : null)
const MAX_ALERTS = 20

function parse<T>(kind: string, schema: z.ZodType<T>, document: unknown): T {
  const parsed = schema.safeParse(document)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    throw new DocumentShapeError(kind, jsonPath(issue.path), issue.message)
  }
  return parsed.data
}

/** The alert a payload holds; DocumentShapeError (with the JSON path) when it is none we know, or broken. */
export function readAlert(document: unknown, path: string): AlertSummary {
  if (!isObject(document)) throw new DocumentShapeError('alert', '(the document)', 'expected a JSON object (an Alertmanager or Grafana webhook, a PagerDuty webhook or incident)')
  if (Array.isArray(document.alerts)) return fromAlertmanager(parse(typeof document.orgId === 'number' ? 'Grafana alert webhook' : 'Alertmanager webhook', AlertmanagerSchema, document), path)
  if (isObject(document.event)) return fromPagerDuty(parse('PagerDuty webhook', PagerDutyWebhookSchema, document).event, 'pagerduty-webhook', path)
  if (isObject(document.incident)) {
    const {incident} = parse('PagerDuty incident', PagerDutyIncidentSchema, document)
    return fromPagerDuty({occurred_at: incident.created_at ?? '', data: incident}, 'pagerduty-incident', path)
  }
  throw new DocumentShapeError('alert', '(the document)', 'is not an Alertmanager or Grafana webhook (alerts[]), a PagerDuty webhook (event) or a PagerDuty incident (incident)')
}

function fromAlertmanager(payload: z.infer<typeof AlertmanagerSchema>, path: string): AlertSummary {
  const firing = payload.alerts.filter((alert) => alert.status === 'firing')
  const relevant = firing.length > 0 ? firing : payload.alerts
  const labels = {...payload.commonLabels}
  const starts = relevant.map((alert) => iso(alert.startsAt)).filter((at): at is string => at !== null).sort()
  const name = payload.commonLabels.alertname ?? payload.groupLabels.alertname ?? relevant[0].labels.alertname ?? 'alert'
  const summary = payload.commonAnnotations.summary ?? relevant[0].annotations.summary ?? null
  const severityValue = labels.severity ?? relevant[0].labels.severity ?? labels.priority ?? null
  const words = [name, payload.title ?? '', summary ?? '', payload.commonAnnotations.description ?? '', ...relevant.flatMap((alert) => [alert.labels.alertname ?? '', alert.annotations.summary ?? ''])]
  return {
    source: typeof payload.orgId === 'number' ? 'grafana' : 'alertmanager',
    path,
    title: payload.title ?? (summary ? `${name}: ${summary}` : name),
    status: payload.status,
    startsAt: starts[0] ?? null,
    service: serviceOf({...relevant[0].labels, ...labels}),
    ...severityOf(severityValue, severityValue === null ? null : `label severity=${severityValue}`),
    symptoms: symptomsOf(words),
    alerts: payload.alerts.slice(0, MAX_ALERTS).map((alert) => ({
      name: alert.labels.alertname ?? name,
      status: alert.status,
      startsAt: iso(alert.startsAt),
      // Alertmanager writes the zero time for "not ended".
      endsAt: alert.endsAt && !alert.endsAt.startsWith('0001-') ? iso(alert.endsAt) : null,
      labels: alert.labels,
      summary: alert.annotations.summary ?? alert.annotations.description ?? null,
      url: alert.generatorURL ?? null,
    })),
    moreAlerts: Math.max(0, payload.alerts.length - MAX_ALERTS),
  }
}

function fromPagerDuty(event: {occurred_at: string; data: z.infer<typeof PagerDutyIncident>}, source: 'pagerduty-webhook' | 'pagerduty-incident', path: string): AlertSummary {
  const incident = event.data
  const priority = incident.priority?.summary ?? null
  const severity = priority ? severityOf(`pagerduty:${priority}`, `PagerDuty priority ${priority}`) : severityOf(incident.urgency ?? null, incident.urgency ? `PagerDuty urgency ${incident.urgency}` : null)
  const startsAt = iso(incident.created_at) ?? iso(event.occurred_at)
  return {
    source,
    path,
    title: incident.title,
    status: incident.status,
    startsAt,
    service: incident.service?.summary ?? null,
    ...severity,
    symptoms: symptomsOf([incident.title, incident.service?.summary ?? '']),
    alerts: [{name: incident.title, status: incident.status, startsAt, endsAt: null, labels: {}, summary: incident.title, url: incident.html_url ?? null}],
    moreAlerts: 0,
  }
}

/** The service label alerting rules use most (service, app, job, container …). */
function serviceOf(labels: Record<string, string>): string | null {
  for (const key of ['service', 'service_name', 'app', 'app_kubernetes_io_name', 'application', 'job', 'container', 'deployment']) {
    const value = labels[key]
    if (value) return value
  }
  return null
}

function severityOf(value: string | null, from: string | null): {suggestedSeverity: Severity | null; severityFrom: string | null} {
  if (value === null) return {suggestedSeverity: null, severityFrom: null}
  const entry = ALERT_SEVERITIES.find((candidate) => candidate.pattern.test(value))
  return entry ? {suggestedSeverity: entry.severity, severityFrom: from} : {suggestedSeverity: null, severityFrom: null}
}

/** Every symptom an entry of the catalogue finds in the alert's words, in the vocabulary's order. */
export function symptomsOf(words: readonly string[]): Symptom[] {
  const text = words.filter(Boolean).join(' \n ')
  const found = new Set(ALERT_SYMPTOMS.filter((entry) => entry.pattern.test(text)).map((entry) => entry.symptom))
  return SymptomSchema.options.filter((symptom) => found.has(symptom))
}
