import {describe, expect, it} from 'vitest'

import {lintBlameless} from '../../src/lint/lint-blameless.js'
import {deriveActionItems} from '../../src/phases/postmortem/derive-action-items.js'
import {offlineNarrative} from '../../src/phases/postmortem/narrative.js'
import {storyOf} from '../../src/phases/postmortem/incident-story.js'
import {postmortemView} from '../../src/phases/postmortem/postmortem-view.js'
import {buildRca} from '../../src/phases/rca/build-rca.js'
import {rcaView} from '../../src/phases/rca/rca-view.js'
import {decideTriage} from '../../src/phases/triage/decide-triage.js'
import {emptyReport} from '../../src/phases/notifier.js'
import {triageView} from '../../src/phases/triage/triage-view.js'
import {loadTemplates} from '../../src/render/templates.js'
import {facts, incident, migrationFinding, report} from './fixtures.js'

describe('the bundled templates', async () => {
  const templates = await loadTemplates({}, process.cwd())
  const inc = incident({status: 'resolved', resolution: 'Dropped NOT NULL again', timestamps: {...incident().timestamps, mitigatedAt: '2026-11-12T14:30:00.000Z', resolvedAt: '2026-11-12T15:00:00.000Z'}})
  const reports = [report('root-cause-analyst', [migrationFinding(0.8)]), report('database', [migrationFinding(0.6)])]
  const rca = buildRca({reports, facts: facts(), recorded: [], service: 'checkout-api', story: storyOf(inc, facts(), null, new Date('2026-11-13T00:00:00Z')), impactMinutes: 58, limitations: []})
  const triage = decideTriage(inc, facts(), [])
  const actionItems = deriveActionItems(rca, facts(), {cause: '@shop/payments-team', service: 'checkout-api owners', sre: 'SRE on-call rotation'}, new Date('2026-11-13T00:00:00Z'))
  const now = new Date('2026-11-13T00:00:00Z')
  const story = storyOf(inc, facts(), rca.rootCause, now)
  const view = postmortemView({incident: inc, rca, triage, reports, actionItems, facts: facts(), evidence: [], narrative: offlineNarrative(rca, facts(), story), story, responders: [], now, showPath: (path) => path})

  it('render every placeholder (no {{ left behind)', () => {
    const documents = [
      templates.render('triage', triageView(inc, triage, emptyReport('escalate'))),
      templates.render('rca', rcaView(inc, rca, reports)),
      templates.render('postmortem', view),
      templates.render('summary', view),
      templates.render('actionItems', {id: inc.id, items: actionItems}),
    ]
    for (const document of documents) {
      expect(document).not.toContain('{{')
      expect(document).not.toMatch(/undefined|\[object Object\]/)
    }
  })

  it('write a postmortem the blameless linter passes, with metrics and action items', () => {
    const markdown = templates.render('postmortem', view)
    expect(lintBlameless(markdown)).toEqual([])
    expect(markdown).toContain('| Time to resolve (onset → resolved) | 58 min |')
    expect(markdown).toContain('| #incident-001 | CRITICAL | Add a CI check')
    expect(markdown).toContain('@shop/payments-team')
  })

  it('derive action items that start with a verb, with a type, owner and deadline', () => {
    expect(actionItems.map((item) => item.type)).toEqual(expect.arrayContaining(['prevent', 'detect', 'respond']))
    for (const item of actionItems) {
      expect(item.title).toMatch(/^(Add|Adopt|Lower|Document|Gate|Validate)\b/)
      expect(item.deadline).toMatch(/^2026-1[12]-\d{2}$/)
    }
  })
})
