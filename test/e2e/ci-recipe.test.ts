import {spawn} from 'node:child_process'
import {chmod, copyFile, mkdir, readFile, readdir, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {BIN, buildExampleRepo, EXAMPLE, ROOT, tempDir} from './cli-harness.js'

/** The exact script docs/ci.md tells users to run in GitHub Actions. */
async function recipeScript(): Promise<string> {
  const doc = await readFile(join(ROOT, 'docs/ci.md'), 'utf8')
  const match = /<!-- ci-commands:begin -->\s*```bash\n([\s\S]*?)\n```\s*<!-- ci-commands:end -->/.exec(doc)
  if (!match) throw new Error('docs/ci.md has no ci-commands block')
  return match[1]
}

describe('the CI recipe of docs/ci.md', () => {
  it('generates the postmortem non-interactively from evidence artifacts and lints clean', async () => {
    const work = await tempDir('ci')
    const repo = buildExampleRepo(work)
    const evidence = join(repo, 'evidence')
    await mkdir(join(evidence, 'logs'), {recursive: true})
    for (const log of await readdir(join(EXAMPLE, 'logs'))) await copyFile(join(EXAMPLE, 'logs', log), join(evidence, 'logs', log))
    await copyFile(join(EXAMPLE, 'metrics.csv'), join(evidence, 'metrics.csv'))
    await copyFile(join(EXAMPLE, 'deploys.jsonl'), join(evidence, 'deploys.jsonl'))
    await writeFile(join(work, 'script.sh'), await recipeScript())
    // `npx incident-response` resolves to the built CLI, as it would from node_modules in CI.
    const shims = join(work, 'bin')
    await mkdir(shims)
    await writeFile(join(shims, 'npx'), `#!/bin/sh\n[ "$1" = incident-response ] && shift\nexec "${process.execPath}" "${BIN}" "$@"\n`)
    await chmod(join(shims, 'npx'), 0o755)

    const id = 'incident-2026-11-12-140900'
    const result = await new Promise<{code: number | null; stderr: string}>((resolve) => {
      const child = spawn('bash', [join(work, 'script.sh')], {
        cwd: repo,
        env: {PATH: `${shims}:${process.env.PATH}`, HOME: process.env.HOME, CI: 'true', INCIDENT_ID: id, EVIDENCE_DIR: 'evidence', SEVERITY: 'p1', SYMPTOMS: 'high-error-rate,database-issues'},
      })
      let stderr = ''
      child.stderr.on('data', (chunk) => (stderr += chunk))
      child.on('close', (code) => resolve({code, stderr}))
    })
    expect(result.code, result.stderr).toBe(0)
    const dir = join(repo, '.tresor', id)
    const files = await readdir(dir)
    for (const file of ['postmortem.md', 'postmortem.html', 'postmortem.json', 'error-rate.svg', 'rca.json', 'action-items.md']) expect(files).toContain(file)
    const json = JSON.parse(await readFile(join(repo, 'incident-response.json'), 'utf8'))
    expect(json.rca.rootCause.category).toBe('database-migration')
  }, 120_000)
})
