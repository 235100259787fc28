import {type ChildProcess, execFile, spawn} from 'node:child_process'
import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {promisify} from 'node:util'

import {closedPort} from '../closed-port.js'

const run = promisify(execFile)

/** One exposed sample held over a span: a counter growing at `perSecond`, or a gauge at `value` (or a value per time). */
export interface SampleSpan {
  sample: string
  from: number
  to: number
  perSecond?: number
  value?: number | ((t: number) => number)
}

const SCRAPE_S = 15

/** OpenMetrics text of the spans, one sample every 15 s, each series contiguous and in time order. */
export function openMetrics(spans: readonly SampleSpan[]): string {
  const lines: Array<{key: string; t: number; line: string}> = []
  for (const span of spans) {
    for (let t = span.from; t <= span.to; t += SCRAPE_S) {
      const value =
        span.perSecond !== undefined ? span.perSecond * (t - span.from) : typeof span.value === 'function' ? span.value(t) : (span.value ?? 0)
      lines.push({key: span.sample, t, line: `${span.sample} ${value} ${t}`})
    }
  }
  lines.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : a.t - b.t))
  return `${lines.map((l) => l.line).join('\n')}\n# EOF\n`
}

export interface RealPrometheus {
  url: string
  stop(): Promise<void>
}

/**
 * Debian's Prometheus on a loopback port over a TSDB built by `promtool tsdb create-blocks-from
 * openmetrics` from `text`. Ready when it logs so; its retention is long enough for any test date.
 */
export async function startRealPrometheus(text: string): Promise<RealPrometheus> {
  const dir = await mkdtemp(join(tmpdir(), 'ir-prometheus-'))
  await writeFile(join(dir, 'input.om'), text)
  await run('promtool', ['tsdb', 'create-blocks-from', 'openmetrics', '--quiet', join(dir, 'input.om'), join(dir, 'data')])
  await writeFile(join(dir, 'prometheus.yml'), 'global: {}\n')
  const port = await closedPort()
  const child = spawn(
    'prometheus',
    [
      `--config.file=${join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${join(dir, 'data')}`,
      '--storage.tsdb.retention.time=100y',
      `--web.listen-address=127.0.0.1:${port}`,
      '--log.level=info',
    ],
    {stdio: ['ignore', 'ignore', 'pipe']},
  )
  await ready(child)
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        const exited = new Promise((resolve) => child.once('exit', resolve))
        child.kill('SIGTERM')
        await exited
      }
      await rm(dir, {recursive: true, force: true})
    },
  }
}

function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let log = ''
    child.stderr!.setEncoding('utf8')
    child.stderr!.on('data', (chunk: string) => {
      log += chunk
      if (log.includes('Server is ready to receive web requests')) resolve()
    })
    child.once('exit', (code) => reject(new Error(`prometheus exited (${code}) before it was ready:\n${log.slice(-2000)}`)))
    child.once('error', reject)
  })
}
