import {describe, expect, it} from 'vitest'

import {KUBERNETES_REASONS, kubernetesReason} from '../../../src/evidence/kubernetes/catalogue/kubernetes-reasons.js'
import {buildKubernetesEvidence} from '../../../src/evidence/kubernetes/kubernetes-evidence.js'
import {parseAge} from '../../../src/evidence/kubernetes/kubernetes-facts.js'
import {KubernetesInputError, readKubernetesText} from '../../../src/evidence/kubernetes/read-kubernetes-file.js'
import {describeNode, describePod, eventsJson, eventsTable, podsJson, podsTable, podsYaml} from './kubectl-samples.js'

const captured = Date.parse('2025-06-20T13:14:12Z')

describe('Kubernetes reasons catalogue', () => {
  it('has unique ids', () => {
    expect(KUBERNETES_REASONS.length).toBeGreaterThan(20)
    expect(new Set(KUBERNETES_REASONS.map((r) => r.id)).size).toBe(KUBERNETES_REASONS.length)
  })
  for (const reason of KUBERNETES_REASONS) {
    it(`${reason.id}: found as itself in its examples, and its near misses are other reasons`, () => {
      expect(kubernetesReason(reason.id)).toBe(reason)
      expect(reason.examples.match.length).toBeGreaterThan(0)
      for (const line of reason.examples.match) expect(new RegExp(`\\b${reason.id}\\b`).test(line), line).toBe(true)
      expect(reason.examples.nonMatch.length).toBeGreaterThan(0)
      for (const other of reason.examples.nonMatch) expect(kubernetesReason(other)?.id, other).not.toBe(reason.id)
    })
  }
})

describe('Kubernetes readers', () => {
  it('read pods JSON: termination reason, exit code and times, restarts, waiting reason, not ready since', () => {
    const facts = readKubernetesText(JSON.stringify(podsJson, null, 2), 'pods.json', null)
    expect(facts).toMatchObject({kind: 'objects', objects: 2})
    expect(facts.containers).toHaveLength(3)
    expect(facts.containers[0]).toMatchObject({
      namespace: 'shop',
      pod: 'checkout-7d9f8b6c5-x2x9q',
      container: 'api',
      node: 'ip-10-0-1-7.ec2.internal',
      ready: false,
      restartCount: 5,
      state: 'waiting',
      stateReason: 'CrashLoopBackOff',
      termination: {reason: 'OOMKilled', exitCode: 137, startedAt: '2025-06-20T13:12:02.000Z', finishedAt: '2025-06-20T13:12:40.000Z'},
      notReadySince: '2025-06-20T13:08:41.000Z',
      approximate: false,
    })
  })

  it('reads the same pods from YAML', () => {
    const facts = readKubernetesText(podsYaml, 'pods.yaml', null)
    expect(facts.containers[0]).toMatchObject({stateReason: 'CrashLoopBackOff', termination: {reason: 'OOMKilled', exitCode: 137, finishedAt: '2025-06-20T13:12:40.000Z'}})
  })

  it('reads core/v1 and events.k8s.io/v1 events with counts and spans', () => {
    const facts = readKubernetesText(JSON.stringify(eventsJson), 'events.json', null)
    expect(facts.events.map((e) => [e.type, e.reason, e.object, e.count, e.firstAt, e.lastAt])).toEqual([
      ['Warning', 'BackOff', 'Pod/shop/checkout-7d9f8b6c5-x2x9q', 25, '2025-06-20T13:05:10.000Z', '2025-06-20T13:14:02.000Z'],
      ['Normal', 'Pulled', 'Pod/shop/checkout-7d9f8b6c5-x2x9q', 6, '2025-06-20T13:01:00.000Z', '2025-06-20T13:12:02.000Z'],
      ['Warning', 'OOMKilling', 'Node/default/ip-10-0-1-7.ec2.internal', 1, '2025-06-20T13:12:39.812Z', '2025-06-20T13:12:39.812Z'],
    ])
  })

  it('reads kubectl describe pod: containers, Last State, and the Events table counted back from when it was taken', () => {
    const facts = readKubernetesText(describePod, 'pod.txt', captured)
    expect(facts).toMatchObject({kind: 'describe', objects: 1})
    expect(facts.containers.map((c) => [c.container, c.state, c.stateReason, c.restartCount, c.ready])).toEqual([
      ['api', 'waiting', 'CrashLoopBackOff', 5, false],
      ['envoy', 'running', null, 0, true],
    ])
    expect(facts.containers[0].termination).toEqual({reason: 'OOMKilled', exitCode: 137, startedAt: '2025-06-20T13:12:02.000Z', finishedAt: '2025-06-20T13:12:40.000Z', message: null})
    const backOff = facts.events.find((e) => e.reason === 'BackOff')!
    expect(backOff).toMatchObject({type: 'Warning', count: 25, object: 'Pod/shop/checkout-7d9f8b6c5-x2x9q', firstAt: '2025-06-20T13:05:12.000Z', lastAt: '2025-06-20T13:14:02.000Z', approximate: true})
    expect(facts.events).toHaveLength(3)
  })

  it('reads kubectl describe node conditions and events', () => {
    const facts = readKubernetesText(describeNode, 'node.txt', captured)
    expect(facts.nodeConditions.map((c) => [c.type, c.status, c.reason])).toEqual([
      ['MemoryPressure', 'True', 'KubeletHasInsufficientMemory'],
      ['DiskPressure', 'False', 'KubeletHasNoDiskPressure'],
      ['PIDPressure', 'False', 'KubeletHasSufficientPID'],
      ['Ready', 'True', 'KubeletReady'],
    ])
    expect(facts.nodeConditions[0].since).toBe('2025-06-20T13:11:30.000Z')
    expect(facts.events[0]).toMatchObject({reason: 'EvictionThresholdMet', object: 'Node/ip-10-0-1-7.ec2.internal', lastAt: '2025-06-20T13:11:12.000Z'})
  })

  it('reads kubectl get events and get pods tables', () => {
    const events = readKubernetesText(eventsTable, 'events.txt', captured)
    expect(events.events.map((e) => [e.reason, e.object, e.lastAt])).toEqual([
      ['BackOff', 'Pod/checkout-7d9f8b6c5-x2x9q', '2025-06-20T13:14:02.000Z'],
      ['Pulled', 'Pod/checkout-7d9f8b6c5-x2x9q', '2025-06-20T13:12:12.000Z'],
    ])
    const pods = readKubernetesText(podsTable, 'pods.txt', captured)
    expect(pods.containers.map((c) => [c.pod, c.state, c.stateReason, c.restartCount, c.ready, c.termination?.finishedAt ?? null])).toEqual([
      ['checkout-7d9f8b6c5-x2x9q', 'waiting', 'CrashLoopBackOff', 5, false, '2025-06-20T13:13:32.000Z'],
      ['cart-5c8d7b9f4-q7w2e', 'running', null, 0, true, null],
    ])
  })

  it('reads kubectl ages', () => {
    expect([parseAge('34s'), parseAge('2m'), parseAge('3h5m'), parseAge('2d3h'), parseAge('<unknown>')]).toEqual([34_000, 120_000, 11_100_000, 183_600_000, null])
  })

  it('refuses a broken input naming the JSON path, or saying what it is not', () => {
    const broken = structuredClone(podsJson)
    ;(broken.items[0].status.containerStatuses[0] as Record<string, unknown>).restartCount = 'five'
    expect(() => readKubernetesText(JSON.stringify(broken), 'pods.json', null)).toThrow('is not valid Kubernetes objects: at items[0].status.containerStatuses[0].restartCount: ')
    expect(() => readKubernetesText('{"kind": "Pod", ', 'pod.json', null)).toThrow(KubernetesInputError)
    expect(() => readKubernetesText('{"hello": "world"}', 'x.json', null)).toThrow('holds no Kubernetes object')
    expect(() => readKubernetesText('just some notes\n', 'notes.txt', null)).toThrow('is not Kubernetes objects')
    expect(() => readKubernetesText('apiVersion: v1\nkind: [\n', 'pod.yaml', null)).toThrow('is not valid YAML')
  })
})

describe('Kubernetes evidence', () => {
  it('cites the crash-looping container, the Warning events and the node under pressure, and times them for the log analysis', () => {
    const inputs = [
      {path: 'pods.json', facts: readKubernetesText(JSON.stringify(podsJson), 'pods.json', null)},
      {path: 'events.json', facts: readKubernetesText(JSON.stringify(eventsJson), 'events.json', null)},
      {path: 'node.txt', facts: readKubernetesText(describeNode, 'node.txt', captured)},
    ]
    const {digest, items, entrySources} = buildKubernetesEvidence(inputs, {redactIps: false})
    expect(items.map((i) => [i.id, i.kind])).toEqual([
      ['ev-k8s-1', 'k8s-container'],
      ['ev-k8s-2', 'k8s-event'],
      ['ev-k8s-3', 'k8s-event'],
      ['ev-k8s-4', 'k8s-event'],
      ['ev-k8s-5', 'k8s-node-condition'],
    ])
    expect(items[0].summary).toBe('Kubernetes container api in Pod/shop/checkout-7d9f8b6c5-x2x9q: last terminated: OOMKilled (exit code 137) at 13:12Z, 5 restart(s), now waiting: CrashLoopBackOff, not ready')
    expect(items[0]).toMatchObject({source: 'kubernetes', at: '2025-06-20T13:12:40.000Z', ref: {file: 'pods.json', line: 1}})
    expect(digest.containers.filter((c) => c.evidenceId !== null).map((c) => c.container)).toEqual(['api'])
    expect(entrySources.map((s) => s.label)).toEqual(['pods.json', 'events.json', 'node.txt'])
    const pods = entrySources[0].entries
    expect(pods.map((e) => [new Date(e.ts).toISOString(), e.level, e.text])).toEqual([
      ['2025-06-20T13:08:41.000Z', 'error', 'Kubernetes: container api in Pod/shop/checkout-7d9f8b6c5-x2x9q waiting, reason CrashLoopBackOff (not ready)'],
      ['2025-06-20T13:12:40.000Z', 'error', 'Kubernetes: container api in Pod/shop/checkout-7d9f8b6c5-x2x9q terminated, reason OOMKilled, exit code 137'],
    ])
    expect(entrySources[1].entries.filter((e) => e.level === 'error')).toHaveLength(3)
  })
})

describe('Kubernetes evidence redaction', () => {
  // Any field a workload or an operator filled in can carry a secret: object names, reasons,
  // messages, node and container names. None may reach the digest, the items or the log entries.
  const token = 'ghp_' + 'R7xK2mPq9LwT4vZs8NcYb3HdJf6GaE1uQo0i'
  const signature = 'H72MQTMAJZgZYuQKj6WW%2BZ1us9O9guv9Q6kBDNOzr%3D'
  const hostile = structuredClone(eventsJson) as {items: Array<{involvedObject: {name: string}; reason: string; regarding: unknown}>}
  hostile.items[0].involvedObject.name = `GET https://acme.blob.core.windows.net/x.csv?sv=2022-11-02&sp=r&sig=${signature} 403`
  hostile.items[0].reason = `BackOff ${token}`
  hostile.items[2].regarding = {kind: 'Node', name: `node-${token}`}
  const pods = structuredClone(podsJson) as {items: Array<{spec: {nodeName?: string}; status: {containerStatuses: Array<{name: string}>}}>}
  pods.items[0].spec.nodeName = `worker-${token}`
  pods.items[0].status.containerStatuses[0].name = `api-${token}`

  it('redacts every text the objects carry, wherever it ends up', () => {
    const inputs = [
      {path: 'events.json', facts: readKubernetesText(JSON.stringify(hostile), 'events.json', null)},
      {path: 'pods.json', facts: readKubernetesText(JSON.stringify(pods), 'pods.json', null)},
    ]
    const evidence = buildKubernetesEvidence(inputs, {redactIps: false})
    const written = JSON.stringify(evidence)
    expect(written).toContain('[REDACTED')
    for (const secret of [token, 'H72MQTMAJZgZYuQKj6WW', 'Z1us9O9guv9Q6kBDNOzr']) expect(written).not.toContain(secret)
  })
})
