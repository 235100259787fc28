#!/usr/bin/env node
// Builds the example's git history at .work/repo, or at the directory given as the first
// argument (deleted and recreated on every run).
// Commit dates, author and contents are fixed and global/system git config is ignored,
// so the shas are the same on every machine; deploys.jsonl cites them and this script
// checks that they still match.
import {execFileSync} from 'node:child_process'
import {appendFileSync, existsSync, mkdirSync, readFileSync, rmSync} from 'node:fs'
import {dirname, join, resolve} from 'node:path'
import {fileURLToPath} from 'node:url'
import {COMMITS} from './repo-history.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const AUTHOR = {name: 'Example Dev', email: 'dev@example.com'}

const GIT_ENV = {...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1'}

function git(repo, args, input) {
  return execFileSync('git', args, {cwd: repo, encoding: 'utf8', input, stdio: ['pipe', 'pipe', 'pipe'], env: GIT_ENV}).trim()
}

const data = (text) => `data ${Buffer.byteLength(text)}\n${text}\n`

/** The whole history as one `git fast-import` stream: one process instead of three per commit. */
function fastImportStream(commits) {
  const parts = []
  for (const [index, commit] of commits.entries()) {
    const seconds = Math.floor(Date.parse(commit.date) / 1000)
    const who = `${AUTHOR.name} <${AUTHOR.email}> ${seconds} +0000`
    parts.push(`commit refs/heads/main\nmark :${index + 1}\nauthor ${who}\ncommitter ${who}\n`)
    parts.push(data(commit.body ? `${commit.subject}\n\n${commit.body}\n` : `${commit.subject}\n`))
    for (const [path, content] of Object.entries(commit.files)) {
      parts.push(content === null ? `D ${path}\n` : `M 100644 inline ${path}\n${data(content)}`)
    }
    parts.push('\n')
  }
  return parts.join('')
}

/** Creates the repository at `repo` (work tree checked out) and returns every commit's sha, keyed by subject. */
export function buildRepo(repo) {
  rmSync(repo, {recursive: true, force: true})
  mkdirSync(repo, {recursive: true})
  git(repo, ['init', '--quiet', '--initial-branch=main'])
  appendFileSync(join(repo, '.git', 'config'), `[user]\n\tname = ${AUTHOR.name}\n\temail = ${AUTHOR.email}\n`)
  const marks = join(repo, '.git', 'example-marks')
  git(repo, ['fast-import', '--quiet', `--export-marks=${marks}`], fastImportStream(COMMITS))
  git(repo, ['reset', '--hard', '--quiet'])
  const shaByMark = new Map(readFileSync(marks, 'utf8').trim().split('\n').map((line) => line.split(' ')))
  rmSync(marks)
  return Object.fromEntries(COMMITS.map((commit, index) => [commit.subject, shaByMark.get(`:${index + 1}`)]))
}

/** The shas deploys.jsonl cites that the built history does not contain. */
function missingDeployShas(shas) {
  const deploysFile = join(here, 'deploys.jsonl')
  if (!existsSync(deploysFile)) return []
  const built = new Set(Object.values(shas))
  return readFileSync(deploysFile, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line).sha)
    .filter((sha) => typeof sha === 'string' && sha !== '' && !built.has(sha))
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const repo = process.argv[2] ? resolve(process.argv[2]) : join(here, '.work', 'repo')
  const shas = buildRepo(repo)
  const missing = missingDeployShas(shas)
  if (missing.length > 0) {
    console.error(`build-repo: deploys.jsonl cites shas the built history lacks: ${missing.join(', ')}`)
    console.error('build-repo: regenerate the data with `node examples/checkout-outage/generate-data.mjs`')
    process.exit(1)
  }
  console.log(`build-repo: ${Object.keys(shas).length} commits in ${repo}`)
}
