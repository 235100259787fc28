import {Flags} from '@oclif/core'

/** Flags shared by every command that works on existing incidents. */
export const incidentFlags = {
  id: Flags.string({description: 'Incident id (default: the latest open incident in --out-dir)', helpGroup: 'Incident'}),
  'out-dir': Flags.string({description: 'Where incident folders live', default: '.tresor', helpGroup: 'Output'}),
}

/** Flags of the commands that change an incident (`note`, `mitigate`, `resolve`). */
export const lifecycleFlags = {
  id: Flags.string({description: 'Incident id (default: the only open incident; with several open, say which)', helpGroup: 'Incident'}),
  at: Flags.string({description: 'When it happened: an ISO 8601 time (2026-11-12T14:30:00Z) or a time ago (--at=-15m); default now', helpGroup: 'Incident'}),
  'out-dir': incidentFlags['out-dir'],
}
