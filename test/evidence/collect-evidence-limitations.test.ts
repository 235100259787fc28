import {mkdir, mkdtemp, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {describe, expect, it} from 'vitest'

import {collectEvidence} from '../../src/evidence/collect-evidence.js'
import {incident as incidentFixture} from '../phases/fixtures.js'

// Fabricated, in shapes the catalogue knows: a Slack bot token and an AWS access key id.
const IN_ERROR = 'xoxb-284019374652-4829104837261-Zk8pQ2mN7vX4Lr9sT3wB6yC1'
const IN_PATH = 'AKIAQX7R2M5T9W3Y6Z4B'

/**
 * What could not be used is said in sentences that quote the input: a saved query's error (which
 * quotes the query), a file's path. They are saved in the manifest, printed in the summary, put in
 * the RCA and sent to a model, so they are redacted like any evidence text.
 */
describe('collectEvidence redacts the limitations and warnings it reports', () => {
  it('a failed saved query’s error and a log path, in limitations and warnings', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ir-limitations-'))
    const query = join(dir, 'failed-query.json')
    await writeFile(query, JSON.stringify({status: 'error', errorType: 'bad_data', error: `parse error at char 12: token=${IN_ERROR}`}))
    // A log whose lines carry no time: the warning about it names the file.
    await mkdir(join(dir, IN_PATH))
    const log = join(dir, IN_PATH, 'worker.log')
    await writeFile(log, 'ERROR worker crashed\nERROR worker crashed again\n')
    const incident = incidentFixture({
      id: 'incident-2026-11-20-121000',
      severity: 'P1',
      createdAt: '2026-11-20T12:10:00.000Z',
      timestamps: {startedAt: null, detectedAt: '2026-11-20T12:10:00.000Z', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
      inputs: {...incidentFixture().inputs, metrics: [query], logs: [log], startedAtFlag: null},
    })
    const bundle = await collectEvidence({incident, databaseUrl: null, now: new Date('2026-11-20T12:10:00Z')})
    expect(bundle.limitations).toContainEqual(expect.stringContaining('the saved query failed: parse error at char 12: token=[REDACTED:'))
    expect(bundle.warnings).toContainEqual(expect.stringContaining('[REDACTED:aws-key]/worker.log'))
    const said = JSON.stringify([bundle.limitations, bundle.warnings])
    expect(said).not.toContain(IN_ERROR.slice(5, 20))
    expect(said).not.toContain(IN_PATH.slice(4))
  })
})
