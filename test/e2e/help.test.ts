import {describe, expect, it} from 'vitest'

import {runCli, tempDir} from './cli-harness.js'

describe('the CLI explains itself', () => {
  it('shows the pipeline’s usage, its flags grouped, examples and the other commands at the root', async () => {
    const help = await runCli(['--help'], {cwd: await tempDir('help')})
    expect(help.code).toBe(0)
    const text = help.stdout
    expect(text).toContain('$ incident-response [FLAGS]            work an incident')
    expect(text).toContain('(`run`, the default command: its flags are below)')
    const groups = [...text.matchAll(/^([A-Z]+) FLAGS$/gm)].map((match) => match[1])
    expect(groups).toEqual(['INCIDENT', 'EVIDENCE', 'OUTPUT', 'INTEGRATIONS', 'CLAUDE', 'GLOBAL'])
    expect(text).toMatch(/INCIDENT FLAGS\n {2}-s, --severity=<value> +p0 \(critical\)/)
    expect(text).toMatch(/EVIDENCE FLAGS\n {2}--repo=<value>/)
    expect(text).toContain('EXAMPLES')
    expect(text.replace(/ \\\n\s*/g, ' ')).toContain('--started-at 2026-11-12T14:09:00Z --non-interactive')
    expect(text).toMatch(/COMMANDS\n {2}lint {8}Check a postmortem/)
    for (const command of ['note', 'mitigate', 'resolve', 'postmortem', 'show', 'list', 'stats', 'sync']) expect(text).toMatch(new RegExp(`^ {2}${command} +`, 'm'))
  })

  it('shows --at on the lifecycle commands', async () => {
    const help = await runCli(['resolve', '--help'], {cwd: await tempDir('help')})
    expect(help.stdout).toMatch(/--at=<value> +When it happened: an ISO 8601 time/)
    expect(help.stdout).toMatch(/--id=<value> +Incident id \(default: the only open incident/)
  })
})
