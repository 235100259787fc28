import {execFile} from 'node:child_process'
import {mkdtemp, readFile, rm, stat, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import {join} from 'node:path'
import {pathToFileURL} from 'node:url'
import {promisify} from 'node:util'

import {afterAll, beforeAll, expect, it} from 'vitest'

import {renderPostmortemHtml} from '../../src/render/html/render-postmortem-html.js'
import {chromiumMissing, describeNeeding} from '../support/needs-service.js'
import {samplePostmortem} from './sample-postmortem.js'

const run = promisify(execFile)
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/** Width and height from a PNG's IHDR chunk. */
function pngSize(png: Buffer): {width: number; height: number} {
  expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true)
  expect(png.toString('latin1', 12, 16)).toBe('IHDR')
  return {width: png.readUInt32BE(16), height: png.readUInt32BE(20)}
}

describeNeeding(chromiumMissing(CHROMIUM), 'the postmortem HTML in headless Chromium', () => {
  let dir: string
  let dom: string
  let screenshot: string

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'postmortem-browser-'))
    const page = join(dir, 'postmortem.html')
    screenshot = join(dir, 'postmortem.png')
    await writeFile(page, renderPostmortemHtml(samplePostmortem()))
    // One browser run does both: the DOM goes to stdout, the screenshot to a file.
    const {stdout} = await run(
      CHROMIUM,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
        `--user-data-dir=${join(dir, 'profile')}`,
        '--window-size=1200,2000',
        `--screenshot=${screenshot}`,
        '--dump-dom',
        pathToFileURL(page).href,
      ],
      {timeout: 60_000, maxBuffer: 16 * 1024 * 1024},
    )
    dom = stdout
  }, 90_000)

  afterAll(async () => {
    if (dir) await rm(dir, {recursive: true, force: true})
  })

  it('renders a non-trivial screenshot of the requested size', async () => {
    const png = await readFile(screenshot)
    expect(pngSize(png)).toEqual({width: 1200, height: 2000})
    // A blank page compresses to a few KB; text, tables and two charts do not.
    expect((await stat(screenshot)).size).toBeGreaterThan(30_000)
  })

  it('has both charts in the DOM as inline SVG with their paths, bars and markers', () => {
    expect(dom.match(/<svg /g)).toHaveLength(2)
    expect(dom).toMatch(/<figure class="chart" data-chart="error-rate">\s*<svg [^>]*role="img"/)
    expect(dom).toMatch(/<path class="error-rate-line" d="M[\d.,L ]+"/)
    expect(dom).toMatch(/<path class="error-rate-area"/)
    for (const kind of ['deploy', 'change', 'onset', 'detection', 'mitigation', 'resolved']) {
      expect(dom).toContain(`<g class="marker marker-${kind}">`)
    }
    expect(dom).toMatch(/<figure class="chart" data-chart="phase-strip">\s*<svg [^>]*class="chart phase-strip"/)
    expect(dom.match(/<g class="phase">/g)).toHaveLength(5)
    expect(dom).not.toContain('<img')
    expect(dom).toContain('<table class="wide">')
  })
})
