// Reads Stryker's JSON reports (mutation-testing-report-schema) into the figures we quote, and
// keeps one combined report at reports/mutation/mutation.json across per-module runs.
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs'
import {dirname} from 'node:path'

export const COMBINED_REPORT = 'reports/mutation/mutation.json'

const DETECTED = new Set(['Killed', 'Timeout'])
const INVALID = new Set(['CompileError', 'RuntimeError'])

/** Counts by status over the report's files; the score is Stryker's "covered" score. */
export function scoreOf(report) {
  const counts = {mutants: 0, killed: 0, survived: 0, noCoverage: 0, timeout: 0, ignored: 0, errors: 0, unmeasured: 0}
  for (const file of Object.values(report.files)) {
    for (const mutant of file.mutants) {
      if (mutant.status === 'Ignored') counts.ignored++
      else if (INVALID.has(mutant.status)) counts.errors++
      else {
        counts.mutants++
        if (mutant.status === 'Killed') counts.killed++
        else if (mutant.status === 'Timeout') counts.timeout++
        else if (mutant.status === 'Survived') {
          counts.survived++
          // A "survivor" no test ran against is no measurement (stryker-js#6213): said, not hidden.
          if (mutant.testsCompleted === 0) counts.unmeasured++
        }
        else if (mutant.status === 'NoCoverage') counts.noCoverage++
      }
    }
  }
  const detected = counts.killed + counts.timeout
  const covered = detected + counts.survived
  // Killed (or timed out: an endless loop is caught too) over the mutants some test executes.
  return {...counts, score: covered === 0 ? null : (100 * detected) / covered}
}

export function readReport(path) {
  return JSON.parse(readFileSync(path, 'utf8'))
}

/**
 * Puts one module's files into the combined report, replacing what an earlier run said of them.
 * The combined report is committed, so it keeps what a reader of the scores needs (every mutant
 * that counts, its status and reason, the source) and leaves out what only the local per-module
 * reports need: the static data-entry mutants the catalogues ignore by design (thousands of
 * them), and the ids of the tests that covered and killed each mutant.
 */
export function mergeIntoCombined(moduleReport) {
  const combined = existsSync(COMBINED_REPORT) ? readReport(COMBINED_REPORT) : {...moduleReport, files: {}}
  combined.files = slimFiles({...combined.files, ...moduleReport.files})
  delete combined.testFiles
  combined.thresholds = moduleReport.thresholds
  combined.schemaVersion = moduleReport.schemaVersion
  mkdirSync(dirname(COMBINED_REPORT), {recursive: true})
  writeFileSync(COMBINED_REPORT, JSON.stringify(combined))
}

/** Idempotent, so a report merged before this rule is slimmed by the next merge. */
export function slimFiles(files) {
  return Object.fromEntries(
    Object.entries(files).map(([path, file]) => [
      path,
      {...file, mutants: file.mutants.filter((mutant) => mutant.status !== 'Ignored').map(({coveredBy: _covered, killedBy: _killed, ...mutant}) => mutant)},
    ]),
  )
}

/** A markdown table, one row per module: what the closing note of a mutation pass quotes. */
export function scoreTable(rows) {
  const header = ['module', 'mutants', 'killed', 'survived', 'no cov', 'timeout', 'ignored', 'score %', 'took']
  const lines = rows.map(({id, score, seconds, note}) =>
    score
      ? [id, score.mutants, score.killed, score.survived, score.noCoverage, score.timeout, score.ignored, score.score === null ? '-' : score.score.toFixed(1), `${seconds} s`]
      : [id, '', '', '', '', '', '', note ?? '', `${seconds} s`],
  )
  const unmeasured = rows.filter((row) => row.score?.unmeasured > 0)
  const cells = [header, ...lines].map((line) => line.map(String))
  const widths = header.map((_, i) => Math.max(...cells.map((line) => line[i].length)))
  const row = (line) => `| ${line.map((cell, i) => cell.padEnd(widths[i])).join(' | ')} |`
  const notes = unmeasured.map((r) => `${r.id}: ${r.score.unmeasured} of its survivors ran no test at all (a Stryker fault, not a test gap): run it again.`)
  return [row(cells[0]), row(widths.map((w) => '-'.repeat(w))), ...cells.slice(1).map(row), ...notes].join('\n')
}
