import type Anthropic from '@anthropic-ai/sdk'

import type {MessagesClient} from './anthropic-client.js'
import {AgentFailure} from './describe-failure.js'
import {parseReply, type Reply, type ReplyUsage, toAssistantContent} from './message-reply.js'

/** A paused turn is resumed at most this often before the agent gives up on it. */
const MAX_PAUSES = 2

export interface TurnOptions {
  /** `max_tokens` is raised once, to this, when a reply is cut off; a second cut-off fails the agent. */
  maxTokensCeiling: number
  signal?: AbortSignal
  /** Called for every reply, the ones retried included: all of them are paid for. */
  onUsage: (usage: ReplyUsage) => void
}

export interface Turn {
  reply: Reply
  /** The messages the reply answers: the request's, plus any paused assistant turns it resumed. */
  messages: Anthropic.MessageParam[]
  /** The `max_tokens` that got the reply: later requests of the conversation keep a raised limit. */
  maxTokens: number
}

/**
 * One Messages API turn, read by its `stop_reason` as the API documents it
 * (https://platform.claude.com/docs/en/build-with-claude/handling-stop-reasons):
 * - `max_tokens`: the reply was cut off (a tool call's input may be half-written): the same request
 *   is sent once more with `max_tokens` raised to the ceiling; cut off again, the agent fails;
 * - `pause_turn`: the assistant content is sent back as it is so the model continues (bounded);
 * - `refusal`: the agent fails with the category and explanation, and its caller falls back;
 * - `model_context_window_exceeded`: treated as truncated, and the agent fails;
 * - `end_turn`, `tool_use`, `stop_sequence`: returned for the caller to act on.
 */
export async function createTurn(client: MessagesClient, request: Anthropic.MessageCreateParamsNonStreaming, options: TurnOptions): Promise<Turn> {
  let maxTokens = request.max_tokens
  let messages = request.messages
  for (let pauses = 0; ; ) {
    const reply = parseReply(await client.messages.create({...request, max_tokens: maxTokens, messages}, options.signal ? {signal: options.signal} : undefined))
    options.onUsage(reply.usage)
    switch (reply.stopReason) {
      case 'refusal':
        throw new AgentFailure(refusalReason(reply), {refusal: true})
      case 'model_context_window_exceeded':
        throw new AgentFailure("the conversation filled the model's context window (reply truncated)")
      case 'max_tokens':
        if (maxTokens >= options.maxTokensCeiling) throw new AgentFailure(`reply cut off at max_tokens ${maxTokens}, the ceiling`)
        maxTokens = options.maxTokensCeiling
        continue
      case 'pause_turn':
        if (++pauses > MAX_PAUSES) throw new AgentFailure(`the turn paused more than ${MAX_PAUSES} times`)
        messages = [...messages, {role: 'assistant', content: toAssistantContent(reply)}]
        continue
      default:
        return {reply, messages, maxTokens}
    }
  }
}

function refusalReason(reply: Reply): string {
  const category = reply.refusal?.category ? `, category ${reply.refusal.category}` : ''
  const explanation = reply.refusal?.explanation ? `: ${reply.refusal.explanation.slice(0, 200)}` : ''
  return `declined to answer (stop_reason refusal${category})${explanation}`
}
