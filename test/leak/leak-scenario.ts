import {execFileSync} from 'node:child_process'
import {mkdir, readFile, readdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'

import {plantedSecrets, type PlantedSecret} from './planted-secrets.js'

/**
 * An incident whose evidence carries a secret of every planted kind in every place a secret turns
 * up in real evidence: JSON, logfmt and plain log lines (a key block over several plain lines, a
 * value after an escaped `\n` in JSON), commit subjects, bodies, diffs, tags, file paths and
 * dependency specs, deploy descriptions, services and release names, CSV headers, Prometheus
 * labels and metric names, a failed saved query's error, an alert's name, labels and annotations,
 * Kubernetes events and YAML tags, YAML aliases in inputs the CLI refuses; and text for people to
 * type. Each place gets secrets of its own, so a leak names the place it came from.
 * Around them, an ordinary outage (errors from 14:02) so the pipeline runs every phase and the
 * secret-bearing evidence ranks near the top.
 */
export interface LeakScenario {
  dir: string
  args: string[]
  /** Runs the CLI must refuse (exit 1 or 2), each with a broken input quoting secrets; `cwd` holds a config file. */
  refused: Array<{name: string; cwd: string; args: string[]}>
  /** Every secret planted in the evidence files, each with its place. */
  planted: PlantedSecret[]
  /** One-line secrets for each command people type text into, keyed by the command's place name. */
  typed: Record<TypedPlace, PlantedSecret[]>
  /** Commits that carry secrets, for the model to ask about. */
  shas: string[]
  series: string[]
}

export const EVIDENCE_PLACES = [
  'json log message',
  'json log message after an escaped newline',
  'json log field',
  'logfmt field',
  'plain log line',
  'plain log key block',
  'commit subject',
  'commit body',
  'commit diff',
  'deploy description',
  'csv header',
  'prometheus label',
  'alert label',
  'alert annotation',
  'kubernetes event',
  'commit tag',
  'commit file path',
  'dependency spec',
  'deploy service',
  'deploy version',
  'prometheus metric name',
  'alert name',
  'saved query error',
  'kubernetes yaml tag',
  'broken config yaml',
  'broken kubernetes yaml',
] as const
export const TYPED_PLACES = ['note', 'decision', 'mitigate --action', 'resolve --resolution'] as const
type EvidencePlace = (typeof EVIDENCE_PLACES)[number]
export type TypedPlace = (typeof TYPED_PLACES)[number]

/** Places a key block (several lines) cannot sit in: a one-line field, a header, a label. */
const BLOCK_PLACES = new Set<string>(['plain log key block', 'commit body', 'commit diff'])

/**
 * Places that take only some secrets, as they would turn up there: a tag name (`release-<value>`)
 * holds what git allows in a ref, a dependency spec's URL user a token's characters, a YAML alias
 * or tag a name without spaces.
 */
const REF_NAME = /^[A-Za-z0-9_=+-]+(?:\.[A-Za-z0-9_=+-]+)*$/
const URL_USER = /^[A-Za-z0-9_.~-]+$/
const YAML_NAME = /^[^\s,[\]{}]+$/
const YAML_TAG = /^[A-Za-z0-9#;/?:@&=+$_.~*'()-]+$/
const FITS: Partial<Record<EvidencePlace, (secret: PlantedSecret) => boolean>> = {
  'commit tag': (secret) => REF_NAME.test(secret.value),
  'dependency spec': (secret) => URL_USER.test(secret.value),
  'broken config yaml': (secret) => YAML_NAME.test(secret.value),
  'broken kubernetes yaml': (secret) => YAML_NAME.test(secret.value),
  'kubernetes yaml tag': (secret) => YAML_TAG.test(secret.value),
}

const DAY = '2026-11-12'
const at = (minute: number, second = 0) => new Date(Date.UTC(2026, 10, 12, 13, 0, second) + minute * 60_000).toISOString()

export async function buildLeakScenario(dir: string, seed: number): Promise<LeakScenario> {
  await mkdir(dir, {recursive: true})
  const places = [...EVIDENCE_PLACES, ...TYPED_PLACES]
  const drawn = new Map(places.map((place, i) => [place, plantedSecrets(seed + 7919 * (i + 1), place)]))
  // Key blocks go only where several lines fit; the plain log's block place holds only them.
  const secretsAt = (place: EvidencePlace | TypedPlace): PlantedSecret[] =>
    drawn
      .get(place)!
      .filter((secret) => (place === 'plain log key block' ? secret.multiline : secret.multiline ? BLOCK_PLACES.has(place) : true))
      .filter((secret) => FITS[place as EvidencePlace]?.(secret) ?? true)
  const oneLine = (place: EvidencePlace): PlantedSecret[] => secretsAt(place).filter((secret) => !secret.multiline)
  const byKind = (place: EvidencePlace) => new Map(secretsAt(place).map((secret) => [secret.kind, secret]))

  // Logs: a baseline hour of healthy traffic, then failures carrying the secrets.
  const json: string[] = []
  const plain: string[] = []
  const logfmt: string[] = []
  for (let minute = 0; minute < 90; minute++) {
    for (let n = 0; n < 20; n++) json.push(JSON.stringify({time: at(minute, n), level: 'info', msg: `GET /api/orders/${1000 + n} 200`, status: 200, latency_ms: 40 + n}))
    if (minute >= 62) for (let n = 0; n < 8; n++) json.push(JSON.stringify({time: at(minute, 20 + n), level: 'error', msg: 'POST /api/checkout 500 insert into orders failed', status: 500}))
  }
  const [message, afterNewline, field, logfmtField, plainLine] = ['json log message', 'json log message after an escaped newline', 'json log field', 'logfmt field', 'plain log line'].map((place) => oneLine(place as EvidencePlace))
  message.forEach((secret, i) => {
    const minute = 63 + (i % 25)
    for (let n = 0; n < 3; n++) {
      json.push(JSON.stringify({time: at(minute, 30 + n), level: 'error', msg: secret.text, service: 'checkout-api'}))
      // The value after an escaped newline, and as a field of its own.
      json.push(JSON.stringify({time: at(minute, 40 + n), level: 'error', msg: `upstream failure, context follows:\n${afterNewline[i].text}`, detail: field[i].text}))
      logfmt.push(`time=${at(minute, 50 + n)} level=error msg="worker crashed" cause=${JSON.stringify(logfmtField[i].text)}`)
      plain.push(`${at(minute, 45 + n)} ERROR [checkout-worker] ${plainLine[i].text}`)
    }
  })
  secretsAt('plain log key block').forEach((secret, i) => {
    plain.push(`${at(64 + i, 10)} ERROR [config-loader] could not parse key material:`)
    plain.push(...secret.text.split('\n'))
    plain.push(`${at(64 + i, 11)} WARN [config-loader] falling back to defaults`)
  })
  const sortByTime = (lines: string[], time: (line: string) => string) => lines.sort((a, b) => time(a).localeCompare(time(b)))
  sortByTime(json, (line) => JSON.parse(line).time)
  sortByTime(logfmt, (line) => line.slice(5, 29))
  await writeFile(join(dir, 'app.jsonl'), json.join('\n') + '\n')
  await writeFile(join(dir, 'worker.log'), plain.join('\n') + '\n')
  await writeFile(join(dir, 'jobs.logfmt'), logfmt.join('\n') + '\n')

  // Git: a commit per kind in the hours before the onset, a secret in its subject, body and diff.
  const repo = join(dir, 'repo')
  await mkdir(repo)
  const git = (args: string[], input?: string) =>
    execFileSync('git', args, {cwd: repo, input, encoding: 'utf8', env: {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'}})
  git(['init', '--quiet', '--initial-branch=main'])
  const stream: string[] = []
  const data = (text: string) => `data ${Buffer.byteLength(text)}\n${text}\n`
  const [subjects, bodies, diffs] = [byKind('commit subject'), byKind('commit body'), byKind('commit diff')]
  const [paths, tags, specs] = [oneLine('commit file path'), oneLine('commit tag'), oneLine('dependency spec')]
  // A file named after a secret (git's quoted path: C escapes, which JSON's are for this text).
  const pathOf = (secret: PlantedSecret) => JSON.stringify(`notes/${secret.text}.txt`.replace(/\/{2,}/g, '/'))
  // The newest commit adds dependencies fetched from git URLs with a token as the user.
  const manifest = JSON.stringify({name: 'checkout', dependencies: Object.fromEntries(specs.map((secret, i) => [`internal-lib-${i}`, `git+https://${secret.value}@github.com/acme/internal-lib-${i}.git`]))}, null, 2)
  ;[...diffs.values()].forEach((diff, i) => {
    const seconds = Math.floor(Date.parse(`${DAY}T09:00:00Z`) / 1000) + i * 120
    const who = `Release Bot <release-bot@example.invalid> ${seconds} +0000`
    const subject = subjects.get(diff.kind)
    stream.push(`commit refs/heads/main\nmark :${i + 1}\nauthor ${who}\ncommitter ${who}\n`)
    stream.push(data(`${subject ? `config: ${subject.text}` : `config: add ${diff.kind} for the worker`}\n\nRotated credentials; the old value was:\n${bodies.get(diff.kind)!.text}\n`))
    stream.push(`M 100644 inline config/${diff.kind}.env\n${data(`# ${diff.kind}\n${diff.text}\n`)}`)
    if (i < paths.length) stream.push(`M 100644 inline ${pathOf(paths[i])}\n${data('see the file name\n')}`)
    if (i === diffs.size - 1) stream.push(`M 100644 inline package.json\n${data(manifest)}`)
    stream.push('\n')
  })
  // Release tags named after secrets, on the commits in turn.
  tags.forEach((secret, i) => stream.push(`reset refs/tags/release-${secret.value}\nfrom :${(i % diffs.size) + 1}\n\n`))
  git(['fast-import', '--quiet'], stream.join(''))
  git(['reset', '--hard', '--quiet'])
  const shas = git(['log', '--format=%H', 'main']).trim().split('\n')

  // Deploys: one per one-line secret, in the description.
  const deploys = oneLine('deploy description').map((secret, i) =>
    JSON.stringify({time: at(-60 + i), service: 'checkout-api', version: `2.14.${i}`, sha: shas[i], kind: i % 3 === 0 ? 'config' : 'deploy', description: `Rollout: ${secret.text}`}),
  )
  // The service and the release name, under each name feeds give it (version, tag, image, release, build).
  const releaseNames = ['version', 'tag', 'image', 'release', 'build']
  oneLine('deploy service').forEach((secret, i) => deploys.push(JSON.stringify({time: at(-30 + (i % 20)), service: secret.text, version: `2.15.${i}`, kind: 'deploy'})))
  oneLine('deploy version').forEach((secret, i) => deploys.push(JSON.stringify({time: at(-20 + (i % 20)), service: 'checkout-api', [releaseNames[i % releaseNames.length]]: secret.text, kind: 'deploy'})))
  await writeFile(join(dir, 'deploys.jsonl'), deploys.join('\n') + '\n')

  // Metrics: CSV columns and Prometheus series named after secret-bearing labels.
  const csvQuote = (text: string) => `"${text.replaceAll('"', '""')}"`
  const columns = oneLine('csv header')
  const series = columns.map((secret) => `db_pool_waiting{dsn="${secret.text}"}`)
  const rows = [['timestamp', 'http_5xx_rate', ...series.map(csvQuote)].join(',')]
  for (let minute = 0; minute < 90; minute++) {
    const failing = minute >= 62
    rows.push([at(minute), failing ? '0.31' : '0.001', ...columns.map((_, i) => String(failing ? 40 + i : 2))].join(','))
  }
  await writeFile(join(dir, 'metrics.csv'), rows.join('\n') + '\n')
  const result = oneLine('prometheus label').map((secret, i) => ({
    metric: {__name__: 'pg_stat_activity_count', instance: 'db-primary:9187', datname: 'orders', server: secret.text},
    values: Array.from({length: 90}, (_, minute) => [Date.parse(at(minute)) / 1000, String(minute >= 62 ? 90 + i : 10)]),
  }))
  oneLine('prometheus metric name').forEach((secret, i) =>
    result.push({
      metric: {__name__: secret.text, instance: 'db-primary:9187', datname: 'orders', server: 'db-primary'},
      values: Array.from({length: 90}, (_, minute) => [Date.parse(at(minute)) / 1000, String(minute >= 62 ? 50 + i : 5)]),
    }),
  )
  await writeFile(join(dir, 'prometheus.json'), JSON.stringify({status: 'success', data: {resultType: 'matrix', result}}))
  // A saved query that failed: Prometheus's error text quotes the query, and with it what was in it.
  await writeFile(join(dir, 'failed-query.json'), JSON.stringify({status: 'error', errorType: 'bad_data', error: `parse error: ${oneLine('saved query error').map((secret) => secret.text).join(' | ')}`}))

  // The alert that opened the incident, and Kubernetes events: annotations, labels and messages.
  const annotations = oneLine('alert annotation')
  const alertNames = oneLine('alert name')
  const alert = {
    version: '4',
    status: 'firing',
    receiver: 'oncall-webhook',
    groupLabels: {alertname: 'CheckoutErrors'},
    commonLabels: {alertname: 'CheckoutErrors', service: 'checkout-api', severity: 'critical'},
    commonAnnotations: {summary: 'Checkout is failing.'},
    externalURL: 'http://alertmanager.monitoring:9093',
    alerts: oneLine('alert label').map((secret, i) => ({
      status: 'firing',
      labels: {alertname: `CheckoutErrors ${alertNames[i].text}`, service: 'checkout-api', severity: 'critical', dsn: secret.text},
      annotations: {description: `Errors since 14:02: ${annotations[i].text}`, summary: 'Checkout is failing.'},
      startsAt: at(63),
      endsAt: '0001-01-01T00:00:00Z',
      generatorURL: 'http://prometheus.monitoring:9090/graph?g0.expr=up',
      fingerprint: `a5ef1d2c3b4f${String(i).padStart(4, '0')}`,
    })),
  }
  await writeFile(join(dir, 'alert.json'), JSON.stringify(alert))
  const events = {
    apiVersion: 'v1',
    kind: 'List',
    items: oneLine('kubernetes event').map((secret, i) => ({
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: `checkout-7d9f8b6c5-x2x9q.${i}`, namespace: 'shop'},
      involvedObject: {kind: 'Pod', namespace: 'shop', name: 'checkout-7d9f8b6c5-x2x9q'},
      reason: 'BackOff',
      message: `Back-off restarting failed container: ${secret.text}`,
      firstTimestamp: at(63 + (i % 20)),
      lastTimestamp: at(64 + (i % 20)),
      count: 3,
      type: 'Warning',
    })),
  }
  await writeFile(join(dir, 'events.json'), JSON.stringify(events))
  // A pod in YAML whose annotations carry tags YAML does not know (`!name`): names from the input.
  const annotationsYaml = oneLine('kubernetes yaml tag').map((secret, i) => `    note-${i}: !${secret.value} seen`)
  await writeFile(join(dir, 'pod.yaml'), ['apiVersion: v1', 'kind: Pod', 'metadata:', '  name: checkout-7d9f8b6c5-x2x9q', '  namespace: shop', '  annotations:', ...annotationsYaml, 'status:', '  phase: Running', ''].join('\n'))

  // Inputs the CLI refuses: a YAML alias naming no anchor, the alias being secrets (one name, so one run).
  const aliasOf = (place: EvidencePlace) => oneLine(place).map((secret) => secret.value).join('_')
  const configDir = join(dir, 'broken-config')
  await mkdir(configDir)
  await writeFile(join(configDir, '.incident-response.yaml'), `severity: p1\nservice: *${aliasOf('broken config yaml')}\n`)
  await writeFile(join(dir, 'broken.yaml'), `apiVersion: v1\nkind: Pod\nmetadata:\n  name: *${aliasOf('broken kubernetes yaml')}\n`)
  const minimal = ['--logs', join(dir, 'app.jsonl'), '--severity', 'p1', '--symptoms', 'high-error-rate', '--non-interactive']
  const refused = [
    {name: 'a config file with a broken alias', cwd: configDir, args: minimal},
    {name: '--k8s with a broken alias', cwd: dir, args: [...minimal, '--k8s', join(dir, 'broken.yaml')]},
  ]

  const args = [
    '--logs', join(dir, 'app.jsonl'),
    '--logs', join(dir, 'worker.log'),
    '--logs', join(dir, 'jobs.logfmt'),
    '--repo', repo,
    '--deploys', join(dir, 'deploys.jsonl'),
    '--metrics', join(dir, 'metrics.csv'),
    '--metrics', join(dir, 'prometheus.json'),
    '--metrics', join(dir, 'failed-query.json'),
    '--alert', join(dir, 'alert.json'),
    '--k8s', join(dir, 'events.json'),
    '--k8s', join(dir, 'pod.yaml'),
    '--service', 'checkout-api',
    '--started-at', at(69),
    '--severity', 'p0',
    '--symptoms', 'high-error-rate,database-issues,security-incident',
    '--non-interactive',
  ]
  const typed = Object.fromEntries(TYPED_PLACES.map((place) => [place, secretsAt(place).filter((secret) => !secret.multiline)])) as Record<TypedPlace, PlantedSecret[]>
  return {dir, args, refused, planted: EVIDENCE_PLACES.flatMap(secretsAt), typed, shas, series}
}

/** Every file under `dir`, read as text, with its path relative to `dir`. */
export async function readTree(dir: string): Promise<Array<{path: string; text: string}>> {
  const out: Array<{path: string; text: string}> = []
  const walk = async (sub: string) => {
    for (const entry of await readdir(join(dir, sub), {withFileTypes: true})) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name
      if (entry.isDirectory()) await walk(rel)
      else if (entry.isFile()) out.push({path: rel, text: await readFile(join(dir, rel), 'utf8')})
    }
  }
  await walk('')
  return out
}
