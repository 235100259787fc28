import {beforeEach, describe, expect, it} from 'vitest'

import {
  message,
  submitFindings,
  textBlock,
  toolUse,
  type FakeAnthropicServer,
  type MessagesRequestBody,
} from '../../fakes/fake-anthropic-server.js'
import {fakeTools, finding, providerWithRecorder, roleMarker, specialistInput, useFakeAnthropicServer} from './specialist-fixture.js'

const fake = useFakeAnthropicServer({checkUnexpected: true})
let server: FakeAnthropicServer
beforeEach(() => {
  server = fake.server
})

const MARKER = roleMarker('database')
const auto = {type: 'auto'}
const ANSWER_NOW = {type: 'text', text: 'Answer now: call submit_findings with your summary and findings. No other tool will run.'}

const lastUserContent = (body: MessagesRequestBody) => body.messages!.at(-1)!.content as Array<Record<string, unknown>>

describe('the tool loop', () => {
  it('asks for submit_findings on the last round (never a forced tool_choice) and never exceeds maxToolRounds requests', async () => {
    server.script(
      MARKER,
      message([toolUse('list_evidence', {})]),
      message([toolUse('search_logs', {pattern: 'x'})]),
      submitFindings('s', [finding()]),
    )
    const {provider} = providerWithRecorder(server, {maxToolRounds: 3})
    const report = await provider.runSpecialist(specialistInput('database'))

    expect(report.fallback).toBeNull()
    const requests = server.requestsFor(MARKER).map((r) => r.body!)
    expect(requests.map((body) => body.tool_choice)).toEqual([auto, auto, auto])
    expect(requests.map((body) => lastUserContent(body).at(-1))).toEqual([expect.not.objectContaining(ANSWER_NOW), expect.not.objectContaining(ANSWER_NOW), ANSWER_NOW])
  })

  it('falls back when even the answer round does not answer', async () => {
    server.script(MARKER, message([toolUse('list_evidence', {})]), message([toolUse('list_evidence', {})]), message([textBlock('still looking')]))
    const {provider, fallbackCalls} = providerWithRecorder(server, {maxToolRounds: 2})
    const report = await provider.runSpecialist(specialistInput('database'))

    expect(server.requestsFor(MARKER)).toHaveLength(3)
    expect(fallbackCalls[0].reason).toMatch(/^invalid output twice/)
    expect(report.fallback).toMatch(/^Claude unavailable: invalid output twice .*; offline analysis used$/)
  })

  it('asks for the answer after a text-only reply', async () => {
    server.script(MARKER, message([textBlock('I think it is the pool.')]), submitFindings('s', [finding()]))
    const {provider} = providerWithRecorder(server)
    const report = await provider.runSpecialist(specialistInput('database'))

    const second = server.requestsFor(MARKER)[1].body!
    expect(second.tool_choice).toEqual(auto)
    expect(lastUserContent(second)).toEqual([ANSWER_NOW])
    expect(report.fallback).toBeNull()
  })

  it('returns tool failures, bad tool input and unknown tools to the model as is_error results', async () => {
    const tools = fakeTools({searchLogs: new Error('log index unavailable')})
    server.script(
      MARKER,
      message([toolUse('search_logs', {pattern: 'x'}), toolUse('show_commit_diff', {sha: 'not a sha!'}), toolUse('drop_tables', {})]),
      submitFindings('s', [finding()]),
    )
    const {provider} = providerWithRecorder(server)
    const report = await provider.runSpecialist(specialistInput('database', {tools}))

    expect(report.fallback).toBeNull()
    const results = lastUserContent(server.requestsFor(MARKER)[1].body!)
    expect(results.map((r) => [r.is_error, r.content])).toEqual([
      [true, 'Tool failed: log index unavailable'],
      [true, expect.stringMatching(/^Invalid input: sha: /)],
      [true, expect.stringMatching(/^Unknown tool "drop_tables"/)],
    ])
    expect(tools.calls).toEqual(['searchLogs x'])
  })

  it('caps every tool output at perToolOutputChars', async () => {
    const tools = fakeTools({searchLogs: 'line of log\n'.repeat(1000)})
    server.script(MARKER, message([toolUse('search_logs', {pattern: 'log'})]), submitFindings('s', [finding()]))
    const {provider} = providerWithRecorder(server, {perToolOutputChars: 300})
    await provider.runSpecialist(specialistInput('database', {tools}))

    const content = lastUserContent(server.requestsFor(MARKER)[1].body!)[0].content as string
    expect(content.length).toBeLessThanOrEqual(300)
    expect(content).toMatch(/\[… truncated\]$/)
  })

  it('repairs an invalid answer once, quoting the issues as path: message', async () => {
    server.script(
      MARKER,
      submitFindings('s', [finding({confidence: 7, category: 'gremlins' as never})]),
      submitFindings('fixed', [finding()]),
    )
    const {provider} = providerWithRecorder(server)
    const report = await provider.runSpecialist(specialistInput('database'))

    expect(report).toMatchObject({summary: 'fixed', fallback: null})
    const repair = server.requestsFor(MARKER)[1].body!
    expect(lastUserContent(repair).at(-1)).toEqual(ANSWER_NOW)
    const [result] = lastUserContent(repair)
    expect(result.is_error).toBe(true)
    expect(result.content).toContain('- findings.0.category: ')
    expect(result.content).toContain('- findings.0.confidence: ')
  })

  it('allows the repair round even after the last regular round', async () => {
    server.script(MARKER, submitFindings('s', [{hypothesis: ''}]), submitFindings('fixed', [finding()]))
    const {provider} = providerWithRecorder(server, {maxToolRounds: 1})
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(report.summary).toBe('fixed')
    expect(server.requestsFor(MARKER)).toHaveLength(2)
  })

  it('forces the answer early when the token budget cannot pay for another round', async () => {
    server.script(
      MARKER,
      message([toolUse('list_evidence', {})], {input_tokens: 3000, output_tokens: 50}),
      submitFindings('s', [finding()], {input_tokens: 3100, output_tokens: 300}),
    )
    // After round 1: 3050 spent, next request ~3100 → 3050 + 2×3100 > 8000, so round 2 must answer.
    const {provider} = providerWithRecorder(server, {tokenBudget: 8000})
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(report.fallback).toBeNull()
    expect(lastUserContent(server.requestsFor(MARKER)[1].body!).at(-1)).toEqual(ANSWER_NOW)
  })
})
