import {readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {CHECKOUT_ONSET, checkoutStore} from '../fakes/checkout-store.js'
import {type FakeElasticsearch, startFakeElasticsearch} from '../fakes/fake-elasticsearch.js'
import {startFakeKubernetes} from '../fakes/fake-kubernetes.js'
import {type FakeLoki, startFakeLoki} from '../fakes/fake-loki.js'
import {CLUSTER} from '../evidence/sources/kubernetes/cluster-fixture.js'
import {INCIDENT_DATA, ONSET} from '../evidence/sources/prometheus/incident-data.js'
import {openMetrics, type RealPrometheus, startRealPrometheus} from '../evidence/sources/prometheus/real-prometheus.js'
import {closedPort} from '../evidence/sources/closed-port.js'
import type {FakeServer} from '../integrations/fakes/fake-server.js'
import {runCli, tempDir} from './cli-harness.js'

const SECRETS = {prometheus: 'PROMtoken-e2e-81f3', es: 'ESpw-e2e-77aa', kube: 'KUBEtoken-e2e-5d2c'}
const COMMON = ['--severity', 'p1', '--symptoms', 'high-error-rate', '--service', 'checkout-api', '--non-interactive', '--json']

async function allFiles(dir: string): Promise<string> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true})
  const texts = await Promise.all(entries.filter((e) => e.isFile()).map((e) => readFile(join(e.parentPath, e.name), 'utf8')))
  return texts.join('\n')
}

describe('live sources from the CLI', () => {
  let prometheus: RealPrometheus
  let loki: FakeLoki
  let es: FakeElasticsearch
  let kube: FakeServer
  beforeAll(async () => {
    ;[prometheus, loki, es, kube] = await Promise.all([
      startRealPrometheus(openMetrics(INCIDENT_DATA)),
      startFakeLoki(checkoutStore(1000), {tenant: 'shop'}),
      startFakeElasticsearch(checkoutStore(1000), {basic: {username: 'elastic', password: SECRETS.es}}),
      startFakeKubernetes({token: SECRETS.kube, objects: CLUSTER}),
    ])
  }, 60_000)
  afterAll(async () => {
    await Promise.all([prometheus?.stop(), loki?.close(), es?.close(), kube?.close()])
  })

  it('--prometheus: the onset from the 5xx ratio of the real server, answers saved, token never written', async () => {
    const work = await tempDir('live-prom')
    const out = join(work, 'out')
    const result = await runCli([...COMMON, '--prometheus', prometheus.url, '--promql', 'checkout_5xx=sum(rate(http_requests_total{job="checkout-api",code=~"5.."}[5m]))', '--started-at', '2026-11-20T12:10:00Z', '--out-dir', out], {
      cwd: work,
      env: {PROMETHEUS_BEARER_TOKEN: SECRETS.prometheus},
    })
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout)
    expect(Math.abs(Date.parse(json.rca.rootCause.onset ?? json.rca.timeline[0]?.at) / 1000 - ONSET)).toBeLessThanOrEqual(300)
    const saved = await readdir(join(json.outputDir, 'evidence/sources/prometheus'))
    expect(saved).toEqual(expect.arrayContaining(['manifest.json', expect.stringMatching(/-checkout_5xx\.json$/), expect.stringMatching(/-http-error-ratio\.json$/)]))
    expect(result.stdout + result.stderr + (await allFiles(out))).not.toContain(SECRETS.prometheus)
  }, 60_000)

  it('Loki and Elasticsearch from the config file: the store volume, the new error, credentials from the environment', async () => {
    const work = await tempDir('live-logs')
    await writeFile(
      join(work, '.incident-response.json'),
      JSON.stringify({sources: {loki: {url: loki.url, selector: '{service_name="checkout-api"}', tenant: 'shop'}, elasticsearch: {url: es.url, index: 'logs-*'}}}),
    )
    const declared = new Date(CHECKOUT_ONSET + 10 * 60_000).toISOString()
    const result = await runCli([...COMMON, '--started-at', declared, '--out-dir', join(work, 'out')], {cwd: work, env: {ELASTICSEARCH_USERNAME: 'elastic', ELASTICSEARCH_PASSWORD: SECRETS.es}})
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout)
    const logs = JSON.parse(await readFile(join(json.outputDir, 'evidence/logs.json'), 'utf8'))
    expect(logs.files.map((f: {format: string}) => f.format).sort()).toEqual(['elasticsearch', 'loki'])
    expect(logs.totals.lines).toBeGreaterThan(400_000)
    expect(Math.abs(Date.parse(logs.onset.at) - CHECKOUT_ONSET)).toBeLessThanOrEqual(60_000)
    expect(logs.templates.find((t: {template: string}) => t.template.includes('refund failed'))).toMatchObject({isNew: true})
    expect(loki.requests.at(-1)!.headers['x-scope-orgid']).toBe('shop')
    expect(result.stdout + result.stderr + (await allFiles(join(work, 'out')))).not.toContain(SECRETS.es)
  }, 60_000)

  it('--kube-context: the image rollout before the onset is a deploy event', async () => {
    const work = await tempDir('live-kube')
    await writeFile(join(work, 'kubeconfig'), `apiVersion: v1\ncurrent-context: other\nclusters:\n- name: c\n  cluster: {server: "${kube.url}"}\ncontexts:\n- name: prod\n  context: {cluster: c, user: u}\n- name: other\n  context: {cluster: c, user: u}\nusers:\n- name: u\n  user: {token: ${SECRETS.kube}}\n`)
    const result = await runCli([...COMMON, '--kube-context', 'prod', '--kube-namespace', 'shop', '--kube-selector', 'app=checkout-api', '--started-at', '2026-11-20T12:10:00Z', '--out-dir', join(work, 'out')], {
      cwd: work,
      env: {KUBECONFIG: join(work, 'kubeconfig')},
    })
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout)
    const deploys = JSON.parse(await readFile(join(json.outputDir, 'evidence/deploys.json'), 'utf8'))
    expect(deploys.events.find((e: {sha: string | null}) => e.sha === '3f9c2e1')).toMatchObject({kind: 'deploy', time: '2026-11-20T11:52:00.000Z', service: 'checkout-api'})
    const kubernetes = JSON.parse(await readFile(join(json.outputDir, 'evidence/kubernetes.json'), 'utf8'))
    expect(kubernetes.containers[0].termination).toMatchObject({reason: 'OOMKilled', exitCode: 137})
    expect(result.stdout + result.stderr + (await allFiles(join(work, 'out')))).not.toContain(SECRETS.kube)
  }, 60_000)

  it('no source answers: exit 1, every reason listed', async () => {
    const work = await tempDir('live-none')
    const port = await closedPort()
    const result = await runCli([...COMMON, '--prometheus', `http://127.0.0.1:${port}`, '--loki', `http://127.0.0.1:${port}`, '--out-dir', join(work, 'out')], {cwd: work, env: {KUBECONFIG: join(work, 'none')}})
    expect(result.code).toBe(1)
    const error = JSON.parse(result.stdout).error
    expect(error.message).toContain(`Prometheus (http://127.0.0.1:${port}): unreachable (ECONNREFUSED)`)
    expect(error.message).toContain(`Loki (http://127.0.0.1:${port} {service_name="checkout-api"}): unreachable (ECONNREFUSED)`)
    expect(error.message).toContain("check --loki (the base URL of Loki's HTTP API")
  }, 60_000)

  it('bad live-source flags are usage errors before anything is asked', async () => {
    const work = await tempDir('live-usage')
    const promql = await runCli([...COMMON, '--prometheus', 'http://127.0.0.1:9090', '--promql', 'no equals sign'], {cwd: work})
    expect(promql.code).toBe(2)
    expect(JSON.parse(promql.stdout).error.message).toContain('--promql "no equals sign" is not name=EXPR')
    const creds = await runCli([...COMMON, '--loki', 'http://admin:hunter2@127.0.0.1:3100'], {cwd: work})
    expect(creds.code).toBe(2)
    expect(JSON.parse(creds.stdout).error.message).toContain('--loki carries credentials in the URL')
    expect(creds.stdout + creds.stderr).not.toContain('hunter2')
    expect(await readdir(work)).toEqual([])
  }, 60_000)
})
