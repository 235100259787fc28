import {rng, every, writeEvents, writeCsvMetrics, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20210301)
const flood = '2021-03-01T04:12:44Z'
const used = (d, node) => {
  const h = minutesSince(d, flood) / 60
  const base = {1: 89.6, 2: 95.02, 3: 88.9}[node]
  return Math.min(99.5, base + h * 0.19 + (r() - 0.5) * 0.05)
}
const esTime = (d) => d.toISOString().replace('T', 'T').replace('Z', '').replace(/\.(\d{3})$/, ',$1')
const nodeId = '[Lq-N3tZ8QY6B648xAA8H0g][es-data-2][/usr/share/elasticsearch/data/nodes/0]'
const es = every(r, '2021-02-28T12:00:00Z', '2021-03-01T06:00:00Z', 30000, (d) => {
  const u = used(d, 2)
  const free = ((100 - u) / 100 * 500).toFixed(1)
  const m = minutesSince(d, flood)
  if (m >= 0) return r.chance(0.2)
    ? `[${esTime(d)}][WARN ][o.e.c.r.a.DiskThresholdMonitor] [es-data-2] flood stage disk watermark [95%] exceeded on ${nodeId} free: ${free}gb[${(100 - u).toFixed(1)}%], all indices on this node will be marked read-only`
    : null
  if (u >= 90 && r.chance(0.2)) return `[${esTime(d)}][WARN ][o.e.c.r.a.DiskThresholdMonitor] [es-data-2] high disk watermark [90%] exceeded on ${nodeId} free: ${free}gb[${(100 - u).toFixed(1)}%], shards will be relocated away from this node; currently relocating away shards totalling [0] bytes; the node is expected to continue to exceed the high disk watermark when these relocations are complete`
  if (u >= 85 && r.chance(0.1)) return `[${esTime(d)}][INFO ][o.e.c.r.a.DiskThresholdMonitor] [es-data-2] low disk watermark [85%] exceeded on ${nodeId} free: ${free}gb[${(100 - u).toFixed(1)}%], replicas will not be assigned to this node`
  if (r.chance(0.05)) return `[${esTime(d)}][INFO ][o.e.c.m.MetadataCreateIndexService] [es-data-2] [logs-app-2021.03.0${d.getUTCDate() === 28 ? 1 : 2}] creating index, cause [auto(bulk api)], templates [logs-app], shards [3]/[1]`
  return `[${esTime(d)}][INFO ][o.e.m.j.JvmGcMonitorService] [es-data-2] [gc][${r.int(100000, 999999)}] overhead, spent [${r.int(200, 400)}ms] collecting in the last [1s]`
})
es.push({t: Date.parse(flood) + 300, text: `[${esTime(new Date(Date.parse(flood) + 300))}][WARN ][o.e.c.r.a.DiskThresholdMonitor] [es-data-2] flood stage disk watermark [95%] exceeded on ${nodeId} free: 24.8gb[4.9%], all indices on this node will be marked read-only`})
writeEvents(out(dir, 'logs/es-data-2.log'), es)
const py = (d) => d.toISOString().replace('T', ' ').replace('Z', '').replace('.', ',')
const ingest = every(r, '2021-02-28T12:00:00Z', '2021-03-01T06:00:00Z', 20000, (d) => {
  const idx = `logs-app-2021.0${d.getUTCMonth() + 1}.${String(d.getUTCDate()).padStart(2, '0')}`
  if (minutesSince(d, flood) >= 0.1) return [
    `${py(d)} ERROR ingest.bulk: bulk request to es-data failed; 500 documents requeued (queue ${r.int(40000, 900000)})`,
    'Traceback (most recent call last):',
    '  File "/app/ingest/bulk.py", line 47, in flush',
    '    helpers.bulk(self.es, actions, chunk_size=500)',
    '  File "/usr/local/lib/python3.9/site-packages/elasticsearch/helpers/actions.py", line 410, in bulk',
    '    for ok, item in streaming_bulk(',
    '  File "/usr/local/lib/python3.9/site-packages/elasticsearch/helpers/actions.py", line 329, in streaming_bulk',
    '    for data, (ok, info) in zip(',
    '  File "/usr/local/lib/python3.9/site-packages/elasticsearch/helpers/actions.py", line 256, in _process_bulk_chunk',
    '    for item in gen:',
    '  File "/usr/local/lib/python3.9/site-packages/elasticsearch/helpers/actions.py", line 195, in _process_bulk_chunk_success',
    '    raise BulkIndexError("%i document(s) failed to index." % len(errors), errors)',
    `elasticsearch.helpers.errors.BulkIndexError: ('500 document(s) failed to index.', [{'index': {'_index': '${idx}', '_type': '_doc', '_id': '${r.hex(20)}', 'status': 429, 'error': {'type': 'cluster_block_exception', 'reason': 'index [${idx}] blocked by: [TOO_MANY_REQUESTS/12/disk usage exceeded flood-stage watermark, index has read-only-allow-delete block];'}}}])`,
  ]
  return `${py(d)} INFO ingest.bulk: indexed ${r.int(400, 500)} documents into ${idx} in ${r.int(40, 300)} ms`
})
writeEvents(out(dir, 'logs/ingest-worker.log'), ingest)
writeCsvMetrics(out(dir, 'metrics/disk.csv'), '2021-02-26T06:00:00Z', '2021-03-01T06:00:00Z', 900000, {
  es_data_1_disk_used_percent: (d) => used(d, 1),
  es_data_2_disk_used_percent: (d) => used(d, 2),
  es_data_3_disk_used_percent: (d) => used(d, 3),
  ingest_queue_depth: (d) => (minutesSince(d, flood) >= 0 ? Math.round(minutesSince(d, flood) * 9000) : r.int(0, 400)),
})
const req = (extra = '') => `elasticsearch==7.10.1\nuser-agents==2.2.0\n${extra}`
buildRepo(out(dir, 'repo'), [
  {subject: 'log-ingest: bulk worker for the app log indices', author: people.chen, at: '2020-10-05T10:00:00Z', files: {'requirements.txt': req(), 'ingest/bulk.py': 'from elasticsearch import Elasticsearch, helpers\n\n\nclass Bulk:\n    def flush(self, actions):\n        helpers.bulk(self.es, actions, chunk_size=500)\n', 'templates/logs-app.json': '{"index_patterns": ["logs-app-*"], "settings": {"number_of_shards": 3, "number_of_replicas": 1}}\n', 'README.md': '# log-ingest\n'}},
  {subject: 'ingest: parse user_agent into ECS fields', author: people.fay, at: '2021-02-28T15:00:00Z', files: {'ingest/enrich.py': 'from user_agents import parse\n\n\ndef enrich(doc):\n    ua = parse(doc.get("user_agent", ""))\n    doc["user_agent.os.name"] = ua.os.family\n    return doc\n'}},
  {subject: 'ingest: fix typo in the requeue log message', author: people.ben, at: '2021-03-01T01:10:00Z', files: {'ingest/queue.py': 'MESSAGE = "documents requeued"\n'}},
])
