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
function sshdLog(start = '2025-12-10T06:00:00Z'): string {
  const lines: string[] = []
  for (let minute = 0; minute < 120; minute++) {
    const t = new Date(Date.parse(start) + minute * 60_000).toISOString()
    const at = `Dec ${t.slice(8, 10)} ${t.slice(11, 16)}`
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
    // 360 "Failed password" lines; their 360 PAM records and 120 "Invalid user" connection lines are not attempts again.
    expect(burst).toMatchObject({sustained: true, strong: true, count: 360, companions: 480, at: '2025-12-10T06:00:10.000Z', trend: 'ran throughout the logs, from 2025-12-10 06:00 to 07:59 UTC'})
    expect(bundle.logs!.clients.loginFailures).toEqual({total: 360, ips: 1, top: [{ip: '183.62.140.253', attempts: 360}]})
    expect(burst).toMatchObject({topIps: ['183.62.140.253'], topIpShare: 1, rankedBy: 'logins'})
    const report = securitySpecialist(bundle, INCIDENT)
    expect(report.findings[0]).toMatchObject({category: 'security-attack', component: 'authentication'})
    expect(report.findings[0].hypothesis).toContain('183.62.140.253')
  })

  it('say the dates of an attack that runs past midnight', async () => {
    const file = path.join(dir, 'midnight.log')
    await writeFile(file, sshdLog('2025-12-10T23:00:00Z'))
    expect(authFailureBurst(await bundleOf(file))?.trend).toBe('ran throughout the logs, from 2025-12-10 23:00 UTC to 2025-12-11 00:59 UTC')
  })

  it('count each failed login once, whatever companion lines sshd and syslog write around it', async () => {
    // One attempt as sshd writes it with PAM on, then syslog folding its repeats, then sshd giving up.
    const attempt = (n: number, ip: string) => [
      `Dec 10 07:13:${String(n).padStart(2, '0')} LabSZ sshd[${24227 + n}]: reverse mapping checking getaddrinfo for host.example [${ip}] failed - POSSIBLE BREAK-IN ATTEMPT!`,
      `Dec 10 07:13:${String(n).padStart(2, '0')} LabSZ sshd[${24227 + n}]: Invalid user admin from ${ip}`,
      `Dec 10 07:13:${String(n).padStart(2, '0')} LabSZ sshd[${24227 + n}]: input_userauth_request: invalid user admin [preauth]`,
      `Dec 10 07:13:${String(n).padStart(2, '0')} LabSZ sshd[${24227 + n}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${ip}`,
      `Dec 10 07:13:${String(n).padStart(2, '0')} LabSZ sshd[${24227 + n}]: Failed password for invalid user admin from ${ip} port 42393 ssh2`,
      `Dec 10 07:13:${String(n).padStart(2, '0')} LabSZ sshd[${24227 + n}]: message repeated 5 times: [ Failed password for invalid user admin from ${ip} port 42393 ssh2]`,
      `Dec 10 07:13:${String(n).padStart(2, '0')} LabSZ sshd[${24227 + n}]: Disconnecting: Too many authentication failures for admin [preauth]`,
      `Dec 10 07:13:${String(n).padStart(2, '0')} LabSZ sshd[${24227 + n}]: PAM 5 more authentication failures; logname= uid=0 euid=0 tty=ssh ruser= rhost=${ip}`,
      `Dec 10 07:13:${String(n).padStart(2, '0')} LabSZ sshd[${24227 + n}]: Received disconnect from ${ip}: 11: Bye Bye [preauth]`,
    ]
    const file = path.join(dir, 'companions.log')
    await writeFile(file, Array.from({length: 30}, (_, n) => attempt(n, n < 20 ? '183.62.140.253' : '5.36.59.76')).flat().join('\n'))
    const bundle = await bundleOf(file)
    expect(bundle.logs!.clients.loginFailures).toEqual({total: 30, ips: 2, top: [{ip: '183.62.140.253', attempts: 20}, {ip: '5.36.59.76', attempts: 10}]})
    expect(authFailureBurst(bundle)).toMatchObject({count: 30, companions: 210})
    const logins = bundle.items.find((item) => item.kind === 'log-clients')
    expect(logins?.summary).toContain('183.62.140.253 (20), 5.36.59.76 (10); together 100.0% of the 30 failed logins that name an address')
  })

  it('count PAM failures as the attempts of a program that writes no line of its own', async () => {
    // Linux_2k's shape: sshd through PAM only, and klogind writing its own lines.
    const lines = Array.from({length: 30}, (_, n) => [
      `Jun 14 15:16:${String(n).padStart(2, '0')} combo sshd(pam_unix)[${19939 + n}]: authentication failure; logname= uid=0 euid=0 tty=NODEVssh ruser= rhost=218.188.2.4`,
      ...(n % 3 === 0 ? [`Jun 14 15:16:${String(n).padStart(2, '0')} combo klogind[${2412 + n}]: Authentication failed from 163.27.187.39 (163.27.187.39): Permission denied in replay cache code`] : []),
    ]).flat()
    const file = path.join(dir, 'pam-only.log')
    await writeFile(file, lines.join('\n'))
    const bundle = await bundleOf(file)
    expect(authFailureBurst(bundle)).toMatchObject({count: 40, companions: 0})
    expect(bundle.logs!.clients.loginFailures).toEqual({total: 40, ips: 2, top: [{ip: '218.188.2.4', attempts: 30}, {ip: '163.27.187.39', attempts: 10}]})
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
