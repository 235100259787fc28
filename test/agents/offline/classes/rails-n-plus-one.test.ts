import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shape: the Bullet gem's log with its call stack (https://github.com/flyerhzm/bullet#log).
const BULLET = {
  template: 'USE eager loading detected Order => [:line_items] Add to your query: .includes([:line_items]) Call stack <*>',
  samples: ["USE eager loading detected\n  Order => [:line_items]\n  Add to your query: .includes([:line_items])\nCall stack\n  /app/app/views/orders/index.html.erb:12:in `block in _app_views_orders_index_html_erb'"],
  count: 400,
  levels: ['warn' as const],
}
const CULPRIT = 'orders: show line item count in the order list'

describe('an N+1 query introduced by a view change', () => {
  it('names the change to the view Bullet’s call stack points at', () => {
    const bundle = bundleOf({
      templates: [BULLET],
      commits: [
        {subject: CULPRIT, files: ['app/views/orders/index.html.erb'], minutesBefore: 30},
        {subject: 'Bump rubocop from 1.50.0 to 1.56.0', files: ['Gemfile.lock'], minutesBefore: 20, kind: 'dependency-upgrade', packages: ['rubocop']},
      ],
    })
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'code-change', change: {sha: shaOf(bundle, CULPRIT)}})
  })

  it('names no change that did not touch the code the queries run from', () => {
    const bundle = bundleOf({templates: [BULLET], commits: [{subject: 'billing: round invoice totals', files: ['app/models/invoice.rb'], minutesBefore: 30}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.some((f) => f.change !== null)).toBe(false)
  })
})
