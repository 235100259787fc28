import {rng, every, at, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20240518)
const start = '2024-05-18T03:12:00Z'
const attackers = ['203.0.113.77', '203.0.113.78', '198.51.100.23', '192.0.2.201']
const users = ['admin', 'oracle', 'test', 'ubuntu', 'postgres', 'git', 'deploy', 'user', 'support', 'pi']
const host = 'bastion-1'
const logs = [
  ...every(r, '2024-05-18T02:30:00Z', '2024-05-18T04:00:00Z', 240000, (d) => [
    `${fmt.syslog(d)} ${host} sshd[${r.int(10000, 30000)}]: Accepted publickey for ${r.pick(['ops', 'ana', 'deploy-ci'])} from 10.20.${r.int(1, 9)}.${r.int(2, 250)} port ${r.int(40000, 60000)} ssh2: ED25519 SHA256:${r.hex(20)}`,
    `${fmt.syslog(d)} ${host} sshd[${r.int(10000, 30000)}]: pam_unix(sshd:session): session opened for user ops(uid=1001) by (uid=0)`,
  ]),
  ...every(r, start, '2024-05-18T04:00:00Z', 350, (d) => {
    const ip = r.pick(attackers), pid = r.int(30000, 65000), port = r.int(30000, 65000), u = r.pick(users), k = r()
    if (k < 0.35) return `${fmt.syslog(d)} ${host} sshd[${pid}]: Invalid user ${u} from ${ip} port ${port}`
    if (k < 0.75) return `${fmt.syslog(d)} ${host} sshd[${pid}]: Failed password for ${r.chance(0.5) ? 'invalid user ' + u : 'root'} from ${ip} port ${port} ssh2`
    if (k < 0.82) return `${fmt.syslog(d)} ${host} sshd[${pid}]: pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=${ip}  user=root`
    if (k < 0.88) return `${fmt.syslog(d)} ${host} sshd[${pid}]: reverse mapping checking getaddrinfo for unknown.host.example [${ip}] failed - POSSIBLE BREAK-IN ATTEMPT!`
    if (k < 0.95) return `${fmt.syslog(d)} ${host} sshd[${pid}]: Received disconnect from ${ip} port ${port}:11: Bye Bye [preauth]`
    return `${fmt.syslog(d)} ${host} sshd[${pid}]: Disconnected from invalid user ${u} ${ip} port ${port} [preauth]`
  }),
  ...every(r, '2024-05-18T03:31:00Z', '2024-05-18T04:00:00Z', 20000, (d) => `${fmt.syslog(d)} ${host} sshd[812]: error: beginning MaxStartups throttling`),
  ...every(r, '2024-05-18T03:33:00Z', '2024-05-18T04:00:00Z', 90000, (d) => `${fmt.syslog(d)} ${host} sshd[812]: drop connection #10 from [10.20.${r.int(1, 9)}.${r.int(2, 250)}]:${r.int(40000, 60000)} on [10.20.0.5]:22 past MaxStartups`),
]
writeEvents(out(dir, 'logs/auth.log'), logs)
