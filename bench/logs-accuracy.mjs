/**
 * Child process of bench/logs.ts: the Grouping Accuracy of the template miner on a corpus with
 * known templates. Reads the file once, single-threaded, with the built readers (events as the
 * analysis sees them: traces attached, the message of a JSON line its message field) and mines
 * every event's message as the aggregator does; an event's group is its cluster's final group
 * key, its truth the template the corpus wrote for its first line (`<file>.truth`).
 *
 *   node bench/logs-accuracy.mjs FILE
 */
import {readFile} from 'node:fs/promises'

import {readLines} from '../dist/evidence/logs/line-reader.js'
import {SourceReader} from '../dist/evidence/logs/source-reader.js'
import {coveredGroupKeys} from '../dist/evidence/logs/covering-templates.js'
import {TemplateMiner} from '../dist/evidence/logs/template-miner.js'

const MAX_MINED_CHARS = 2000
const file = process.argv[2]
if (!file) throw new Error('usage: logs-accuracy.mjs FILE')
const raw = await readFile(`${file}.truth`)
const truthOfLine = new Uint32Array(raw.buffer, raw.byteOffset, raw.byteLength / 4)
const miner = new TemplateMiner()
let predicted = new Int32Array(1 << 20)
let truth = new Uint32Array(1 << 20)
let events = 0
const sink = {
  add(record, _raw, _file, line) {
    if (events === predicted.length) {
      const p = new Int32Array(events * 2)
      p.set(predicted)
      predicted = p
      const t = new Uint32Array(events * 2)
      t.set(truth)
      truth = t
    }
    const message = record.message.length > MAX_MINED_CHARS ? record.message.slice(0, MAX_MINED_CHARS) : record.message
    predicted[events] = miner.add(message).id
    truth[events] = truthOfLine[line - 1]
    events++
  },
}
const reader = new SourceReader(file, sink, {now: new Date(), reference: null})
const stats = await readLines(file, (line, n) => reader.line(line, n))
reader.finish(stats)

// Clusters reported as one group (equal group keys) are one predicted template.
const groupOfCluster = new Int32Array(miner.clusters.length)
const keys = new Map()
const coveredKeys = coveredGroupKeys(miner)
for (const cluster of miner.clusters) {
  const key = coveredKeys[cluster.id]
  let group = keys.get(key)
  if (group === undefined) keys.set(key, (group = keys.size))
  groupOfCluster[cluster.id] = group
}
// A group is right when its events are exactly the events of one true template.
const truthSize = new Map()
for (let i = 0; i < events; i++) truthSize.set(truth[i], (truthSize.get(truth[i]) ?? 0) + 1)
const size = new Int32Array(keys.size)
const label = new Int32Array(keys.size).fill(-1)
const pure = new Uint8Array(keys.size).fill(1)
for (let i = 0; i < events; i++) {
  const group = groupOfCluster[predicted[i]]
  size[group]++
  if (label[group] === -1) label[group] = truth[i]
  else if (label[group] !== truth[i]) pure[group] = 0
}
let correct = 0
for (let g = 0; g < keys.size; g++) if (pure[g] && truthSize.get(label[g]) === size[g]) correct += size[g]
console.log(JSON.stringify({events, groups: keys.size, truthTemplates: truthSize.size, ga: events === 0 ? 1 : correct / events}))
