import Anthropic from '@anthropic-ai/sdk'

/** A current Claude Sonnet; `--model` overrides it. */
export const DEFAULT_ANTHROPIC_MODEL = 'claude-sonnet-4-5'

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
