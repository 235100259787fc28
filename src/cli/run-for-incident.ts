import type {Incident} from '../incident/incident.js'
import {postmortemRequest, type PostmortemFormat} from '../lifecycle/postmortem-request.js'
import {type PipelineResult, runPipeline} from '../phases/pipeline.js'
import type {PipelineRequest} from '../phases/pipeline-request.js'
import {buildPipelineDeps} from './build-deps.js'
import {type IncidentConfig, loadIncidentConfig} from './incident-config.js'
import type {TerminalStyle} from './terminal.js'

/**
 * (Re)write an existing incident's postmortem with the pipeline's own machinery, using the
 * config of the repository the incident was opened on (`fileConfig` when the caller has it already).
 */
export async function refreshPostmortem(
  outDir: string,
  incident: Incident,
  options: {style: TerminalStyle; formats: PostmortemFormat[]; notify: PipelineRequest['notify']; fileConfig?: IncidentConfig},
): Promise<PipelineResult> {
  const {config, root: configRoot} = options.fileConfig ?? (await loadIncidentConfig(incident))
  const request = {...postmortemRequest(outDir, incident, options.notify), formats: options.formats}
  const deps = await buildPipelineDeps(request, config, {style: options.style, configRoot})
  return runPipeline(request, deps)
}
