import {writeText, writeJson, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, nodeService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
// `kubectl logs profile-7c9d8f6b5d-4xk2p --previous`: no timestamps.
const crash = [
  '> profile@1.0.0 start',
  '> node src/server.js',
  '',
  'listening on 3000',
  'connected to postgres (pool max=20)',
  'GET /api/profile/8812 200 14ms',
  'GET /api/profile/1203 200 11ms',
  '/usr/src/app/src/routes/profile.js:9',
  '  res.json({id: user.id, name: user.name, locale: user.preferences.locale})',
  '                                                                ^',
  '',
  "TypeError: Cannot read properties of undefined (reading 'locale')",
  '    at /usr/src/app/src/routes/profile.js:9:65',
  '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
  '',
  'Node.js v20.11.1',
]
writeText(out(dir, 'logs/profile-previous.log'), [...crash, ...crash.slice(3)].join('\n') + '\n')
const pod = (name, restarts) => ({
  apiVersion: 'v1', kind: 'Pod',
  metadata: {name, namespace: 'accounts', labels: {app: 'profile', 'pod-template-hash': '7c9d8f6b5d'}, creationTimestamp: '2024-04-04T09:12:20Z', ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'profile-7c9d8f6b5d', controller: true}]},
  spec: {containers: [{name: 'profile', image: 'registry.example.com/accounts/profile:4e1d2c7', ports: [{containerPort: 3000}], resources: {limits: {memory: '512Mi'}, requests: {cpu: '250m', memory: '256Mi'}}}], nodeName: 'ip-10-0-7-21'},
  status: {
    phase: 'Running',
    conditions: [{type: 'Ready', status: 'False', lastTransitionTime: '2024-04-04T09:12:41Z', reason: 'ContainersNotReady', message: 'containers with unready status: [profile]'}],
    containerStatuses: [{
      name: 'profile', ready: false, restartCount: restarts, started: false,
      image: 'registry.example.com/accounts/profile:4e1d2c7', imageID: 'registry.example.com/accounts/profile@sha256:' + 'b'.repeat(64), containerID: 'containerd://' + 'c'.repeat(64),
      state: {waiting: {reason: 'CrashLoopBackOff', message: `back-off 2m40s restarting failed container=profile pod=${name}_accounts(3c1f)`}},
      lastState: {terminated: {exitCode: 1, reason: 'Error', startedAt: '2024-04-04T09:16:02Z', finishedAt: '2024-04-04T09:16:04Z', containerID: 'containerd://' + 'd'.repeat(64)}},
    }],
    startTime: '2024-04-04T09:12:20Z',
  },
})
writeJson(out(dir, 'k8s/pods.json'), {apiVersion: 'v1', kind: 'List', metadata: {resourceVersion: ''}, items: [pod('profile-7c9d8f6b5d-4xk2p', 6), pod('profile-7c9d8f6b5d-9hq7w', 5), pod('profile-7c9d8f6b5d-tn2lc', 6)]})
const base = nodeService('profile')
const route = (line) => `const router = require('express').Router()\nconst db = require('../db')\n\nrouter.get('/:id', async (req, res) => {\n  const user = await db.findUser(req.params.id)\n  if (!user) return res.status(404).end()\n  // preferences is a JSON column, absent for accounts that never saved any\n\n  ${line}\n})\n\nmodule.exports = router\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'profile: service skeleton', author: people.ben, at: '2024-02-01T10:00:00Z', files: {...base, 'src/routes/profile.js': route('res.json({id: user.id, name: user.name})')}},
  {subject: 'README: how to run against the staging database', author: people.ana, at: '2024-04-04T08:10:00Z', files: {'README.md': '# profile\n\n`DATABASE_URL=... npm start`\n'}},
  {subject: 'eslint: turn on prefer-const', author: people.chen, at: '2024-04-03T17:00:00Z', files: {'.eslintrc.json': '{"rules": {"prefer-const": "error"}}\n'}},
  {subject: "profile: return the user's preferred locale", author: people.dana, at: '2024-04-04T09:02:00Z', files: {'src/routes/profile.js': route('res.json({id: user.id, name: user.name, locale: user.preferences.locale})')}},
])
