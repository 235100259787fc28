import type Anthropic from '@anthropic-ai/sdk'
import {z} from 'zod'

import {AgentFailure} from './describe-failure.js'
import {formatIssues} from '../../errors/format-issues.js'

const TextBlockSchema = z.object({type: z.literal('text'), text: z.string()})
const ToolUseBlockSchema = z.object({type: z.literal('tool_use'), id: z.string().min(1), name: z.string(), input: z.unknown()})

const ReplySchema = z.object({
  content: z.array(z.looseObject({type: z.string()})),
  stop_reason: z.string().nullable().optional(),
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
  /** Text and tool-use blocks in order; block types we never ask for are left out. */
  blocks: ReplyBlock[]
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
  return {blocks, usage: parsed.data.usage}
}

/**
 * The assistant turn as we send it back: what was said, minus block kinds we dropped and empty
 * text blocks (the API rejects those in a request, and an empty turn too).
 */
export function toAssistantContent(blocks: readonly ReplyBlock[]): Anthropic.ContentBlockParam[] {
  const content: Anthropic.ContentBlockParam[] = []
  for (const block of blocks) {
    if (block.type === 'tool_use') content.push({type: 'tool_use', id: block.id, name: block.name, input: block.input ?? {}})
    else if (block.text.trim()) content.push({type: 'text', text: block.text})
  }
  return content.length > 0 ? content : [{type: 'text', text: '(no reply)'}]
}
