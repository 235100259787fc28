import {Flags} from '@oclif/core'

/** Flags shared by every command that works on existing incidents. */
export const incidentFlags = {
  id: Flags.string({description: 'Incident id (default: the latest open incident in --out-dir)'}),
  'out-dir': Flags.string({description: 'Where incident folders live', default: '.tresor'}),
}
