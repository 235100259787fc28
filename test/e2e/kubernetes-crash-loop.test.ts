import {readdir, readFile, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {alertmanagerWebhook} from '../evidence/alerts/alert-samples.js'
import {eventsJson, podsJson} from '../evidence/kubernetes/kubectl-samples.js'
import {runCli, tempDir} from './cli-harness.js'

/** `kubectl logs checkout-7d9f8b6c5-x2x9q -c api --previous`, without --timestamps (the default): no times at all. */
function containerLog(): string {
  const lines: string[] = []
  for (let run = 0; run < 6; run++) {
    lines.push('Starting checkout-api 2.4.1 on :8080', 'Connected to postgres at orders-db:5432', 'Loaded 1200 products into the cache')
    for (let k = 0; k < 20; k++) lines.push(`GET /api/cart 200 ${12 + k}ms`)
    lines.push('Exception in thread "main" java.lang.OutOfMemoryError: Java heap space', '\tat com.shop.catalog.ProductCache.load(ProductCache.java:88)', '\tat com.shop.App.main(App.java:31)')
  }
  return `${lines.join('\n')}\n`
}

describe('a Kubernetes crash loop: pods, events, untimed container logs and the alert', () => {
  it('takes the incident from the alert, cites the Kubernetes evidence in the RCA and anchors the untimed lines', async () => {
    const work = await tempDir('k8s-crash-loop')
    const file = async (name: string, content: string) => {
      await writeFile(join(work, name), content)
      return join(work, name)
    }
    const pods = await file('pods.json', JSON.stringify(podsJson, null, 2))
    const events = await file('events.json', JSON.stringify(eventsJson, null, 2))
    const log = await file('api.log', containerLog())
    const alert = await file('alert.json', JSON.stringify(alertmanagerWebhook, null, 2))
    const out = join(work, 'out')
    const result = await runCli(['--alert', alert, '--k8s', pods, '--k8s', events, '--logs', log, '--non-interactive', '--json', '--provider', 'offline', '--no-notify', '--out-dir', out], {cwd: work})
    expect(result.code, result.stderr).toBe(0)
    const json = JSON.parse(result.stdout)

    // Severity, symptoms, service and the start come from the alert, no flag gave them.
    expect(json).toMatchObject({severity: 'P1', symptoms: ['infrastructure-issues'], service: 'checkout-api'})

    const [id] = await readdir(out)
    const dir = join(out, id)
    const items = JSON.parse(await readFile(join(dir, 'evidence/items.json'), 'utf8')) as Array<{id: string; summary: string; at: string | null; ref: {file?: string}}>
    const byId = new Map(items.map((item) => [item.id, item]))
    expect(byId.get('ev-alert-1')?.at).toBe('2025-06-20T13:10:12.345Z')
    expect(byId.get('ev-k8s-1')).toMatchObject({at: '2025-06-20T13:12:40.000Z', summary: expect.stringContaining('last terminated: OOMKilled (exit code 137) at 13:12Z, 5 restart(s), now waiting: CrashLoopBackOff')})

    // The RCA cites evidence read from the Kubernetes files.
    const cited = json.rca.rootCause.evidenceIds as string[]
    expect(cited.length).toBeGreaterThan(0)
    expect(cited.some((evidenceId) => [pods, events].includes(byId.get(evidenceId)?.ref.file ?? ''))).toBe(true)
    // What the offline engine makes of it today (its signature catalogue is the causes engineer's).
    expect(json.rca.rootCause.category).toBe('resource-exhaustion')

    // The container's untimed lines: counted, the OOM error recognised, anchored on the alert, said to be approximate.
    const oom = items.find((item) => item.summary.includes('java.lang.OutOfMemoryError') && item.ref.file === log)!
    expect(oom).toMatchObject({at: '2025-06-20T13:10:12.345Z', summary: expect.stringContaining('untimed lines; time approximate, anchored on the alert')})
    expect(json.rca.limitations.join('\n')).toContain(`${log}: no line carried a time that could be read; its 144 events are kept in order and counted, anchored on the alert (2025-06-20 13:10 UTC)`)
    const logs = JSON.parse(await readFile(join(dir, 'evidence/logs.json'), 'utf8'))
    expect(logs.files.map((f: {path: string; format: string}) => [f.path, f.format])).toEqual([
      [log, 'plain'],
      [pods, 'kubernetes'],
      [events, 'kubernetes'],
    ])
    expect(logs.files[0].reading).toMatchObject({timing: {own: 0, none: 144}, levels: {error: 6}})
    expect(JSON.parse(await readFile(join(dir, 'evidence/kubernetes.json'), 'utf8')).containers[0]).toMatchObject({pod: 'checkout-7d9f8b6c5-x2x9q', restartCount: 5})
  }, 60_000)

  it('stops before writing anything when a Kubernetes file is broken, naming the file and the JSON path', async () => {
    const work = await tempDir('k8s-broken')
    const broken = structuredClone(podsJson)
    ;(broken.items[0].status as Record<string, unknown>).containerStatuses = {api: 'CrashLoopBackOff'}
    await writeFile(join(work, 'pods.json'), JSON.stringify(broken))
    const out = join(work, 'out')
    const result = await runCli(['--k8s', join(work, 'pods.json'), '--severity', 'p1', '--symptoms', 'infrastructure-issues', '--non-interactive', '--out-dir', out], {cwd: work})
    expect(result.code).toBe(1)
    expect(result.stderr).toContain(`--k8s ${join(work, 'pods.json')} is not valid Kubernetes objects: at items[0].status.containerStatuses: `)
    expect(result.stderr).not.toMatch(/at .*\.js:\d+/)
    expect(await stat(out).catch(() => null)).toBeNull()
  }, 60_000)
})
