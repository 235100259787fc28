import Anthropic from '@anthropic-ai/sdk'
import {beforeEach, describe, expect, it} from 'vitest'

import {draftPostmortemNarrative} from '../../../src/agents/anthropic/postmortem-narrative.js'
import type {Rca} from '../../../src/incident/rca.js'
import {apiError, message, stopped, textBlock, toolUse, type FakeAnthropicServer} from '../../fakes/fake-anthropic-server.js'
import {INCIDENT, useFakeAnthropicServer} from './specialist-fixture.js'

const RCA: Rca = {
  schemaVersion: 1,
  rootCause: {
    category: 'code-change',
    summary: 'Commit a1b2c3d lowered the DB pool size from 20 to 5.',
    component: 'checkout-api',
    change: {sha: 'a1b2c3d', subject: 'tune pool', kind: 'code-change'},
    onset: '2025-03-14T14:02:00Z',
    confidence: 0.85,
    evidenceIds: ['ev-logs-3', 'ev-git-a1b2c3d'],
  },
  trigger: 'Deploy of a1b2c3d at 13:55',
  contributingFactors: [{text: 'No alert on pool saturation; contact ops@example.com', evidenceIds: ['ev-logs-3']}],
  fiveWhys: [],
  timeline: [],
  impact: {
    summary: '1204 failed checkouts',
    errorCount: 1204,
    requestCount: 3170,
    peakErrorRate: 0.3798,
    firstErrorAt: '2025-03-14T14:02:10Z',
    durationMinutes: 47,
    affectedEndpoints: [{endpoint: '/checkout', errors: 1204}],
    affectedUsers: null,
    evidenceIds: ['ev-logs-3'],
  },
  alternatives: [],
  limitations: [],
  nextSteps: [],
}

const MARKER = 'postmortem'
const fake = useFakeAnthropicServer({checkUnexpected: true})
let server: FakeAnthropicServer
let client: Anthropic
beforeEach(() => {
  server = fake.server
  client = new Anthropic({apiKey: server.apiKey, baseURL: server.baseURL, maxRetries: 0})
})

const draft = (input: Record<string, unknown>) => message([toolUse('submit_narrative', input)], {input_tokens: 1000, output_tokens: 200})

describe('draftPostmortemNarrative', () => {
  it('returns the drafted sections through the narrative tool, from the RCA only', async () => {
    server.script(
      MARKER,
      draft({
        executiveSummary: 'From 14:02 UTC for 47 minutes, 1,204 checkouts failed (peak error rate 38%) after commit a1b2c3d shrank the DB pool.',
        wentWell: ['The deploy was identified within minutes of onset.'],
        wentWrong: ['No alert existed for connection pool saturation.'],
        lessons: ['Pool size is a capacity setting and needs a load check.'],
      }),
    )
    const narrative = await draftPostmortemNarrative({rca: RCA, incident: INCIDENT, client})

    expect(narrative).toMatchObject({
      executiveSummary: expect.stringContaining('1,204 checkouts failed'),
      wentWell: ['The deploy was identified within minutes of onset.'],
      rejected: [],
      // the default model, Sonnet 5.5: $2 in, $10 out per MTok
      usage: {inputTokens: 1000, outputTokens: 200, costUsd: (1000 * 2 + 200 * 10) / 1e6},
    })
    const body = server.requests[0].body!
    expect(body.model).toBe('claude-sonnet-5-5')
    expect(body.tool_choice).toEqual({type: 'auto'})
    expect(server.requests[0].rawBody).not.toContain('ops@example.com')
    expect(server.requests[0].rawBody).not.toContain('"inputs"')
  })

  it('rejects, field by field, prose holding numbers the RCA does not', async () => {
    server.script(
      MARKER,
      draft({
        executiveSummary: '1,204 checkouts failed, costing about $45,000.',
        wentWell: ['Rollback took 12 minutes.'],
        wentWrong: ['No pool saturation alert.'],
        lessons: ['Capacity settings need a load check.'],
      }),
    )
    const narrative = await draftPostmortemNarrative({rca: RCA, incident: INCIDENT, client})
    expect(narrative.executiveSummary).toBeNull()
    expect(narrative.wentWell).toBeNull()
    expect(narrative.wentWrong).toEqual(['No pool saturation alert.'])
    expect(narrative.lessons).toEqual(['Capacity settings need a load check.'])
    expect(narrative.rejected).toEqual(['executiveSummary: numbers not in the RCA: 45000', 'wentWell: numbers not in the RCA: 12'])
  })

  it('returns nulls with the reason on invalid output', async () => {
    server.script(MARKER, draft({executiveSummary: 'x', wentWell: 'not a list'}))
    const narrative = await draftPostmortemNarrative({rca: RCA, incident: INCIDENT, client})
    expect(narrative).toMatchObject({executiveSummary: null, wentWell: null, wentWrong: null, lessons: null})
    expect(narrative.rejected[0]).toMatch(/^invalid narrative from Claude: wentWell: /)
  })

  it('returns nulls with the reason when Claude is unavailable', async () => {
    server.script(MARKER, apiError(401))
    const narrative = await draftPostmortemNarrative({rca: RCA, incident: INCIDENT, client})
    expect(narrative).toMatchObject({executiveSummary: null, lessons: null, usage: null})
    expect(narrative.rejected).toEqual([expect.stringMatching(/^Claude unavailable: authentication failed \(401/)])
  })

  it('a refusal leaves our own prose, with the reason, and the tokens it cost', async () => {
    server.script(MARKER, stopped('refusal', [], {details: {type: 'refusal', category: null, explanation: null}, usage: {input_tokens: 1000, output_tokens: 5}}))
    const narrative = await draftPostmortemNarrative({rca: RCA, incident: INCIDENT, client})
    expect(narrative).toMatchObject({executiveSummary: null, rejected: ['Claude declined to answer (stop_reason refusal)'], usage: {inputTokens: 1000, outputTokens: 5}})
  })

  it('a cut-off draft is asked for once more with the ceiling, and both replies are counted', async () => {
    const sections = {executiveSummary: 'Commit a1b2c3d lowered the DB pool size; 1204 checkouts failed.', wentWell: ['Found fast.'], wentWrong: ['No pool alert.'], lessons: ['Pools are capacity.']}
    server.script(MARKER, stopped('max_tokens', [textBlock('…')], {usage: {input_tokens: 1000, output_tokens: 2048}}), draft(sections))
    const narrative = await draftPostmortemNarrative({rca: RCA, incident: INCIDENT, client})
    expect(server.requests.map((request) => request.body!.max_tokens)).toEqual([2048, 8192])
    expect(narrative).toMatchObject({executiveSummary: sections.executiveSummary, rejected: [], usage: {inputTokens: 2000, outputTokens: 2248}})
  })
})
