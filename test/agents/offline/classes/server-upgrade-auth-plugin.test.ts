import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shape: mysqljs/mysql against a MySQL 8 server defaulting to caching_sha2_password
// (https://github.com/mysqljs/mysql/issues/2005).
const AUTH_MODE = {template: 'Error: ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client', count: 600}
const UPGRADE = 'orders-db: upgrade to MySQL 8.0.33'
const BUMP = 'Bump rubocop from 1.50.0 to 1.56.0'

describe('a database server upgraded past what the driver speaks', () => {
  it('names the server upgrade as a dependency upgrade, not the unrelated bump beside it', () => {
    const bundle = bundleOf({
      templates: [AUTH_MODE],
      commits: [
        {subject: UPGRADE, files: ['infra/db/orders.tf'], minutesBefore: 20, kind: 'config-change'},
        {subject: BUMP, files: ['Gemfile.lock'], minutesBefore: 10, kind: 'dependency-upgrade', packages: ['rubocop']},
      ],
    })
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'dependency-upgrade', change: {sha: shaOf(bundle, UPGRADE)}})
    expect(findings.find((f) => f.change?.sha === shaOf(bundle, BUMP))).toBeUndefined()
  })

  it('names no change when nothing of ours upgraded the server or the driver', () => {
    const bundle = bundleOf({templates: [AUTH_MODE], commits: [{subject: BUMP, files: ['Gemfile.lock'], minutesBefore: 10, kind: 'dependency-upgrade', packages: ['rubocop']}]})
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'dependency-upgrade', change: null})
    expect(findings.some((f) => f.change !== null)).toBe(false)
  })
})
