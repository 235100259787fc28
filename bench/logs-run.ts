/**
 * Child process of bench/logs.ts: analyses one file and prints one JSON line with the wall time of
 * the analysis and this process's peak RSS, so the generator's memory does not count.
 */
import {analyzeLogs} from '../src/evidence/logs/analyze-logs.js'

const file = process.argv[2]
const workers = Number(process.argv[3] ?? 1)
if (!file) throw new Error('usage: logs-run.ts FILE [WORKERS]')
const started = performance.now()
const {digest} = await analyzeLogs([file], {workers})
const wallS = (performance.now() - started) / 1000
const usage = process.resourceUsage()
console.log(
  JSON.stringify({
    wallS,
    lines: digest.totals.lines,
    peakRssMb: usage.maxRSS / 1024,
    cpuS: (usage.userCPUTime + usage.systemCPUTime) / 1e6,
    templates: digest.templatesTotal,
    onset: digest.onset?.at ?? null,
    digestBytes: JSON.stringify(digest).length,
  }),
)
