import type {ProviderName} from '../agents/specialist-input.js'
import type {Incident} from '../incident/incident.js'
import type {Severity} from '../incident/severity.js'
import type {Symptom} from '../incident/vocabulary.js'
import type {PostmortemFormat} from '../lifecycle/postmortem-request.js'

/** Everything the main command asks of the pipeline, after flags, config and prompts are resolved. */
export interface PipelineRequest {
  outDir: string
  /** Resume or target this incident; null starts a new one. */
  id: string | null
  severity: Severity | null
  symptoms: Symptom[] | null
  service: string | null
  inputs: Incident['inputs']
  /** Never persisted: only `inputs.databaseUrlSet` is. */
  databaseUrl: string | null
  /** The `--health` URLs as given, for this run's probes; `inputs.health` keeps them without credentials. */
  healthUrls?: string[]
  /** Threads that read one large log file (`--threads`); a setting of this machine, never persisted. */
  threads?: number
  postmortem: boolean
  skipTriage: boolean
  provider: ProviderName
  notify: 'send' | 'dry-run' | 'off'
  /** Re-derive the RCA and postmortem even if done (the `postmortem` command). */
  refresh?: boolean
  /** Import this PagerDuty incident's timeline (`--pagerduty-incident`). */
  pagerDutyIncident?: string | null
  /** Post the RCA summary back to that PagerDuty incident as a note (`--update`). */
  updatePagerDuty?: boolean
  /** Postmortem files to write besides postmortem.md (default: html). */
  formats?: PostmortemFormat[]
}
