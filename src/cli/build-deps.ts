import {createOfflineProvider} from '../agents/offline/offline-provider.js'
import {catalogueWith, compileUserSignatures} from '../agents/offline/signatures/user-signatures.js'
import type {FileConfig} from '../config/config.js'
import {incidentDir} from '../incident/store.js'
import type {PipelineDeps} from '../phases/pipeline.js'
import type {Narrator} from '../phases/postmortem/narrative.js'
import type {PipelineRequest} from '../phases/pipeline-request.js'
import {loadTemplates} from '../render/templates.js'
import {buildNotifier} from './build-notifier.js'
import {createProgress} from './progress.js'
import type {TerminalStyle} from './terminal.js'

/**
 * Wires the real dependencies of the pipeline: clock, progress, collectors, providers, integrations.
 * The Anthropic SDK and the evidence collectors (pg, csv-parse) are loaded only when used: they
 * are most of the start-up time, and an offline run or a postmortem refresh needs none of them.
 */
export async function buildPipelineDeps(
  request: PipelineRequest,
  config: FileConfig,
  options: {style: TerminalStyle; configRoot: string; model?: string},
): Promise<PipelineDeps> {
  const env = process.env
  const offline = createOfflineProvider(catalogueWith(compileUserSignatures(config.signatures ?? [], 'the config file')))
  let chosen = offline
  let narrator: Narrator | null = null
  if (request.provider === 'anthropic') {
    const [{assertAnthropicKey}, {createAnthropicClient, DEFAULT_ANTHROPIC_MODEL}, {createAnthropicProvider}, {draftPostmortemNarrative}] = await Promise.all([
      import('../agents/anthropic/anthropic-key.js'),
      import('../agents/anthropic/anthropic-client.js'),
      import('../agents/anthropic/anthropic-provider.js'),
      import('../agents/anthropic/postmortem-narrative.js'),
    ])
    const apiKey = assertAnthropicKey(env)
    const model = options.model ?? config.model ?? env.INCIDENT_RESPONSE_MODEL ?? DEFAULT_ANTHROPIC_MODEL
    const client = createAnthropicClient({apiKey, baseURL: env.ANTHROPIC_BASE_URL, timeoutMs: 45_000, maxRetries: 2})
    narrator = ({incident, rca}) => draftPostmortemNarrative({incident, rca, client, model})
    chosen = createAnthropicProvider({
      apiKey,
      baseURL: env.ANTHROPIC_BASE_URL,
      model,
      // Per attempt and for the whole specialist: a gateway that never answers costs at most two minutes.
      timeoutMs: 45_000,
      deadlineMs: 120_000,
      fallback: (input) => offline.runSpecialist(input),
    })
  }
  return {
    now: () => new Date(),
    progress: createProgress({tty: options.style.tty, color: options.style.color}),
    collectEvidence: async (incident, req) => {
      const [{collectEvidence}, {liveSourcesRuntime}] = await Promise.all([import('../evidence/collect-evidence.js'), import('../evidence/sources/live-runtime.js')])
      const now = new Date()
      const live = liveSourcesRuntime(config.sources, env, {incidentDir: incidentDir(req.outDir, incident.id), redactIps: incident.inputs.redactIps, now})
      return collectEvidence({incident, databaseUrl: req.databaseUrl, healthUrls: req.healthUrls, threads: req.threads, now, live, catalogues: {severityMarkers: config.severityMarkers, timestampLayouts: config.timestampLayouts}})
    },
    provider: chosen,
    templates: await loadTemplates(config, options.configRoot),
    notifier: buildNotifier({config, env, mode: request.notify}),
    fileConfig: config,
    narrator,
  }
}
