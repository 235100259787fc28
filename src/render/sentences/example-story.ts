import {RECOVERY_RULE} from '../../evidence/arc/signal-recovery.js'
import type {Story} from './story.js'

/**
 * The bundled example incident as a story (checkout-api, a NOT NULL migration, fixed forward):
 * the base of the sentence examples, each of which changes only what its variant is about.
 */
export const EXAMPLE_STORY: Story = {
  service: 'checkout-api',
  onset: '2026-11-12T14:02:00.000Z',
  declared: '2026-11-12T14:09:00.000Z',
  failures: {kind: 'requests', during: {total: 4524, failed: 536}, baseline: {total: 9672, failed: 14}, source: 'access', files: ['access.log.gz'], to: '2026-11-12T14:30:34.101Z', until: 'end-of-impact'},
  endpoints: [
    {name: 'POST /api/checkout', during: {total: 536, failed: 531}, baseline: {total: 1157, failed: 8}, wholeLog: {total: 1830, failed: 541}, affected: true},
    {name: 'POST /api/v2/checkout', during: {total: 348, failed: 5}, baseline: {total: 706, failed: 6}, wholeLog: {total: 1172, failed: 13}, affected: false},
  ],
  users: 553,
  cause: {kind: 'change', category: 'database-migration', changeKind: 'database-migration', sha: 'e3f0244ff909c773fc92229628382c7ddcc47dd7', subject: 'migrations: make orders.currency NOT NULL', confidence: 0.97},
  mitigation: {at: '2026-11-12T14:30:00.000Z', kind: 'forward-change', label: 'deploy 2.14.3 of checkout-api', description: 'deploy 2.14.3 of checkout-api, "Deploy 2.14.3 with migration 20261112_1425_orders_currency_drop_not_null"'},
  attempts: [{at: '2026-11-12T14:16:00.000Z', label: 'deploy 2.14.2 of checkout-api', description: 'deploy 2.14.2 of checkout-api, "Hotfix 2.14.2: retry order insert"'}],
  recovery: {at: '2026-11-12T14:31:00.000Z', signals: ['log error rate', 'http_5xx_rate'], rule: RECOVERY_RULE},
  endOfImpact: '2026-11-12T14:30:34.101Z',
  evidenceEnd: '2026-11-12T14:40:00.120Z',
  notRecovered: [],
  recorded: {status: 'investigating', mitigatedAt: null, mitigation: null, resolvedAt: null, resolution: null},
  duration: '29 min',
}

/** The example's request count, for variants that change one field of it. */
export const REQUESTS = EXAMPLE_STORY.failures as Extract<Story['failures'], {kind: 'requests'}>

/** The example's endpoints with neither affected by the test. */
export const NOT_AFFECTED: Story['endpoints'] = EXAMPLE_STORY.endpoints.map((endpoint) => ({...endpoint, affected: false}))

export const STATUS_PAGE = 'Investigating — checkout-api is returning errors for some requests since 2026-11-12 14:02 UTC. Our engineers are working on it; next update within 30 minutes.'
