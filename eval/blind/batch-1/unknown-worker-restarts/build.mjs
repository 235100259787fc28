import {rng, every, at, writeEvents, writeCsvMetrics, fmt, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20241105)
const kills = ['2024-11-05T09:12:41Z', '2024-11-05T09:31:07Z', '2024-11-05T09:49:55Z']
const sup = [
  at('2024-11-05T08:00:00Z', `${fmt.python(new Date('2024-11-05T08:00:00Z'))} INFO success: worker entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)`),
  ...kills.flatMap((k, i) => {
    const d = new Date(k)
    const d2 = new Date(d.getTime() + 1000), d3 = new Date(d.getTime() + 2500)
    return [
      at(d, `${fmt.python(d)} INFO exited: worker (terminated by SIGKILL; not expected)`),
      at(d2, `${fmt.python(d2)} INFO spawned: 'worker' with pid ${41000 + i * 17}`),
      at(d3, `${fmt.python(d3)} INFO success: worker entered RUNNING state, process has stayed up for > than 1 seconds (startsecs)`),
    ]
  }),
]
writeEvents(out(dir, 'logs/supervisord.log'), sup)
const worker = every(r, '2024-11-05T08:00:00Z', '2024-11-05T10:00:00Z', 2000, (d) => `${fmt.python(d)} INFO email_worker.consumer sent message ${r.hex(12)} template=${r.pick(['receipt', 'reset-password', 'digest'])} in ${r.int(40, 300)}ms`)
writeEvents(out(dir, 'logs/worker.log'), worker)
writeCsvMetrics(out(dir, 'metrics/worker.csv'), '2024-11-05T08:00:00Z', '2024-11-05T10:00:00Z', 60000, {
  worker_rss_mb: () => 170 + r() * 20,
  worker_memory_limit_mb: () => 512,
  worker_cpu_percent: () => 22 + r() * 8,
  queue_depth: (d) => (kills.some((k) => Math.abs(d - new Date(k)) < 120000) ? 400 + r() * 100 : 10 + r() * 10),
})
buildRepo(out(dir, 'repo'), [
  {subject: 'email worker: consume the outbound queue', author: people.eli, at: '2024-05-01T10:00:00Z', files: {...pythonService('email_worker'), 'deploy/supervisord.conf': '[program:worker]\ncommand=python -m email_worker.consumer\nautorestart=true\nstopsignal=TERM\n'}},
  {subject: 'Digest template: add unsubscribe footer', author: people.fay, at: '2024-10-28T10:00:00Z', files: {'templates/digest.txt': 'Your weekly digest\n\n--\nUnsubscribe: {{unsubscribe_url}}\n'}},
])
