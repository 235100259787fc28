import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT} from '../bundle-builder.js'

// Shapes: Go's resolver errors (https://pkg.go.dev/net#DNSError) while a public resolver's address was
// hijacked and leaked (https://blog.cloudflare.com/cloudflare-1111-incident-on-june-27-2024).
describe('a public resolver made unreachable', () => {
  it('reads lookups timing out at the resolver as the network, whichever vendor name was asked', () => {
    const bundle = bundleOf({
      templates: [
        {template: 'Post "https://api.stripe.com/v1/charges": dial tcp: lookup api.stripe.com on 1.1.1.1:53: read udp <*>->1.1.1.1:53: i/o timeout', samples: ['Post "https://api.stripe.com/v1/charges": dial tcp: lookup api.stripe.com on 1.1.1.1:53: read udp 172.17.0.2:39312->1.1.1.1:53: i/o timeout'], count: 500},
      ],
      commits: [{subject: 'checkout: add coupon field', files: ['internal/checkout/coupon.go'], minutesBefore: 60}],
    })
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'network', change: null})
  })

  it('still reads one vendor’s name that stopped resolving as that vendor', () => {
    const bundle = bundleOf({templates: [{template: 'dial tcp: lookup api.payprovider.example on 10.96.0.10:53: no such host', count: 300}]})
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'external-dependency', component: 'api.payprovider.example'})
  })
})
