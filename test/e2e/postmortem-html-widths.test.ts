import {execFile} from 'node:child_process'
import {readFile, stat, writeFile} from 'node:fs/promises'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'

import {beforeAll, expect, it} from 'vitest'

import {chromiumMissing, describeNeeding} from '../support/needs-service.js'
import {buildExampleRepo, exampleArgs, ROOT, runCli, tempDir} from './cli-harness.js'

const run = promisify(execFile)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * The postmortem is shown in an iframe exactly `width` px wide (headless Chromium will not make a
 * window narrower than 500 px), measured once laid out, and the figures written into the outer
 * page (base64 JSON) for --dump-dom. The script is the test's: the postmortem itself has none.
 */
const measuringPage = (html: string, width: number) => `<!DOCTYPE html>
<html><head><meta charset="utf-8"><style>body{margin:0} iframe{border:0;display:block}</style></head><body>
<iframe id="page" style="width:${width}px;height:20000px" srcdoc="${html.replace(/&/g, '&amp;').replace(/"/g, '&quot;')}"></iframe>
<script>
window.addEventListener('load', () => {
const document = window.frames[0].document
const innerWidth = window.frames[0].innerWidth
const links = [...document.querySelectorAll('a[href^="#"]')].map((a) => a.getAttribute('href').slice(1))
const svgTextOutside = []
for (const svg of document.querySelectorAll('svg')) {
  const box = svg.viewBox.baseVal
  for (const text of svg.querySelectorAll('text')) {
    const b = text.getBBox()
    if (b.width > 0 && (b.x < box.x - 1 || b.x + b.width > box.x + box.width + 1)) svgTextOutside.push(text.textContent)
  }
}
const metrics = {
  innerWidth, scrollWidth: document.documentElement.scrollWidth,
  evidenceLinks: links.filter((id) => id.startsWith('ev-')).length,
  missingTargets: links.filter((id) => !document.getElementById(id)),
  emptyHeaderRows: [...document.querySelectorAll('tr')].filter((tr) => tr.querySelector('th') && [...tr.querySelectorAll('th')].every((th) => th.textContent.trim() === '')).length,
  svgTextOutside,
  text: document.body.innerText,
}
const out = window.document.createElement('pre')
out.id = 'metrics'
out.textContent = btoa(unescape(encodeURIComponent(JSON.stringify(metrics))))
window.document.body.append(out)
})
</script>
</body></html>`

interface Metrics {
  innerWidth: number
  scrollWidth: number
  evidenceLinks: number
  missingTargets: string[]
  emptyHeaderRows: number
  svgTextOutside: string[]
  text: string
}

describeNeeding(chromiumMissing(CHROMIUM), 'the example postmortem in headless Chromium at 1280 px and 390 px', () => {
  let work: string
  let html: string
  const measured = new Map<number, {metrics: Metrics; screenshot: string}>()

  beforeAll(async () => {
    work = await tempDir('html-widths')
    const repo = buildExampleRepo(work)
    const result = await runCli([...exampleArgs(repo), '--severity', 'p0', '--symptoms', 'high-error-rate,database-issues', '--non-interactive', '--json', '--out-dir', join(work, 'out')], {cwd: work})
    expect(result.code, result.stderr).toBe(0)
    html = await readFile(join(JSON.parse(result.stdout).outputDir, 'postmortem.html'), 'utf8')
    for (const width of [1280, 390]) {
      const page = join(work, `postmortem-${width}.html`)
      const screenshot = join(work, `postmortem-${width}.png`)
      await writeFile(page, measuringPage(html, width))
      const {stdout} = await run(
        CHROMIUM,
        ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(work, `profile-${width}`)}`, `--window-size=${Math.max(width, 500)},2400`, `--screenshot=${screenshot}`, '--dump-dom', pathToFileURL(page).href],
        {timeout: 60_000, maxBuffer: 32 * 1024 * 1024},
      )
      const encoded = /<pre id="metrics">([^<]+)<\/pre>/.exec(stdout)?.[1]
      expect(encoded, `metrics at ${width} px`).toBeDefined()
      measured.set(width, {metrics: JSON.parse(Buffer.from(encoded!, 'base64').toString('utf8')) as Metrics, screenshot})
    }
    if (process.env.KEEP_SCREENSHOTS) process.stdout.write(`screenshots in ${work}\n`)
  }, 180_000)

  for (const width of [1280, 390]) {
    it(`lays out at ${width} px without horizontal overflow, every evidence link with its target`, async () => {
      const {metrics, screenshot} = measured.get(width)!
      expect(metrics.innerWidth).toBe(width)
      expect(metrics.scrollWidth).toBeLessThanOrEqual(width)
      expect(metrics.evidenceLinks).toBeGreaterThan(20)
      expect(metrics.missingTargets).toEqual([])
      expect(metrics.emptyHeaderRows).toBe(0)
      expect(metrics.svgTextOutside).toEqual([])
      expect((await stat(screenshot)).size).toBeGreaterThan(30_000)
    })
  }

  it('shows evidence paths relative to the working folder or repository, never absolute ones', () => {
    const {text} = measured.get(1280)!.metrics
    expect(text).toContain('access.log.gz:')
    for (const local of [work, ROOT, '/tmp/']) expect(text).not.toContain(local)
    expect(html).not.toContain(ROOT)
  })

  it('links each evidence id to its Supporting information entry', () => {
    expect(html).toMatch(/<li id="ev-deploy-8"><code>ev-deploy-8<\/code> — /)
    expect(html).toMatch(/<a class="evidence-ref" href="#ev-deploy-8"><code>ev-deploy-8<\/code><\/a>/)
  })
})
