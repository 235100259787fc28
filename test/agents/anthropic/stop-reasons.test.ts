import Anthropic from '@anthropic-ai/sdk'
import {beforeEach, describe, expect, it} from 'vitest'

import {message, stopped, submitFindings, textBlock, thinkingBlock, toolUse, type FakeAnthropicServer} from '../../fakes/fake-anthropic-server.js'
import {finding, providerWithRecorder, roleMarker, specialistInput, useFakeAnthropicServer} from './specialist-fixture.js'

const fake = useFakeAnthropicServer({checkUnexpected: true})
let server: FakeAnthropicServer
beforeEach(() => {
  server = fake.server
})

const MARKER = roleMarker('database')
const usage = (output: number) => ({input_tokens: 1000, output_tokens: output})

describe('the specialist reads stop_reason', () => {
  it('max_tokens: sends the same request once more with the ceiling, keeps the raised limit, and counts both replies', async () => {
    server.script(
      MARKER,
      stopped('max_tokens', [toolUse('submit_findings', {summary: 'half'})], {usage: usage(4096)}),
      message([toolUse('list_evidence', {})], usage(300)),
      submitFindings('s', [finding()], usage(500)),
    )
    const {provider} = providerWithRecorder(server)
    const report = await provider.runSpecialist(specialistInput('database'))

    expect(report.fallback).toBeNull()
    const bodies = server.requestsFor(MARKER).map((request) => request.body!)
    expect(bodies.map((body) => body.max_tokens)).toEqual([4096, 16_384, 16_384])
    expect(bodies[1].messages).toEqual(bodies[0].messages) // the cut-off reply is not part of the conversation
    expect(report.usage).toMatchObject({inputTokens: 3000, outputTokens: 4896})
  })

  it('max_tokens at the ceiling too: falls back, saying so', async () => {
    server.script(MARKER, stopped('max_tokens', [textBlock('…')]), stopped('max_tokens', [textBlock('…')]))
    const {provider, fallbackCalls} = providerWithRecorder(server)
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(fallbackCalls.map((call) => call.reason)).toEqual(['reply cut off at max_tokens 16384, the ceiling'])
    expect(report.fallback).toBe('Claude unavailable: reply cut off at max_tokens 16384, the ceiling; offline analysis used')
  })

  it('refusal: that specialist falls back with the reason recorded, and the conversation stops', async () => {
    server.script(MARKER, stopped('refusal', [], {details: {type: 'refusal', category: 'cyber', explanation: 'The request could enable cyber harm.'}}))
    const {provider} = providerWithRecorder(server)
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(server.requestsFor(MARKER)).toHaveLength(1)
    expect(report.provider).toBe('offline')
    expect(report.fallback).toBe('Claude declined to answer (stop_reason refusal, category cyber): The request could enable cyber harm.; offline analysis used')
  })

  it('pause_turn: the assistant content goes back as it is, and the model continues', async () => {
    server.script(MARKER, stopped('pause_turn', [textBlock('Still working through the logs.')]), submitFindings('s', [finding()]))
    const {provider} = providerWithRecorder(server)
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(report.fallback).toBeNull()
    const second = server.requestsFor(MARKER)[1].body!
    expect(second.messages!.at(-1)).toEqual({role: 'assistant', content: [{type: 'text', text: 'Still working through the logs.'}]})
  })

  it('model_context_window_exceeded: treated as truncated, falls back', async () => {
    server.script(MARKER, stopped('model_context_window_exceeded', [textBlock('…')]))
    const {provider} = providerWithRecorder(server)
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(report.fallback).toBe("Claude unavailable: the conversation filled the model's context window (reply truncated); offline analysis used")
  })

  it('tool use with adaptive thinking: the thinking block goes back unchanged before the tool results, on the default model', async () => {
    const thinking = thinkingBlock()
    server.script(MARKER, message([thinking, toolUse('list_evidence', {})]), submitFindings('s', [finding()]))
    const {provider} = providerWithRecorder(server)
    const report = await provider.runSpecialist(specialistInput('database'))
    expect(report.fallback).toBeNull()
    const [first, second] = server.requestsFor(MARKER).map((request) => request.body!)
    expect(first.model).toBe('claude-sonnet-5-5')
    expect(second.messages!.at(-2)).toEqual({role: 'assistant', content: [thinking, expect.objectContaining({type: 'tool_use', name: 'list_evidence'})]})
  })

  it('the fake API refuses a forced tool_choice for the default model, as the real one does', async () => {
    const client = new Anthropic({apiKey: server.apiKey, baseURL: server.baseURL, maxRetries: 0})
    const forced = client.messages.create({model: 'claude-sonnet-5-5', max_tokens: 10, messages: [{role: 'user', content: 'x'}], tool_choice: {type: 'tool', name: 't'}, tools: []})
    await expect(forced).rejects.toThrow(/is not supported with claude-sonnet-5-5: use/)
  })
})
