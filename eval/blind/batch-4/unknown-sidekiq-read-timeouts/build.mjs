import {rng, every, writeEvents, writeJsonl, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240903)
const from = new Date('2024-09-03T11:42:10Z').getTime()
const to = new Date('2024-09-03T11:47:40Z').getTime()
const jobs = [
  ['InvoiceSyncJob', 'https://api.partner-billing.example/v3/invoices', 'lib/billing/client.rb:44'],
  ['ThumbnailJob', 'https://assets-prod.s3.eu-central-1.amazonaws.com', 'app/jobs/thumbnail_job.rb:21'],
  ['WebhookDeliveryJob', 'https://hooks.customer-a.example/events', 'app/services/webhook_sender.rb:37'],
  ['SearchIndexJob', 'http://opensearch.internal:9200/_bulk', 'app/jobs/search_index_job.rb:18'],
]
// Sidekiq 7 default formatter: "<ts> pid=<pid> tid=<tid> class=<job> jid=<jid> [elapsed=<s>] <LEVEL>: <msg>"
const worker = (name, pid, affected) => every(r, '2024-09-03T10:30:00Z', '2024-09-03T13:00:00Z', 800, (d) => {
  const [cls, host, frame] = r.pick(jobs)
  const tid = r.hex(4)
  const jid = r.hex(24)
  const ts = d.toISOString()
  if (affected && d.getTime() >= from && d.getTime() < to && r.chance(0.6)) {
    return [
      `${ts} pid=${pid} tid=${tid} class=${cls} jid=${jid} elapsed=${(15 + r() * 0.05).toFixed(3)} INFO: fail`,
      `${ts} pid=${pid} tid=${tid} WARN: {"context":"Job raised exception","job":{"retry":true,"queue":"default","class":"${cls}","jid":"${jid}","retry_count":${r.int(0, 2)}}}`,
      `${ts} pid=${pid} tid=${tid} WARN: Net::ReadTimeout: Net::ReadTimeout with #<TCPSocket:(closed)>`,
      `${ts} pid=${pid} tid=${tid} WARN: /usr/local/lib/ruby/3.3.0/net/protocol.rb:229:in \`rbuf_fill'`,
      `${ts} pid=${pid} tid=${tid} WARN: /usr/local/lib/ruby/3.3.0/net/http.rb:2348:in \`transport_request'`,
      `${ts} pid=${pid} tid=${tid} WARN: /app/${frame}:in \`perform'`,
    ]
  }
  return [`${ts} pid=${pid} tid=${tid} class=${cls} jid=${jid} INFO: start`, `${new Date(d.getTime() + 300).toISOString()} pid=${pid} tid=${tid} class=${cls} jid=${jid} elapsed=${(0.05 + r() * 0.8).toFixed(3)} INFO: done`]
})
writeEvents(out(dir, 'logs/sidekiq-worker-1.log'), worker('worker-1', 7, false))
writeEvents(out(dir, 'logs/sidekiq-worker-2.log'), worker('worker-2', 7, true))
writeEvents(out(dir, 'logs/sidekiq-worker-5.log'), worker('worker-5', 8, true))
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'app: Rails 7.2 with Sidekiq 7 workers', author: people.ben, at: '2024-02-01T10:00:00Z', files: {'Gemfile': "source 'https://rubygems.org'\ngem 'rails', '~> 7.2'\ngem 'sidekiq', '~> 7.2'\n", 'config/sidekiq.yml': ':concurrency: 10\n:queues:\n  - default\n', 'README.md': '# app\n'}},
  {subject: 'billing client: 15 s read timeout', author: people.chen, at: '2024-06-18T09:00:00Z', files: {'lib/billing/client.rb': 'class Billing::Client\n  READ_TIMEOUT = 15\nend\n'}},
  {subject: 'admin: bulk export button on the invoices page', author: people.fay, at: '2024-09-03T10:20:00Z', files: {'app/views/admin/invoices/index.html.erb': '<%= button_to "Export all", admin_invoices_export_path %>\n'}},
  {subject: 'docs: sidekiq retry policy', author: people.ana, at: '2024-09-03T10:50:00Z', files: {'docs/sidekiq.md': '# Retries\n\n25 retries over ~21 days, exponential backoff.\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-09-03T11:02:00Z', service: 'app', version: '2024.09.03.2', sha: shaOf(repo, 'docs: sidekiq retry policy'), kind: 'deploy', description: 'app 2024.09.03.2 (web and workers)'},
])
