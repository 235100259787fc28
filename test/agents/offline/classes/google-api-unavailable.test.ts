import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT} from '../bundle-builder.js'

const lead = (bundle: ReturnType<typeof bundleOf>) => rootCauseAnalyst(bundle, INCIDENT).findings[0]

// Shapes: google-api-core exceptions (https://googleapis.dev/python/google-api-core/latest/exceptions.html),
// Go's googleapi.Error (https://pkg.go.dev/google.golang.org/api/googleapi#Error), the JSON error body of
// Google APIs (https://cloud.google.com/apis/design/errors#http_mapping), as Cloud Logging entries.
describe('Google APIs answering 503 / UNAVAILABLE', () => {
  it('is an external dependency on the API the clients name', () => {
    const bundle = bundleOf({
      templates: [
        {
          template: 'upload failed: google.api_core.exceptions.ServiceUnavailable: 503 <*>',
          samples: ['{"severity":"ERROR","timestamp":"2026-10-06T10:15:02.381Z","jsonPayload":{"message":"upload failed: google.api_core.exceptions.ServiceUnavailable: 503 POST https://storage.googleapis.com/upload/storage/v1/b/shop-media/o?uploadType=multipart: The service is currently unavailable.","logger":"media.uploader"}}'],
          count: 500,
        },
        {
          template: 'publish failed: rpc error: code = Unavailable desc = The service is currently unavailable.',
          samples: ['{"severity":"ERROR","textPayload":"publish failed: rpc error: code = Unavailable desc = The service is currently unavailable."}'],
          count: 300,
        },
        {template: 'googleapi: Error 503: The service is currently unavailable., backendError', count: 200},
      ],
    })
    expect(lead(bundle)).toMatchObject({category: 'external-dependency', change: null, component: 'storage.googleapis.com'})
  })

  it('reads the JSON error body and the Node client wording with no host', () => {
    const bundle = bundleOf({
      templates: [
        {template: 'Error: 14 UNAVAILABLE: The service is currently unavailable.', count: 400},
        {template: 'API error {"error":{"code":503,"message":"The service is currently unavailable.","status":"UNAVAILABLE"}}', count: 100},
      ],
    })
    expect(lead(bundle)).toMatchObject({category: 'external-dependency', change: null})
  })
})
