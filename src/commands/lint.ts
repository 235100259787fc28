import {readFile} from 'node:fs/promises'
import {dirname, join, resolve} from 'node:path'

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
  static override description =
    'People are found without configuration — the commit authors of the incident\'s repository, of the repository the file is in and of the current one, any e-mail address and any @handle (teams such as @org/team and role mailboxes such as oncall@ aside) — and from `people` in the config file.'
  static override examples = ['<%= config.bin %> lint', '<%= config.bin %> lint docs/postmortems/2026-11-12.md', '<%= config.bin %> lint --id incident-2026-11-30-014502']
  static override args = {file: Args.string({description: 'A Markdown file to check (default: the incident’s postmortem.md)'})}
  static override flags = incidentFlags

  async run(): Promise<{file: string; findings: LintFinding[]; timelineProblems: string[]}> {
    const {args, flags} = await this.parse(Lint)
    const target = args.file ? null : await targetIncident(flags['out-dir'], flags.id, {openOnly: false})
    const file = args.file ?? join(target!.dir, 'postmortem.md')
    const repo = target?.incident.inputs.repo ?? process.cwd()
    // People it can know without configuration: the authors of the incident's repository, of the
    // repository the file is in, and of the one it is run from; any address or @handle besides.
    const historyDirs = [...new Set([target?.incident.inputs.repo ?? null, dirname(resolve(file)), process.cwd()].filter((dir): dir is string => dir !== null))]
    const text = await readFile(file, 'utf8').catch(() => {
      throw new UserError(`Cannot read ${file}.`, {suggestions: args.file ? [] : ['Generate it first: incident-response postmortem']})
    })
    const {config} = await loadFileConfig(repo)
    const histories = await Promise.all(historyDirs.map((dir) => gitAuthors(dir).catch(() => ({names: [], emails: []}))))
    const findings = lintBlameless(text, {
      names: [...histories.flatMap((authors) => authors.names), ...(config.people?.names ?? [])],
      emails: [...histories.flatMap((authors) => authors.emails), ...(config.people?.emails ?? [])],
    })
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
