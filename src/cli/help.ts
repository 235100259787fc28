import {type Command, CommandHelp, Help, type Interfaces} from '@oclif/core'

/** The order flag groups are shown in: what the incident is, what to read, where it goes, who hears, who reasons. */
export const FLAG_GROUPS = ['Incident', 'Evidence', 'Output', 'Integrations', 'Claude', 'GLOBAL'] as const

/** Flags in the order they are declared (most used first), their groups in FLAG_GROUPS order. */
class GroupedCommandHelp extends CommandHelp {
  protected override groupFlags(flags: Array<Command.Flag.Any>): {flagGroups: {[name: string]: Array<Command.Flag.Any>}; mainFlags: Array<Command.Flag.Any>} {
    const {flagGroups, mainFlags} = super.groupFlags(flags)
    const rank = (name: string) => {
      const index = (FLAG_GROUPS as readonly string[]).indexOf(name)
      return index === -1 ? FLAG_GROUPS.length - 1 : index
    }
    const ordered = Object.fromEntries(Object.entries(flagGroups).sort(([a], [b]) => rank(a) - rank(b)))
    return {flagGroups: ordered, mainFlags}
  }
}

/**
 * `incident-response --help` is mostly the help of the pipeline itself — the command a new user
 * runs — so it shows the usage, the grouped flags and the examples of `run` (the default
 * command), then the other commands.
 */
export default class IncidentHelp extends Help {
  protected override CommandHelpClass = GroupedCommandHelp

  constructor(config: Interfaces.Config, opts: Partial<Interfaces.HelpOptions> = {}) {
    super(config, {flagSortOrder: 'none', ...opts})
  }

  override async showRootHelp(): Promise<void> {
    const bin = this.config.bin
    const run = this.config.findCommand('run')
    const main = `$ ${bin} [FLAGS]            `
    const usage = [`${main}work an incident: triage → investigation → RCA → postmortem`, `${' '.repeat(main.length)}(\`run\`, the default command: its flags are below)`, `$ ${bin} COMMAND [FLAGS]    record, show or deliver an incident (commands below)`]
    this.log([this.config.pjson.description ?? '', '', this.section('USAGE', usage.join('\n')), ''].join('\n'))
    // The run command's help without its own summary line and usage (the root usage above says it).
    if (run) this.log(this.formatCommand(run).replace(/^[\s\S]*?\n\n(?=[A-Z ]+FLAGS\n)/, ''))
    this.log('')
    this.log(this.formatCommands(this.sortedCommands.filter((command) => command.id && command.id !== 'run')))
    this.log('')
    this.log(`Run \`${bin} COMMAND --help\` for the flags of a command.`)
  }
}
