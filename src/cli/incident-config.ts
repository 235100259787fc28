import {type FileConfig, loadFileConfig} from '../config/config.js'
import type {Incident} from '../incident/incident.js'

export interface IncidentConfig {
  config: FileConfig
  /** Where the config was looked for; also the root the templates are resolved against. */
  root: string
}

/**
 * The config of the repository the incident was opened on (the working directory when it had
 * none). A config that cannot be read or parsed counts as no config, so commands on an existing
 * incident (resolve, sync, postmortem) still work.
 */
export async function loadIncidentConfig(incident: Incident): Promise<IncidentConfig> {
  const root = incident.inputs.repo ?? process.cwd()
  const {config} = await loadFileConfig(root).catch(() => ({config: {}}))
  return {config, root}
}
