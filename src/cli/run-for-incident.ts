import type {ProviderName} from '../agents/specialist-input.js'
import type {Incident} from '../incident/incident.js'
import {postmortemRequest, type PostmortemFormat} from '../lifecycle/postmortem-request.js'
import {type PipelineResult, runPipeline} from '../phases/pipeline.js'
import type {PipelineRequest} from '../phases/pipeline-request.js'
import {buildPipelineDeps} from './build-deps.js'
import {type IncidentConfig, loadIncidentConfig} from './incident-config.js'
import type {TerminalStyle} from './terminal.js'

export interface RefreshOptions {
  style: TerminalStyle
  formats: PostmortemFormat[]
  notify: PipelineRequest['notify']
  fileConfig?: IncidentConfig
  /** Overrides the incident's provider for this rewrite (`--provider`). */
  provider?: ProviderName
}

/**
 * (Re)write an existing incident's postmortem with the pipeline's own machinery, using the
 * config of the repository the incident was opened on (`fileConfig` when the caller has it already).
 */
export async function refreshPostmortem(outDir: string, incident: Incident, options: RefreshOptions): Promise<PipelineResult> {
  return (await preparePostmortemRefresh(outDir, incident, options))(incident)
}

/**
 * Everything a rewrite needs (config, templates, the provider and its key), checked and built
 * now; the rewrite itself runs later on the incident as it is then. `resolve` prepares before it
 * changes anything, so a missing key fails before the incident is marked resolved or anyone notified.
 */
export async function preparePostmortemRefresh(outDir: string, incident: Incident, options: RefreshOptions): Promise<(current: Incident) => Promise<PipelineResult>> {
  const {config, root: configRoot} = options.fileConfig ?? (await loadIncidentConfig(incident))
  const request = (current: Incident): PipelineRequest => ({...postmortemRequest(outDir, current, options.notify), formats: options.formats, provider: options.provider ?? current.provider})
  const deps = await buildPipelineDeps(request(incident), config, {style: options.style, configRoot})
  return (current) => runPipeline(request(current), deps)
}
