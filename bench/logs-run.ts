/**
 * Child process of bench/logs.ts: analyses one file and prints one JSON line with the wall time of
 * the analysis and this process's peak RSS, so the generator's memory does not count.
 */
import {analyzeLogs} from '../src/evidence/logs/analyze-logs.js'

const file = process.argv[2]
if (!file) throw new Error('usage: logs-run.ts FILE')
const started = performance.now()
const {digest} = await analyzeLogs([file])
const wallS = (performance.now() - started) / 1000
console.log(
  JSON.stringify({
    wallS,
    lines: digest.totals.lines,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    templates: digest.templatesTotal,
    onset: digest.onset?.at ?? null,
    digestBytes: JSON.stringify(digest).length,
  }),
)
