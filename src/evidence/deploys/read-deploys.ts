import {UserError} from '../../errors/errors.js'
import {deployEvidenceId, type EvidenceItem} from '../../incident/evidence-item.js'
import {redact} from '../../redact/redact.js'
import {MAX_INPUT_FILE_BYTES, readBoundedText} from '../read-bounded-text.js'
import {DeployLineSchema, DeploysDigestSchema, type DeployEvent, type DeploysDigest} from './deploy-event.js'

export interface ReadDeploysResult {
  digest: DeploysDigest
  items: EvidenceItem[]
  limitations: string[]
}

/** Only this many bad lines are named one by one; the rest are counted. */
const MAX_LINE_PROBLEMS = 5

/**
 * Reads the `--deploys` JSON-lines file. A missing file is the user's mistake (they named it);
 * a bad line is a limitation naming its line number, and the other lines still count.
 */
export async function readDeploys(path: string): Promise<ReadDeploysResult> {
  const suggestions = ['Pass a JSON-lines file with one {time, service, version, sha, kind, description} object per line']
  const text = await readBoundedText(path).catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`Cannot read --deploys ${path}: ${error.code ?? error.message}`, {suggestions})
  })
  if (text === null) throw new UserError(`--deploys ${path} is larger than ${MAX_INPUT_FILE_BYTES / 1024 ** 2} MiB: not a deploy events file`, {suggestions})
  return parseDeploys(path, text)
}

/** Pure: the file's text → digest, items, limitations. */
export function parseDeploys(file: string, text: string): ReadDeploysResult {
  const events: DeployEvent[] = []
  const problems: string[] = []
  text.split('\n').forEach((raw, index) => {
    const line = raw.trim()
    if (line === '' || line.startsWith('#')) return
    const event = parseLine(line, index + 1)
    if ('problem' in event) problems.push(event.problem)
    else events.push(event)
  })
  events.sort((a, b) => a.time.localeCompare(b.time) || a.line - b.line)

  const limitations: string[] = []
  if (problems.length > 0) {
    const named = problems.slice(0, MAX_LINE_PROBLEMS).join('; ')
    const more = problems.length > MAX_LINE_PROBLEMS ? ` and ${problems.length - MAX_LINE_PROBLEMS} more` : ''
    limitations.push(`${problems.length} deploy event line(s) in ${file} could not be read and were skipped: ${named}${more}.`)
  }
  if (events.length === 0) limitations.push(`${file} holds no readable deploy events.`)
  const digest = DeploysDigestSchema.parse({schemaVersion: 1, file, events, skippedLines: problems.length})
  return {digest, items: events.map((event) => deployEvidence(file, event)), limitations}
}

function parseLine(line: string, lineNumber: number): DeployEvent | {problem: string} {
  let json: unknown
  try {
    json = JSON.parse(line)
  } catch {
    return {problem: `line ${lineNumber}: not JSON`}
  }
  const parsed = DeployLineSchema.safeParse(json)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    return {problem: `line ${lineNumber}: ${issue.path.join('.') || 'value'} ${issue.message}`}
  }
  const {service, version, description} = parsed.data
  const clean = (text: string | null) => (text === null ? null : redact(text))
  return {line: lineNumber, ...parsed.data, service: clean(service), version: clean(version), description: clean(description)}
}

function deployEvidence(file: string, event: DeployEvent): EvidenceItem {
  const what = [event.service, event.version].filter(Boolean).join(' ')
  const sha = event.sha === null ? '' : ` (${event.sha.slice(0, 7)})`
  const description = event.description === null ? '' : `: ${event.description}`
  return {
    id: deployEvidenceId(event.line),
    source: 'deploys',
    kind: event.kind,
    summary: redact(`${event.kind} ${what || '(unnamed)'}${sha}${description}`.replace(/\s+/g, ' ')).slice(0, 300),
    at: event.time,
    ref: {file, line: event.line, ...(event.sha === null ? {} : {sha: event.sha})},
    data: {...event},
  }
}
