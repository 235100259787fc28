/**
 * Alert payloads in the shapes their senders document, written for these tests. Each names the
 * page its shape follows.
 */

/** Alertmanager webhook, version 4 — https://prometheus.io/docs/alerting/latest/configuration/#webhook_config */
export const alertmanagerWebhook = {
  version: '4',
  groupKey: '{}/{severity="critical"}:{alertname="KubePodCrashLooping"}',
  truncatedAlerts: 0,
  status: 'firing',
  receiver: 'oncall-webhook',
  groupLabels: {alertname: 'KubePodCrashLooping'},
  commonLabels: {alertname: 'KubePodCrashLooping', namespace: 'shop', service: 'checkout-api', severity: 'critical'},
  commonAnnotations: {summary: 'Pod is crash looping.', runbook_url: 'https://runbooks.prometheus-operator.dev/runbooks/kubernetes/kubepodcrashlooping'},
  externalURL: 'http://alertmanager.monitoring:9093',
  alerts: [
    {
      status: 'firing',
      labels: {alertname: 'KubePodCrashLooping', namespace: 'shop', pod: 'checkout-7d9f8b6c5-x2x9q', container: 'api', service: 'checkout-api', severity: 'critical'},
      annotations: {description: 'Pod shop/checkout-7d9f8b6c5-x2x9q (api) is in waiting state (reason: "CrashLoopBackOff").', summary: 'Pod is crash looping.'},
      startsAt: '2025-06-20T13:10:12.345Z',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.monitoring:9090/graph?g0.expr=max_over_time%28kube_pod_container_status_waiting_reason%5B5m%5D%29',
      fingerprint: 'a5ef1d2c3b4f5a6e',
    },
  ],
}

/** Grafana alerting webhook — https://grafana.com/docs/grafana/latest/alerting/configure-notifications/manage-contact-points/integrations/webhook-notifier/ */
export const grafanaWebhook = {
  receiver: 'checkout-oncall',
  status: 'firing',
  orgId: 1,
  alerts: [
    {
      status: 'firing',
      labels: {alertname: 'Checkout p99 latency high', team: 'payments', app: 'checkout', severity: 'warning'},
      annotations: {description: 'p99 latency of checkout is above 2s', summary: 'Checkout is slow'},
      startsAt: '2025-06-20T15:10:00.000+02:00',
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'https://grafana.example.com/alerting/grafana/abc123/view',
      fingerprint: '2f1c0e9d8b7a6c5d',
      silenceURL: 'https://grafana.example.com/alerting/silence/new',
      dashboardURL: '',
      panelURL: '',
      values: {B: 2.41, C: 1},
    },
  ],
  groupLabels: {alertname: 'Checkout p99 latency high'},
  commonLabels: {alertname: 'Checkout p99 latency high', team: 'payments', app: 'checkout', severity: 'warning'},
  commonAnnotations: {summary: 'Checkout is slow'},
  externalURL: 'https://grafana.example.com/',
  version: '1',
  groupKey: '{}:{alertname="Checkout p99 latency high"}',
  truncatedAlerts: 0,
  title: '[FIRING:1] Checkout p99 latency high (payments checkout)',
  state: 'alerting',
  message: '**Firing**\n\nValue: B=2.41',
}

/** PagerDuty webhook v3 — https://developer.pagerduty.com/docs/webhooks/v3-overview/ */
export const pagerDutyWebhook = {
  event: {
    id: '5ac64822-4adc-4fda-ade0-410becf0de4f',
    event_type: 'incident.triggered',
    resource_type: 'incident',
    occurred_at: '2025-06-20T13:10:30.169Z',
    agent: {id: 'PLH1HKV', type: 'service_reference', summary: 'Checkout API'},
    client: {name: 'Alertmanager'},
    data: {
      id: 'PGR0VU2',
      type: 'incident',
      self: 'https://api.pagerduty.com/incidents/PGR0VU2',
      html_url: 'https://acme.pagerduty.com/incidents/PGR0VU2',
      number: 2,
      status: 'triggered',
      incident_key: 'baf7cf21b1da41b4b0221008339ff357',
      created_at: '2025-06-20T13:10:29Z',
      title: 'Checkout API 5xx error rate above 10%',
      service: {id: 'PF9KMXH', summary: 'checkout-api', type: 'service_reference'},
      assignees: [{id: 'PTUXL6G', summary: 'On-call', type: 'user_reference'}],
      priority: {id: 'PSO75BM', summary: 'P1', type: 'priority_reference'},
      urgency: 'high',
    },
  },
}

/** PagerDuty REST API, GET /incidents/{id} — https://developer.pagerduty.com/api-reference/ (Get an incident) */
export const pagerDutyIncident = {
  incident: {
    id: 'PT4KHLK',
    type: 'incident',
    summary: '[#1234] The server is on fire.',
    incident_number: 1234,
    title: 'Database connection pool exhausted on orders-db',
    created_at: '2025-06-20T13:00:00Z',
    status: 'acknowledged',
    urgency: 'low',
    html_url: 'https://acme.pagerduty.com/incidents/PT4KHLK',
    service: {id: 'PIJ90N7', type: 'service_reference', summary: 'orders-service'},
    priority: null,
  },
}
