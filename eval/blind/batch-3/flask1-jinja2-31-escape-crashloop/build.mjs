import {rng, writeText, writeJson, writeJsonl} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {event, list} from '../../lib/k8s.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
import {join} from 'node:path'
const dir = process.argv[2]
const r = rng(20220328)
const gts = (d) => `[${d.toISOString().replace('T', ' ').slice(0, 19)} +0000]`
const lines = []
const rollout = new Date('2022-03-28T10:14:30Z').getTime()
// kubectl logs --previous for each restart of each new pod, concatenated by the responder.
for (let restart = 0; restart < 6; restart++) {
  const t0 = new Date(rollout + 40000 + restart * Math.min(300, 10 * 2 ** restart) * 1000)
  const t = (s) => new Date(t0.getTime() + s)
  const w = r.int(7, 9)
  lines.push(`${gts(t(0))} [1] [INFO] Starting gunicorn 20.1.0`, `${gts(t(3))} [1] [INFO] Listening at: http://0.0.0.0:8000 (1)`, `${gts(t(3))} [1] [INFO] Using worker: sync`, `${gts(t(9))} [${w}] [INFO] Booting worker with pid: ${w}`,
    `${gts(t(620))} [${w}] [ERROR] Exception in worker process`, 'Traceback (most recent call last):',
    '  File "/usr/local/lib/python3.9/site-packages/gunicorn/arbiter.py", line 589, in spawn_worker', '    worker.init_process()',
    '  File "/usr/local/lib/python3.9/site-packages/gunicorn/util.py", line 359, in import_app', '    mod = importlib.import_module(module)',
    '  File "/app/billing/wsgi.py", line 1, in <module>', '    from billing.app import create_app',
    '  File "/app/billing/app.py", line 3, in <module>', '    from flask import Flask, render_template',
    '  File "/usr/local/lib/python3.9/site-packages/flask/__init__.py", line 14, in <module>', '    from jinja2 import escape',
    "ImportError: cannot import name 'escape' from 'jinja2' (/usr/local/lib/python3.9/site-packages/jinja2/__init__.py)",
    `${gts(t(621))} [${w}] [INFO] Worker exiting (pid: ${w})`, `${gts(t(700))} [1] [INFO] Shutting down: Master`, `${gts(t(700))} [1] [INFO] Reason: Worker failed to boot.`)
}
writeText(join(dir, 'logs/billing-web-previous.log'), lines.join('\n') + '\n')
const ns = 'billing'
const newPods = ['billing-web-5f8b7d9c6-4wq2z', 'billing-web-5f8b7d9c6-k8m1p']
const iso = (ms) => new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z')
const ev = [
  event({namespace: ns, kind: 'Deployment', name: 'billing-web', reason: 'ScalingReplicaSet', message: 'Scaled up replica set billing-web-5f8b7d9c6 to 1', first: iso(rollout), component: 'deployment-controller'}),
  event({namespace: ns, kind: 'Deployment', name: 'billing-web', reason: 'ScalingReplicaSet', message: 'Scaled up replica set billing-web-5f8b7d9c6 to 2 from 1', first: iso(rollout + 45000), component: 'deployment-controller'}),
]
for (const [i, p] of newPods.entries()) {
  const s = rollout + 2000 + i * 45000
  ev.push(event({namespace: ns, name: p, reason: 'Scheduled', message: `Successfully assigned billing/${p} to gke-prod-pool-2-${r.hex(8)}-${r.hex(4)}`, first: iso(s), component: 'default-scheduler'}))
  ev.push(event({namespace: ns, name: p, reason: 'Pulled', message: 'Container image "eu.gcr.io/acme-prod/billing-web:2022.03.28-1" already present on machine', first: iso(s + 4000), last: iso(s + 900000), count: 7, fieldPath: 'spec.containers{billing-web}'}))
  ev.push(event({namespace: ns, name: p, reason: 'Started', message: 'Started container billing-web', first: iso(s + 5000), last: iso(s + 900000), count: 7, fieldPath: 'spec.containers{billing-web}'}))
  ev.push(event({namespace: ns, name: p, reason: 'BackOff', message: 'Back-off restarting failed container', type: 'Warning', first: iso(s + 20000), last: iso(s + 1500000), count: 64, fieldPath: 'spec.containers{billing-web}'}))
  ev.push(event({namespace: ns, name: p, reason: 'Unhealthy', message: 'Readiness probe failed: Get "http://10.8.3.' + (20 + i) + ':8000/healthz": dial tcp 10.8.3.' + (20 + i) + ':8000: connect: connection refused', type: 'Warning', first: iso(s + 9000), last: iso(s + 1400000), count: 21, fieldPath: 'spec.containers{billing-web}'}))
}
ev.push(event({namespace: ns, kind: 'Deployment', name: 'billing-web', reason: 'ProgressDeadlineExceeded', message: 'ReplicaSet "billing-web-5f8b7d9c6" has timed out progressing.', type: 'Warning', first: iso(rollout + 600000), component: 'deployment-controller'}))
writeJson(join(dir, 'k8s/events.json'), list(ev))
const base = pythonService('billing')
const req = (jinja) => `Flask==1.1.4\nJinja2==${jinja}\nMarkupSafe==2.0.1\nitsdangerous==1.1.0\nWerkzeug==1.0.1\ngunicorn==20.1.0\nrequests==2.27.1\n`
const repo = buildRepo(join(dir, 'repo'), [
  {subject: 'billing-web: Flask app for invoices', author: people.eli, at: '2021-06-01T09:00:00Z', files: {...base, 'requirements.txt': req('2.11.3'), 'billing/app.py': 'from flask import Flask, render_template\n\ndef create_app():\n    return Flask(__name__)\n', 'billing/wsgi.py': 'from billing.app import create_app\napp = create_app()\n'}},
  {subject: 'Update dependency Jinja2 to v3.0.3', author: people.bot, at: '2021-11-10T04:00:00Z', files: {'requirements.txt': req('3.0.3')}},
  {subject: 'Update dependency Jinja2 to v3.1.0', author: people.bot, at: '2022-03-25T04:12:00Z', committedAt: '2022-03-28T09:40:00Z', committer: people.merge, body: 'Renovate: jinja2 3.0.3 -> 3.1.0. Release notes: removed deprecated code, including `jinja2.escape` and `jinja2.Markup` (use markupsafe).', files: {'requirements.txt': req('3.1.0')}},
  {subject: 'invoices: show the customer VAT id in the header', author: people.fay, at: '2022-03-28T09:55:00Z', files: {'billing/templates/invoice.html': '<header>{{ invoice.number }} · VAT {{ customer.vat_id or "-" }}</header>\n'}},
  {subject: 'docs: invoice template fields', author: people.ben, at: '2022-03-28T11:20:00Z', files: {'docs/invoices.md': '# Invoice fields\n\nnumber, customer.vat_id\n'}},
])
writeJsonl(join(dir, 'deploys.jsonl'), [
  {time: '2022-03-28T10:14:30Z', service: 'billing-web', version: '2022.03.28-1', sha: shaOf(repo, 'invoices: show the customer VAT id in the header'), kind: 'deploy', description: 'billing-web 2022.03.28-1'},
])
