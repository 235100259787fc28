import type Anthropic from '@anthropic-ai/sdk'
import {z} from 'zod'

import {FindingSchema} from '../../incident/finding.js'

/** The answer tool: its input is the specialist's structured answer. */
export const SUBMIT_FINDINGS_TOOL = 'submit_findings'

const Iso = z.string().describe('ISO-8601 timestamp, e.g. 2025-03-14T14:02:00Z')

export const SearchLogsInputSchema = z.object({
  pattern: z.string().min(1).describe('Case-insensitive substring or regular expression matched against log lines and templates'),
  from: Iso.optional(),
  to: Iso.optional(),
  limit: z.number().int().min(1).max(200).optional().describe('Most lines to return (default chosen by the tool)'),
})

export const ShowCommitDiffInputSchema = z.object({
  sha: z.string().regex(/^[0-9a-f]{4,40}$/i).describe('Commit sha or unique prefix, as cited in the evidence'),
})

export const ReadMetricInputSchema = z.object({
  series: z.string().min(1).describe('Metric series name as it appears in the evidence'),
  from: Iso.optional(),
  to: Iso.optional(),
})

export const ListEvidenceInputSchema = z.object({
  source: z.string().optional().describe('logs, git, deploys, metrics, postgres, health, pagerduty or note'),
  kind: z.string().optional(),
})

export const SubmissionSchema = z.object({
  summary: z.string().min(1).describe('Two or three sentences: what this specialist found, or that it found nothing conclusive'),
  findings: z.array(FindingSchema),
})

/**
 * Anthropic wants a plain object schema; the `$schema` marker adds nothing for it, and zod's
 * 400-character date-time regex says no more to the model than `format: date-time` (zod still
 * checks the exact form on the way back), so both are left out of every request.
 */
export function toInputSchema(schema: z.ZodType): Anthropic.Tool.InputSchema {
  const {$schema: _ignored, ...rest} = withoutDateTimePatterns(z.toJSONSchema(schema)) as Record<string, unknown>
  return {...rest, type: 'object'}
}

function withoutDateTimePatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withoutDateTimePatterns)
  if (node === null || typeof node !== 'object') return node
  const entries = Object.entries(node).filter(([key]) => !(key === 'pattern' && (node as {format?: unknown}).format === 'date-time'))
  return Object.fromEntries(entries.map(([key, value]) => [key, withoutDateTimePatterns(value)]))
}

const EVIDENCE_TOOL_DEFINITIONS: Anthropic.Tool[] = [
  {
    name: 'search_logs',
    description: 'Search the incident\'s logs (lines and mined templates) by pattern, optionally within a time window. Output is truncated and redacted.',
    input_schema: toInputSchema(SearchLogsInputSchema),
  },
  {
    name: 'show_commit_diff',
    description: 'Show one commit\'s message, files and diff, truncated and redacted.',
    input_schema: toInputSchema(ShowCommitDiffInputSchema),
  },
  {
    name: 'read_metric',
    description: 'Read a slice of one metric series (timestamps and values), optionally within a time window.',
    input_schema: toInputSchema(ReadMetricInputSchema),
  },
  {
    name: 'list_evidence',
    description: 'List citable evidence items (id, source, kind, summary), optionally filtered by source and kind.',
    input_schema: toInputSchema(ListEvidenceInputSchema),
  },
]

const SUBMIT_FINDINGS_DEFINITION: Anthropic.Tool = {
  name: SUBMIT_FINDINGS_TOOL,
  description: 'Submit your final answer: a summary and findings, each citing evidence ids. Call exactly once, at the end.',
  input_schema: toInputSchema(SubmissionSchema),
}

/** Tool order is fixed so the cached prefix (tools, then system) is byte-identical across specialists. */
export const ALL_TOOL_DEFINITIONS: Anthropic.Tool[] = [...EVIDENCE_TOOL_DEFINITIONS, SUBMIT_FINDINGS_DEFINITION]
