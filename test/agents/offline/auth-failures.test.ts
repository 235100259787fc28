import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {authFailureBurst} from '../../../src/agents/offline/auth-failures.js'
import {securitySpecialist} from '../../../src/agents/offline/specialists/security-specialist.js'
import type {EvidenceBundle} from '../../../src/evidence/evidence-bundle.js'
import {analyzeLogs} from '../../../src/evidence/logs/analyze-logs.js'
import {INCIDENT} from './bundle-builder.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'auth-failures-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

/** An sshd auth log (syslog, no year, no level words) with a brute force under way from its first line to its last. */
function sshdLog(): string {
  const lines: string[] = []
  for (let minute = 0; minute < 120; minute++) {
    const at = `Dec 10 ${String(6 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`
    for (let k = 0; k < 3; k++) {
      const pid = 24200 + minute * 3 + k
      lines.push(`${at}:${String(10 + k).padStart(2, '0')} LabSZ sshd[${pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=183.62.140.253  user=root`)
      lines.push(`${at}:${String(11 + k).padStart(2, '0')} LabSZ sshd[${pid}]: Failed password for root from 183.62.140.253 port ${40000 + k} ssh2`)
    }
    lines.push(`${at}:40 LabSZ sshd[${25000 + minute}]: Invalid user admin${minute} from 103.99.0.122`)
    if (minute % 30 === 0) lines.push(`${at}:50 LabSZ sshd[${26000 + minute}]: Accepted password for fztu from 119.137.62.142 port 49116 ssh2`)
  }
  return `${lines.join('\n')}\n`
}

async function bundleOf(file: string): Promise<EvidenceBundle> {
  const {digest, items} = await analyzeLogs([file], {now: () => new Date('2026-01-01T00:00:00Z'), reading: {reference: {at: Date.parse('2025-12-11T00:00:00Z'), offsetMinutes: null, source: 'file-mtime'}}})
  return {schemaVersion: 1, window: {onset: null, onsetSource: null, declaredAt: null}, logs: digest, git: null, deploys: null, metrics: null, postgres: null, health: null, items, limitations: []}
}

describe('failed logins in a plain-text sshd log', () => {
  it('are warnings with their source address, and a brute force under way since the logs begin is found', async () => {
    const file = path.join(dir, 'auth.log')
    await writeFile(file, sshdLog())
    const bundle = await bundleOf(file)
    expect(bundle.logs!.totals).toMatchObject({errors: 0, warnings: 840})
    expect(bundle.logs!.clients.topIps?.[0]).toEqual({ip: '183.62.140.253', count: 720, failures: 720})
    const burst = authFailureBurst(bundle)
    expect(burst).toMatchObject({sustained: true, strong: true, count: 840, at: '2025-12-10T06:00:10.000Z', trend: 'ran throughout the logs, from 06:00 to 07:59 UTC'})
    expect(burst!.topIps.slice(0, 2)).toEqual(['183.62.140.253', '103.99.0.122'])
    const report = securitySpecialist(bundle, INCIDENT)
    expect(report.findings[0]).toMatchObject({category: 'security-attack', component: 'authentication'})
    expect(report.findings[0].hypothesis).toContain('183.62.140.253')
  })

  it('are not an attack under way when they stopped in the first minutes and did not rise', async () => {
    const file = path.join(dir, 'over.log')
    const quiet = Array.from({length: 110}, (_, m) => `Dec 10 ${String(6 + Math.floor((m + 10) / 60)).padStart(2, '0')}:${String((m + 10) % 60).padStart(2, '0')}:05 LabSZ sshd[${30000 + m}]: Accepted publickey for deploy from 10.0.0.5 port 51234 ssh2`)
    const early = sshdLog().split('\n').filter((line) => /^Dec 10 06:0\d/.test(line))
    await writeFile(file, [...early, ...quiet].join('\n'))
    const bundle = await bundleOf(file)
    expect(bundle.logs!.totals.warnings).toBe(70)
    expect(authFailureBurst(bundle)).toBeNull()
  })
})
