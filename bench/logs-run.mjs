/**
 * Child process of bench/logs.ts: analyses one file with the built code (dist/, what the CLI
 * runs, no TypeScript loader in the process or its worker threads) and prints one JSON line with
 * the wall time of the analysis and this process's peak RSS, so the generator's memory does not
 * count, and what the digest says it could not fully use (its caps and skipped lines).
 */
import {analyzeLogs} from '../dist/evidence/logs/analyze-logs.js'
import {capSentences} from '../dist/evidence/logs/cap-notes.js'
import {readingNotes} from '../dist/evidence/logs/reading-notes.js'

const file = process.argv[2]
const workers = process.argv[3] === undefined ? undefined : Number(process.argv[3])
if (!file) throw new Error('usage: logs-run.mjs FILE [THREADS]')
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
    notes: [...readingNotes(digest.files).limitations, ...capSentences(digest.capped)],
  }),
)
