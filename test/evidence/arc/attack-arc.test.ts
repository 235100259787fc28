import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {authFailureBurst} from '../../../src/agents/offline/auth-failures.js'
import {findIncidentArc} from '../../../src/evidence/arc/find-incident-arc.js'
import {chooseOnset} from '../../../src/evidence/choose-onset.js'
import type {EvidenceBundle} from '../../../src/evidence/evidence-bundle.js'
import {analyzeLogs} from '../../../src/evidence/logs/analyze-logs.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'attack-arc-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

const stamp = (minute: number, second: number) => `Dec 10 ${String(6 + Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}:${String(second).padStart(2, '0')}`

/**
 * Two hours of an sshd log with a brute force under way from its first line until `stopsAt`
 * (a minute, or null for the whole log); disconnect errors in minutes 50–52 (errors of
 * the attack itself, the only error lines); ten closed connections a minute.
 */
function sshdLog(stopsAt: number | null): string {
  const lines: string[] = []
  for (let minute = 0; minute < 120; minute++) {
    if (stopsAt === null || minute < stopsAt) {
      for (let k = 0; k < 3; k++) {
        const pid = 24200 + minute * 3 + k
        lines.push(`${stamp(minute, 10 + k)} LabSZ sshd[${pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=183.62.140.253  user=root`)
        lines.push(`${stamp(minute, 11 + k)} LabSZ sshd[${pid}]: Failed password for root from 183.62.140.253 port ${40000 + k} ssh2`)
      }
    }
    for (let k = 0; minute >= 50 && minute < 53 && k < 6; k++) lines.push(`${stamp(minute, 30 + k)} LabSZ sshd[${27000 + minute * 6 + k}]: error: Received disconnect from 103.99.0.122: 14: No more user authentication methods available. [preauth]`)
    for (let k = 0; k < 10; k++) lines.push(`${stamp(minute, 40 + k)} LabSZ sshd[${26000 + minute * 10 + k}]: Connection closed by 119.137.62.142 [preauth]`)
  }
  return `${lines.join('\n')}\n`
}

async function bundleOf(name: string, text: string): Promise<EvidenceBundle> {
  const file = path.join(dir, name)
  await writeFile(file, text)
  const {digest, items} = await analyzeLogs([file], {now: () => new Date('2026-01-01T00:00:00Z'), reading: {reference: {at: Date.parse('2025-12-11T00:00:00Z'), offsetMinutes: null, source: 'file-mtime'}}})
  return {schemaVersion: 1, window: {...chooseOnset(digest, null, null), declaredAt: null}, logs: digest, git: null, deploys: null, metrics: null, postgres: null, health: null, items, limitations: []}
}

describe('an attack under way when the evidence begins', () => {
  it('has its onset at its first failed login, not at a change-point of error lines inside it, and no recovery while it goes on', async () => {
    const bundle = await bundleOf('ongoing.log', sshdLog(null))
    // The error lines alone have a change-point at 06:50, in the middle of the attack.
    expect(bundle.logs!.onset?.at.slice(11, 16)).toBe('06:50')
    expect(bundle.window.onset).toBe('2025-12-10T06:00:10.000Z')
    expect(authFailureBurst(bundle)).toMatchObject({sustained: true, at: '2025-12-10T06:00:10.000Z'})
    const arc = findIncidentArc(bundle)
    expect(arc).toMatchObject({onset: '2025-12-10T06:00:10.000Z', underWayAtStart: true, recovery: null, endOfImpact: null})
    // The error rate went back to its level after 06:52, but the attack did not stop.
    expect(arc.notRecovered).toContain('failed logins')
    expect(arc.peak?.signal).toBe('failed logins')
  })

  it('recovers when the attack stopped, for longer than any pause it took, at the minute after its last failed login', async () => {
    const bundle = await bundleOf('stopped.log', sshdLog(80))
    expect(bundle.window.onset).toBe('2025-12-10T06:00:10.000Z')
    expect(authFailureBurst(bundle)?.trend).toBe('were under way when the logs begin (2025-12-10 06:00 UTC) and stopped at 07:19 UTC')
    const arc = findIncidentArc(bundle)
    expect(arc.recovery?.at).toBe('2025-12-10T07:20:00.000Z')
    expect(arc.recovery?.signals.map((signal) => signal.signal)).toContain('failed logins')
    expect(arc.recovery?.rule).toContain('failed logins: none from the last one to the end of the evidence')
    expect(arc.endOfImpact).toBe('2025-12-10T07:19:13.000Z')
    expect(arc.notRecovered).toEqual([])
  })

  it('claims no recovery when the quiet at the end is no longer than a pause the attack already took', async () => {
    // Under way for 80 minutes with a 25-minute pause in them, then 15 quiet minutes to the end.
    const text = sshdLog(null)
      .split('\n')
      .filter((line) => {
        const minute = /Dec 10 (\d\d):(\d\d)/.exec(line)
        if (!minute || !/Failed password|authentication failure/.test(line)) return true
        const m = (Number(minute[1]) - 6) * 60 + Number(minute[2])
        return !(m >= 30 && m < 55) && m < 105
      })
      .join('\n')
    const bundle = await bundleOf('paused.log', text)
    const arc = findIncidentArc(bundle)
    expect(bundle.window.onset).toBe('2025-12-10T06:00:10.000Z')
    expect(arc.recovery).toBeNull()
    expect(arc.notRecovered).toContain('failed logins')
  })
})
