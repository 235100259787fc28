import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'

import {describe, expect, it} from 'vitest'

import {exportAggregatorState, mergeAggregatorState} from '../../../src/evidence/logs/aggregator-state.js'
import {analyzeSource} from '../../../src/evidence/logs/analyze-source.js'
import {LogAggregator} from '../../../src/evidence/logs/log-aggregator.js'
import {splitForWorkers} from '../../../src/evidence/logs/parallel-analysis.js'
import {ClientAddresses} from '../../../src/evidence/logs/client-addresses.js'
import {loginFailuresByIp} from '../../../src/evidence/logs/login-failures-by-ip.js'

function tables(attempt: Record<string, number>, pam: Record<string, number>) {
  const fill = (counts: Record<string, number>) => {
    const table = new ClientAddresses(100)
    for (const [ip, n] of Object.entries(counts)) for (let i = 0; i < n; i++) table.add(ip, true)
    return table
  }
  return {attempt: fill(attempt), pam: fill(pam)}
}

describe('loginFailuresByIp', () => {
  it("takes an address's own failed-login lines, and its PAM records only when it has none", () => {
    // 183.62.140.253: sshd's line and PAM's for each attempt; 218.188.2.4: PAM only.
    expect(loginFailuresByIp(tables({'183.62.140.253': 286, '187.141.143.180': 80}, {'183.62.140.253': 287, '218.188.2.4': 23}), 2)).toEqual({
      total: 389,
      ips: 3,
      top: [
        {ip: '183.62.140.253', attempts: 286},
        {ip: '187.141.143.180', attempts: 80},
      ],
    })
  })

  it('is null when no failed login named an address', () => {
    expect(loginFailuresByIp(tables({}, {}), 3)).toBeNull()
  })
})

describe('failed logins by address across worker ranges', () => {
  it('merges to the counts of one pass', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'login-failures-'))
    const log = path.join(dir, 'auth.log')
    const lines = Array.from({length: 3000}, (_, i) => {
      const at = `2025-12-10T07:${String(Math.floor(i / 60) % 60).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}Z LabSZ sshd[${24000 + i}]:`
      return i % 2 === 0 ? `${at} pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=10.0.${i % 7}.1` : `${at} Failed password for root from 10.0.${i % 7}.1 port 4000 ssh2`
    })
    await writeFile(log, `${lines.join('\n')}\n`)
    const now = new Date('2026-01-01T00:00:00Z')
    const once = new LogAggregator()
    await analyzeSource(log, once, now, {})
    const merged = new LogAggregator()
    let offset = 0
    for (const range of (await splitForWorkers(log, 3, 1))!) {
      const part = new LogAggregator()
      offset += (await analyzeSource(log, part, now, {range})).lines
      mergeAggregatorState(merged, structuredClone(exportAggregatorState(part)), offset)
    }
    const expected = loginFailuresByIp(once.loginFailureIps, 10)
    expect(expected?.total).toBe(1500)
    expect(loginFailuresByIp(merged.loginFailureIps, 10)).toEqual(expected)
    await rm(dir, {recursive: true, force: true})
  })
})
