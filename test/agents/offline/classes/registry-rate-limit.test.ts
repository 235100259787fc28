import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT} from '../bundle-builder.js'

// Shapes: kubelet events for a Docker Hub pull rate limit (https://docs.docker.com/docker-hub/usage/pulls/,
// https://github.com/kubernetes/kubernetes/issues/99307).
describe('a container registry pull rate limit', () => {
  it('is an external dependency, not a config change, when no change touched the image', () => {
    const bundle = bundleOf({
      templates: [
        {
          template: 'Warning Failed kubelet Failed to pull image <*>: rpc error: code = Unknown desc = failed to pull and unpack image <*>: failed to copy: httpReadSeeker: failed open: unexpected status code <*>: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit',
          samples: ['Warning Failed kubelet Failed to pull image "docker.io/library/redis:7.2": rpc error: code = Unknown desc = failed to pull and unpack image "docker.io/library/redis:7.2": failed to copy: httpReadSeeker: failed open: unexpected status code https://registry-1.docker.io/v2/library/redis/manifests/sha256:9d1e2f: 429 Too Many Requests - Server message: toomanyrequests: You have reached your pull rate limit. You may increase the limit by authenticating and upgrading: https://www.docker.com/increase-rate-limit'],
          count: 40,
        },
        {template: 'Warning Failed kubelet Error: ErrImagePull', count: 40},
        {template: 'Normal BackOff kubelet Back-off pulling image <*>', samples: ['Normal BackOff kubelet Back-off pulling image "docker.io/library/redis:7.2"'], count: 120, levels: ['warn']},
        {template: 'cart-cache-7f9c-<*> 0/1 ImagePullBackOff 0 <*>', count: 30},
      ],
      commits: [{subject: 'docs: describe the cache warm-up', files: ['README.md'], minutesBefore: 30}],
    })
    const [finding] = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(finding).toMatchObject({category: 'external-dependency', change: null, component: 'registry-1.docker.io'})
  })
})
