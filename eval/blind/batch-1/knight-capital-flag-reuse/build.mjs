import {rng, every, at, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20120801)
const open = '2012-08-01T13:30:00Z'
const servers = ['smars-01', 'smars-02', 'smars-03', 'smars-04', 'smars-05', 'smars-06', 'smars-07', 'smars-08']
const syms = ['BAC', 'C', 'F', 'GE', 'MSFT', 'AA', 'RAD', 'NOK', 'S', 'EBAY']
const logs = [
  ...every(r, '2012-08-01T12:00:00Z', '2012-08-01T14:15:00Z', 700, (d) => {
    const s = r.pick(servers)
    const sym = r.pick(syms)
    const live = minutesSince(d, open) >= 0
    if (live && s === 'smars-08') return `${fmt.javaSpace(d)} WARN  [${s}] PowerPeg child order sent parent=${r.int(10000, 99999)} ${r.pick(['BUY', 'SELL'])} ${r.int(100, 900)} ${sym} @MKT cumQtyCheck=SKIPPED`
    if (live && r.chance(0.3)) return `${fmt.javaSpace(d)} INFO  [${s}] RLP order accepted id=${r.hex(10)} ${sym} ${r.int(100, 500)}`
    return `${fmt.javaSpace(d)} INFO  [${s}] order routed id=${r.hex(10)} ${sym} ${r.int(100, 500)} venue=${r.pick(['NYSE', 'ARCA', 'BATS', 'EDGX'])}`
  }),
  ...every(r, '2012-08-01T12:01:00Z', '2012-08-01T12:02:00Z', 600, (d) => `${fmt.javaSpace(d)} ERROR [smars-08] SMARS alert email: Power Peg disabled (BNET reject: flag state inconsistent with router build 4.11.3)`),
  at('2012-08-01T13:31:10Z', `${fmt.javaSpace(new Date('2012-08-01T13:31:10Z'))} ERROR [risk-monitor] position limit breached: smars-08 net exposure ${'$'}1.2B across 154 symbols`),
  ...every(r, '2012-08-01T13:31:30Z', '2012-08-01T14:15:00Z', 5000, (d) => `${fmt.javaSpace(d)} ERROR [risk-monitor] unexpected fills from smars-08: ${r.int(200, 900)} executions in last 5s (PowerPeg)`),
]
writeEvents(out(dir, 'logs/smars.log'), logs)
