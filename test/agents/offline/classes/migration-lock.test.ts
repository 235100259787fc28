import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shapes: Django on PostgreSQL (https://docs.djangoproject.com/en/stable/ref/migration-operations/#runsql)
// and PostgreSQL's lock and statement timeouts (https://www.postgresql.org/docs/current/runtime-config-client.html).
const LOCKS = [
  {template: 'django.db.utils.OperationalError: canceling statement due to lock timeout', count: 400},
  {template: 'django.db.utils.OperationalError: canceling statement due to statement timeout', count: 200},
]
const MIGRATION = 'feat(issues): add index on groupedmessage'
const BUMP = 'chore(deps): bump sentry-arroyo to 2.14.1'

// The consumer framework's frames are in every trace it runs (arroyo under Sentry's consumers).
const THROUGH_ARROYO = {
  type: 'django.db.utils.OperationalError',
  message: 'canceling statement due to lock timeout',
  frames: ['/usr/local/lib/python3.11/site-packages/arroyo/processing/processor.py', '/usr/src/sentry/src/sentry/eventstream/kafka/consumer.py'],
  count: 400,
}

describe('a migration that locks a table while a library bump ships beside it', () => {
  it('names the migration, not the bumped library whose frames carried the call', () => {
    const bundle = bundleOf({
      templates: LOCKS,
      exceptions: [THROUGH_ARROYO],
      commits: [
        {subject: MIGRATION, files: ['src/sentry/migrations/0642_add_index_groupedmessage.py'], minutesBefore: 25},
        {subject: BUMP, files: ['requirements-base.txt'], minutesBefore: 20, kind: 'dependency-upgrade', packages: ['sentry-arroyo', 'arroyo']},
      ],
    })
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({change: {sha: shaOf(bundle, MIGRATION)}})
    expect(findings.find((f) => f.change?.sha === shaOf(bundle, BUMP))).toBeUndefined()
  })

  it('names the migration, not the bump', () => {
    const bundle = bundleOf({
      templates: LOCKS,
      commits: [
        {subject: MIGRATION, files: ['src/sentry/migrations/0642_add_index_groupedmessage.py'], minutesBefore: 25},
        {subject: BUMP, files: ['requirements-base.txt'], minutesBefore: 20, kind: 'dependency-upgrade', packages: ['sentry-arroyo']},
      ],
    })
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({change: {sha: shaOf(bundle, MIGRATION)}})
    expect(findings.find((f) => f.change?.sha === shaOf(bundle, BUMP))).toBeUndefined()
  })

  it('leaves lock waits to the database when no migration shipped', () => {
    const bundle = bundleOf({templates: LOCKS, commits: [{subject: BUMP, files: ['requirements-base.txt'], minutesBefore: 20, kind: 'dependency-upgrade', packages: ['sentry-arroyo']}]})
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'database-saturation', change: null})
    expect(findings.some((f) => f.change !== null)).toBe(false)
  })
})
