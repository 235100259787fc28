import type {SpecialistReport, Usage} from '../../incident/finding.js'
import {redact} from '../../redact/redact.js'
import type {SpecialistInput, SpecialistProvider} from '../specialist-input.js'
import {createAnthropicClient, DEFAULT_ANTHROPIC_MODEL} from './anthropic-client.js'
import {AgentFailure, describeFailure} from './describe-failure.js'
import {runSpecialistAgent, type AgentSpend} from './specialist-agent.js'
import {NO_TOKENS, toUsage} from './usage.js'

export type OfflineFallback = (input: SpecialistInput, reason: string) => Promise<SpecialistReport>

export interface AnthropicProviderOptions {
  apiKey: string
  baseURL?: string
  model?: string
  maxToolRounds?: number
  perToolOutputChars?: number
  tokenBudget?: number
  /** Per HTTP attempt (the SDK's `timeout`); attempts are retried up to `maxRetries`. */
  timeoutMs?: number
  maxRetries?: number
  /**
   * Wall-clock bound on one specialist's whole conversation, retries and tool calls included;
   * what keeps a base URL that accepts but never answers from costing timeoutMs × attempts × rounds.
   */
  deadlineMs?: number
  /** The offline analysis for one specialist, used whenever Claude cannot give an answer. */
  fallback: OfflineFallback
  /** Milliseconds from any fixed origin, for wall time. */
  clock?: () => number
}

/**
 * The most one Messages reply may spend on output, thinking included; a reply cut off there is
 * asked for once more with the ceiling, and a second cut-off falls back.
 */
const MAX_OUTPUT_TOKENS = 4096
export const MAX_OUTPUT_TOKENS_CEILING = 16_384

/**
 * The `anthropic` provider: each specialist is a Claude agent, and any failure of that agent
 * turns into the offline analysis for that specialist, marked as such. `runSpecialist` never
 * throws, so the incident always completes.
 */
export function createAnthropicProvider(options: AnthropicProviderOptions): SpecialistProvider {
  const model = options.model ?? DEFAULT_ANTHROPIC_MODEL
  const timeoutMs = options.timeoutMs ?? 60_000
  const maxRetries = options.maxRetries ?? 2
  const deadlineMs = options.deadlineMs ?? 240_000
  const settings = {
    model,
    maxToolRounds: Math.max(1, options.maxToolRounds ?? 6),
    perToolOutputChars: options.perToolOutputChars ?? 4000,
    tokenBudget: options.tokenBudget ?? 60_000,
    maxOutputTokens: MAX_OUTPUT_TOKENS,
    maxOutputTokensCeiling: MAX_OUTPUT_TOKENS_CEILING,
  }
  const clock = options.clock ?? (() => performance.now())
  const client = createAnthropicClient({apiKey: options.apiKey, baseURL: options.baseURL, timeoutMs, maxRetries})

  return {
    name: 'anthropic',
    async runSpecialist(input: SpecialistInput): Promise<SpecialistReport> {
      const started = clock()
      const spend: AgentSpend = {tokens: NO_TOKENS}
      const usageNow = (): {usage: Usage; priced: boolean} => toUsage(model, spend.tokens, clock() - started)
      const unpriced = `No price for model ${model} in the price table; cost shown as 0.`
      const deadline = new AbortController()
      const timer = setTimeout(() => deadline.abort(), deadlineMs)

      try {
        const answer = await runSpecialistAgent(client, input, {...settings, signal: deadline.signal}, spend)
        const {usage, priced} = usageNow()
        return {
          schemaVersion: 1,
          specialist: input.specialist,
          provider: 'anthropic',
          summary: answer.summary,
          findings: answer.findings,
          observations: [],
          limitations: [...answer.limitations, ...(priced ? [] : [unpriced])],
          fallback: null,
          droppedFindings: answer.droppedFindings,
          usage,
        }
      } catch (error) {
        const reason = deadline.signal.aborted ? `no answer within the ${deadlineMs} ms deadline` : describeFailure(error, {timeoutMs, maxRetries})
        const offline = await offlineReport(options.fallback, input, reason)
        const {usage} = usageNow()
        const declined = error instanceof AgentFailure && error.refusal
        return {
          ...offline,
          fallback: `${declined ? 'Claude' : 'Claude unavailable:'} ${reason}; offline analysis used`,
          // Tokens spent before the failure are still paid for.
          usage,
        }
      } finally {
        clearTimeout(timer)
      }
    },
  }
}

/** Even the fallback may fail; the specialist then reports nothing rather than sinking the incident. */
async function offlineReport(fallback: OfflineFallback, input: SpecialistInput, reason: string): Promise<SpecialistReport> {
  try {
    return await fallback(input, reason)
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    return {
      schemaVersion: 1,
      specialist: input.specialist,
      provider: 'offline',
      summary: 'No analysis: Claude was unavailable and the offline analysis failed.',
      findings: [],
      observations: [],
      limitations: [`Offline analysis failed: ${redact(message)}`],
      fallback: null,
      droppedFindings: 0,
      usage: null,
    }
  }
}
