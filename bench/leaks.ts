/**
 * The leak measurement of issue L: secrets of every planted kind in every place of the evidence
 * and of the text people type, each place with secrets of its own, through the built CLI offline
 * and on Claude (a local fake API); every file, terminal output, request body and tool answer is
 * checked (test/leak/measure-leaks.ts; the same run is the test in test/leak). Prints what was
 * planted where, each leak, and one figure line:
 *
 *   leaks: <leaked> of <planted> planted secrets reached any output (<places> places checked)
 *
 *   npm run bench:leaks -- [--seed 20261112]
 */
import {mkdtemp, rm} from 'node:fs/promises'
import os from 'node:os'
import path from 'node:path'
import {parseArgs} from 'node:util'

import {claudeLeakRun, describeLeaks, findLeaks, leakFigure, offlineLeakRun} from '../test/leak/measure-leaks.js'

const {values: args} = parseArgs({options: {seed: {type: 'string', default: '20261112'}}})
const seed = Number(args.seed)
const work = await mkdtemp(path.join(os.tmpdir(), 'ir-bench-leaks-'))
const started = Date.now()
const runs = [await offlineLeakRun(path.join(work, 'offline'), seed), await claudeLeakRun(path.join(work, 'claude'), seed)]
const leaks = runs.flatMap((run) => findLeaks(run.planted, run.outputs))

const byPlace = new Map<string, Set<string>>()
for (const secret of runs.flatMap((run) => run.planted)) byPlace.set(secret.place ?? 'evidence', (byPlace.get(secret.place ?? 'evidence') ?? new Set()).add(secret.kind))
process.stdout.write(`planted (seed ${seed}), kinds per place: ${[...byPlace].map(([place, kinds]) => `${place} ${kinds.size}`).join(', ')}\n`)
for (const [i, run] of runs.entries()) process.stdout.write(`${i === 0 ? 'offline' : 'claude'}: ${run.planted.length} secrets planted, ${run.outputs.length} outputs checked, ${(run.outputs.reduce((sum, output) => sum + output.text.length, 0) / 1e6).toFixed(1)} MB of text\n`)
for (const line of describeLeaks(leaks)) process.stdout.write(`LEAK ${line}\n`)
process.stdout.write(`${leakFigure(runs, leaks)} in ${((Date.now() - started) / 1000).toFixed(0)} s\n`)
await rm(work, {recursive: true, force: true})
process.exit(leaks.length > 0 ? 1 : 0)
