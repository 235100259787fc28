import {mkdtemp, readFile, readdir, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {collectEvidence} from '../../../../src/evidence/collect-evidence.js'
import {liveSourcesRuntime} from '../../../../src/evidence/sources/live-runtime.js'
import {type Incident, IncidentSchema} from '../../../../src/incident/incident.js'
import {type FakeServer} from '../../../integrations/fakes/fake-server.js'
import {startFakeKubernetes} from '../../../fakes/fake-kubernetes.js'
import {CLUSTER} from './cluster-fixture.js'

const NOW = new Date('2026-12-01T00:00:00Z')
const DECLARED = '2026-11-20T12:10:00.000Z'
const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.kubeTOKENsecret.sig'

function incident(kubernetes: {context: string | null; namespace: string | null; labelSelector: string | null}): Incident {
  return IncidentSchema.parse({
    schemaVersion: 1,
    id: 'incident-2026-11-20-121000',
    title: 'checkout-api: high-error-rate',
    severity: 'P1',
    symptoms: ['high-error-rate'],
    service: 'checkout-api',
    status: 'investigating',
    createdAt: DECLARED,
    phases: {},
    timestamps: {startedAt: null, detectedAt: DECLARED, acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
    inputs: {sources: {kubernetes}},
    provider: 'offline',
  })
}

const kubeconfig = (server: string) => `apiVersion: v1
kind: Config
current-context: dev
clusters:
- name: prod-eu
  cluster:
    server: ${server}
- name: dev
  cluster:
    server: http://127.0.0.1:1
contexts:
- name: prod
  context: {cluster: prod-eu, user: incident-reader, namespace: shop}
- name: dev
  context: {cluster: dev, user: incident-reader}
users:
- name: incident-reader
  user:
    token: ${TOKEN}
`

describe('the Kubernetes API as an evidence source', () => {
  let dir: string
  let kube: FakeServer | null = null
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ir-kube-'))
  })
  afterEach(async () => {
    await kube?.close()
    kube = null
    await rm(dir, {recursive: true, force: true})
  })

  async function collect(kubernetes: Parameters<typeof incident>[0], options: {forbidden?: Array<'controllerrevisions'>; env?: NodeJS.ProcessEnv} = {}) {
    kube = await startFakeKubernetes({token: TOKEN, objects: CLUSTER, forbidden: options.forbidden, pageSize: 2})
    await writeFile(join(dir, 'kubeconfig'), kubeconfig(kube.url))
    const env = options.env ?? {KUBECONFIG: join(dir, 'kubeconfig')}
    const live = liveSourcesRuntime(undefined, env, {incidentDir: join(dir, 'incident'), redactIps: false, now: NOW})
    return collectEvidence({incident: incident(kubernetes), databaseUrl: null, now: NOW, live})
  }

  it('rollout history becomes deploy and config events with times, from the context the flag names', async () => {
    const bundle = await collect({context: 'prod', namespace: null, labelSelector: 'app=checkout-api'})
    const events = bundle.deploys!.events
    expect(bundle.deploys!.file).toBe('evidence/sources/kubernetes/deploys.jsonl')
    expect(events.map((e) => [e.time, e.kind, e.service, e.version, e.sha])).toEqual([
      ['2026-11-20T10:05:00.000Z', 'deploy', 'orders-db', '16.5', null],
      ['2026-11-20T11:52:00.000Z', 'deploy', 'checkout-api', '3f9c2e1', '3f9c2e1'],
      ['2026-11-20T11:55:00.000Z', 'config', null, null, null],
      ['2026-11-20T12:31:00.000Z', 'config', 'checkout-api', null, null],
    ])
    expect(events[1].description).toBe('Deployment checkout-api in shop revision 6: image app registry.example.com/checkout-api:3f9c2e1 (was 2.4.0)')
    expect(events[2].description).toBe('ConfigMap shop/checkout-config changed (by kubectl-edit)')
    expect(events[3].description).toBe('Deployment checkout-api in shop revision 7: pod template changed (env DB_POOL_SIZE)')
    expect(bundle.items.filter((i) => i.source === 'deploys').map((i) => i.id)).toEqual(['ev-deploy-1', 'ev-deploy-2', 'ev-deploy-3', 'ev-deploy-4'])
    // Pods and events through the Kubernetes readers: the OOM kill and the back-off are evidence.
    const container = bundle.kubernetes!.containers.find((c) => c.pod === 'checkout-api-7d9f8c6b5-x2x9z')!
    expect(container).toMatchObject({restartCount: 4, state: 'waiting', termination: {reason: 'OOMKilled', exitCode: 137}})
    expect(bundle.items.find((i) => i.id === container.evidenceId)!.summary).toContain('last terminated: OOMKilled (exit code 137)')
    expect(bundle.kubernetes!.events.map((e) => e.reason)).toContain('BackOff')

    const paths = kube!.requests.map((r) => r.path)
    expect(paths).toContain('/api/v1/namespaces/shop/pods?limit=500&labelSelector=app%3Dcheckout-api')
    expect(paths.some((p) => p.startsWith('/apis/apps/v1/namespaces/shop/replicasets?') && p.includes('continue='))).toBe(true)
    expect(kube!.requests.find((r) => r.path.includes('/configmaps'))!.headers.accept).toContain('as=PartialObjectMetadataList')
    const saved = (await Promise.all((await readdir(join(dir, 'incident/evidence/sources/kubernetes'))).map((f) => readFile(join(dir, 'incident/evidence/sources/kubernetes', f), 'utf8')))).join('\n')
    expect(saved).toContain('"OOMKilled"')
    expect(saved).not.toContain('sk_live_51HqLyjWDarjtT1zdp7dcXSECRET')
    expect(saved).not.toContain('last-applied-configuration')
    expect(saved).not.toContain('REFUND_MODE')
    expect(saved).not.toContain(TOKEN)
  })

  it('a resource RBAC forbids is a limitation, and the rest is still read', async () => {
    const bundle = await collect({context: 'prod', namespace: 'shop', labelSelector: null}, {forbidden: ['controllerrevisions']})
    expect(bundle.limitations).toContainEqual(expect.stringMatching(/^Kubernetes API \(prod, namespace shop\): not allowed to list controllerrevisions \(403 Forbidden: controllerrevisions is forbidden: User .* cannot list resource "controllerrevisions" in API group "apps" in the namespace "shop"\)/))
    expect(bundle.deploys!.events.some((e) => e.service === 'checkout-api')).toBe(true)
    expect(bundle.deploys!.events.some((e) => e.service === 'orders-db')).toBe(false)
    expect(bundle.kubernetes!.containers).toHaveLength(1)
  })

  it('no kubeconfig, an unknown context, a refused token: each names the setting', async () => {
    const none = await collect({context: null, namespace: null, labelSelector: null}, {env: {KUBECONFIG: join(dir, 'missing')}}).catch((e: Error) => e)
    expect((none as Error).message).toContain(`Kubernetes API (current context): no kubeconfig at ${join(dir, 'missing')} and not running in a cluster; nothing was read from it — check --kube-context and the kubeconfig`)
    await kube!.close()
    const unknown = await collect({context: 'staging', namespace: null, labelSelector: null}).catch((e: Error) => e)
    expect((unknown as Error).message).toContain('no context staging in the kubeconfig (it has: prod, dev)')
    await writeFile(join(dir, 'stale'), kubeconfig(kube!.url).replace(TOKEN, 'expired-token-0000'))
    const refused = await collectEvidence({
      incident: incident({context: 'prod', namespace: null, labelSelector: null}),
      databaseUrl: null,
      now: NOW,
      live: liveSourcesRuntime(undefined, {KUBECONFIG: join(dir, 'stale')}, {incidentDir: join(dir, 'incident'), redactIps: false, now: NOW}),
    }).catch((e: Error) => e)
    expect((refused as Error).message).toContain('Kubernetes API (prod): 401 Unauthorized: Unauthorized; nothing was read from it — check the credentials of the kubeconfig context')
    expect((refused as Error).message).not.toContain('expired-token-0000')
  })
})
