import Anthropic from '@anthropic-ai/sdk'

/**
 * The current Claude Sonnet in the SDK's own model list (@anthropic-ai/sdk 1.16: `claude-sonnet-5-5`,
 * "Latest" on Anthropic's model page); `--model` overrides it. It thinks adaptively by default and
 * rejects a forced `tool_choice`, which the agents here never send.
 */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-sonnet-5-5'

/** The one SDK call we use; tests and callers may hand in anything with this shape. */
export type MessagesClient = Pick<Anthropic, 'messages'>

export interface AnthropicClientOptions {
  apiKey: string
  /** Falls back to ANTHROPIC_BASE_URL, then the public API, inside the SDK. */
  baseURL?: string
  /** Per HTTP attempt; the SDK retries timeouts like 429/5xx. */
  timeoutMs: number
  maxRetries: number
}

export function createAnthropicClient(options: AnthropicClientOptions): Anthropic {
  return new Anthropic({
    apiKey: options.apiKey,
    ...(options.baseURL === undefined ? {} : {baseURL: options.baseURL}),
    timeout: options.timeoutMs,
    maxRetries: options.maxRetries,
  })
}
