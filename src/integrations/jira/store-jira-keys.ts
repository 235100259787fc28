import {access} from 'node:fs/promises'
import {join} from 'node:path'

import {type ActionItem, ActionItemsFileSchema} from '../../incident/action-item.js'
import {writeJsonAtomic} from '../../incident/atomic-write.js'
import {readJsonFile} from '../../incident/store.js'

export const ACTION_ITEMS_FILE = 'action-items.json'

/** Items with the Jira keys filled in; a key already stored is never replaced. */
export function withJiraKeys(items: readonly ActionItem[], jiraKeys: Readonly<Record<string, string>>): ActionItem[] {
  return items.map((item) => (item.jiraKey === null && jiraKeys[item.id] ? {...item, jiraKey: jiraKeys[item.id]} : item))
}

/**
 * Record created keys in `action-items.json` (the caller holds the incident lock). Returns how
 * many items gained a key; 0 and no write when the file is absent or nothing changed.
 */
export async function storeJiraKeys(dir: string, jiraKeys: Readonly<Record<string, string>>): Promise<number> {
  const path = join(dir, ACTION_ITEMS_FILE)
  try {
    await access(path)
  } catch {
    return 0
  }
  const file = await readJsonFile(path, ActionItemsFileSchema)
  const items = withJiraKeys(file.items, jiraKeys)
  const gained = items.filter((item, index) => item.jiraKey !== file.items[index].jiraKey).length
  if (gained > 0) await writeJsonAtomic(path, {...file, items})
  return gained
}
