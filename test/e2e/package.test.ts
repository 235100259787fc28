import {execFileSync} from 'node:child_process'
import {describe, expect, it} from 'vitest'

import {ROOT} from './cli-harness.js'

describe('the published package', () => {
  it('carries the LICENSE and the example, never the folders the example generates', () => {
    // --ignore-scripts: `prepare` would rebuild dist/ under the other tests' feet.
    const [pack] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore']})) as [{files: {path: string}[]}]
    const files = pack.files.map((file) => file.path)
    expect(files).toContain('LICENSE')
    expect(files).toEqual(expect.arrayContaining(['bin/run.js', 'oclif.manifest.json', 'templates/postmortem.md', 'examples/checkout-outage/README.md', 'examples/checkout-outage/build-repo.mjs', 'examples/checkout-outage/logs/app.log.gz', 'examples/checkout-outage/deploys.jsonl', 'examples/checkout-outage/metrics.csv']))
    expect(files.filter((file) => file.includes('/.work/') || file.startsWith('.tresor') || file.startsWith('test/'))).toEqual([])
    expect(JSON.parse(execFileSync('node', ['-p', 'JSON.stringify(require("./package.json").license)'], {cwd: ROOT, encoding: 'utf8'}))).toBe('MIT')
  }, 60_000)
})
