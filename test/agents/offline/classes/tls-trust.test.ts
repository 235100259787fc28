import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

const lead = (bundle: ReturnType<typeof bundleOf>) => rootCauseAnalyst(bundle, INCIDENT).findings[0]

// Shapes: .NET Framework WebException over schannel (https://learn.microsoft.com/en-us/troubleshoot/developer/webapps/aspnet/development/could-not-establish-trust-relationship),
// Go crypto/x509 (https://pkg.go.dev/crypto/x509#UnknownAuthorityError), nginx proxy_ssl_verify
// (https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_ssl_verify).
describe('TLS trust failures (chain, unknown CA, name) with no change behind them', () => {
  it('names the certificate when .NET clients cannot establish trust with a storage endpoint', () => {
    const bundle = bundleOf({
      templates: [
        {
          template: 'ERROR Blob upload failed: System.Net.WebException: The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel. ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.',
          samples: ['2026-10-06 10:15:02.118 ERROR Blob upload failed for https://shopassets.blob.core.windows.net/images/42.png: System.Net.WebException: The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel. ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.'],
          count: 2400,
        },
      ],
      commits: [{subject: 'checkout: tidy the basket view model', files: ['src/Shop.Web/Models/BasketViewModel.cs'], minutesBefore: 50}],
    })
    expect(lead(bundle)).toMatchObject({category: 'certificate-expiry', change: null})
  })

  it('names the certificate when Go clients see an unknown authority', () => {
    const bundle = bundleOf({
      templates: [{template: 'payments client: Post <*> tls: failed to verify certificate: x509: certificate signed by unknown authority', samples: ['payments client: Post "https://api.payments.example.net/v1/charges": tls: failed to verify certificate: x509: certificate signed by unknown authority'], count: 700}],
    })
    expect(lead(bundle)).toMatchObject({category: 'certificate-expiry', change: null, component: 'api.payments.example.net'})
  })

  it('reads nginx upstream verification errors and the Windows validity-period wording', () => {
    const nginx = bundleOf({templates: [{template: '<*> [error] <*> upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream', samples: ['2026/10/06 10:15:04 [error] 31#31: *8812 upstream SSL certificate verify error: (20:unable to get local issuer certificate) while SSL handshaking to upstream, client: 10.0.0.5, server: shop.example.com, request: "GET /api/cart HTTP/1.1", upstream: "https://10.0.4.17:8443/api/cart"']}]})
    expect(lead(nginx)).toMatchObject({category: 'certificate-expiry', change: null})
    const windows = bundleOf({templates: [{template: 'CertVerifyCertificateChainPolicy failed: 0x800B0101 A required certificate is not within its validity period when verifying against the current system clock or the timestamp in the signed file.'}]})
    expect(lead(windows)).toMatchObject({category: 'certificate-expiry', change: null})
  })

  it('still names the change that swapped the certificate', () => {
    const bundle = bundleOf({
      templates: [{template: 'payments client: Post <*> x509: certificate signed by unknown authority', samples: ['payments client: Post "https://api.payments.example.net/v1/charges": x509: certificate signed by unknown authority']}],
      commits: [{subject: 'tls: rotate the payments mTLS client certificate and CA bundle', files: ['deploy/tls/payments-ca.pem'], minutesBefore: 8, kind: 'config-change'}],
    })
    expect(lead(bundle)).toMatchObject({category: 'config-change', change: {sha: shaOf(bundle, 'tls: rotate the payments mTLS client certificate and CA bundle')}})
  })
})
