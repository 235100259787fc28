import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shapes: Microsoft.IdentityModel's IDX10501/IDX10503
// (https://github.com/AzureAD/azure-activedirectory-identitymodel-extensions-for-dotnet/issues/1638) and
// ASP.NET Core's JwtBearer "Bearer was not authenticated" line.
const KEY_NOT_FOUND = {
  template: 'Bearer was not authenticated. Failure message: IDX10501: Signature validation failed. Unable to match key: kid: <*>',
  samples: ["Bearer was not authenticated. Failure message: IDX10501: Signature validation failed. Unable to match key: kid: 'nOo3ZDrODXEK1jKWhXslHR_KXEg'."],
  count: 900,
}
const UNRELATED = 'orders: paginate order history'

describe('an identity provider signing with a key the service does not hold', () => {
  it('names the provider, not an unrelated change shipped before', () => {
    const bundle = bundleOf({templates: [KEY_NOT_FOUND, {template: 'HTTP GET <*> responded 401 in <*> ms', count: 900, levels: ['warn']}], commits: [{subject: UNRELATED, files: ['src/Orders/OrderHistory.cs'], minutesBefore: 40}]})
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'external-dependency', change: null})
    expect(findings.some((f) => f.change !== null)).toBe(false)
  })

  it('names our change when it removed the key from the keys we trust', () => {
    const subject = 'auth: drop the legacy signing key from jwks.json'
    const bundle = bundleOf({templates: [KEY_NOT_FOUND], commits: [{subject, files: ['config/auth/jwks.json'], minutesBefore: 15, kind: 'config-change'}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'config-change', change: {sha: shaOf(bundle, subject)}})
  })

  it('does not read an expired token as a key rotation', () => {
    const bundle = bundleOf({templates: [{template: 'Bearer was not authenticated. Failure message: IDX10223: Lifetime validation failed. The token is expired.', count: 40, levels: ['warn']}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.some((f) => f.hypothesis.includes('signing key'))).toBe(false)
  })
})

describe('a key rotation ASP.NET logs at information level', () => {
  it('is read from the new info lines that say authentication failed', () => {
    const bundle = bundleOf({templates: [{...KEY_NOT_FOUND, levels: ['info']}, {template: 'Request finished HTTP/1.1 GET <*> - 401 0 - <*>ms', count: 900, levels: ['info']}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'external-dependency', change: null})
  })

  it('does not read info lines that were there before the onset as new failures', () => {
    const bundle = bundleOf({templates: [{...KEY_NOT_FOUND, levels: ['info'], before: 900}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings.some((f) => f.category === 'external-dependency' && f.confidence >= 0.4)).toBe(false)
  })
})
