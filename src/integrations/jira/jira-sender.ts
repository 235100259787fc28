import {z} from 'zod'

import {type JiraConfig, jiraBasicCredentials} from '../config.js'
import {DeliveryError} from '../http/delivery-error.js'
import {describeFailureBody, failureMessage} from '../http/failure-body.js'
import type {HttpClient} from '../http/http-client.js'
import type {OutgoingRequest} from '../integration-types.js'
import type {JiraIssueBody} from '../outbox-entry.js'

export const JIRA_BULK_MAX = 50

function jiraHeaders(config: JiraConfig): Record<string, string> {
  return {authorization: `Basic ${jiraBasicCredentials(config)}`, accept: 'application/json', 'content-type': 'application/json'}
}

/** Labels are restricted to [A-Za-z0-9_.-] by the outbox schema, so quoting them is enough. */
export function jiraSearchRequest(config: JiraConfig, labels: readonly string[], nextPageToken?: string): OutgoingRequest {
  return {
    method: 'POST',
    url: `${config.baseUrl}/rest/api/3/search/jql`,
    headers: jiraHeaders(config),
    json: {
      jql: `labels in (${labels.map((label) => `"${label}"`).join(', ')})`,
      fields: ['labels'],
      maxResults: 100,
      ...(nextPageToken ? {nextPageToken} : {}),
    },
  }
}

export function jiraBulkCreateRequest(config: JiraConfig, bodies: readonly JiraIssueBody[]): OutgoingRequest {
  return {
    method: 'POST',
    url: `${config.baseUrl}/rest/api/3/issue/bulk`,
    headers: jiraHeaders(config),
    json: {issueUpdates: bodies.map((body) => ({fields: {project: {key: config.project}, ...body.fields}}))},
  }
}

const SearchResponseSchema = z.object({
  issues: z.array(z.object({key: z.string(), fields: z.object({labels: z.array(z.string()).default([])}).default({labels: []})})),
  nextPageToken: z.string().nullish(),
  isLast: z.boolean().optional(),
})

const MAX_SEARCH_PAGES = 20

/** Issues already carrying one of these labels (created by an earlier run that crashed before storing the key). */
export async function findIssuesByLabels(client: HttpClient, config: JiraConfig, labels: readonly string[]): Promise<Map<string, string>> {
  const wanted = new Set(labels)
  const found = new Map<string, string>()
  let pageToken: string | undefined
  for (let page = 0; page < MAX_SEARCH_PAGES; page++) {
    // A search changes nothing, so the HTTP core may resend it.
    const response = await client.request({...jiraSearchRequest(config, labels, pageToken), idempotent: true})
    const answer = response.parse(SearchResponseSchema, (issue) => `unexpected search answer (${issue})`)
    for (const issue of answer.issues) {
      for (const label of issue.fields.labels) if (wanted.has(label) && !found.has(label)) found.set(label, issue.key)
    }
    if (answer.isLast !== false || !answer.nextPageToken) break
    pageToken = answer.nextPageToken
  }
  return found
}

const BulkResponseSchema = z.object({
  issues: z.array(z.object({id: z.string(), key: z.string()})).default([]),
  errors: z
    .array(
      z.object({
        status: z.number().optional(),
        failedElementNumber: z.number().int().nonnegative(),
        elementErrors: z.unknown().optional(),
      }),
    )
    .default([]),
})

type BulkOutcome = {label: string; key: string} | {label: string; error: string}

/**
 * Create up to 50 issues in one call. Jira answers 201 (or 400 when every one failed) with the
 * created `issues` in input order and `errors` naming the failed input positions.
 */
export async function createIssuesInBulk(client: HttpClient, config: JiraConfig, bodies: readonly JiraIssueBody[]): Promise<BulkOutcome[]> {
  const response = await client.request({...jiraBulkCreateRequest(config, bodies), acceptStatuses: [400]})
  if (response.status === 400) {
    // A 400 without per-issue errors refuses the whole request: nothing was created.
    const parsedRefusal = BulkResponseSchema.safeParse(safeJson(response.text))
    if (!parsedRefusal.success || parsedRefusal.data.errors.length === 0) {
      const code = describeFailureBody(response.text)
      throw new DeliveryError('Jira', failureMessage(400, code, jiraSetting(400, code)), {outcome: 'refused', status: 400, requestId: response.requestId, code})
    }
  }
  const parsed = BulkResponseSchema.safeParse(response.json())
  if (!parsed.success) throw response.unexpected(`unexpected bulk-create answer (${parsed.error.issues[0].path.join('.') || '(root)'}: ${parsed.error.issues[0].message})`)
  const failures = new Map(parsed.data.errors.map((error) => [error.failedElementNumber, error]))
  const created = [...parsed.data.issues]
  return bodies.map((body, index): BulkOutcome => {
    const failure = failures.get(index)
    if (failure) {
      const code = describeFailureBody(JSON.stringify(failure.elementErrors ?? {}))
      const status = failure.status ?? 400
      return {label: body.label, error: `Jira: ${failureMessage(status, code ?? 'rejected', jiraSetting(status, code))}`}
    }
    const issue = created.shift()
    return issue ? {label: body.label, key: issue.key} : {label: body.label, error: 'Jira: bulk create answered without this issue'}
  })
}

/** Which setting to fix when Jira refuses. */
export function jiraSetting(status: number, code: string | null): string | null {
  if (status === 401) return 'JIRA_EMAIL and JIRA_API_TOKEN'
  if (status === 403) return 'JIRA_API_TOKEN (its user needs Create Issues in JIRA_PROJECT)'
  if (status === 404) return 'JIRA_BASE_URL'
  if (status === 400 && /project/i.test(code ?? '')) return 'JIRA_PROJECT'
  return null
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text)
  } catch {
    return null
  }
}
