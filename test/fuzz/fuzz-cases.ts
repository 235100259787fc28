import {execFileSync} from 'node:child_process'
import {cp, mkdir, readFile, readdir, rm, symlink, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {gzipSync} from 'node:zlib'

import type {Hostile} from './hostile-values.js'

/**
 * One fuzz case: hostile inputs written into `work/in`, an out-dir at `work/out`, sentinel files
 * at `work/outside` (what symbolic links in a damaged folder point at), and the commands to run.
 */
export interface FuzzCase {
  kind: 'pipeline' | 'damaged-folder' | 'odd-arguments' | 'typed-text'
  description: string
  commands: string[][]
}

export interface CaseContext {
  work: string
  /** A finished incident's out-dir, made once per session, copied for folder cases. */
  golden: {outDir: string; id: string}
}

const SEVERITIES = ['p0', 'p1', 'p2']
const SYMPTOMS = ['high-error-rate', 'service-unavailable', 'slow-performance', 'data-corruption', 'security-incident', 'database-issues', 'infrastructure-issues']

export async function makeCase(h: Hostile, context: CaseContext): Promise<FuzzCase> {
  const {work} = context
  await mkdir(join(work, 'in'), {recursive: true})
  await mkdir(join(work, 'outside'), {recursive: true})
  await writeFile(join(work, 'outside', 'precious.txt'), 'precious\n')
  await mkdir(join(work, 'outside', 'folder'), {recursive: true})
  const roll = h.random()
  if (roll < 0.4) return pipelineCase(h, work)
  if (roll < 0.75) return damagedFolderCase(h, context)
  if (roll < 0.9) return oddArgumentsCase(h, context)
  return typedTextCase(h, context)
}

function baseFlags(h: Hostile): string[] {
  const symptoms = SYMPTOMS.filter(() => h.chance(0.3))
  return ['--severity', h.pick(SEVERITIES), '--symptoms', (symptoms.length > 0 ? symptoms : ['high-error-rate']).join(','), '--non-interactive', '--provider', 'offline']
}

// ── pipeline: hostile evidence of every kind through the main command ─────────────────────────

async function pipelineCase(h: Hostile, work: string): Promise<FuzzCase> {
  const parts: string[] = []
  const args = [...baseFlags(h), '--out-dir', join(work, 'out')]
  const logCount = 1 + h.int(3)
  for (let i = 0; i < logCount; i++) {
    const {name, content, what} = hostileLog(h, i)
    await writeFile(join(work, 'in', name), content)
    args.push('--logs', join(work, 'in', name))
    parts.push(what)
  }
  if (h.chance(0.5)) {
    args.push('--repo', await hostileRepo(h, join(work, 'in', 'repo')))
    parts.push('repo')
  }
  if (h.chance(0.5)) {
    await writeFile(join(work, 'in', 'deploys.jsonl'), hostileDeploys(h))
    args.push('--deploys', join(work, 'in', 'deploys.jsonl'))
    parts.push('deploys')
  }
  if (h.chance(0.5)) {
    const {name, content, what} = hostileMetrics(h)
    await writeFile(join(work, 'in', name), content)
    args.push('--metrics', join(work, 'in', name))
    parts.push(what)
  }
  if (h.chance(0.3)) {
    await writeFile(join(work, 'in', 'alert.json'), hostileAlert(h))
    args.push('--alert', join(work, 'in', 'alert.json'))
    parts.push('alert')
  }
  if (h.chance(0.3)) {
    await writeFile(join(work, 'in', 'events.json'), hostileKubernetes(h))
    args.push('--k8s', join(work, 'in', 'events.json'))
    parts.push('k8s events')
  }
  if (h.chance(0.3)) args.push('--started-at', h.timestamp())
  if (h.chance(0.2)) args.push('--lookback', h.pick(['48h', '2d', '30m', '1h30m', '99999999999h', '0h', '-1h', '48']))
  if (h.chance(0.2)) args.push('--health', `http://monitor:${h.secret().replace(/\W/g, '').slice(0, 20) || 'pw'}@127.0.0.1:1/healthz`)
  if (h.chance(0.3)) args.push('--redact-ips')
  if (h.chance(0.4)) args.push('--postmortem')
  if (h.chance(0.5)) args.push('--json')
  const commands = [args]
  if (h.chance(0.4)) commands.push(['show', '--out-dir', join(work, 'out')])
  return {kind: 'pipeline', description: `pipeline over ${parts.join(', ')}`, commands}
}

function hostileLog(h: Hostile, index: number): {name: string; content: Buffer | string; what: string} {
  const format = h.pick(['json', 'plain', 'logfmt', 'access', 'binary', 'mixed'] as const)
  const lines: string[] = []
  const count = 20 + h.int(200)
  for (let i = 0; i < count; i++) {
    const at = h.timestamp()
    const level = h.pick(['INFO', 'WARN', 'ERROR', 'error', 'FATAL', ''])
    // A line cut short in the input carries no planted secret: half a secret there is not one to find.
    const torn = h.chance(0.05)
    const text = torn ? h.plainText(3 + h.int(8)) : h.text(3 + h.int(8))
    if (format === 'json' || (format === 'mixed' && h.chance(0.3))) {
      const record: Record<string, unknown> = {time: at, level, msg: h.chance(0.3) ? `context:\n${text}` : text}
      if (h.chance(0.3) && !torn) record[h.pick(['password', 'token', 'user', 'authorization', 'detail', 'x'.repeat(300)])] = h.text(2)
      const json = JSON.stringify(record)
      lines.push(torn ? json.slice(0, h.int(json.length)) : json)
    } else if (format === 'logfmt') {
      lines.push(`time=${at} level=${level} msg=${JSON.stringify(text)} user=${h.pick(['bob', h.secret()])}`)
    } else if (format === 'access') {
      lines.push(`10.0.${h.int(255)}.${h.int(255)} - - [12/Nov/2026:14:${String(h.int(60)).padStart(2, '0')}:00 +0000] "GET /api/${h.pick(['orders', `login?token=${encodeURIComponent(h.secretValue())}`, text.replace(/\s/g, '%20')])} HTTP/1.1" ${h.pick([200, 500, 503, 401])} ${h.int(9999)} "-" "${h.text(2)}"`)
    } else if (format === 'binary') {
      lines.push(Buffer.from(Array.from({length: 40}, () => h.int(256))).toString('latin1'))
    } else {
      lines.push(`${at} ${level} ${text}`)
    }
    if (h.chance(0.03)) lines.push(h.secret(false))
    if (h.chance(0.01)) lines.push('y'.repeat(70_000 + h.int(10_000)))
  }
  const text = lines.join(h.chance(0.1) ? '\r\n' : '\n') + (h.chance(0.9) ? '\n' : '')
  const gz = h.chance(0.15)
  return {name: `app-${index}.${format === 'json' ? 'jsonl' : 'log'}${gz ? '.gz' : ''}`, content: gz ? (h.chance(0.2) ? gzipSync(text).subarray(0, 100) : gzipSync(text)) : text, what: `${format}${gz ? '.gz' : ''} log`}
}

async function hostileRepo(h: Hostile, repo: string): Promise<string> {
  await mkdir(repo, {recursive: true})
  const env = {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'}
  execFileSync('git', ['init', '-q', '-b', 'main', repo], {env})
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`
  const stream: string[] = []
  const commits = 1 + h.int(5)
  for (let i = 0; i < commits; i++) {
    const seconds = Math.floor(Date.UTC(2026, 10, 12, 13, 0) / 1000) + i * 300
    const who = `${h.pick(['Dev', 'Release Bot', 'Zoë Ünïcode'])} <dev@example.invalid> ${seconds} +0000`
    stream.push(`commit refs/heads/main\nmark :${i + 1}\nauthor ${who}\ncommitter ${who}\n`)
    stream.push(data(`${h.text(5).replace(/\n/g, ' ')}\n\n${h.text(8)}\n${h.secret(false)}\n`))
    const file = h.pick(['config/app.env', 'migrations/001.sql', 'src/app.ts', 'values.yaml', 'package.json'])
    const content = file === 'package.json' ? JSON.stringify({dependencies: {pg: `8.${i}.0`}, token: h.secret()}) : `${h.secret(false)}\nKEY_${i}=${h.text(2)}\n`
    stream.push(`M 100644 inline ${file}\n${data(content)}\n`)
  }
  execFileSync('git', ['fast-import', '--quiet'], {cwd: repo, input: stream.join(''), env})
  execFileSync('git', ['reset', '-q', '--hard'], {cwd: repo, env})
  return repo
}

function hostileDeploys(h: Hostile): string {
  const lines: string[] = []
  for (let i = 0; i < 1 + h.int(8); i++) {
    const event = {time: h.chance(0.9) ? h.timestamp() : h.pick([12, -1, 'soon', null]), service: h.text(1), version: h.pick(['2.14.1', h.text(1), 7]), sha: h.pick(['abcdef1', 'zz', null, 'a'.repeat(70)]), kind: h.pick(['deploy', 'config', 'feature-flag', 'rollback']), description: h.text(6)}
    const json = JSON.stringify(event)
    lines.push(h.chance(0.05) ? '[1,2,3]' : json)
  }
  return lines.join('\n') + '\n'
}

function hostileMetrics(h: Hostile): {name: string; content: string; what: string} {
  const kind = h.pick(['csv', 'prometheus', 'broken-csv', 'broken-json', 'array-json'] as const)
  if (kind === 'csv' || kind === 'broken-csv') {
    const columns = 1 + h.int(4)
    const quote = (text: string) => `"${text.replaceAll('"', '""')}"`
    const header = ['timestamp', ...Array.from({length: columns}, () => quote(`pool{dsn="${h.secret()}"} ${h.markup()}`))]
    const rows = [header.join(',')]
    for (let i = 0; i < 30; i++) rows.push([h.timestamp(), ...Array.from({length: columns}, () => h.number())].join(','))
    if (kind === 'broken-csv') rows.push(`${h.timestamp()},"unclosed`)
    return {name: 'metrics.csv', content: rows.join('\n') + '\n', what: kind}
  }
  if (kind === 'array-json') return {name: 'metrics.json', content: h.pick(['[1,2,3]', '[]', 'null', '"x"', '{}']), what: kind}
  const result = Array.from({length: 1 + h.int(3)}, () => ({
    metric: {__name__: h.pick(['pg_up', 'http_requests_total', h.text(1)]), server: h.secret(), note: h.escape()},
    values: Array.from({length: 30}, (_, i) => [h.chance(0.95) ? 1_762_956_000 + i * 60 : h.pick(['x', -1, 1e20]), h.number()]),
  }))
  const json = JSON.stringify({status: 'success', data: {resultType: h.chance(0.9) ? 'matrix' : 'vector', result}})
  return {name: 'metrics.json', content: kind === 'broken-json' ? json.slice(0, json.indexOf('"server"')) : json, what: kind}
}

function hostileAlert(h: Hostile): string {
  if (h.chance(0.15)) return h.pick(['[1,2,3]', '{}', 'null', '{"alerts": 7}', '{"version": "4", "alerts": [{}]}', h.text(3)])
  const alerts = Array.from({length: 1 + h.int(3)}, () => ({
    status: h.pick(['firing', 'resolved', h.text(1)]),
    labels: {alertname: h.text(1), service: h.pick(['checkout-api', h.text(1)]), severity: h.pick(['critical', 'warning', h.escape()]), dsn: h.secret()},
    annotations: {summary: h.text(4), description: h.text(8), runbook_url: h.pick(['https://evil.example/runbook', h.markup()])},
    startsAt: h.timestamp(),
    endsAt: h.pick(['0001-01-01T00:00:00Z', h.timestamp()]),
    generatorURL: h.pick(['http://prometheus:9090/graph', h.markup()]),
  }))
  return JSON.stringify({version: '4', status: 'firing', receiver: h.text(1), commonLabels: alerts[0].labels, commonAnnotations: alerts[0].annotations, alerts})
}

function hostileKubernetes(h: Hostile): string {
  if (h.chance(0.15)) return h.pick(['[1,2,3]', '{"kind": "List", "items": 3}', 'apiVersion: v1\nkind: [', h.text(3)])
  const items = Array.from({length: 1 + h.int(6)}, (_, i) => ({
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name: `${h.pick(['checkout-7d9f', h.text(1)])}.${i}`, namespace: h.pick(['shop', h.escape()])},
    involvedObject: {kind: h.pick(['Pod', 'Deployment', h.text(1)]), name: h.text(1)},
    reason: h.pick(['BackOff', 'OOMKilling', 'FailedScheduling', h.text(1)]),
    message: h.text(8),
    firstTimestamp: h.timestamp(),
    lastTimestamp: h.timestamp(),
    count: h.pick([1, 3, -1, 1e20, 'x']),
    type: h.pick(['Warning', 'Normal', h.escape()]),
  }))
  return JSON.stringify({apiVersion: 'v1', kind: 'List', items})
}

// ── a finished incident's folder, damaged, under every command ───────────────────────────────

const FOLDER_FILES = ['incident.json', 'timeline.jsonl', 'rca.json', 'triage.json', 'action-items.json', 'postmortem.md', 'action-items.md', 'incident-summary.md', 'evidence/manifest.json', 'evidence/logs.json', 'evidence/items.json', 'outbox.jsonl']

async function damagedFolderCase(h: Hostile, context: CaseContext): Promise<FuzzCase> {
  const {work, golden} = context
  const outDir = join(work, 'out')
  await cp(golden.outDir, outDir, {recursive: true})
  const dir = join(outDir, golden.id)
  const damage: string[] = []
  for (let i = 0, n = 1 + h.int(3); i < n; i++) damage.push(await damageOne(h, dir, work))
  const command = h.pick([
    ['show'],
    ['show', '--json'],
    ['list'],
    ['list', '--json'],
    ['stats'],
    ['lint'],
    ['sync'],
    ['postmortem'],
    ['note', h.text(4)],
    ['mitigate', '--action', h.text(4)],
    ['resolve', '--resolution', h.text(4), '--no-notify'],
    [...baseFlags(h), '--postmortem'],
  ])
  const withId = command[0].startsWith('--') || command[0] === 'list' || command[0] === 'stats' || h.chance(0.3) ? command : [...command, '--id', golden.id]
  return {kind: 'damaged-folder', description: `${withId[0]} on a folder where ${damage.join('; ')}`, commands: [[...withId, '--out-dir', outDir]]}
}

async function damageOne(h: Hostile, dir: string, work: string): Promise<string> {
  const file = h.pick(FOLDER_FILES)
  const path = join(dir, file)
  const original = await readFile(path).catch(() => Buffer.alloc(0))
  const how = h.pick(['truncate', 'garbage', 'json-shape', 'folder', 'link-outside', 'dangling-link', 'delete', 'stale-lock', 'torn-line', 'folder-link', 'subfolder-link', 'odd-field'] as const)
  const replace = async (content: string | Buffer) => {
    await rm(path, {recursive: true, force: true})
    await mkdir(join(path, '..'), {recursive: true})
    await writeFile(path, content)
  }
  switch (how) {
    case 'truncate':
      await replace(original.subarray(0, h.int(original.length + 1)))
      break
    case 'garbage':
      await replace(Buffer.from(Array.from({length: h.int(200)}, () => h.int(256))))
      break
    case 'json-shape':
      await replace(h.pick(['[1,2,3]', '{}', 'null', '""', '{"schemaVersion": 99}', '1e999']))
      break
    case 'folder':
      await rm(path, {recursive: true, force: true})
      await mkdir(path, {recursive: true})
      break
    case 'link-outside':
      await rm(path, {recursive: true, force: true})
      await mkdir(join(path, '..'), {recursive: true})
      await symlink(join(work, 'outside', 'precious.txt'), path)
      break
    case 'dangling-link':
      await rm(path, {recursive: true, force: true})
      await mkdir(join(path, '..'), {recursive: true})
      await symlink(join(work, 'outside', 'nothing-here'), path)
      break
    case 'delete':
      await rm(path, {recursive: true, force: true})
      break
    case 'stale-lock':
      await writeFile(join(dir, 'incident.lock'), h.pick(['', '{}', '{"pid": 999999, "host": "x"}', JSON.stringify({pid: 2 ** 22 + h.int(1000), host: (await import('node:os')).hostname(), at: 'x'}), 'garbage']))
      return 'incident.lock is stale'
    case 'torn-line':
      await writeFile(join(dir, 'timeline.jsonl'), (await readFile(join(dir, 'timeline.jsonl'), 'utf8').catch(() => '')) + '{"at":"2026-11-12T14:3')
      return 'timeline.jsonl ends in a torn line'
    case 'folder-link': {
      const away = join(work, 'outside', 'folder', `copy-${h.int(1e6)}`)
      await cp(dir, away, {recursive: true})
      await rm(dir, {recursive: true, force: true})
      await symlink(away, dir)
      return 'the incident folder is a link outside the out-dir'
    }
    case 'subfolder-link':
      await rm(join(dir, 'evidence'), {recursive: true, force: true})
      await symlink(join(work, 'outside', 'folder'), join(dir, 'evidence'))
      return 'evidence/ is a link outside'
    case 'odd-field': {
      let incident: Record<string, unknown> = {}
      try {
        const parsed: unknown = JSON.parse(await readFile(join(dir, 'incident.json'), 'utf8'))
        if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) incident = parsed as Record<string, unknown>
      } catch {
        // damaged already: start from nothing
      }
      const key = h.pick(['status', 'severity', 'timestamps', 'inputs', 'phases', 'provider', 'id'])
      incident[key] = h.pick([null, 'weird', 42, [], {}, '../../etc'])
      await rm(join(dir, 'incident.json'), {recursive: true, force: true})
      await writeFile(join(dir, 'incident.json'), JSON.stringify(incident))
      return `incident.json has ${key} = odd`
    }
  }
  return `${file}: ${how}`
}

// ── odd arguments: paths, ids, durations, times the user might type ───────────────────────────

async function oddArgumentsCase(h: Hostile, context: CaseContext): Promise<FuzzCase> {
  const {work} = context
  await writeFile(join(work, 'in', 'app.log'), '2026-11-12T14:00:00Z INFO ok\n2026-11-12T14:02:00Z ERROR boom\n')
  await writeFile(join(work, 'in', 'a-file'), 'x')
  await symlink(join(work, 'in', 'nowhere'), join(work, 'in', 'dangling')).catch(() => undefined)
  const outDir = h.pick([join(work, 'out'), join(work, 'in', 'a-file'), join(work, 'in', 'dangling'), join(work, 'in', 'a-file', 'sub'), join(work, 'out', h.escape())])
  const flag = h.pick([
    ['--id', h.pick(['', '..', '../x', 'a/b', 'x'.repeat(300), 'incident-2026-11-12-140000', h.escape()])],
    ['--lookback', h.pick(['99999999999h', '1e9h', '-5m', '', 'h', '1.5.5h', '9'.repeat(30) + 'd'])],
    ['--started-at', h.pick(['yesterday', '2026-13-45', '', '1e999', '9999-12-31T23:59:59Z', '0000-01-01T00:00:00Z'])],
    ['--severity', h.pick(['sev1', '', 'P0 ', h.escape()])],
    ['--symptoms', h.pick(['', ',', 'nonsense', h.text(1)])],
    ['--database-url', h.pick(['postgres://u:p@[::1:5432/db', 'not a url', 'mysql://u:p@h/db', 'postgres://', `postgres://u:${h.secret().replace(/\s/g, '')}@[bad`])],
    ['--metrics', h.pick([join(work, 'in'), join(work, 'in', 'nope.csv'), '/dev/null'])],
    ['--deploys', h.pick([join(work, 'in'), '/dev/null', join(work, 'in', 'a-file')])],
    ['--repo', h.pick([join(work, 'in', 'a-file'), join(work, 'in', 'nope'), '/'])],
    ['--logs', h.pick([join(work, 'in'), join(work, 'in', 'nope.log'), '/dev/null', join(work, 'in', '*.nothing')])],
    ['--service', h.text(3)],
  ])
  const args = [...baseFlags(h), '--logs', join(work, 'in', 'app.log'), ...flag, '--out-dir', outDir, ...(h.chance(0.5) ? ['--json'] : [])]
  const lifecycle = h.chance(0.3) ? [[...h.pick([['note', 'x'], ['show'], ['list'], ['postmortem']]), '--out-dir', outDir, ...(flag[0] === '--id' ? flag : [])]] : []
  return {kind: 'odd-arguments', description: `${flag[0]} ${JSON.stringify(flag[1]).slice(0, 60)} with --out-dir ${outDir.slice(work.length)}`, commands: [args, ...lifecycle]}
}

// ── text people type: notes, mitigations, resolutions ─────────────────────────────────────────

async function typedTextCase(h: Hostile, context: CaseContext): Promise<FuzzCase> {
  const {work, golden} = context
  const outDir = join(work, 'out')
  await cp(golden.outDir, outDir, {recursive: true})
  const id = ['--id', golden.id, '--out-dir', outDir]
  const commands = [
    ['note', h.text(6), '--kind', h.pick(['note', 'action', 'decision']), ...id],
    ...(h.chance(0.5) ? [['mitigate', '--action', h.text(5), ...id]] : []),
    ...(h.chance(0.5) ? [['resolve', '--resolution', h.text(5), '--no-notify', ...id]] : []),
    ['show', ...id],
    ...(h.chance(0.5) ? [['postmortem', ...id]] : []),
  ]
  return {kind: 'typed-text', description: `${commands.map((c) => c[0]).join(' → ')} with hostile text`, commands}
}

/** Every file under `dir` (not following links), for the checks. */
export async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {recursive: true, withFileTypes: true}).catch(() => [])
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}
