import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {appendRecords} from '../incident/atomic-write.js'
import {maskSecrets} from '../redact/mask-known-secrets.js'
import {type OutboxEntry, OutboxEntrySchema, type OutboxMessage, pendingEntry} from './outbox-entry.js'

export const OUTBOX_FILE = 'outbox.jsonl'

/**
 * The outbox of one incident: every outgoing message is appended here before it is sent, and
 * every state change appends the entry again, so the file is an append-only history and the
 * last line per id is the current state. Callers hold the incident lock around reads and writes.
 */
export async function readOutbox(dir: string): Promise<OutboxEntry[]> {
  let text: string
  try {
    text = await readFile(join(dir, OUTBOX_FILE), 'utf8')
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return []
    throw error
  }
  const latest = new Map<string, OutboxEntry>()
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue
    let json: unknown
    try {
      json = JSON.parse(line)
    } catch {
      continue // a torn line from a killed process
    }
    const parsed = OutboxEntrySchema.safeParse(json)
    if (parsed.success) latest.set(parsed.data.id, parsed.data) // Map keeps first-insertion order
  }
  return [...latest.values()]
}

/**
 * Append entries as one write. `secrets` are masked in each line as a last guard: payloads are
 * built without secrets, and this makes sure an error text quoting one cannot land on disk.
 */
export async function appendOutbox(dir: string, entries: readonly OutboxEntry[], secrets: readonly string[]): Promise<void> {
  if (entries.length === 0) return
  const lines = entries.map((entry) => maskSecrets(JSON.stringify(OutboxEntrySchema.parse(entry)), secrets) + '\n')
  await appendRecords(join(dir, OUTBOX_FILE), lines.join(''), {freshLine: true})
}

/** Queue messages not queued before (by id), so re-running a phase never sends twice. Returns the new entries. */
export async function enqueueMessages(
  dir: string,
  messages: readonly OutboxMessage[],
  options: {now: Date; secrets: readonly string[]},
): Promise<OutboxEntry[]> {
  const known = new Set((await readOutbox(dir)).map((entry) => entry.id))
  const fresh = messages.filter((message) => !known.has(message.id)).map((message) => pendingEntry(message, options.now))
  await appendOutbox(dir, fresh, options.secrets)
  return fresh
}
