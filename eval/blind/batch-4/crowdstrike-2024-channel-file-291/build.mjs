import {rng, writeJson, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20240719)
const push = new Date('2024-07-19T04:09:00Z').getTime()
const revert = new Date('2024-07-19T05:27:00Z').getTime()
// PowerShell 7: Get-WinEvent (forwarded events from the POS fleet) | Select-Object … | ConvertTo-Json
// DateTime is serialised as ISO 8601 with 7 fractional digits and the offset.
const ps = (t) => new Date(t).toISOString().replace(/\.(\d{3})Z$/, (_, ms) => `.${ms}${r.int(1000, 9999)}+00:00`)
const rows = []
const ev = (t, machine, id, level, provider, message) => rows.push({TimeCreated: ps(t), Id: id, LevelDisplayName: level, ProviderName: provider, MachineName: machine, LogName: 'System', Message: message})
const machines = Array.from({length: 40}, (_, i) => `POS-${String(400 + i).padStart(4, '0')}.stores.example.com`)
const hhmm = (t) => { const d = new Date(t); const h = d.getUTCHours() % 12 || 12; return `${h}:${String(d.getUTCMinutes()).padStart(2, '0')}:${String(d.getUTCSeconds()).padStart(2, '0')} ${d.getUTCHours() < 12 ? 'AM' : 'PM'}` }
for (const m of machines) {
  // Routine events before the update.
  for (let t = new Date('2024-07-19T01:00:00Z').getTime() + r.int(0, 600000); t < push; t += r.int(900000, 1800000)) {
    ev(t, m, 7036, 'Information', 'Service Control Manager', r.pick(['The Windows Modules Installer service entered the running state.', 'The Windows Update service entered the stopped state.', 'The Background Intelligent Transfer Service service entered the running state.']))
  }
  // Hosts that were online fetch the channel file within minutes and blue-screen; each reboot loads it again.
  const online = r.chance(0.85)
  if (!online) continue
  let t = push + r.int(30000, 1500000)
  let loops = 0
  while (t < revert + (r.chance(0.5) ? 0 : 3 * 3600000) && loops < 8) {
    const crash = t
    const boot = crash + r.int(70000, 140000)
    ev(boot, m, 6008, 'Error', 'EventLog', `The previous system shutdown at ${hhmm(crash)} on 7/19/2024 was unexpected.`)
    ev(boot + 200, m, 41, 'Critical', 'Microsoft-Windows-Kernel-Power', 'The system has rebooted without cleanly shutting down first. This error could be caused if the system stopped responding, crashed, or lost power unexpectedly.')
    ev(boot + 30000, m, 1001, 'Error', 'Microsoft-Windows-WER-SystemErrorReporting', `The computer has rebooted from a bugcheck.  The bugcheck was: 0x00000050 (0xffff${r.hex(4)}0000009c, 0x0000000000000000, 0xfffff80${r.hex(9)}, 0x0000000000000002). A dump was saved in: C:\\Windows\\MEMORY.DMP. Report Id: ${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}.`)
    ev(boot + 31000, m, 161, 'Error', 'volmgr', 'Dump file creation failed due to error during dump creation.')
    t = boot + r.int(40000, 90000)
    loops++
  }
}
rows.sort((a, b) => a.TimeCreated.localeCompare(b.TimeCreated))
writeJson(out(dir, 'logs/pos-system-events.json'), rows)
