// Runs Stryker once per module, one module at a time (the machines are small and shared), within
// an optional time budget, and prints the per-module table.
import {spawn} from 'node:child_process'
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs'
import {loadavg} from 'node:os'

import {mergeIntoCombined, readReport, scoreOf, scoreTable, COMBINED_REPORT} from './report.mjs'

const STRYKER = 'node_modules/@stryker-mutator/core/bin/stryker.js'

/**
 * @param {{id: string, files: string[] | null}[]} plan modules to mutate, each optionally narrowed to some files
 * @param {{incremental: boolean, budgetSeconds: number | null, failUnder: number | null}} options
 * @returns {Promise<number>} the exit code: 1 when a run failed or a score fell under `failUnder`
 */
export async function runModules(plan, {incremental, budgetSeconds, failUnder}) {
  const started = Date.now()
  const deadline = budgetSeconds === null ? Infinity : started + budgetSeconds * 1000
  const rows = []
  let failed = false
  for (const {id, files} of plan) {
    const moduleStarted = Date.now()
    if (moduleStarted >= deadline) {
      rows.push({id, seconds: 0, note: 'not run: over the time budget'})
      continue
    }
    console.log(`\n== mutating ${id}${files ? ` (${files.join(', ')})` : ''}, load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`)
    if (incremental) forgetStaticSurvivors(`reports/mutation/incremental/${id}.json`)
    const result = await runStryker(id, files, incremental, deadline - moduleStarted)
    const seconds = Math.round((Date.now() - moduleStarted) / 1000)
    const reportPath = `reports/mutation/modules/${id}.json`
    if (result === 'budget') {
      rows.push({id, seconds, note: 'stopped: over the time budget'})
    } else if (result !== 0 || !existsSync(reportPath) || statSync(reportPath).mtimeMs < moduleStarted) {
      rows.push({id, seconds, note: `stryker failed (exit ${result})`})
      failed = true
    } else {
      const report = readReport(reportPath)
      mergeIntoCombined(report)
      const score = scoreOf(report)
      rows.push({id, seconds, score})
      if (failUnder !== null && score.score !== null && score.score < failUnder) failed = true
    }
  }
  const total = Math.round((Date.now() - started) / 1000)
  console.log(`\nMutation score = killed + timeout over covered mutants (${COMBINED_REPORT}); ${total} s in all.`)
  console.log(scoreTable(rows))
  if (failUnder !== null) {
    const under = rows.filter((row) => row.score?.score != null && row.score.score < failUnder)
    for (const row of under) console.log(`${row.id}: mutation score ${row.score.score.toFixed(1)}% is under ${failUnder}%: add tests that kill its survivors (listed above).`)
  }
  return failed ? 1 : 0
}

/** Resolves to Stryker's exit code, or 'budget' when it was stopped at the deadline. */
function runStryker(id, files, incremental, timeLeftMs) {
  return new Promise((resolve, reject) => {
    const env = {...process.env, MUTATE_MODULE: id, MUTATE_INCREMENTAL: incremental ? '1' : '0'}
    if (files) env.MUTATE_FILES = files.join(',')
    else delete env.MUTATE_FILES
    // Its own process group, so that stopping it at the budget also stops its workers.
    const child = spawn(process.execPath, [STRYKER, 'run', 'stryker.config.mjs'], {env, stdio: 'inherit', detached: true})
    let overBudget = false
    const timer = Number.isFinite(timeLeftMs)
      ? setTimeout(() => {
          overBudget = true
          process.kill(-child.pid, 'SIGTERM')
        }, timeLeftMs)
      : null
    child.once('error', reject)
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer)
      resolve(overBudget ? 'budget' : (code ?? (signal ? 128 : 1)))
    })
  })
}

/**
 * Stryker reuses a mutant that was not killed when "no new test covers it", but it records no
 * per-test coverage for a static mutant (one in module-level code), so a test added since would
 * never be tried on it: such survivors are forgotten before an incremental run, and tested again.
 */
function forgetStaticSurvivors(incrementalFile) {
  if (!existsSync(incrementalFile)) return
  const report = JSON.parse(readFileSync(incrementalFile, 'utf8'))
  for (const file of Object.values(report.files)) file.mutants = file.mutants.filter((mutant) => !mutant.static || mutant.status === 'Killed')
  writeFileSync(incrementalFile, JSON.stringify(report))
}
