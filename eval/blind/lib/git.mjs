// Builds a real git repository with fixed author and committer dates, so every case's history
// (and every commit sha) is the same on every machine.
import {execFileSync} from 'node:child_process'
import {mkdirSync, rmSync, writeFileSync} from 'node:fs'
import {dirname, join} from 'node:path'

/**
 * commits: [{subject, body?, author: 'Name <email>', at: ISO, committedAt?: ISO, tag?: 'v1.2.3',
 *            files: {path: content | null (delete)}}]
 */
export function buildRepo(dir, commits) {
  rmSync(dir, {recursive: true, force: true})
  mkdirSync(dir, {recursive: true})
  const git = (args, env = {}) =>
    execFileSync('git', args, {
      cwd: dir,
      env: {...cleanEnv(), ...env},
      stdio: ['ignore', 'pipe', 'pipe'],
    }).toString()
  git(['init', '-q', '-b', 'main'])
  for (const c of commits) {
    for (const [path, content] of Object.entries(c.files)) {
      const file = join(dir, path)
      if (content === null) {
        rmSync(file, {force: true})
      } else {
        mkdirSync(dirname(file), {recursive: true})
        writeFileSync(file, content)
      }
    }
    git(['add', '-A'])
    const [, name, email] = /^(.*) <(.*)>$/.exec(c.author)
    const committer = c.committer ?? c.author
    const [, cname, cemail] = /^(.*) <(.*)>$/.exec(committer)
    const message = c.body ? `${c.subject}\n\n${c.body}` : c.subject
    git(['-c', 'commit.gpgsign=false', 'commit', '-q', '--allow-empty', '-m', message], {
      GIT_AUTHOR_NAME: name,
      GIT_AUTHOR_EMAIL: email,
      GIT_AUTHOR_DATE: c.at,
      GIT_COMMITTER_NAME: cname,
      GIT_COMMITTER_EMAIL: cemail,
      GIT_COMMITTER_DATE: c.committedAt ?? c.at,
    })
    // A lightweight tag (no tagger date), so the sha stays stable.
    if (c.tag) git(['-c', 'tag.gpgSign=false', 'tag', c.tag])
  }
  return dir
}

// A user's global git config (signing, hooks, templates) must not change the built history.
function cleanEnv() {
  const env = {...process.env}
  for (const k of Object.keys(env)) if (k.startsWith('GIT_')) delete env[k]
  env.GIT_CONFIG_GLOBAL = '/dev/null'
  env.GIT_CONFIG_NOSYSTEM = '1'
  return env
}

/** Repeat a line pattern to give files a realistic size. */
export const lines = (n, f) => Array.from({length: n}, (_, i) => f(i)).join('\n') + '\n'

/** The sha of the commit whose subject is `subject` in a built repository (for deploy feeds). */
export function shaOf(dir, subject) {
  const log = execFileSync('git', ['log', '--format=%H%x09%s'], {cwd: dir, env: cleanEnv()}).toString()
  const hit = log.split('\n').map((l) => l.split('\t')).find(([, s]) => s === subject)
  if (!hit) throw new Error(`no commit "${subject}" in ${dir}`)
  return hit[0]
}
