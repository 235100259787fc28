import {z} from 'zod'

import {type FakeServer, json, type Reply, startFakeServer} from './fake-server.js'

const TextNode = z.object({type: z.literal('text'), text: z.string().min(1), marks: z.array(z.object({type: z.string()})).optional()}).strict()
type AdfNode = {type: string; content?: AdfNode[]; attrs?: unknown}
const AdfNodeSchema: z.ZodType<AdfNode> = z.lazy(() =>
  z.union([
    TextNode,
    z.object({type: z.enum(['paragraph', 'heading', 'bulletList', 'orderedList', 'listItem', 'codeBlock']), attrs: z.unknown().optional(), content: z.array(AdfNodeSchema)}).strict(),
  ]),
)

const FieldsSchema = z
  .object({
    project: z.object({key: z.string()}).strict(),
    summary: z.string().min(1).max(255),
    issuetype: z.object({name: z.string()}).strict(),
    description: z.object({type: z.literal('doc'), version: z.literal(1), content: z.array(AdfNodeSchema)}).strict(),
    labels: z.array(z.string().regex(/^\S+$/)),
    priority: z.object({name: z.enum(['Highest', 'High', 'Medium', 'Low', 'Lowest'])}).strict(),
  })
  .strict()
export type JiraFields = z.infer<typeof FieldsSchema>

export interface FakeJiraIssue {
  key: string
  fields: JiraFields
}

export interface FakeJira extends FakeServer {
  issues: FakeJiraIssue[]
  /** Switches a test flips between calls. */
  behaviour: {
    /** Summaries containing this text are rejected per element (partial bulk success). */
    rejectSummariesContaining: string | null
  }
}

/** Jira Cloud v3: basic auth, POST /rest/api/3/search/jql (by labels), POST /rest/api/3/issue/bulk (≤50, per-element errors). */
export async function startFakeJira(options: {email: string; token: string; project: string; searchPageSize?: number}): Promise<FakeJira> {
  const issues: FakeJiraIssue[] = []
  const auth = `Basic ${Buffer.from(`${options.email}:${options.token}`).toString('base64')}`
  const behaviour: FakeJira['behaviour'] = {rejectSummariesContaining: null}
  const server = await startFakeServer((request): Reply => {
    if (request.headers.authorization !== auth) return json(401, {errorMessages: ['Client must be authenticated to access this resource.'], errors: {}})
    if (request.method !== 'POST') return json(405, {errorMessages: ['Method not allowed']})
    if (request.headers['content-type'] !== 'application/json') return json(415, {errorMessages: ['Unsupported media type']})
    if (request.path === '/rest/api/3/search/jql') return search(request.json)
    if (request.path === '/rest/api/3/issue/bulk') return bulkCreate(request.json)
    return json(404, {errorMessages: ['Not found']})
  })

  function search(body: unknown): Reply {
    const parsed = z.object({jql: z.string(), fields: z.array(z.string()).optional(), maxResults: z.number().optional(), nextPageToken: z.string().optional()}).strict().safeParse(body)
    const match = parsed.success ? /^labels in \(((?:"[^"]+"(?:, )?)+)\)$/.exec(parsed.data.jql) : null
    if (!parsed.success || !match) return json(400, {errorMessages: ['Error in the JQL Query'], errors: {}})
    const labels = new Set([...match[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]))
    const hits = issues.filter((issue) => issue.fields.labels.some((label) => labels.has(label)))
    const size = options.searchPageSize ?? 100
    const start = Number(parsed.data.nextPageToken ?? 0)
    const page = hits.slice(start, start + size)
    const isLast = start + size >= hits.length
    return json(200, {issues: page.map((issue) => ({id: issue.key.replace(/\D/g, ''), key: issue.key, fields: {labels: issue.fields.labels}})), isLast, ...(isLast ? {} : {nextPageToken: String(start + size)})})
  }

  function bulkCreate(body: unknown): Reply {
    const parsed = z.object({issueUpdates: z.array(z.object({fields: z.unknown()}).strict()).min(1).max(50)}).strict().safeParse(body)
    if (!parsed.success) return json(400, {errorMessages: ['issueUpdates must hold 1 to 50 issues'], errors: {}})
    const created: Array<{id: string; key: string; self: string}> = []
    const errors: Array<{status: number; elementErrors: unknown; failedElementNumber: number}> = []
    parsed.data.issueUpdates.forEach((update, index) => {
      const fields = FieldsSchema.safeParse(update.fields)
      if (!fields.success) {
        const issue = fields.error.issues[0]
        errors.push({status: 400, failedElementNumber: index, elementErrors: {errorMessages: [], errors: {[String(issue.path[0])]: issue.message}}})
        return
      }
      if (fields.data.project.key !== options.project) {
        errors.push({status: 400, failedElementNumber: index, elementErrors: {errorMessages: [], errors: {project: 'valid project is required'}}})
        return
      }
      if (behaviour.rejectSummariesContaining && fields.data.summary.includes(behaviour.rejectSummariesContaining)) {
        errors.push({status: 400, failedElementNumber: index, elementErrors: {errorMessages: [], errors: {summary: 'Summary is not allowed.'}}})
        return
      }
      const key = `${options.project}-${100 + issues.length + 1}`
      issues.push({key, fields: fields.data})
      created.push({id: String(10_000 + issues.length), key, self: `https://jira.example/rest/api/3/issue/${key}`})
    })
    return json(created.length === 0 ? 400 : 201, {issues: created, errors})
  }

  return Object.assign(server, {issues, behaviour})
}
