import {Args, Flags} from '@oclif/core'

import {BaseCommand} from '../cli/base-command.js'
import {lifecycleFlags} from '../cli/flags.js'
import {UsageError} from '../errors/errors.js'
import type {TimelineEvent} from '../incident/timeline-event.js'
import {addNote} from '../lifecycle/record-event.js'

export default class Note extends BaseCommand {
  static override summary = 'Add a note, action or decision to the incident timeline'
  static override examples = [
    '<%= config.bin %> note "Rolled back the migration on the primary" --kind action',
    '<%= config.bin %> note "Paged the database owners" --kind action --at=-20m',
    '<%= config.bin %> note "Keeping checkout in read-only mode" --kind decision --id incident-2026-11-30-014502',
  ]
  static override args = {text: Args.string({description: 'What happened or was decided', required: true})}
  static override flags = {
    kind: Flags.string({description: 'Kind of entry', options: ['note', 'action', 'decision'], default: 'note'}),
    ...lifecycleFlags,
  }

  async run(): Promise<{id: string; event: TimelineEvent}> {
    const {args, flags} = await this.parse(Note)
    if (args.text.trim() === '') throw new UsageError('The note is empty.', {suggestions: ['Pass the text in quotes: note "what happened"']})
    const result = await addNote({outDir: flags['out-dir'], id: flags.id, text: args.text.trim(), kind: flags.kind as 'note' | 'action' | 'decision', at: flags.at}, {now: () => new Date()})
    if (!this.jsonEnabled()) this.log(`Added ${result.event.kind} to ${result.id} at ${result.event.at}`)
    return result
  }
}
