import {z} from 'zod'

import {IntegrationError} from '../../errors/errors.js'
import type {PagerDutyApiConfig} from '../config.js'
import type {HttpClient} from '../http/http-client.js'
import type {OutgoingRequest} from '../integration-types.js'
import type {PagerDutyNoteBody} from '../outbox-entry.js'

function pagerDutyApiHeaders(config: PagerDutyApiConfig): Record<string, string> {
  return {
    authorization: `Token token=${config.apiToken}`,
    accept: 'application/vnd.pagerduty+json;version=2',
    'content-type': 'application/json',
  }
}

/** PagerDuty ids are alphanumeric; anything else would change the path. */
function checkPagerDutyId(id: string): string {
  if (!/^[A-Za-z0-9]+$/.test(id)) throw new IntegrationError('PagerDuty', `not a PagerDuty incident id: ${JSON.stringify(id.slice(0, 40))}`)
  return id
}

export function pagerDutyNoteRequest(config: PagerDutyApiConfig, body: PagerDutyNoteBody): OutgoingRequest {
  if (config.from === null) throw new IntegrationError('PagerDuty', 'posting a note needs PAGERDUTY_FROM (the email of a PagerDuty user)')
  return {
    method: 'POST',
    url: `${config.apiUrl}/incidents/${checkPagerDutyId(body.pagerDutyIncidentId)}/notes`,
    headers: {...pagerDutyApiHeaders(config), from: config.from},
    json: {note: {content: body.content}},
  }
}

const NoteResponseSchema = z.object({note: z.object({id: z.string()})})

export async function sendPagerDutyNote(client: HttpClient, request: OutgoingRequest): Promise<{noteId: string}> {
  const response = await client.request(request)
  return {noteId: response.parse(NoteResponseSchema, (issue) => `unexpected note answer (${issue})`).note.id}
}

const NotesListSchema = z.object({notes: z.array(z.object({id: z.string(), content: z.string()}))})

/**
 * The id of a note on the incident with exactly this content, if one is there: how an earlier note
 * whose answer was lost (a timeout, a 5xx) is found instead of posted twice.
 */
export async function findPagerDutyNote(client: HttpClient, config: PagerDutyApiConfig, body: PagerDutyNoteBody): Promise<string | null> {
  const response = await client.request({method: 'GET', url: `${config.apiUrl}/incidents/${checkPagerDutyId(body.pagerDutyIncidentId)}/notes`, headers: pagerDutyApiHeaders(config)})
  const answer = response.parse(NotesListSchema, (issue) => `unexpected notes answer (${issue})`)
  return answer.notes.find((note) => note.content.trim() === body.content.trim())?.id ?? null
}

const Reference = z.object({summary: z.string().optional(), type: z.string().optional()}).passthrough()

const PagerDutyIncidentSchema = z.object({
  id: z.string(),
  incident_number: z.number().optional(),
  title: z.string(),
  status: z.enum(['triggered', 'acknowledged', 'resolved']),
  urgency: z.string().optional(),
  created_at: z.string(),
  html_url: z.string().optional(),
  service: Reference.optional(),
  assignments: z.array(z.object({assignee: Reference.optional()}).passthrough()).default([]),
})
export type PagerDutyIncident = z.infer<typeof PagerDutyIncidentSchema>

const PagerDutyLogEntrySchema = z.object({
  id: z.string(),
  type: z.string(),
  created_at: z.string(),
  summary: z.string().optional(),
  agent: Reference.nullish(),
})
export type PagerDutyLogEntry = z.infer<typeof PagerDutyLogEntrySchema>

const IncidentResponseSchema = z.object({incident: PagerDutyIncidentSchema})
const IncidentStatusSchema = z.object({incident: PagerDutyIncidentSchema.pick({id: true, status: true, incident_number: true})})
const LogEntriesPageSchema = z.object({
  log_entries: z.array(PagerDutyLogEntrySchema),
  more: z.boolean().default(false),
  offset: z.number().optional(),
  limit: z.number().optional(),
})

const PAGE_SIZE = 100
/** An incident with more log entries than this is a storm; its first ones hold the times we need. */
const MAX_PAGES = 20

export async function fetchPagerDutyIncident(client: HttpClient, config: PagerDutyApiConfig, id: string): Promise<PagerDutyIncident> {
  const response = await client.request({method: 'GET', url: `${config.apiUrl}/incidents/${checkPagerDutyId(id)}`, headers: pagerDutyApiHeaders(config)})
  return response.parse(IncidentResponseSchema, (issue) => `unexpected incident answer (${issue})`).incident
}

/** The imported incident's status now, for `resolve` to report (we never resolve an incident we did not trigger). */
export async function fetchPagerDutyIncidentStatus(client: HttpClient, config: PagerDutyApiConfig, id: string): Promise<{status: PagerDutyIncident['status']; number: number | null}> {
  const response = await client.request({method: 'GET', url: `${config.apiUrl}/incidents/${checkPagerDutyId(id)}`, headers: pagerDutyApiHeaders(config)})
  const {incident} = response.parse(IncidentStatusSchema, (issue) => `unexpected incident answer (${issue})`)
  return {status: incident.status, number: incident.incident_number ?? null}
}

/** All log entries, oldest first, paging with `offset` while PagerDuty says there are `more`. */
export async function fetchPagerDutyLogEntries(client: HttpClient, config: PagerDutyApiConfig, id: string): Promise<PagerDutyLogEntry[]> {
  const entries: PagerDutyLogEntry[] = []
  for (let page = 0; page < MAX_PAGES; page++) {
    const query = new URLSearchParams({limit: String(PAGE_SIZE), offset: String(entries.length), is_overview: 'false'})
    const response = await client.request({
      method: 'GET',
      url: `${config.apiUrl}/incidents/${checkPagerDutyId(id)}/log_entries?${query}`,
      headers: pagerDutyApiHeaders(config),
    })
    const parsed = response.parse(LogEntriesPageSchema, (issue) => `unexpected log entries answer (${issue})`)
    entries.push(...parsed.log_entries)
    if (!parsed.more || parsed.log_entries.length === 0) break
  }
  return entries.sort((a, b) => Date.parse(a.created_at) - Date.parse(b.created_at))
}

/** Which setting to fix when the REST API refuses. */
export function pagerDutyApiSetting(status: number, code: string | null): string | null {
  if (status === 401 || status === 403) return 'PAGERDUTY_API_TOKEN'
  if (status === 400 && /from/i.test(code ?? '')) return 'PAGERDUTY_FROM'
  if (status === 404) return 'the PagerDuty incident id (or PAGERDUTY_API_URL)'
  return null
}
