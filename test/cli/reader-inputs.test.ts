import {execFileSync} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'
import {Readable} from 'node:stream'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {resolvePipelineRequest, type RunFlags} from '../../src/cli/resolve-request.js'
import {UsageError, UserError} from '../../src/errors/errors.js'
import {alertmanagerWebhook} from '../evidence/alerts/alert-samples.js'
import {podsJson} from '../evidence/kubernetes/kubectl-samples.js'

let dir: string
let repo: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'reader-inputs-'))
  repo = path.join(dir, 'repo')
  execFileSync('git', ['init', '-q', repo])
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

const base = (): RunFlags => ({lookback: '48h', postmortem: false, 'skip-triage': false, notify: false, 'dry-run': false, 'out-dir': path.join(dir, 'out'), repo})
const resolveWith = (flags: Partial<RunFlags>, stdin?: Readable) => resolvePipelineRequest({...base(), ...flags}, {interactive: false, env: {}, stdin})

async function file(name: string, content: unknown): Promise<string> {
  const target = path.join(dir, name)
  await writeFile(target, typeof content === 'string' ? content : JSON.stringify(content, null, 2))
  return target
}

describe('--alert', () => {
  it('fills severity, symptoms, service and the start where flags and config say nothing', async () => {
    const {request} = await resolveWith({alert: await file('alert.json', alertmanagerWebhook)})
    expect(request).toMatchObject({severity: 'P1', symptoms: ['infrastructure-issues'], service: 'checkout-api'})
    expect(request.inputs).toMatchObject({startedAtFlag: '2025-06-20T13:10:12.345Z', startedAtSource: 'alert', alert: {source: 'alertmanager', title: 'KubePodCrashLooping: Pod is crash looping.'}})
  })

  it('loses to the flags', async () => {
    const {request} = await resolveWith({alert: await file('alert2.json', alertmanagerWebhook), severity: 'p2', symptoms: ['high-error-rate'], service: 'cart', 'started-at': '2025-06-20T13:00:00+02:00'})
    expect(request).toMatchObject({severity: 'P2', symptoms: ['high-error-rate'], service: 'cart'})
    expect(request.inputs).toMatchObject({startedAtFlag: '2025-06-20T11:00:00.000Z', startedAtSource: 'flag', startedAtOffsetMinutes: 120})
  })

  it('is read from stdin with -', async () => {
    const {request} = await resolveWith({alert: '-'}, Readable.from([JSON.stringify(alertmanagerWebhook)]))
    expect(request.inputs.alert?.path).toBe('-')
  })

  it('is refused, before anything is written, when broken: file and JSON path named', async () => {
    const broken = structuredClone(alertmanagerWebhook) as Record<string, unknown>
    delete (broken.alerts as Array<Record<string, unknown>>)[0].labels
    const target = await file('broken-alert.json', broken)
    const error = await resolveWith({alert: target}).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toMatch(new RegExp(`^--alert ${target}: not a valid Alertmanager webhook: at alerts\\[0\\]\\.labels: `))
    await expect(resolveWith({alert: await file('not-json.json', '{"status": ')})).rejects.toThrow(/is not valid JSON/)
  })

  it('cannot share stdin with --logs -', async () => {
    await expect(resolveWith({alert: '-', logs: ['-'], severity: 'p1', symptoms: ['high-error-rate']})).rejects.toBeInstanceOf(UsageError)
  })
})

describe('--k8s and log-store exports', () => {
  it('takes readable Kubernetes files, by absolute path', async () => {
    const pods = await file('pods.json', podsJson)
    const {request} = await resolveWith({k8s: [pods], severity: 'p1', symptoms: ['infrastructure-issues']})
    expect(request.inputs.k8s).toEqual([pods])
  })

  it('refuses a broken Kubernetes file naming it and the JSON path', async () => {
    const broken = structuredClone(podsJson)
    ;(broken.items[0].status.containerStatuses[0] as Record<string, unknown>).lastState = {terminated: {exitCode: 'oom'}}
    const target = await file('broken-pods.json', broken)
    await expect(resolveWith({k8s: [target], severity: 'p1', symptoms: ['infrastructure-issues']})).rejects.toThrow(
      `--k8s ${target} is not valid Kubernetes objects: at items[0].status.containerStatuses[0].lastState.terminated.exitCode: `,
    )
    await expect(resolveWith({k8s: [path.join(dir, 'missing.json')], severity: 'p1', symptoms: ['infrastructure-issues']})).rejects.toThrow('does not exist')
  })

  it('refuses a broken export under --logs naming it and the JSON path', async () => {
    const target = await file('loki.json', {status: 'success', data: {resultType: 'streams', result: [{stream: {app: 'x'}, values: [['1750425278000000000', 42]]}]}})
    await expect(resolveWith({logs: [target], severity: 'p1', symptoms: ['high-error-rate']})).rejects.toThrow(`--logs ${target} is not a valid Loki query_range answer: at data.result[0].values[0][1]: `)
  })
})

describe('--threads', () => {
  it('is taken from the flag over the config file, from the config file over the default, and absent otherwise', async () => {
    const configured = path.join(dir, 'threads-repo')
    execFileSync('git', ['init', '-q', configured])
    await writeFile(path.join(configured, '.incident-response.json'), JSON.stringify({threads: 3}))
    const symptoms = {severity: 'p1', symptoms: ['high-error-rate']}
    expect((await resolveWith({...symptoms})).request.threads).toBeUndefined()
    expect((await resolveWith({...symptoms, threads: 1})).request.threads).toBe(1)
    expect((await resolveWith({...symptoms, repo: configured})).request.threads).toBe(3)
    expect((await resolveWith({...symptoms, repo: configured, threads: 1})).request.threads).toBe(1)
  })

  it('refuses a config file asking for no threads, naming the setting', async () => {
    const broken = path.join(dir, 'threads-broken')
    execFileSync('git', ['init', '-q', broken])
    await writeFile(path.join(broken, '.incident-response.json'), JSON.stringify({threads: 0}))
    await expect(resolveWith({severity: 'p1', symptoms: ['high-error-rate'], repo: broken})).rejects.toThrow(/threads/)
  })
})
