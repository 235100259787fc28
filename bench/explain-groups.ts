import {readLines} from '../src/evidence/logs/line-reader.js'
import {SourceReader} from '../src/evidence/logs/source-reader.js'
import {TemplateMiner} from '../src/evidence/logs/template-miner.js'
const file = process.argv[2]
const miner = new TemplateMiner()
const sink = {add(record: {message: string}) { miner.add(record.message.slice(0, 2000)) }}
const reader = new SourceReader(file, sink as never, {now: new Date(), reference: null})
const stats = await readLines(file, (line, n) => reader.line(line, n))
reader.finish(stats)
const groups = new Map<string, {count: number; clusters: number; template: string}>()
for (const c of miner.clusters) {
  const key = miner.groupKeyOf(c)
  const g = groups.get(key) ?? {count: 0, clusters: 0, template: miner.templateOf(c)}
  g.count += c.size; g.clusters++
  groups.set(key, g)
}
const sorted = [...groups.values()].sort((a, b) => b.count - a.count)
console.log('groups', groups.size, 'clusters', miner.clusters.length, 'singletons', sorted.filter((g) => g.count === 1).length)
for (const g of sorted.slice(0, Number(process.argv[3] ?? 25))) console.log(g.count, g.clusters, g.template.slice(0, 200))
console.log('--- small ones')
for (const g of sorted.filter((g) => g.count <= 2).slice(0, 25)) console.log(g.count, g.clusters, g.template.slice(0, 200))
