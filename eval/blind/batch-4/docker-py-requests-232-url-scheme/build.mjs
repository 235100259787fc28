import {rng, every, at, writeJsonl, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240521)
const deploy = new Date('2024-05-21T08:15:00Z').getTime()
const host = 'ci-runner-03'
let pid = 48211
let cursorN = 0
// `journalctl -u sandbox-runner -u systemd -o json`: one object per line, __REALTIME_TIMESTAMP in µs.
const j = (t, ident, prio, msg, extra = {}) => ({
  __CURSOR: `s=7c1e${(cursorN++).toString(16).padStart(6, '0')};i=${(0x4a000 + cursorN).toString(16)}`,
  __REALTIME_TIMESTAMP: `${Math.round(t)}000`,
  __MONOTONIC_TIMESTAMP: `${Math.round(t - 1716000000000)}000`,
  _BOOT_ID: '3f0c6b2d9a7e4f51b1c2d3e4f5a6b7c8',
  _HOSTNAME: host, PRIORITY: String(prio), SYSLOG_FACILITY: ident === 'systemd' ? '3' : undefined,
  SYSLOG_IDENTIFIER: ident, _SYSTEMD_UNIT: ident === 'systemd' ? 'init.scope' : 'sandbox-runner.service',
  _PID: ident === 'systemd' ? '1' : String(pid), _TRANSPORT: ident === 'systemd' ? 'journal' : 'stdout',
  MESSAGE: msg, ...extra,
})
const rows = []
// Healthy: the runner picks build jobs and starts containers.
for (const e of every(r, '2024-05-21T06:30:00Z', '2024-05-21T08:15:00Z', 9000, (d) => d)) {
  const t = e.t
  const job = r.int(880000, 889999)
  rows.push(j(t, 'sandbox-runner', 6, `2024-05-21 ${new Date(t).toISOString().slice(11, 23).replace('.', ',')} INFO runner.jobs: job ${job} started container ${r.hex(12)} image=registry.example.com/ci/node:20`))
  const done = t + r.int(2000, 6000)
  rows.push(j(done, 'sandbox-runner', 6, `2024-05-21 ${new Date(done).toISOString().slice(11, 23).replace('.', ',')} INFO runner.jobs: job ${job} finished exit_code=0`))
}
rows.push(j(deploy, 'systemd', 6, 'Stopping sandbox-runner.service - CI sandbox runner...'))
rows.push(j(deploy + 900, 'systemd', 6, 'sandbox-runner.service: Deactivated successfully.'))
// After the release: every start dies in docker.from_env().
let t = deploy + 2500
let n = 0
while (t < new Date('2024-05-21T10:40:00Z').getTime()) {
  pid += r.int(3, 40)
  n++
  rows.push(j(t, 'systemd', 6, 'Started sandbox-runner.service - CI sandbox runner.'))
  const ts = (dt) => `2024-05-21 ${new Date(t + dt).toISOString().slice(11, 23).replace('.', ',')}`
  const tb = [
    `${ts(640)} INFO runner.main: sandbox-runner 3.14.0 starting (python 3.11.9, docker 7.0.0)`,
    'Traceback (most recent call last):',
    '  File "/opt/sandbox-runner/venv/lib/python3.11/site-packages/requests/adapters.py", line 532, in send',
    '    conn = self._get_connection(request, verify, proxies=proxies, cert=cert)',
    '           ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^',
    '  File "/opt/sandbox-runner/venv/lib/python3.11/site-packages/requests/adapters.py", line 400, in _get_connection',
    '    conn = self.poolmanager.connection_from_host(',
    '  File "/opt/sandbox-runner/venv/lib/python3.11/site-packages/urllib3/poolmanager.py", line 304, in connection_from_host',
    '    return self.connection_from_context(request_context)',
    '  File "/opt/sandbox-runner/venv/lib/python3.11/site-packages/urllib3/poolmanager.py", line 326, in connection_from_context',
    '    raise URLSchemeUnknown(scheme)',
    'urllib3.exceptions.URLSchemeUnknown: Not supported URL scheme http+docker',
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "/opt/sandbox-runner/venv/lib/python3.11/site-packages/docker/api/client.py", line 214, in _retrieve_server_version',
    '    return self.version(api_version=False)["ApiVersion"]',
    '  File "/opt/sandbox-runner/venv/lib/python3.11/site-packages/requests/adapters.py", line 534, in send',
    '    raise InvalidURL(e, request=request)',
    'requests.exceptions.InvalidURL: Not supported URL scheme http+docker',
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "/opt/sandbox-runner/runner/main.py", line 41, in <module>',
    '    client = docker.from_env()',
    '  File "/opt/sandbox-runner/venv/lib/python3.11/site-packages/docker/client.py", line 94, in from_env',
    '    return cls(',
    '  File "/opt/sandbox-runner/venv/lib/python3.11/site-packages/docker/api/client.py", line 221, in _retrieve_server_version',
    '    raise DockerException(',
    'docker.errors.DockerException: Error while fetching server API version: Not supported URL scheme http+docker',
  ]
  tb.forEach((m, i) => rows.push(j(t + 640 + i, 'sandbox-runner', i === 0 ? 6 : 3, m)))
  rows.push(j(t + 700, 'systemd', 5, 'sandbox-runner.service: Main process exited, code=exited, status=1/FAILURE'))
  rows.push(j(t + 701, 'systemd', 4, "sandbox-runner.service: Failed with result 'exit-code'."))
  rows.push(j(t + 10700, 'systemd', 6, `sandbox-runner.service: Scheduled restart job, restart counter is at ${n}.`))
  t += 10700 + 10
}
// journalctl prints entries in time order.
rows.sort((a, b) => Number(BigInt(a.__REALTIME_TIMESTAMP) - BigInt(b.__REALTIME_TIMESTAMP)))
writeJsonl(out(dir, 'logs/journal.json'), rows.map((o) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined))))

const req = (requests, docker) => `docker==${docker}\nrequests>=${requests === '2.32.0' ? '2.32.0' : '2.31.0'},<3\nPyYAML==6.0.1\nprometheus-client==0.20.0\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'sandbox-runner: run CI jobs in throwaway containers', author: people.chen, at: '2023-11-02T10:00:00Z', files: {'requirements.txt': req('2.31.0', '6.1.3'), 'requirements-dev.txt': 'ruff==0.4.3\npytest==8.2.0\n', 'runner/main.py': 'import docker\n\nfrom runner import jobs\n\nclient = docker.from_env()\njobs.loop(client)\n', 'runner/jobs.py': 'def loop(client):\n    ...\n', 'README.md': '# sandbox-runner\n'}},
  {subject: 'Bump docker from 6.1.3 to 7.0.0', author: people.bot, at: '2024-04-02T04:00:00Z', files: {'requirements.txt': req('2.31.0', '7.0.0')}},
  {subject: 'Bump ruff from 0.4.3 to 0.4.4', author: people.bot, at: '2024-05-20T04:01:00Z', files: {'requirements-dev.txt': 'ruff==0.4.4\npytest==8.2.0\n'}},
  {subject: 'Bump requests from 2.31.0 to 2.32.0', body: 'Bumps [requests](https://github.com/psf/requests) from 2.31.0 to 2.32.0.', author: people.bot, at: '2024-05-20T22:03:00Z', files: {'requirements.txt': req('2.32.0', '7.0.0')}},
  {subject: 'jobs: log the container exit code', author: people.fay, at: '2024-05-21T07:40:00Z', files: {'runner/jobs.py': 'import logging\n\nlog = logging.getLogger(__name__)\n\n\ndef loop(client):\n    ...\n    log.info("job %s finished exit_code=%s", job.id, result["StatusCode"])\n'}},
  {subject: 'docs: how to drain a runner', author: people.ana, at: '2024-05-21T08:02:00Z', files: {'docs/drain.md': '# Draining a runner\n\n`systemctl stop sandbox-runner` waits for running jobs.\n'}},
  {subject: 'Pin requests<2.32 until docker 7.1.0', author: people.chen, at: '2024-05-21T10:31:00Z', files: {'requirements.txt': 'docker==7.0.0\nrequests>=2.31.0,<2.32\nPyYAML==6.0.1\nprometheus-client==0.20.0\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-05-14T08:10:00Z', service: 'sandbox-runner', release: '3.13.2', sha: shaOf(repo, 'Bump docker from 6.1.3 to 7.0.0'), kind: 'deploy', description: 'sandbox-runner 3.13.2 to ci-runner-*'},
  {time: '2024-05-21T08:15:00Z', service: 'sandbox-runner', release: '3.14.0', sha: shaOf(repo, 'docs: how to drain a runner'), kind: 'deploy', description: 'sandbox-runner 3.14.0 to ci-runner-*'},
])
