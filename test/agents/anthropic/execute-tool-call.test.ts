import {describe, expect, it} from 'vitest'

import {executeToolCall} from '../../../src/agents/anthropic/execute-tool-call.js'
import {fakeTools} from './specialist-fixture.js'

describe('executeToolCall', () => {
  it('redacts before capping, so a secret across the cap leaves no fragment', async () => {
    const tools = fakeTools({searchLogs: `${'x'.repeat(80)} AKIAIOSFODNN7EXAMPLE and more text after it`})
    const result = await executeToolCall(tools, 'search_logs', {pattern: 'x'}, 100, {})
    expect(result.isError).toBe(false)
    expect(result.content.length).toBeLessThanOrEqual(100)
    expect(result.content).not.toContain('AKIA')
  })

  it('passes the cap to the diff source and says when a tool found nothing', async () => {
    const tools = fakeTools({commitDiff: '  '})
    expect(await executeToolCall(tools, 'show_commit_diff', {sha: 'A1B2C3D'}, 1234, {})).toEqual({content: '(no output)', isError: false})
    expect(tools.calls).toEqual(['commitDiff A1B2C3D 1234'])
  })

  it('redacts and caps error messages too', async () => {
    const tools = fakeTools({metricSlice: new Error('query failed for postgres://app:hunter2@db:5432/x')})
    const result = await executeToolCall(tools, 'read_metric', {series: 'db'}, 4000, {})
    expect(result).toEqual({content: 'Tool failed: query failed for postgres://app:[REDACTED:password]@db:5432/x', isError: true})
  })
  it('masks client addresses in what goes back to the model when the incident asks for it', async () => {
    const tools = fakeTools({listEvidence: 'ev-logs-3 [logs/log-clients]: 203.0.113.7 (40 of 40), 2001:db8::bad (3 of 9)'})
    const masked = await executeToolCall(tools, 'list_evidence', {}, 4000, {ips: true})
    expect(masked.content).toBe('ev-logs-3 [logs/log-clients]: [REDACTED:ip] (40 of 40), [REDACTED:ip] (3 of 9)')
    expect((await executeToolCall(tools, 'list_evidence', {}, 4000, {})).content).toContain('203.0.113.7')
  })
})
