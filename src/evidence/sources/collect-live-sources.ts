import type {Incident} from '../../incident/incident.js'
import {readSavedAnswer, type SourceManifest} from './answer-store.js'
import type {LiveSourceAdapter, SourceQuestion} from './live-source.js'
import {type LiveSourcesRuntime, WINDOW_AFTER_MS} from './live-runtime.js'
import type {KubernetesInput} from '../kubernetes/kubernetes-evidence.js'
import {kubernetesInputs} from './kubernetes/kube-objects.js'
import {kubernetesAdapter} from './kubernetes/kubernetes-adapter.js'
import {type RolloutEvent, rolloutEvents} from './kubernetes/rollout-events.js'
import {elasticsearchAdapter} from './elasticsearch/elasticsearch-adapter.js'
import {readElasticsearchAnswers} from './elasticsearch/read-elasticsearch-answers.js'
import {lokiAdapter} from './loki/loki-adapter.js'
import {readLokiAnswers} from './loki/read-loki-answers.js'
import {prometheusAdapter} from './prometheus/prometheus-adapter.js'
import {seriesFromAnswers, type SourcedSeries} from './prometheus/read-prometheus-answers.js'
import {runLiveSources} from './run-live-sources.js'
import type {LiveSources} from './source-settings.js'
import type {StoreReading} from './store-reading.js'

/** What the live sources gave, as the records the file readers give: ready for the same analysis. */
export interface LiveEvidence {
  metricSeries: SourcedSeries[]
  /** The Prometheus URL when it gave series, for the metrics digest's list of sources. */
  metricLocations: string[]
  /** Log stores' counts and samples, to merge into the log analysis. */
  logStores: StoreReading[]
  /** Rollouts and ConfigMap changes the cluster recorded, in the deploy-event line shape. */
  rollouts: RolloutEvent[]
  /** Pods and events the cluster listed, read by the Kubernetes readers: one input per saved page. */
  kubernetes: KubernetesInput[]
  limitations: string[]
  manifests: SourceManifest[]
}

/**
 * Asks the incident's live sources (or reads what they answered before) and turns the saved
 * answers into evidence records. Never throws for a source's failure: that is a limitation.
 */
export async function collectLiveSources(incident: Incident, sources: LiveSources, runtime: LiveSourcesRuntime): Promise<LiveEvidence> {
  const question = sourceQuestion(incident, runtime)
  const manifests = await runLiveSources(adapters(sources, runtime), {
    incidentDir: runtime.incidentDir,
    question,
    limits: runtime.limits,
    redactIps: runtime.redactIps,
  })
  const limitations = manifests.flatMap((manifest) => manifest.limitations)
  const metricSeries: SourcedSeries[] = []
  const metricLocations: string[] = []
  const logStores: StoreReading[] = []
  const rollouts: RolloutEvent[] = []
  const kubernetes: KubernetesInput[] = []
  for (const manifest of manifests) {
    const answers = await Promise.all(manifest.answers.map(async (answer) => ({answer, body: await readSavedAnswer(runtime.incidentDir, answer)})))
    if (manifest.source === 'prometheus') {
      const read = seriesFromAnswers(answers, incident.service)
      metricSeries.push(...read.series)
      limitations.push(...read.problems.map((problem) => `Prometheus answer ${problem}.`))
      if (read.series.length > 0) metricLocations.push(manifest.url)
    } else if (manifest.source === 'loki') {
      const read = readLokiAnswers(answers, {location: manifest.url, now: runtime.now})
      if (read) logStores.push(read)
      limitations.push(...(read?.problems ?? []).map((problem) => `Loki answer ${problem}`))
    } else if (manifest.source === 'elasticsearch') {
      const read = readElasticsearchAnswers(answers, {location: manifest.url, now: runtime.now})
      if (read) logStores.push(read)
      limitations.push(...(read?.problems ?? []).map((problem) => `Elasticsearch answer ${problem}`))
    } else if (manifest.source === 'kubernetes') {
      const role = (name: string) => answers.filter((a) => a.answer.role === name).map((a) => a.body)
      const window = {from: Date.parse(manifest.window.from), to: Date.parse(manifest.window.to)}
      rollouts.push(...rolloutEvents({replicasets: role('replicasets'), controllerrevisions: role('controllerrevisions'), configmaps: role('configmaps')}, window))
      const read = kubernetesInputs(answers, Boolean(sources.kubernetes?.labelSelector))
      kubernetes.push(...read.inputs)
      limitations.push(...read.problems.map((problem) => `Kubernetes API answer ${problem}`))
    }
  }
  return {metricSeries, metricLocations, logStores, rollouts, kubernetes, limitations, manifests}
}

function adapters(sources: LiveSources, runtime: LiveSourcesRuntime): LiveSourceAdapter[] {
  const list: LiveSourceAdapter[] = []
  if (sources.prometheus) {
    list.push(prometheusAdapter({url: sources.prometheus.url, auth: runtime.auth.prometheus, userQueries: sources.prometheus.queries, fetch: runtime.fetch}))
  }
  if (sources.elasticsearch) {
    list.push(elasticsearchAdapter({url: sources.elasticsearch.url, index: sources.elasticsearch.index, auth: runtime.auth.elasticsearch, fields: runtime.elasticsearchFields, fetch: runtime.fetch}))
  }
  if (sources.kubernetes) {
    const {context, namespace, labelSelector} = sources.kubernetes
    list.push(kubernetesAdapter({context, namespace, labelSelector, kubeconfig: runtime.kubeconfig, env: runtime.env, fetch: runtime.fetch}))
  }
  if (sources.loki) {
    list.push(lokiAdapter({url: sources.loki.url, selector: sources.loki.selector, tenant: sources.loki.tenant, auth: runtime.auth.loki, fetch: runtime.fetch}))
  }
  return list
}

/**
 * The window every source is asked about: from `windowBefore` before the declared time to an
 * hour after it, or now if sooner. The declared time is saved with the incident, so a resumed
 * run asks about the same window.
 */
export function sourceQuestion(incident: Incident, runtime: LiveSourcesRuntime): SourceQuestion {
  const declared = Date.parse(incident.timestamps.detectedAt ?? incident.createdAt)
  const to = Math.max(Math.min(declared + WINDOW_AFTER_MS, runtime.now.getTime()), declared)
  return {
    window: {from: new Date(declared - runtime.windowBeforeMs), to: new Date(to)},
    declaredAt: new Date(declared),
    symptoms: incident.symptoms,
    service: incident.service,
  }
}
