import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {Args} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {incidentFlags} from '../cli/flags.js'
import {loadFileConfig} from '../config/config.js'
import {UserError} from '../errors/errors.js'
import {readTimelineChecked} from '../incident/store.js'
import {gitAuthors} from '../evidence/git/git-authors.js'
import {targetIncident} from '../lifecycle/target-incident.js'
import {formatLintFindings} from '../lint/format-lint-findings.js'
import {lintBlameless, type LintFinding} from '../lint/lint-blameless.js'

export default class Lint extends BaseCommand {
  static override summary = 'Check a postmortem for blame language and named individuals (exit 1 when it finds any)'
  static override examples = ['<%= config.bin %> lint', '<%= config.bin %> lint docs/postmortems/2026-11-12.md', '<%= config.bin %> lint --id incident-2026-11-30-014502']
  static override args = {file: Args.string({description: 'A Markdown file to check (default: the incident’s postmortem.md)'})}
  static override flags = incidentFlags

  async run(): Promise<{file: string; findings: LintFinding[]; timelineProblems: string[]}> {
    const {args, flags} = await this.parse(Lint)
    const target = args.file ? null : await targetIncident(flags['out-dir'], flags.id, {openOnly: false})
    const file = args.file ?? join(target!.dir, 'postmortem.md')
    const repo = target?.incident.inputs.repo ?? process.cwd()
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UserError(`Cannot read ${file}.`, {suggestions: args.file ? [] : ['Generate it first: incident-response postmortem']})
    })
    const {config} = await loadFileConfig(repo)
    const authors = await gitAuthors(repo).catch(() => ({names: [], emails: []}))
    const findings = lintBlameless(text, {names: [...authors.names, ...(config.people?.names ?? [])], emails: [...authors.emails, ...(config.people?.emails ?? [])]})
    // The incident's own timeline is checked too: a torn line is an event nobody will see.
    const timelineProblems = target ? (await readTimelineChecked(target.dir)).problems : []
    if (!this.jsonEnabled()) {
      this.log(findings.length === 0 ? `${file}: blameless ✓` : formatLintFindings(file, findings))
      for (const problem of timelineProblems) this.logToStderr(`! ${problem}`)
    }
    if (findings.length > 0) process.exitCode = 1
    return {file, findings, timelineProblems}
  }
}
