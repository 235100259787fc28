import {z} from 'zod'

import {capRedacted} from '../../redact/cap-redacted.js'
import type {RedactOptions} from '../../redact/redact.js'
import type {EvidenceTools} from '../specialist-input.js'
import {
  ListEvidenceInputSchema,
  ReadMetricInputSchema,
  SearchLogsInputSchema,
  ShowCommitDiffInputSchema,
} from './agent-tools.js'
import {formatIssues} from '../../errors/format-issues.js'

export interface ToolCallResult {
  content: string
  isError: boolean
}

type Runner = (tools: EvidenceTools, input: unknown, maxChars: number) => Promise<string>

function runner<S extends z.ZodType>(schema: S, run: (tools: EvidenceTools, input: z.infer<S>, maxChars: number) => Promise<string>): Runner {
  return async (tools, rawInput, maxChars) => {
    const parsed = schema.safeParse(rawInput)
    if (!parsed.success) throw new ToolInputError(formatIssues(parsed.error).join('; '))
    return run(tools, parsed.data, maxChars)
  }
}

class ToolInputError extends Error {}

const RUNNERS: Readonly<Record<string, Runner>> = {
  search_logs: runner(SearchLogsInputSchema, (tools, input) => tools.searchLogs(input)),
  // The diff is cut at the source too, so a huge commit is never read whole.
  show_commit_diff: runner(ShowCommitDiffInputSchema, (tools, input, maxChars) => tools.commitDiff(input.sha, maxChars)),
  read_metric: runner(ReadMetricInputSchema, (tools, input) => tools.metricSlice(input)),
  list_evidence: runner(ListEvidenceInputSchema, (tools, input) => tools.listEvidence(input)),
}

/**
 * Runs one evidence tool the model asked for. Whatever happens, the model gets a string back:
 * a failing tool or bad input is an error result it can react to, never a crash of the run.
 * Everything returned is redacted (again — the tools promise it, but this is the last door
 * before the network) and capped.
 */
export async function executeToolCall(
  tools: EvidenceTools,
  name: string,
  input: unknown,
  maxChars: number,
  redaction: RedactOptions,
): Promise<ToolCallResult> {
  const run = RUNNERS[name]
  if (!run) return {content: `Unknown tool "${name}". Available: ${Object.keys(RUNNERS).join(', ')}.`, isError: true}
  try {
    const output = await run(tools, input, maxChars)
    return {content: output.trim() ? capRedacted(output, maxChars, redaction) : '(no output)', isError: false}
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error)
    const prefix = error instanceof ToolInputError ? 'Invalid input' : 'Tool failed'
    return {content: capRedacted(`${prefix}: ${message}`, maxChars, redaction), isError: true}
  }
}
