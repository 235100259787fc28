import {mkdtemp, rm} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {readSavedAnswer} from '../../../../src/evidence/sources/answer-store.js'
import {PROMETHEUS_QUERIES} from '../../../../src/evidence/sources/prometheus/catalogue/prometheus-queries.js'
import {chooseQueries} from '../../../../src/evidence/sources/prometheus/choose-queries.js'
import {prometheusAdapter} from '../../../../src/evidence/sources/prometheus/prometheus-adapter.js'
import {seriesFromAnswers} from '../../../../src/evidence/sources/prometheus/read-prometheus-answers.js'
import {runLiveSources} from '../../../../src/evidence/sources/run-live-sources.js'
import {DEFAULT_SOURCE_BUDGET} from '../../../../src/evidence/sources/source-budget.js'
import {SYMPTOMS} from '../../../../src/incident/vocabulary.js'
import {openMetrics, type RealPrometheus, startRealPrometheus} from './real-prometheus.js'

/** Each entry's example lives in its own hour, so no query sees another entry's samples. */
const T0 = Date.UTC(2026, 10, 20) / 1000
const slot = (index: number) => ({from: T0 + index * 3600, to: T0 + index * 3600 + 1800})
const metricName = (sample: string) => sample.replace(/\{.*$/, '')

describe('Prometheus query catalogue', () => {
  it('has unique ids and series names', () => {
    expect(PROMETHEUS_QUERIES.length).toBeGreaterThanOrEqual(15)
    expect(new Set(PROMETHEUS_QUERIES.map((entry) => entry.id)).size).toBe(PROMETHEUS_QUERIES.length)
    expect(new Set(PROMETHEUS_QUERIES.map((entry) => entry.series)).size).toBe(PROMETHEUS_QUERIES.length)
  })

  let prometheus: RealPrometheus
  beforeAll(async () => {
    prometheus = await startRealPrometheus(
      openMetrics(PROMETHEUS_QUERIES.flatMap((entry, index) => entry.examples.exposes.map((exposed) => ({...exposed, ...slot(index)})))),
    )
  }, 60_000)
  afterAll(async () => {
    await prometheus?.stop()
  })

  PROMETHEUS_QUERIES.forEach((entry, index) => {
    describe(entry.id, () => {
      const exposed = new Set(entry.examples.exposes.map((e) => metricName(e.sample)))

      it('names every metric it reads, and its example exposes them all', () => {
        expect(entry.metrics.length).toBeGreaterThan(0)
        for (const metric of entry.metrics) {
          expect(entry.expr, metric).toContain(metric)
          expect(exposed.has(metric), `example lacks ${metric}`).toBe(true)
        }
      })

      it('is asked where its metrics are exposed, and not where one is missing', () => {
        const asked = (names: Iterable<string>) => chooseQueries([entry], [], {symptoms: SYMPTOMS, available: new Set(names)}).map((q) => q.name)
        expect(asked(exposed)).toEqual([entry.id])
        expect(entry.examples.skippedOn.length).toBeGreaterThan(0)
        expect(asked(entry.examples.skippedOn)).toEqual([])
      })

      it('returns its example values from a real Prometheus', async () => {
        const dir = await mkdtemp(join(tmpdir(), 'ir-promq-'))
        try {
          const {from, to} = slot(index)
          const question = {window: {from: new Date(from * 1000), to: new Date(to * 1000)}, declaredAt: new Date(to * 1000), symptoms: SYMPTOMS, service: null}
          const adapter = prometheusAdapter({url: prometheus.url, auth: {}, userQueries: [], catalogue: [entry]})
          const [manifest] = await runLiveSources([adapter], {incidentDir: dir, question, limits: DEFAULT_SOURCE_BUDGET, redactIps: false})
          expect(manifest.limitations).toEqual([])
          expect(manifest.answers.map((a) => a.name)).toEqual([entry.id])
          const bodies = await Promise.all(manifest.answers.map(async (answer) => ({answer, body: await readSavedAnswer(dir, answer)})))
          const {series, problems} = seriesFromAnswers(bodies, null)
          expect(problems).toEqual([])
          expect(series.length).toBeGreaterThan(0)
          for (const {series: s} of series) {
            expect(s.name.startsWith(entry.series)).toBe(true)
            const last = s.points.filter((p) => p[1] !== null).at(-1)!
            expect(last[1], s.name).toBeGreaterThanOrEqual(entry.examples.returns.min)
            expect(last[1], s.name).toBeLessThanOrEqual(entry.examples.returns.max)
          }
        } finally {
          await rm(dir, {recursive: true, force: true})
        }
      })
    })
  })
})
