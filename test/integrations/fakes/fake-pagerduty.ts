import {z} from 'zod'

import {type FakeServer, json, type RecordedRequest, type Reply, startFakeServer} from './fake-server.js'

const EventSchema = z
  .object({
    routing_key: z.string(),
    event_action: z.enum(['trigger', 'acknowledge', 'resolve']),
    dedup_key: z.string().max(255).optional(),
    payload: z
      .object({
        summary: z.string().min(1).max(1024),
        source: z.string().min(1),
        severity: z.enum(['critical', 'error', 'warning', 'info']),
        timestamp: z.string().optional(),
        component: z.string().optional(),
        group: z.string().optional(),
        class: z.string().optional(),
        custom_details: z.unknown().optional(),
      })
      .strict()
      .optional(),
    client: z.string().optional(),
    client_url: z.string().optional(),
    links: z.array(z.unknown()).optional(),
    images: z.array(z.unknown()).optional(),
  })
  .strict()

export interface FakeAlert {
  routingKey: string
  dedupKey: string
  status: 'triggered' | 'acknowledged' | 'resolved'
  /** Trigger events merged into this alert (PagerDuty dedups an open alert by routing key and dedup key). */
  triggers: number
}

export interface FakePagerDutyEvents extends FakeServer {
  /** Accepted events, in order. */
  events: Array<z.infer<typeof EventSchema>>
  /** Alerts opened: what pages someone. A trigger for an open alert with the same keys is merged into it. */
  alerts: FakeAlert[]
  /** Acknowledge/resolve events for no alert under that routing key: answered 202 and dropped, as PagerDuty does. */
  dropped: Array<z.infer<typeof EventSchema>>
}

/**
 * Events API v2: POST /v2/enqueue, checked against the contract; 202 on success, 400 otherwise.
 * Several integration keys may be valid (a key rotated between the trigger and the resolve).
 */
export async function startFakePagerDutyEvents(routingKeys: string | readonly string[]): Promise<FakePagerDutyEvents> {
  const valid = new Set(typeof routingKeys === 'string' ? [routingKeys] : routingKeys)
  const events: FakePagerDutyEvents['events'] = []
  const alerts: FakeAlert[] = []
  const dropped: FakePagerDutyEvents['dropped'] = []
  const server = await startFakeServer((request) => {
    if (request.method !== 'POST' || request.path !== '/v2/enqueue') return json(404, {status: 'not found'})
    if (request.headers['content-type'] !== 'application/json') return json(400, {status: 'invalid event', message: 'Event object is invalid', errors: ['content-type']})
    if (request.headers.authorization !== undefined) return json(400, {status: 'invalid event', message: 'no auth header expected'})
    const parsed = EventSchema.safeParse(request.json)
    if (!parsed.success) return json(400, {status: 'invalid event', message: 'Event object is invalid', errors: parsed.error.issues.map((i) => i.message)})
    const event = parsed.data
    if (!valid.has(event.routing_key)) return json(400, {status: 'invalid event', message: 'Event object is invalid', errors: ['Invalid routing key']})
    if (event.event_action === 'trigger' && !event.payload) return json(400, {status: 'invalid event', message: 'payload is required'})
    if (event.event_action !== 'trigger' && !event.dedup_key) return json(400, {status: 'invalid event', message: 'dedup_key is required'})
    events.push(event)
    const dedupKey = event.dedup_key ?? `generated-${events.length}`
    const open = alerts.find((alert) => alert.routingKey === event.routing_key && alert.dedupKey === dedupKey && alert.status !== 'resolved')
    if (event.event_action === 'trigger') {
      if (open) open.triggers++
      else alerts.push({routingKey: event.routing_key, dedupKey, status: 'triggered', triggers: 1})
    } else if (open) {
      open.status = event.event_action === 'resolve' ? 'resolved' : 'acknowledged'
    } else {
      dropped.push(event)
    }
    return json(202, {status: 'success', message: 'Event processed', dedup_key: dedupKey})
  })
  return Object.assign(server, {events, alerts, dropped})
}

export interface FakePagerDutyApiOptions {
  token: string
  incident: Record<string, unknown> & {id: string}
  logEntries: Array<Record<string, unknown>>
  pageSize?: number
}

export interface FakePagerDutyApi extends FakeServer {
  notes: Array<{incidentId: string; content: string; from: string}>
}

/** REST API v2: GET /incidents/{id}, GET …/log_entries (paged with offset/more), POST …/notes (needs From). */
export async function startFakePagerDutyApi(options: FakePagerDutyApiOptions): Promise<FakePagerDutyApi> {
  const notes: FakePagerDutyApi['notes'] = []
  const server = await startFakeServer((request): Reply => {
    if (request.headers.authorization !== `Token token=${options.token}`) return json(401, {error: {message: 'Unauthorized', code: 2006}})
    if (request.headers.accept !== 'application/vnd.pagerduty+json;version=2') return json(406, {error: {message: 'Not Acceptable'}})
    const url = new URL(request.path, 'http://fake')
    const match = /^\/incidents\/([A-Za-z0-9]+)(\/log_entries|\/notes)?$/.exec(url.pathname)
    if (!match || match[1] !== options.incident.id) return json(404, {error: {message: 'Not Found', code: 2100}})
    if (request.method === 'GET' && match[2] === undefined) return json(200, {incident: options.incident})
    if (request.method === 'GET' && match[2] === '/log_entries') return logEntriesPage(url, options)
    if (request.method === 'GET' && match[2] === '/notes') {
      return json(200, {notes: notes.filter((note) => note.incidentId === match[1]).map((note, index) => ({id: `N${index + 1}`, content: note.content, created_at: '2026-11-30T15:00:00Z'}))})
    }
    if (request.method === 'POST' && match[2] === '/notes') return addNote(request, match[1], notes)
    return json(405, {error: {message: 'Method Not Allowed'}})
  })
  return Object.assign(server, {notes})
}

function logEntriesPage(url: URL, options: FakePagerDutyApiOptions): Reply {
  const limit = Math.min(Number(url.searchParams.get('limit') ?? 25), options.pageSize ?? 100)
  const offset = Number(url.searchParams.get('offset') ?? 0)
  const page = options.logEntries.slice(offset, offset + limit)
  return json(200, {log_entries: page, limit, offset, more: offset + limit < options.logEntries.length, total: null})
}

function addNote(request: RecordedRequest, incidentId: string, notes: FakePagerDutyApi['notes']): Reply {
  const from = request.headers.from
  if (typeof from !== 'string' || !from.includes('@')) return json(400, {error: {message: 'Invalid Input Provided', errors: ['From header is missing or invalid']}})
  const parsed = z.object({note: z.object({content: z.string().min(1)}).strict()}).strict().safeParse(request.json)
  if (!parsed.success) return json(400, {error: {message: 'Invalid Input Provided'}})
  notes.push({incidentId, content: parsed.data.note.content, from})
  return json(201, {note: {id: `N${notes.length}`, content: parsed.data.note.content, created_at: '2026-11-30T15:00:00Z'}})
}
