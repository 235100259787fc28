#!/usr/bin/env node
// Blind evaluation runner: builds each case's inputs in a temp folder, runs the built CLI on them
// (offline provider, no notifications) and scores rca.rootCause against the expectation fixed in
// case.json before any run. The score is a figure, not a test: exit 0 unless the runner breaks.
import {spawnSync, execFileSync} from 'node:child_process'
import {cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync} from 'node:fs'
import {tmpdir} from 'node:os'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const blindDir = join(root, 'eval', 'blind')
const cli = join(root, 'bin', 'run.js')
const CASE_TIMEOUT_MS = 180_000

const CATEGORIES = new Set([
  'code-change', 'database-migration', 'config-change', 'dependency-upgrade', 'feature-flag',
  'resource-exhaustion', 'database-saturation', 'external-dependency', 'traffic-surge',
  'certificate-expiry', 'security-attack', 'network', 'unknown',
])

function parseArgs(argv) {
  const opts = {batch: null, case: null, json: false, keep: false, check: false}
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a === '--batch') opts.batch = argv[++i]
    else if (a === '--case') opts.case = argv[++i]
    else if (a === '--json') opts.json = true
    else if (a === '--keep') opts.keep = true
    else if (a === '--check') opts.check = true
    else if (a === '--help' || a === '-h') {
      console.log("usage: node eval/run-blind.mjs [--batch batch-1] [--case NAME] [--json] [--keep] [--check]\n  --check  build every case’s inputs and resolve its culprit without running the tool")
      process.exit(0)
    } else throw new Error(`unknown option ${a}`)
  }
  return opts
}

function listCases(opts) {
  const batches = readdirSync(blindDir)
    .filter((d) => d.startsWith('batch-') && statSync(join(blindDir, d)).isDirectory())
    .filter((d) => !opts.batch || d === opts.batch)
    .sort()
  if (opts.batch && batches.length === 0) throw new Error(`no batch ${opts.batch} under ${blindDir}`)
  const cases = []
  for (const b of batches) {
    for (const name of readdirSync(join(blindDir, b)).sort()) {
      const dir = join(blindDir, b, name)
      if (!existsSync(join(dir, 'case.json'))) continue
      if (opts.case && name !== opts.case) continue
      cases.push({batch: b, name, dir, spec: loadSpec(join(dir, 'case.json'))})
    }
  }
  if (opts.case && cases.length === 0) throw new Error(`no case ${opts.case}`)
  return cases
}

function loadSpec(file) {
  const spec = JSON.parse(readFileSync(file, 'utf8'))
  const where = file.replace(root + '/', '')
  for (const k of ['name', 'summary', 'sources', 'args', 'expected']) {
    if (spec[k] === undefined) throw new Error(`${where}: missing "${k}"`)
  }
  if (!CATEGORIES.has(spec.expected.category)) throw new Error(`${where}: unknown category ${spec.expected.category}`)
  if (!Array.isArray(spec.sources) || spec.sources.length === 0) throw new Error(`${where}: no sources`)
  if (!('culprit' in spec.expected)) throw new Error(`${where}: expected.culprit must be given (null for none)`)
  return spec
}

// A clean environment: no model key, no integrations, no colour, no user config reaching the run.
function cliEnv(home) {
  const env = {}
  for (const k of ['PATH', 'LANG', 'TZ', 'SYSTEMROOT']) if (process.env[k]) env[k] = process.env[k]
  return {...env, HOME: home, NO_COLOR: '1', CI: 'true', TZ: 'UTC'}
}

function prepare(c, work) {
  const dir = join(work, 'case')
  cpSync(c.dir, dir, {recursive: true})
  // The build script runs from the repository (its ../../lib imports resolve there) and writes
  // into the temp copy it is given.
  if (existsSync(join(c.dir, 'build.mjs'))) {
    const r = spawnSync(process.execPath, [join(c.dir, 'build.mjs'), dir], {cwd: dir, encoding: 'utf8', env: {...process.env, TZ: 'UTC'}})
    if (r.status !== 0) {
      const text = (r.stderr || r.stdout).trim().split('\n')
      throw new Error(`build.mjs failed: ${text.find((l) => /Error/.test(l)) ?? text[0]}`)
    }
  }
  return dir
}

function cliArgs(c, dir, outDir) {
  const args = c.spec.args.map((a) => a.replaceAll('{repo}', join(dir, 'repo')).replaceAll('{dir}', dir))
  const extra = []
  if (c.spec.severity) extra.push('--severity', c.spec.severity)
  if (c.spec.symptoms) extra.push('--symptoms', c.spec.symptoms.join(','))
  if (c.spec.startedAt) extra.push('--started-at', c.spec.startedAt)
  return [...args, ...extra, '--non-interactive', '--json', '--no-notify', '--provider', 'offline', '--out-dir', outDir]
}

// The expected culprit's identity in the built evidence: the commit sha for a subject, the deploy
// event (sha, version) for a description. Used so a tool that names the same change by sha also counts.
function resolveCulprit(c, dir) {
  const exp = c.spec.expected.culprit
  if (!exp) return null
  if (exp.subject) {
    const repo = join(dir, 'repo')
    if (!existsSync(repo)) throw new Error(`expected culprit is a commit but no repo was built`)
    const log = execFileSync('git', ['log', '--all', '--format=%H%x09%s'], {cwd: repo, encoding: 'utf8'})
    const hit = log.split('\n').map((l) => l.split('\t')).find(([, s]) => s === exp.subject)
    if (!hit) throw new Error(`expected culprit commit "${exp.subject}" is not in the built repo`)
    return {kind: 'commit', subject: exp.subject, sha: hit[0]}
  }
  if (exp.deployDescription) {
    const i = c.spec.args.indexOf('--deploys')
    if (i < 0) throw new Error(`expected culprit is a deploy event but the case has no --deploys`)
    const rows = readFileSync(join(dir, c.spec.args[i + 1]), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l))
    const ev = rows.find((r) => r.description === exp.deployDescription)
    if (!ev) throw new Error(`expected deploy "${exp.deployDescription}" is not in the deploys file`)
    return {kind: 'deploy', subject: exp.deployDescription, sha: ev.sha ?? null, version: ev.version ?? null}
  }
  throw new Error('expected.culprit needs subject or deployDescription')
}

const norm = (s) => String(s ?? '').trim().toLowerCase().replace(/\s+/g, ' ')
const shaMatch = (a, b) => Boolean(a && b && a.length >= 7 && b.length >= 7 && (a.startsWith(b) || b.startsWith(a)))

function sameChange(expected, got) {
  if (!expected || !got) return false
  if (shaMatch(expected.sha, got.sha)) return true
  const gs = norm(got.subject ?? got.description)
  const es = norm(expected.subject)
  if (expected.kind === 'commit') return gs === es
  return gs === es || (gs.length > 0 && (gs.includes(es) || es.includes(gs))) || (expected.version && norm(got.version) === norm(expected.version))
}

function runCase(c, opts) {
  const work = mkdtempSync(join(tmpdir(), `blind-${c.name}-`))
  const started = Date.now()
  try {
    const dir = prepare(c, work)
    const expectedChange = resolveCulprit(c, dir)
    const outDir = join(work, 'out')
    const args = cliArgs(c, dir, outDir)
    const r = spawnSync(process.execPath, [cli, ...args], {
      cwd: dir, encoding: 'utf8', env: cliEnv(work), timeout: CASE_TIMEOUT_MS, maxBuffer: 256 * 1024 * 1024,
    })
    const base = {batch: c.batch, name: c.name, expected: c.spec.expected, ms: Date.now() - started}
    if (r.error || r.status !== 0) {
      const why = r.error ? r.error.message : `exit ${r.status}: ${errorLine(r.stderr) || errorLine(r.stdout)}`
      return {...base, ok: false, failure: why, category: false, culprit: false, falseBlame: false}
    }
    let doc
    try {
      doc = JSON.parse(r.stdout)
    } catch {
      return {...base, ok: false, failure: `unparsable stdout: ${firstLine(r.stdout)}`, category: false, culprit: false, falseBlame: false}
    }
    const rc = doc?.rca?.rootCause
    if (!rc) return {...base, ok: false, failure: 'no rca.rootCause in the output', category: false, culprit: false, falseBlame: false}
    const got = {category: rc.category ?? null, change: rc.change ?? null, confidence: rc.confidence ?? null, summary: rc.summary ?? null}
    const named = got.change != null
    const matched = sameChange(expectedChange, got.change)
    return {
      ...base,
      ok: true,
      got,
      category: got.category === c.spec.expected.category,
      culprit: expectedChange ? matched : !named,
      falseBlame: named && !matched,
    }
  } catch (e) {
    return {batch: c.batch, name: c.name, expected: c.spec.expected, ok: false, failure: `case setup: ${e.message}`, category: false, culprit: false, falseBlame: false, setupError: true}
  } finally {
    if (!opts.keep) rmSync(work, {recursive: true, force: true})
    else process.stderr.write(`kept ${work}\n`)
  }
}

const firstLine = (s) => String(s ?? '').split('\n').map((l) => l.trim()).find(Boolean) ?? ''

// With --json the CLI reports a failure as {"error": {"message"}} (on stdout): show that message,
// else the first non-empty line.
function errorLine(s) {
  try {
    const msg = JSON.parse(s)?.error?.message
    if (msg) return String(msg)
  } catch {
    // not JSON: fall through to the first line
  }
  return firstLine(s)
}

function culpritLabel(cul) {
  if (!cul) return 'none'
  return cul.subject ?? cul.deployDescription ?? '?'
}

function gotLabel(ch) {
  if (!ch) return 'none'
  return ch.subject ?? ch.description ?? ch.sha ?? '?'
}

function pct(conf) {
  if (conf == null || Number.isNaN(Number(conf))) return '?'
  const n = Number(conf)
  return `${Math.round(n <= 1 ? n * 100 : n)}%`
}

const short = (s, n = 48) => (s.length > n ? s.slice(0, n - 1) + '…' : s)

function line(res) {
  const exp = `${res.expected.category} / ${short(culpritLabel(res.expected.culprit))}`
  if (!res.ok) return `MISS  ${res.name.padEnd(40)} expected ${exp} | got FAILURE (${short(res.failure, 140)})`
  const marks = `${res.category ? 'C' : '-'}${res.culprit ? 'K' : '-'}${res.falseBlame ? 'F' : ''}`
  const tag = res.category && res.culprit ? 'OK  ' : 'MISS'
  return `${tag}  ${res.name.padEnd(40)} expected ${exp} | got ${res.got.category} / ${short(gotLabel(res.got.change))} @ ${pct(res.got.confidence)} [${marks}]`
}

// Builds the inputs and resolves the expected culprit only: proves a case is well-formed without
// running the tool on it.
function checkCase(c) {
  const work = mkdtempSync(join(tmpdir(), `blind-check-${c.name}-`))
  try {
    const dir = prepare(c, work)
    const exp = resolveCulprit(c, dir)
    const fileFlags = new Set(['--logs', '--metrics', '--deploys', '--k8s', '--alert'])
    for (let i = 0; i < c.spec.args.length - 1; i++) {
      const a = c.spec.args[i + 1]
      if (!fileFlags.has(c.spec.args[i]) || a === '-' || a.includes('*')) continue
      if (!existsSync(join(dir, a))) throw new Error(`input ${a} does not exist after the build`)
    }
    if (c.spec.args.includes('{repo}') && !existsSync(join(dir, 'repo', '.git'))) throw new Error('no repo was built')
    return `ready ${c.name}: ${c.spec.expected.category} / ${exp ? `${exp.kind} ${exp.sha ? exp.sha.slice(0, 10) : ''} ${exp.subject}` : 'none'}`
  } finally {
    rmSync(work, {recursive: true, force: true})
  }
}

function main() {
  const opts = parseArgs(process.argv.slice(2))
  if (opts.check) {
    let broken = 0
    for (const c of listCases(opts)) {
      try {
        console.log(checkCase(c))
      } catch (e) {
        broken++
        console.log(`BROKEN ${c.name}: ${e.message}`)
      }
    }
    if (broken > 0) process.exitCode = 1
    return
  }
  if (!existsSync(join(root, 'dist'))) throw new Error('dist/ is missing: run `npm run build` first (npm run eval:blind does)')
  const cases = listCases(opts)
  const results = []
  for (const c of cases) {
    const res = runCase(c, opts)
    results.push(res)
    if (!opts.json) console.log(line(res))
  }
  const summary = {
    cases: results.length,
    category: results.filter((r) => r.category).length,
    culprit: results.filter((r) => r.culprit).length,
    falseBlame: results.filter((r) => r.falseBlame).length,
    failures: results.filter((r) => !r.ok).length,
  }
  const last = `blind: ${summary.category}/${summary.cases} category, ${summary.culprit} culprit, ${summary.falseBlame} false-blame`
  if (opts.json) console.log(JSON.stringify({summary, line: last, results}, null, 2))
  else console.log(last)
}

try {
  main()
} catch (e) {
  console.error(`run-blind: ${e.message}`)
  process.exit(1)
}
