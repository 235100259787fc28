import type Anthropic from '@anthropic-ai/sdk'
import {z} from 'zod'

import {AgentFailure} from './describe-failure.js'
import {formatIssues} from '../../errors/format-issues.js'

const TextBlockSchema = z.object({type: z.literal('text'), text: z.string()})
const ToolUseBlockSchema = z.object({type: z.literal('tool_use'), id: z.string().min(1), name: z.string(), input: z.unknown()})
const AnyBlockSchema = z.looseObject({type: z.string()})

const ReplySchema = z.object({
  content: z.array(AnyBlockSchema),
  stop_reason: z.string().nullable().optional(),
  stop_details: z.looseObject({type: z.string(), category: z.string().nullish(), explanation: z.string().nullish()}).nullish(),
  usage: z.object({
    input_tokens: z.number().int().nonnegative(),
    output_tokens: z.number().int().nonnegative(),
    cache_creation_input_tokens: z.number().int().nonnegative().nullish(),
    cache_read_input_tokens: z.number().int().nonnegative().nullish(),
  }),
})

export type ReplyBlock = z.infer<typeof TextBlockSchema> | z.infer<typeof ToolUseBlockSchema>

export type ReplyUsage = z.infer<typeof ReplySchema>['usage']

export interface Reply {
  /** Text and tool-use blocks in order: what the agents read. */
  blocks: ReplyBlock[]
  /**
   * Every block as the API returned it, to send back in the assistant turn: thinking blocks are
   * bound to the conversation and must go back unchanged before the tool results they led to.
   */
  content: Array<z.infer<typeof AnyBlockSchema>>
  /** `end_turn`, `tool_use`, `max_tokens`, `pause_turn`, `refusal`, `model_context_window_exceeded`… */
  stopReason: string | null
  /** For a refusal: the policy category and Anthropic's explanation, when it gives them. */
  refusal: {category: string | null; explanation: string | null} | null
  usage: ReplyUsage
}

/** The SDK types replies but does not check them; a reply we cannot read is an agent failure. */
export function parseReply(raw: unknown): Reply {
  const parsed = ReplySchema.safeParse(raw)
  if (!parsed.success) throw new AgentFailure(`malformed reply from the Messages API (${formatIssues(parsed.error, 2).join('; ')})`)
  const blocks: ReplyBlock[] = []
  for (const block of parsed.data.content) {
    const schema = block.type === 'text' ? TextBlockSchema : block.type === 'tool_use' ? ToolUseBlockSchema : null
    if (!schema) continue
    const checked = schema.safeParse(block)
    if (!checked.success) throw new AgentFailure(`malformed ${block.type} block from the Messages API`)
    blocks.push(checked.data)
  }
  const details = parsed.data.stop_details
  const stopReason = parsed.data.stop_reason ?? null
  return {
    blocks,
    content: parsed.data.content,
    stopReason,
    refusal: stopReason === 'refusal' ? {category: details?.category ?? null, explanation: details?.explanation ?? null} : null,
    usage: parsed.data.usage,
  }
}

/**
 * The assistant turn as we send it back: text and tool-use blocks in their request shape, every
 * other block (thinking, redacted thinking) exactly as received, minus empty text blocks (the API
 * rejects those in a request, and an empty turn too).
 */
export function toAssistantContent(reply: Reply): Anthropic.ContentBlockParam[] {
  const content: Anthropic.ContentBlockParam[] = []
  for (const block of reply.content) {
    if (block.type === 'text') {
      const text = typeof block.text === 'string' ? block.text : ''
      if (text.trim()) content.push({type: 'text', text})
    } else if (block.type === 'tool_use') {
      const use = block as z.infer<typeof ToolUseBlockSchema>
      content.push({type: 'tool_use', id: use.id, name: use.name, input: use.input ?? {}})
    } else {
      content.push(block as unknown as Anthropic.ContentBlockParam)
    }
  }
  return content.length > 0 ? content : [{type: 'text', text: '(no reply)'}]
}
