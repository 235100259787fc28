import {Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {incidentFlags} from '../cli/flags.js'
import {resolvePipelineRequest} from '../cli/resolve-request.js'
import {terminalStyle} from '../cli/terminal.js'
import type {PipelineJson} from '../phases/pipeline-json.js'

export default class Run extends BaseCommand {
  static override summary = 'Run the incident pipeline: triage → investigation → root-cause analysis → postmortem (the default command)'
  static override description =
    'Starts a new incident (or resumes one with --id) and works it from the evidence you point it at: logs, a git repository, metrics, deploy events, a PostgreSQL database, health endpoints, and live Prometheus, Loki, Elasticsearch/OpenSearch and Kubernetes API sources. Everything lands in <out-dir>/<incident-id>/. `run` is the default command: `<%= config.bin %> --severity p1 …` is `<%= config.bin %> run --severity p1 …`.'
  static override usage = '[FLAGS]'
  static override examples = [
    {description: 'Interactive: it asks for the severity and the symptoms.', command: '<%= config.bin %> --logs "/var/log/app/*.log" --repo ~/src/checkout-api'},
    {description: 'Scripted, with the evidence at hand and the time the incident was declared.', command: '<%= config.bin %> --severity p0 --symptoms high-error-rate,database-issues --logs app.log.gz --logs access.log.gz --repo . --deploys deploys.jsonl --metrics metrics.csv --started-at 2026-11-12T14:09:00Z --non-interactive'},
    {description: 'Resume an incident and (re)write its postmortem.', command: '<%= config.bin %> --id incident-2026-11-12-140900 --postmortem'},
    {description: 'Start from the alert that opened it, with the cluster\'s state and the logs.', command: '<%= config.bin %> --alert alertmanager.json --k8s pods.json --k8s events.json --logs api.log --non-interactive'},
    {description: 'Ask the live sources where the evidence is.', command: '<%= config.bin %> --severity p1 --symptoms high-error-rate --service checkout --prometheus http://prometheus:9090 --loki http://loki:3100 --kube-context prod --kube-namespace shop'},
    {description: 'Logs from stdin, one JSON object on stdout.', command: 'kubectl logs deploy/checkout-api --timestamps | <%= config.bin %> --severity p1 --symptoms high-error-rate --logs - --non-interactive --json'},
  ]

  static override flags = {
    severity: Flags.string({helpGroup: 'Incident', char: 's', description: 'p0 (critical), p1 (high) or p2 (medium)'}),
    symptoms: Flags.string({helpGroup: 'Incident', description: 'Comma-separated: high-error-rate, service-unavailable, slow-performance, data-corruption, security-incident, database-issues, infrastructure-issues', multiple: true}),
    service: Flags.string({helpGroup: 'Incident', description: 'Name of the affected service'}),
    repo: Flags.string({helpGroup: 'Evidence', description: 'Git repository to search for recent changes (default: the current directory)'}),
    logs: Flags.string({helpGroup: 'Evidence', description: 'Log file, glob or - for stdin (repeatable; .gz too)', multiple: true}),
    metrics: Flags.string({helpGroup: 'Evidence', description: 'Metrics: wide CSV or saved Prometheus query_range JSON (repeatable); a URL is a live Prometheus', multiple: true}),
    prometheus: Flags.string({helpGroup: 'Evidence', description: 'Prometheus base URL to query live (credentials: PROMETHEUS_BEARER_TOKEN or PROMETHEUS_USERNAME/PASSWORD)'}),
    promql: Flags.string({helpGroup: 'Evidence', description: "Your own PromQL, as name=EXPR (repeatable), asked besides the query catalogue", multiple: true}),
    loki: Flags.string({helpGroup: 'Evidence', description: 'Loki base URL to query live (LOKI_BEARER_TOKEN or LOKI_USERNAME/PASSWORD; tenant: LOKI_ORG_ID)'}),
    'loki-selector': Flags.string({helpGroup: 'Evidence', description: 'LogQL stream selector for --loki (default {service_name="<--service>"})'}),
    elasticsearch: Flags.string({helpGroup: 'Evidence', description: 'Elasticsearch or OpenSearch base URL to query live (ELASTICSEARCH_API_KEY or ELASTICSEARCH_USERNAME/PASSWORD)'}),
    'elasticsearch-index': Flags.string({helpGroup: 'Evidence', description: 'Index pattern for --elasticsearch (default logs-*,filebeat-*,logstash-*)'}),
    'kube-context': Flags.string({helpGroup: 'Evidence', description: 'Read the Kubernetes API through this kubeconfig context (read-only: events, pods, rollouts, ConfigMaps)'}),
    'kube-namespace': Flags.string({helpGroup: 'Evidence', description: 'Kubernetes namespace to read (default: the context’s, else all namespaces)'}),
    'kube-selector': Flags.string({helpGroup: 'Evidence', description: 'Kubernetes label selector for pods and workloads, e.g. app=checkout'}),
    deploys: Flags.string({helpGroup: 'Evidence', description: 'Deploy / feature-flag / config events as JSON lines'}),
    'database-url': Flags.string({helpGroup: 'Evidence', description: 'PostgreSQL URL for live, read-only diagnostics', env: 'INCIDENT_DATABASE_URL'}),
    health: Flags.string({helpGroup: 'Evidence', description: 'Health endpoint URL to probe (repeatable)', multiple: true}),
    k8s: Flags.string({helpGroup: 'Evidence', description: 'Kubernetes input: kubectl get events|pods -o json|yaml, kubectl describe pod|node text, or a kubectl get events|pods table (repeatable)', multiple: true}),
    alert: Flags.string({helpGroup: 'Incident', description: 'The alert that opened the incident: an Alertmanager or Grafana webhook, a PagerDuty webhook or incident (JSON file, or - for stdin); fills service, start, symptoms and severity the flags do not give'}),
    'started-at': Flags.string({helpGroup: 'Incident', description: 'When the incident was declared (ISO 8601); the onset is detected from evidence'}),
    lookback: Flags.string({helpGroup: 'Evidence', description: 'How far before the onset to look for changes', default: '48h'}),
    threads: Flags.integer({helpGroup: 'Evidence', description: 'Threads that read one large log file (64 MB and up; default 2, at most the CPUs here)', min: 1, max: 16}),
    'redact-ips': Flags.boolean({helpGroup: 'Evidence', description: 'Mask client IP addresses too, in the documents and in what is sent to Claude'}),
    postmortem: Flags.boolean({helpGroup: 'Incident', description: 'Write the postmortem even if not P0'}),
    'skip-triage': Flags.boolean({helpGroup: 'Incident', description: 'Already triaged: go straight to investigation'}),
    'non-interactive': Flags.boolean({helpGroup: 'Incident', description: 'Never prompt; missing input is an error (exit 2)'}),
    provider: Flags.string({helpGroup: 'Claude', description: 'offline (our evidence engine) or anthropic (Claude); default anthropic when ANTHROPIC_API_KEY is set', options: ['offline', 'anthropic']}),
    model: Flags.string({helpGroup: 'Claude', description: 'Claude model id for --provider anthropic'}),
    notify: Flags.boolean({helpGroup: 'Integrations', description: 'Send escalations (PagerDuty/Slack) when configured', default: true, allowNo: true}),
    'dry-run': Flags.boolean({helpGroup: 'Integrations', description: 'Print what would be sent to PagerDuty/Slack/Jira instead of sending'}),
    'pagerduty-incident': Flags.string({helpGroup: 'Integrations', description: 'Import this PagerDuty incident’s timeline (needs PAGERDUTY_API_TOKEN)'}),
    update: Flags.boolean({helpGroup: 'Integrations', description: 'Post the RCA summary back to the PagerDuty incident as a note', dependsOn: ['pagerduty-incident']}),
    ...incidentFlags,
    id: Flags.string({helpGroup: 'Incident', description: 'Resume this incident at the first phase not done (or open a new one under this id)'}),
  }

  async run(): Promise<PipelineJson> {
    const {flags} = await this.parse(Run)
    const style = terminalStyle()
    const {request, config, configRoot} = await resolvePipelineRequest(flags, {interactive: style.interactive && !flags['non-interactive']})
    // Loaded only once the input is valid: the engine, the Anthropic SDK and pg take most of the
    // start-up time, and a usage error should come back at once.
    const [{buildPipelineDeps}, {runPipeline}, {toPipelineJson}, {renderTerminalSummary}] = await Promise.all([
      import('../cli/build-deps.js'),
      import('../phases/pipeline.js'),
      import('../phases/pipeline-json.js'),
      import('../render/terminal-summary.js'),
    ])
    const deps = await buildPipelineDeps(request, config, {style, configRoot, model: flags.model})
    const result = await runPipeline(request, deps)
    const json = await toPipelineJson(result)
    if (!this.jsonEnabled()) this.log(renderTerminalSummary(result, style))
    return json
  }
}
