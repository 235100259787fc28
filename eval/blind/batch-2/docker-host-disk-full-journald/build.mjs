import {rng, every, writeEvents, writeCsvMetrics, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20220830)
const full = '2022-08-30T03:13:58Z'
const boot = 'd2f0c6a4b1e84f3a9c7d5e2b1a0f9e8d'
const host = 'shop-prod-1'
const bootedAt = Date.parse('2022-08-29T02:00:00Z')
const entry = (d, f) => JSON.stringify({__CURSOR: `s=${r.hex(32)};i=${r.hex(6)};b=${boot};m=${r.hex(8)};t=${r.hex(13)};x=${r.hex(16)}`, __REALTIME_TIMESTAMP: String(d.getTime() * 1000 + r.int(0, 999)), __MONOTONIC_TIMESTAMP: String((d.getTime() - bootedAt) * 1000 + r.int(0, 999)), _BOOT_ID: boot, _HOSTNAME: host, _MACHINE_ID: '8f1e2d3c4b5a69788796a5b4c3d2e1f0', _TRANSPORT: f.transport ?? 'journal', ...f})
const dockerd = (d, level, msg) => entry(d, {PRIORITY: level === 'error' ? '3' : level === 'warning' ? '4' : '6', SYSLOG_IDENTIFIER: 'dockerd', _SYSTEMD_UNIT: 'docker.service', _PID: '811', _COMM: 'dockerd', _EXE: '/usr/bin/dockerd', MESSAGE: `time="${d.toISOString().replace('Z', '000000Z')}" level=${level} msg="${msg.replaceAll('"', '\\"')}"`, transport: 'stdout'})
const container = (d, name, id, prio, msg) => entry(d, {PRIORITY: prio, SYSLOG_IDENTIFIER: name, CONTAINER_NAME: name, CONTAINER_ID: id.slice(0, 12), CONTAINER_ID_FULL: id, CONTAINER_TAG: id.slice(0, 12), IMAGE_NAME: {db: 'postgres:14.5', api: 'registry.example.com/shop/api:latest', watchtower: 'containrrr/watchtower:1.4.0'}[name], MESSAGE: msg, _PID: '811', _COMM: 'dockerd', _SYSTEMD_UNIT: 'docker.service'})
const dbId = '4f1e9c2b7a6d5e8f3c0b1a29d8e7f6c5b4a3928170f6e5d4c3b2a1908f7e6d5c'
const apiId = '7c2e8d1f4a9b6c3e5d0f7a8b9c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f6a7b8c9d'
const wtId = '9a8b7c6d5e4f3a2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b'
const ev = []
const push = (d, text) => ev.push({t: d.getTime(), text})
every(r, '2022-08-30T02:30:00Z', '2022-08-30T04:00:00Z', 2500, (d) => {
  const m = minutesSince(d, full)
  if (m < 0) {
    push(d, container(d, 'api', apiId, '6', `${d.toISOString().replace('T', ' ').slice(0, 19)} INFO app.access: ${r.pick(['GET', 'POST'])} ${r.pick(['/api/cart', '/api/products', '/api/checkout'])} 200 ${r.int(5, 80)}ms`))
  } else if (m < 0.1) {
    return null
  } else {
    push(d, container(d, 'api', apiId, '3', `${d.toISOString().replace('T', ' ').slice(0, 19)} ERROR app.db: sqlalchemy.exc.OperationalError: (psycopg2.OperationalError) connection to server at "db" (172.18.0.2), port 5432 failed: ${m < 1 ? 'FATAL:  the database system is in recovery mode' : 'Connection refused\n\tIs the server running on that host and accepting TCP/IP connections?'}`))
  }
  return null
})
const at = (iso, ms = 0) => new Date(Date.parse(iso) + ms)
push(at('2022-08-30T03:10:04Z'), container(at('2022-08-30T03:10:04Z'), 'watchtower', wtId, '6', 'time="2022-08-30T03:10:04Z" level=info msg="Found new registry.example.com/shop/api:latest image (7d1c0e5b9a2f)"'))
push(at('2022-08-30T03:10:05Z'), dockerd(at('2022-08-30T03:10:05Z'), 'info', 'Pulling image registry.example.com/shop/api:latest'))
push(at(full), dockerd(at(full), 'error', 'Handler for POST /v1.41/images/create returned error: write /var/lib/docker/tmp/GetImageBlob3381296: no space left on device'))
push(at(full, 200), container(at(full, 200), 'watchtower', wtId, '3', 'time="2022-08-30T03:13:58Z" level=error msg="Error response from daemon: write /var/lib/docker/tmp/GetImageBlob3381296: no space left on device" container=/api image="registry.example.com/shop/api:latest"'))
push(at('2022-08-30T03:14:02Z'), container(at('2022-08-30T03:14:02Z'), 'db', dbId, '2', '2022-08-30 03:14:02.118 UTC [87] PANIC:  could not write to file "pg_wal/xlogtemp.87": No space left on device'))
push(at('2022-08-30T03:14:02Z', 300), container(at('2022-08-30T03:14:02Z', 300), 'db', dbId, '6', '2022-08-30 03:14:02.411 UTC [1] LOG:  server process (PID 87) was terminated by signal 6: Aborted'))
push(at('2022-08-30T03:14:02Z', 400), container(at('2022-08-30T03:14:02Z', 400), 'db', dbId, '6', '2022-08-30 03:14:02.412 UTC [1] LOG:  terminating any other active server processes'))
push(at('2022-08-30T03:14:03Z'), container(at('2022-08-30T03:14:03Z'), 'db', dbId, '6', '2022-08-30 03:14:03.020 UTC [1] LOG:  all server processes terminated; reinitializing'))
push(at('2022-08-30T03:14:03Z', 100), container(at('2022-08-30T03:14:03Z', 100), 'db', dbId, '2', '2022-08-30 03:14:03.117 UTC [1] FATAL:  could not write lock file "postmaster.pid": No space left on device'))
for (let i = 0; i < 12; i++) {
  const d = at('2022-08-30T03:14:10Z', i * 60000 * 2 ** Math.min(i, 3) / 2)
  push(d, dockerd(d, 'error', `Handler for POST /v1.41/containers/${dbId.slice(0, 12)}/start returned error: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: error during container init: error mounting "/var/lib/docker/volumes/shop_pgdata/_data" to rootfs at "/var/lib/postgresql/data": mkdir /var/lib/docker/overlay2/0c1d2e3f4a5b6c7d8e9f0a1b2c3d4e5f/merged/var/lib/postgresql: no space left on device: unknown`))
  push(new Date(d.getTime() + 50), dockerd(new Date(d.getTime() + 50), 'warning', `ShouldRestart failed, container will not be restarted container=${dbId.slice(0, 12)} error="restart canceled" exitStatus=1 hasBeenManuallyStopped=false restartCount=${i + 1}`))
}
every(r, '2022-08-30T02:30:00Z', '2022-08-30T04:00:00Z', 300000, (d) => {
  push(d, entry(d, {PRIORITY: '6', SYSLOG_IDENTIFIER: 'systemd', _PID: '1', _COMM: 'systemd', MESSAGE: r.pick(['Starting Daily apt download activities...', 'Started Session 4412 of user deploy.', 'logrotate.service: Succeeded.'])}))
  return null
})
writeEvents(out(dir, 'logs/journal.json'), ev)
const avail = (d) => {
  const nights = Math.floor(minutesSince(d, '2022-08-16T03:10:00Z') / 1440)
  const afterPull = minutesSince(d, new Date(Date.parse('2022-08-16T03:10:00Z') + nights * 86400000).toISOString()) >= 4
  const gb = 21.3 - Math.max(0, nights) * 1.42 - (afterPull ? 1.42 : 0) - minutesSince(d, '2022-08-16T00:00:00Z') * 0.00002
  return Math.max(0, minutesSince(d, full) >= 0 ? 0 : gb) * 1e9
}
writeCsvMetrics(out(dir, 'metrics/node-filesystem.csv'), '2022-08-16T00:00:00Z', '2022-08-30T04:00:00Z', 600000, {
  node_filesystem_avail_bytes_root: avail,
  node_filesystem_size_bytes_root: () => 80e9,
  docker_images_count: (d) => 14 + Math.max(0, Math.floor(minutesSince(d, '2022-08-16T03:10:00Z') / 1440) + 1),
})
const compose = (pg) => `services:\n  db:\n    image: postgres:${pg}\n    volumes: [pgdata:/var/lib/postgresql/data]\n    logging: {driver: journald}\n  api:\n    image: registry.example.com/shop/api:latest\n    depends_on: [db]\n    logging: {driver: journald}\n  watchtower:\n    image: containrrr/watchtower:1.4.0\n    command: --schedule "0 10 3 * * *"\nvolumes:\n  pgdata: {}\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'shop-prod-1: compose stack with nightly image updates', author: people.ben, at: '2022-03-14T10:00:00Z', files: {'docker-compose.yml': compose('14.2'), 'README.md': '# shop-prod-1\n\nOne host, docker compose, watchtower pulls new images nightly.\n'}},
  {subject: 'compose: bump postgres to 14.4', author: people.ben, at: '2022-06-20T10:00:00Z', files: {'docker-compose.yml': compose('14.4')}},
  {subject: 'compose: bump postgres to 14.5', author: people.chen, at: '2022-08-29T11:00:00Z', files: {'docker-compose.yml': compose('14.5')}},
  {subject: 'docs: restore procedure for the shop database', author: people.ana, at: '2022-08-29T15:30:00Z', files: {'docs/restore.md': '# Restore\n\n`pg_restore -d shop latest.dump`\n'}},
])
