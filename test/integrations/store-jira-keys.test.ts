import {readFile, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {afterEach, beforeEach, describe, expect, it} from 'vitest'

import {storeJiraKeys, withJiraKeys} from '../../src/integrations/jira/store-jira-keys.js'
import {INCIDENT_ID, makeActionItem, makeTempDir} from './fixtures.js'

let dir: string
let cleanup: () => Promise<void>
beforeEach(async () => {
  ;({dir, cleanup} = await makeTempDir())
})
afterEach(async () => {
  await cleanup()
})

describe('storing Jira keys', () => {
  it('fills in missing keys and never replaces a stored one', () => {
    const items = [makeActionItem(1), makeActionItem(2, {jiraKey: 'OPS-7'})]
    expect(withJiraKeys(items, {'#incident-001': 'OPS-9', '#incident-002': 'OPS-10'}).map((item) => item.jiraKey)).toEqual(['OPS-9', 'OPS-7'])
  })

  it('updates action-items.json in place and reports how many items gained a key', async () => {
    const path = join(dir, 'action-items.json')
    await writeFile(path, JSON.stringify({schemaVersion: 1, incidentId: INCIDENT_ID, items: [makeActionItem(1), makeActionItem(2)]}))
    expect(await storeJiraKeys(dir, {'#incident-002': 'OPS-102'})).toBe(1)
    const stored = JSON.parse(await readFile(path, 'utf8'))
    expect(stored.items.map((item: {jiraKey: string | null}) => item.jiraKey)).toEqual([null, 'OPS-102'])
    expect(await storeJiraKeys(dir, {'#incident-002': 'OPS-102'})).toBe(0)
  })

  it('does nothing without an action-items.json', async () => {
    expect(await storeJiraKeys(dir, {'#incident-001': 'OPS-1'})).toBe(0)
  })
})
