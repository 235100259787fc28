import {rng, every, at, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20230308)
const t = (s) => new Date(`2023-03-08T${s}Z`)
const node = 'ip-10-128-44-17'
const sys = [
  ...every(r, '2023-03-08T05:30:00Z', '2023-03-08T06:40:00Z', 45000, (d) => `${fmt.syslog(d)} ${node} kubelet[1893]: I0308 ${fmt.klog(d).slice(5)}    1893 kubelet_getters.go:182] "Pod status is inconsistent with cached status for pod, a reconciliation should be triggered"`),
  at(t('06:00:12'), `${fmt.syslog(t('06:00:12'))} ${node} systemd[1]: Starting Daily apt upgrade and clean activities...`),
  at(t('06:01:40'), `${fmt.syslog(t('06:01:40'))} ${node} unattended-upgrade[402211]: Packages that will be upgraded: libnss-systemd libpam-systemd libsystemd0 libudev1 systemd systemd-sysv systemd-timesyncd udev`),
  at(t('06:01:41'), `${fmt.syslog(t('06:01:41'))} ${node} unattended-upgrade[402211]: Writing dpkg log to /var/log/unattended-upgrades/unattended-upgrades-dpkg.log`),
  at(t('06:02:05'), `${fmt.syslog(t('06:02:05'))} ${node} systemd[1]: Stopping Network Configuration...`),
  at(t('06:02:05.5'), `${fmt.syslog(t('06:02:05'))} ${node} systemd[1]: systemd-networkd.service: Deactivated successfully.`),
  at(t('06:02:06'), `${fmt.syslog(t('06:02:06'))} ${node} systemd[1]: Starting Network Configuration...`),
  at(t('06:02:06.4'), `${fmt.syslog(t('06:02:06'))} ${node} systemd-networkd[402377]: ens5: Gained IPv6LL`),
  at(t('06:02:06.5'), `${fmt.syslog(t('06:02:06'))} ${node} systemd-networkd[402377]: Enumeration completed`),
  at(t('06:02:06.6'), `${fmt.syslog(t('06:02:06'))} ${node} systemd[1]: Started Network Configuration.`),
  at(t('06:02:31'), `${fmt.syslog(t('06:02:31'))} ${node} unattended-upgrade[402211]: All upgrades installed`),
  ...every(r, '2023-03-08T06:02:09Z', '2023-03-08T06:40:00Z', 6000, (d) => r.chance(0.5)
    ? `${fmt.syslog(d)} ${node} cilium-agent[2211]: level=warning msg="Unable to reach health endpoint" error="Get \\"http://10.128.51.3:4240/hello\\": dial tcp 10.128.51.3:4240: connect: no route to host" subsys=health-server`
    : `${fmt.syslog(d)} ${node} cilium-agent[2211]: level=error msg="Unable to find ip rule for local routing table" error="no such file or directory" subsys=linux-datapath`),
  at(t('06:40:00'), `${fmt.syslog(t('06:40:00'))} ${node} systemd[1]: apt-daily-upgrade.service: Deactivated successfully.`),
]
writeEvents(out(dir, 'logs/node-syslog.log'), sys)
const intake = every(r, '2023-03-08T05:30:00Z', '2023-03-08T06:40:00Z', 1200, (d) => {
  if (minutesSince(d, t('06:02:10')) < 0) return `${fmt.go(d)} intake: flushed batch shard=${r.int(0, 63)} points=${r.int(40000, 90000)} in ${r.int(30, 90)}ms`
  return r.chance(0.85)
    ? `${fmt.go(d)} intake: publish to kafka-intake-${r.int(0, 11)}.kafka.svc:9092 failed: dial tcp 10.128.${r.int(40, 60)}.${r.int(2, 250)}:9092: connect: no route to host`
    : `${fmt.go(d)} intake: dropping batch shard=${r.int(0, 63)} after 3 retries`
})
writeEvents(out(dir, 'logs/intake.log'), intake)
