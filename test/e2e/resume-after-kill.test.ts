import {spawn} from 'node:child_process'
import {readFile, readdir} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {IncidentSchema} from '../../src/incident/incident.js'
import {startFakeAnthropicServer} from '../fakes/fake-anthropic-server.js'
import {BIN, buildExampleRepo, exampleArgs, runCli, tempDir} from './cli-harness.js'

describe('a run killed mid-investigation (SIGKILL) resumes cleanly with --id', () => {
  it('keeps what was written, then finishes the missing phases', async () => {
    const work = await tempDir('kill')
    const out = join(work, 'out')
    const repo = buildExampleRepo(work)
    let firstRequest!: () => void
    const investigating = new Promise<void>((resolve) => (firstRequest = resolve))
    // The Claude specialists hang, so the child is certainly inside the investigation phase.
    const server = await startFakeAnthropicServer({
      fallbackReply: () => {
        firstRequest()
        return {kind: 'hang'}
      },
    })
    const env = {PATH: process.env.PATH, HOME: process.env.HOME, NO_COLOR: '1', ANTHROPIC_API_KEY: server.apiKey, ANTHROPIC_BASE_URL: server.baseURL}
    const child = spawn(process.execPath, [BIN, ...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate', '--non-interactive', '--out-dir', out], {cwd: work, env, stdio: 'ignore'})
    await investigating
    child.kill('SIGKILL')
    await new Promise((resolve) => child.once('exit', resolve))
    await server.close()

    const [id] = await readdir(out)
    const dir = join(out, id)
    const killed = IncidentSchema.parse(JSON.parse(await readFile(join(dir, 'incident.json'), 'utf8')))
    expect(killed.phases.triage?.status).toBe('done')
    expect(killed.phases.investigation).toBeUndefined()
    expect(await readFile(join(dir, 'phase-1-triage.md'), 'utf8')).toContain('# Triage')

    // Resume against an API that now rejects the key: each specialist falls back to the offline engine.
    const rejecting = await startFakeAnthropicServer({fallbackReply: () => ({kind: 'error', status: 401, errorType: 'authentication_error', message: 'invalid x-api-key'})})
    const resumed = await runCli(['--id', id, '--out-dir', out, '--json'], {cwd: work, env: {ANTHROPIC_API_KEY: rejecting.apiKey, ANTHROPIC_BASE_URL: rejecting.baseURL}})
    await rejecting.close()
    expect(resumed.code, resumed.stderr).toBe(0)
    const json = JSON.parse(resumed.stdout)
    expect(json.id).toBe(id)
    expect(Object.keys(json.phases)).toEqual(['triage', 'investigation', 'rca', 'postmortem'])
    expect(json.phases.triage.at).toBe(killed.phases.triage?.at) // not redone
    expect(json.investigation.fallbacks.length).toBe(json.investigation.specialists.length)
    expect(json.investigation.fallbacks[0].reason).toMatch(/^Claude unavailable: .*; offline analysis used$/)
    expect(json.rca.rootCause.category).toBe('database-migration')
    const declared = (await readFile(join(dir, 'timeline.jsonl'), 'utf8')).split('\n').filter((line) => line.includes('"declared"'))
    expect(declared).toHaveLength(1)
  }, 120_000)
})
