import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {beforeEach, describe, expect, it} from 'vitest'

import {loadIntegrationConfig} from '../../src/integrations/config.js'
import {createJiraIssuesForActionItems, syncOutbox} from '../../src/integrations/notify.js'
import {OUTBOX_FILE, readOutbox} from '../../src/integrations/outbox.js'
import {json} from './fakes/fake-server.js'
import type {FakeJira} from './fakes/fake-jira.js'
import {expectNoSecrets, INCIDENT_ID, makeActionItem, makeIncident, readAllFiles, SECRETS, testDeps, useVendorFakes} from './fixtures.js'

const fakes = useVendorFakes({jira: {searchPageSize: 2}})
let jira: FakeJira
let dir: string
beforeEach(() => {
  ;({jira, dir} = fakes)
})

function config(overrides: Record<string, string> = {}) {
  return loadIntegrationConfig({JIRA_BASE_URL: jira.url, JIRA_EMAIL: SECRETS.jiraEmail, JIRA_API_TOKEN: SECRETS.jiraToken, JIRA_PROJECT: 'OPS', ...overrides})
}

const incident = makeIncident('P0')
const paths = () => jira.requests.map((request) => request.path)

describe('createJiraIssuesForActionItems', () => {
  it('creates one issue per action item in one bulk call, with ADF context, mapped priority and labels', async () => {
    const items = [makeActionItem(1, {priority: 'CRITICAL'}), makeActionItem(2, {priority: 'HIGH'}), makeActionItem(3, {priority: 'MEDIUM', evidenceIds: []})]
    const result = await createJiraIssuesForActionItems({dir, incident, items, config: config(), deps: testDeps(), mode: 'send'})
    expect(result).toMatchObject({delivered: 3, pending: 0, failed: []})
    expect(result.jiraKeys).toEqual({'#incident-001': 'OPS-101', '#incident-002': 'OPS-102', '#incident-003': 'OPS-103'})
    expect(paths()).toEqual(['/rest/api/3/search/jql', '/rest/api/3/issue/bulk'])
    expect(jira.issues.map((issue) => issue.fields.priority.name)).toEqual(['Highest', 'High', 'Medium'])
    expect(jira.issues[0].fields).toEqual({
      project: {key: 'OPS'},
      summary: '[P0] Action 1: add a NOT NULL default check to migrations',
      issuetype: {name: 'Task'},
      labels: ['incident', INCIDENT_ID, 'P0', `${INCIDENT_ID}-001`],
      priority: {name: 'Highest'},
      description: {
        type: 'doc',
        version: 1,
        content: [
          {
            type: 'paragraph',
            content: [
              {type: 'text', text: 'Action item '},
              {type: 'text', text: '#incident-001', marks: [{type: 'strong'}]},
              {type: 'text', text: ' from incident '},
              {type: 'text', text: INCIDENT_ID, marks: [{type: 'code'}]},
              {type: 'text', text: ' (P0, Checkout API returning 500s).'},
            ],
          },
          {type: 'heading', attrs: {level: 3}, content: [{type: 'text', text: 'Why'}]},
          {type: 'paragraph', content: [{type: 'text', text: 'The migration broke inserts without a default.'}]},
          {type: 'heading', attrs: {level: 3}, content: [{type: 'text', text: 'Details'}]},
          {
            type: 'bulletList',
            content: [
              ['Type: ', 'prevent'],
              ['Owner: ', 'payments-team'],
              ['Deadline: ', '2026-12-07'],
              ['Effort: ', '2 days'],
            ].map(([label, value]) => ({
              type: 'listItem',
              content: [{type: 'paragraph', content: [{type: 'text', text: label, marks: [{type: 'strong'}]}, {type: 'text', text: value}]}],
            })),
          },
          {type: 'heading', attrs: {level: 3}, content: [{type: 'text', text: 'Evidence'}]},
          {
            type: 'bulletList',
            content: ['ev-logs-3', 'ev-git-a1b2c3d'].map((id) => ({type: 'listItem', content: [{type: 'paragraph', content: [{type: 'text', text: id, marks: [{type: 'code'}]}]}]})),
          },
        ],
      },
    })
    expect(jira.issues[2].fields.description.content.at(-1)).toEqual({type: 'paragraph', content: [{type: 'text', text: 'No evidence cited.'}]})
  })

  it('never re-creates: a re-run sends nothing, items with a jiraKey are skipped', async () => {
    const items = [makeActionItem(1), makeActionItem(2)]
    const first = await createJiraIssuesForActionItems({dir, incident, items, config: config(), deps: testDeps(), mode: 'send'})
    const requestsAfterFirst = jira.requests.length
    const rerun = await createJiraIssuesForActionItems({dir, incident, items, config: config(), deps: testDeps(), mode: 'send'})
    expect(rerun).toMatchObject({delivered: 0, failed: [], jiraKeys: first.jiraKeys})
    const stored = items.map((item) => ({...item, jiraKey: first.jiraKeys[item.id]}))
    const withKeys = await createJiraIssuesForActionItems({dir, incident, items: [...stored, makeActionItem(3)], config: config(), deps: testDeps(), mode: 'send'})
    expect(withKeys.jiraKeys).toEqual({'#incident-001': 'OPS-101', '#incident-002': 'OPS-102', '#incident-003': 'OPS-103'})
    expect(jira.issues).toHaveLength(3)
    expect(jira.requests.length).toBe(requestsAfterFirst + 2)
  })

  it('survives a crash between create and store: the label search finds the issues instead of duplicating', async () => {
    const items = [makeActionItem(1), makeActionItem(2), makeActionItem(3)]
    await createJiraIssuesForActionItems({dir, incident, items, config: config(), deps: testDeps(), mode: 'send'})
    // The process died after Jira created the issues and before the outbox recorded them: only the pending lines remain.
    const lines = (await readFile(join(dir, OUTBOX_FILE), 'utf8')).split('\n')
    await writeFile(join(dir, OUTBOX_FILE), lines.slice(0, 3).join('\n') + '\n')
    expect((await readOutbox(dir)).map((entry) => entry.status)).toEqual(['pending', 'pending', 'pending'])

    const again = await syncOutbox({dir, config: config(), deps: testDeps()})
    expect(again).toMatchObject({delivered: 3, failed: [], jiraKeys: {'#incident-001': 'OPS-101', '#incident-002': 'OPS-102', '#incident-003': 'OPS-103'}})
    expect(jira.issues).toHaveLength(3)
    expect((await readOutbox(dir)).map((entry) => entry.result)).toEqual([
      {key: 'OPS-101', foundBy: 'label'},
      {key: 'OPS-102', foundBy: 'label'},
      {key: 'OPS-103', foundBy: 'label'},
    ])
    // three labels over search pages of two: the lookup paged with nextPageToken
    expect(jira.requests.slice(-2).map((request) => (request.json as {nextPageToken?: string}).nextPageToken)).toEqual([undefined, '2'])
  })

  it('handles partial bulk success: created keys are kept, the refused item waits until it is resent', async () => {
    jira.behaviour.rejectSummariesContaining = 'Action 2'
    const items = [makeActionItem(1), makeActionItem(2), makeActionItem(3)]
    const result = await createJiraIssuesForActionItems({dir, incident, items, config: config(), deps: testDeps(), mode: 'send'})
    expect(result).toMatchObject({delivered: 2, pending: 1, failed: [{channel: 'jira', error: 'Jira: 400 summary: Summary is not allowed.'}]})
    expect(result.blocked).toEqual([{id: `jira:${INCIDENT_ID}-002`, channel: 'jira', error: 'Jira: 400 summary: Summary is not allowed.'}])
    expect(result.jiraKeys).toEqual({'#incident-001': 'OPS-101', '#incident-003': 'OPS-102'})
    // A refusal is not resent under the same settings: Jira would refuse it again.
    expect(await syncOutbox({dir, config: config(), deps: testDeps()})).toMatchObject({delivered: 0, pending: 1})
    jira.behaviour.rejectSummariesContaining = null
    const sync = await syncOutbox({dir, config: config(), deps: testDeps(), resend: [`jira:${INCIDENT_ID}-002`]})
    expect(sync).toMatchObject({delivered: 1, pending: 0, failed: []})
    expect(sync.jiraKeys['#incident-002']).toBe('OPS-103')
    expect(jira.issues).toHaveLength(3)
    expect(await syncOutbox({dir, config: config(), deps: testDeps()})).toMatchObject({delivered: 0, pending: 0})
  })

  it('a bulk call where every item fails (400) reports each, naming the project setting', async () => {
    const result = await createJiraIssuesForActionItems({dir, incident, items: [makeActionItem(1)], config: config({JIRA_PROJECT: 'NOPE'}), deps: testDeps(), mode: 'send'})
    expect(result.failed).toEqual([{channel: 'jira', error: 'Jira: 400 project: valid project is required — check JIRA_PROJECT'}])
  })

  it('splits more than 50 items into bulk calls of at most 50', async () => {
    const items = Array.from({length: 53}, (_, index) => makeActionItem(index + 1))
    const result = await createJiraIssuesForActionItems({dir, incident, items, config: config(), deps: testDeps(), mode: 'send'})
    expect(result.delivered).toBe(53)
    const bulkSizes = jira.requests.filter((request) => request.path.endsWith('/bulk')).map((request) => (request.json as {issueUpdates: unknown[]}).issueUpdates.length)
    expect(bulkSizes).toEqual([50, 3])
  })

  it('creates nothing when the duplicate check fails, and names the settings on 401 once', async () => {
    const result = await createJiraIssuesForActionItems({dir, incident, items: [makeActionItem(1), makeActionItem(2)], config: config({JIRA_API_TOKEN: 'wrong-token'}), deps: testDeps(), mode: 'send'})
    expect(result.failed).toEqual([{channel: 'jira', error: 'Jira: 401 Client must be authenticated to access this resource. — check JIRA_EMAIL and JIRA_API_TOKEN'}])
    expect(result.pending).toBe(2)
    expect(paths()).toEqual(['/rest/api/3/search/jql'])
    expect(jira.issues).toHaveLength(0)
  })

  it('waits out a 429 Retry-After from Jira', async () => {
    jira.script(json(429, {errorMessages: ['Rate limit exceeded']}, {'retry-after': '5'}))
    const deps = testDeps()
    const result = await createJiraIssuesForActionItems({dir, incident, items: [makeActionItem(1)], config: config(), deps, mode: 'send'})
    expect(result.delivered).toBe(1)
    expect(deps.sleeps).toEqual([5000])
  })

  it('dry-run shows the search and the bulk request with the credentials masked', async () => {
    const result = await createJiraIssuesForActionItems({dir, incident, items: [makeActionItem(1)], config: config(), deps: testDeps(), mode: 'dry-run'})
    expect(jira.requests).toHaveLength(0)
    expect(result.dryRun.map((planned) => planned.request.url)).toEqual([`${jira.url}/rest/api/3/search/jql`, `${jira.url}/rest/api/3/issue/bulk`])
    expect(result.dryRun[0].request.json).toEqual({jql: `labels in ("${INCIDENT_ID}-001")`, fields: ['labels'], maxResults: 100})
    expect(result.dryRun[1].request.headers.authorization).toBe('***')
    expectNoSecrets(JSON.stringify(result))
    expect(await readAllFiles(dir)).toBe('')
  })
})
