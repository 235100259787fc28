import {mkdtemp, readdir, readFile, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {afterEach, beforeEach} from 'vitest'

import {type ActionItem, ActionItemSchema} from '../../src/incident/action-item.js'
import {type Incident, IncidentSchema} from '../../src/incident/incident.js'
import type {Severity} from '../../src/incident/severity.js'
import type {IntegrationDeps, TriageSummary} from '../../src/integrations/integration-types.js'
import {type FakeJira, startFakeJira} from './fakes/fake-jira.js'
import {type FakePagerDutyApi, type FakePagerDutyEvents, startFakePagerDutyApi, startFakePagerDutyEvents} from './fakes/fake-pagerduty.js'
import {type FakeSlack, startFakeSlack} from './fakes/fake-slack.js'

/** Distinctive fake secrets: any of them showing up in a file or a message is a leak. */
export const SECRETS = {
  routingKey: 'PDROUTINGsecret0000000000000a1b2',
  pagerDutyToken: 'pdAPIsecret-u+9zXq',
  botToken: 'xoxb-1111-2222-BOTsecretQ7',
  webhookSecret: 'WEBHOOKsecretZ9',
  jiraToken: 'JIRAsecret-ATATT3x',
  jiraEmail: 'automation@example.com',
}

/** What Jira Basic auth sends for SECRETS.jiraEmail/jiraToken: a leak in its own right. */
export const JIRA_BASIC_CREDENTIALS = Buffer.from(`${SECRETS.jiraEmail}:${SECRETS.jiraToken}`).toString('base64')

export const INCIDENT_ID = 'incident-2026-11-30-140200'

export function makeIncident(severity: Severity, overrides: Partial<Incident> = {}): Incident {
  return IncidentSchema.parse({
    schemaVersion: 1,
    id: INCIDENT_ID,
    title: 'Checkout API returning 500s',
    severity,
    symptoms: ['high-error-rate', 'database-issues'],
    service: 'checkout-api',
    status: 'investigating',
    createdAt: '2026-11-30T14:02:00.000Z',
    phases: {},
    timestamps: {startedAt: '2026-11-30T14:00:00.000Z', detectedAt: '2026-11-30T14:01:30.000Z', acknowledgedAt: null, mitigatedAt: null, resolvedAt: null},
    inputs: {},
    provider: 'offline',
    ...overrides,
  })
}

export const TRIAGE: TriageSummary = {
  impactSummary: '38% of checkout requests fail with HTTP 500 since 14:02 UTC',
  suspectedCause: 'Migration 0042 made orders.currency NOT NULL',
  nextUpdate: 'in 30 minutes (14:45 UTC)',
}

export function makeActionItem(n: number, overrides: Partial<ActionItem> = {}): ActionItem {
  return ActionItemSchema.parse({
    id: `#incident-${String(n).padStart(3, '0')}`,
    title: `Action ${n}: add a NOT NULL default check to migrations`,
    priority: 'HIGH',
    type: 'prevent',
    owner: 'payments-team',
    deadline: '2026-12-07',
    effort: '2 days',
    rationale: 'The migration broke inserts without a default.',
    evidenceIds: ['ev-logs-3', 'ev-git-a1b2c3d'],
    ...overrides,
  })
}

export async function makeTempDir(): Promise<{dir: string; cleanup: () => Promise<void>}> {
  const dir = await mkdtemp(join(tmpdir(), 'integrations-'))
  return {dir, cleanup: () => rm(dir, {recursive: true, force: true})}
}

export const TEST_START = '2026-11-30T14:10:00.000Z'

/**
 * Deps on an injected clock: `sleep` never really waits, it records the delay and moves the clock
 * on, so Retry-After periods and backoffs pass in no time. Reuse one deps object across the calls
 * of a test that must see time pass; `advance` moves the clock between calls (another run later).
 */
export function testDeps(overrides: Partial<IntegrationDeps> = {}): IntegrationDeps & {sleeps: number[]; advance(ms: number): void; elapsedMs(): number} {
  const sleeps: number[] = []
  const start = Date.parse(TEST_START)
  let now = start
  return {
    sleeps,
    sleep: async (ms) => {
      sleeps.push(ms)
      now += ms
    },
    advance: (ms) => {
      now += ms
    },
    elapsedMs: () => now - start,
    random: () => 0,
    now: () => new Date(now),
    timeoutMs: 2000,
    ...overrides,
  }
}

/** Every file under `dir`, as text, for leak checks. */
export async function readAllFiles(dir: string): Promise<string> {
  const names = await readdir(dir, {recursive: true, withFileTypes: true})
  const texts = await Promise.all(names.filter((entry) => entry.isFile()).map((entry) => readFile(join(entry.parentPath, entry.name), 'utf8')))
  return texts.join('\n')
}

export function expectNoSecrets(text: string): void {
  for (const secret of [...Object.entries(SECRETS).filter(([name]) => name !== 'jiraEmail').map(([, value]) => value), JIRA_BASIC_CREDENTIALS]) {
    if (text.includes(secret)) throw new Error(`secret leaked: ${secret.slice(0, 6)}…`)
  }
}

/** The PagerDuty incident `pagerdutyApi` fakes serve (notes are posted to it). */
export const PAGERDUTY_INCIDENT = {id: 'PNOTE01', incident_number: 4711, title: 'checkout-api 5xx', status: 'acknowledged', created_at: '2026-11-30T14:01:00Z'}

export interface VendorFakeOptions {
  pagerduty?: boolean
  /** The REST API, serving PAGERDUTY_INCIDENT with SECRETS.pagerDutyToken. */
  pagerdutyApi?: boolean
  slack?: boolean
  /** Project OPS, with SECRETS' Jira credentials. */
  jira?: boolean | {searchPageSize?: number}
}

/** The fakes and temp dir of the running test; a fake not asked for throws when read. */
export interface VendorFakes {
  readonly pagerduty: FakePagerDutyEvents
  readonly pagerdutyApi: FakePagerDutyApi
  readonly slack: FakeSlack
  readonly jira: FakeJira
  readonly dir: string
}

/**
 * Starts the asked-for vendor fakes (keyed to SECRETS) and a temp dir before each test of the
 * calling file, and closes them after. Read the handles inside hooks and tests: they are new each test.
 */
export function useVendorFakes(options: VendorFakeOptions): VendorFakes {
  let pagerduty: FakePagerDutyEvents | undefined
  let pagerdutyApi: FakePagerDutyApi | undefined
  let slack: FakeSlack | undefined
  let jira: FakeJira | undefined
  let temp: {dir: string; cleanup: () => Promise<void>} | undefined

  beforeEach(async () => {
    if (options.pagerduty) pagerduty = await startFakePagerDutyEvents(SECRETS.routingKey)
    if (options.pagerdutyApi) pagerdutyApi = await startFakePagerDutyApi({token: SECRETS.pagerDutyToken, incident: PAGERDUTY_INCIDENT, logEntries: []})
    if (options.slack) slack = await startFakeSlack({webhookSecret: SECRETS.webhookSecret, botToken: SECRETS.botToken, channel: '#incidents'})
    if (options.jira) {
      const extra = options.jira === true ? {} : options.jira
      jira = await startFakeJira({email: SECRETS.jiraEmail, token: SECRETS.jiraToken, project: 'OPS', ...extra})
    }
    temp = await makeTempDir()
  })
  afterEach(async () => {
    await Promise.all([pagerduty?.close(), pagerdutyApi?.close(), slack?.close(), jira?.close(), temp?.cleanup()])
    pagerduty = pagerdutyApi = slack = jira = temp = undefined
  })

  const live = <T>(name: string, value: T | undefined): T => {
    if (value === undefined) throw new Error(`useVendorFakes: no ${name} in this test (not asked for, or read outside a test)`)
    return value
  }
  return {
    get pagerduty() {
      return live('pagerduty', pagerduty)
    },
    get pagerdutyApi() {
      return live('pagerdutyApi', pagerdutyApi)
    },
    get slack() {
      return live('slack', slack)
    },
    get jira() {
      return live('jira', jira)
    },
    get dir() {
      return live('temp dir', temp?.dir)
    },
  }
}
