import {readdir, readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {describe, expect, it} from 'vitest'

import {runCli, tempDir} from './cli-harness.js'

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true, recursive: true})
  return entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name))
}

// A login attack from two addresses among normal traffic: the per-IP counts are evidence, yet with
// --redact-ips no address may be written anywhere.
const ACCESS_LOG = Array.from({length: 240}, (_, i) => {
  const attacker = i >= 120 && i % 3 !== 0
  const ip = attacker ? (i % 2 ? '203.0.113.7' : i % 5 === 0 ? '2001:db8::bad' : '198.51.100.23') : `10.1.0.${i % 40}`
  return `${ip} - - [30/Nov/2026:10:${String(Math.floor(i / 4)).padStart(2, '0')}:00 +0000] "POST /api/login HTTP/1.1" ${attacker ? 401 : 200} 12 "-" "curl/8"`
}).join('\n')

describe('--redact-ips', () => {
  it('keeps every client IP out of the incident folder and the JSON, and says it did so in incident.json', async () => {
    const work = await tempDir('redact-ips')
    const log = join(work, 'access.log')
    await writeFile(log, `${ACCESS_LOG}\n`)
    const out = join(work, 'out')
    const args = ['--logs', log, '--severity', 'p1', '--symptoms', 'security-incident', '--postmortem', '--non-interactive', '--json']

    const plain = await runCli([...args, '--out-dir', out], {cwd: work})
    expect(plain.code, plain.stderr).toBe(0)
    const plainFiles = await Promise.all((await filesUnder(out)).map((file) => readFile(file, 'utf8')))
    expect(plainFiles.join('\n')).toContain('203.0.113.7')
    expect(plainFiles.join('\n')).toContain('2001:db8::bad')

    const masked = await runCli([...args, '--redact-ips', '--out-dir', join(work, 'masked')], {cwd: work})
    expect(masked.code, masked.stderr).toBe(0)
    const files = await filesUnder(join(work, 'masked'))
    const text = (await Promise.all(files.map((file) => readFile(file, 'utf8')))).join('\n') + masked.stdout
    for (const ip of ['203.0.113.7', '198.51.100.23', '2001:db8::bad', '10.1.0.']) expect(text).not.toContain(ip)
    expect(text).toContain('[REDACTED:ip]')
    const incident = JSON.parse(await readFile(files.find((file) => file.endsWith('incident.json'))!, 'utf8'))
    expect(incident.inputs.redactIps).toBe(true)
  }, 60_000)
})
