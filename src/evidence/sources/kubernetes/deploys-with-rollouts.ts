import {readFile} from 'node:fs/promises'
import {join} from 'node:path'

import {UserError} from '../../../errors/errors.js'
import {writeFileAtomic} from '../../../incident/atomic-write.js'
import {redact} from '../../../redact/redact.js'
import {parseDeploys, type ReadDeploysResult} from '../../deploys/read-deploys.js'
import {SOURCES_DIR} from '../answer-store.js'
import type {RolloutEvent} from './rollout-events.js'

/**
 * The deploy events of the incident when the cluster recorded rollouts: the user's `--deploys`
 * lines first (same line numbers, redacted), then the rollouts, saved as one JSON-lines file in
 * the incident folder and read by the deploy reader, so every event is cited by its line there.
 */
export async function deploysWithRollouts(userFile: string | null, rollouts: readonly RolloutEvent[], incidentDir: string): Promise<ReadDeploysResult> {
  const own = userFile
    ? await readFile(userFile, 'utf8').catch((error: NodeJS.ErrnoException) => {
        throw new UserError(`Cannot read --deploys ${userFile}: ${error.code ?? error.message}`)
      })
    : ''
  const head = own === '' ? '' : own.split('\n').map((line) => redact(line)).join('\n').replace(/\n?$/, '\n')
  const text = head + rollouts.map((event) => JSON.stringify(event)).join('\n') + '\n'
  const file = `${SOURCES_DIR}/kubernetes/deploys.jsonl`
  await writeFileAtomic(join(incidentDir, file), text)
  return parseDeploys(file, text)
}
