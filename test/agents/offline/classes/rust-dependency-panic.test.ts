import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shape: rustls 0.23's panic when no CryptoProvider is installed, at its location in Cargo's registry
// checkout (https://github.com/rustls/rustls/issues/1938, https://github.com/hyperium/tonic/issues/1796).
const PANIC = {
  template: "thread 'main' panicked at <*>",
  samples: [
    "thread 'main' panicked at /usr/local/cargo/registry/src/index.crates.io-6f17d22bba15001f/rustls-0.23.12/src/crypto/mod.rs:265:14:\nno process-level CryptoProvider available -- call CryptoProvider::install_default() before this point",
  ],
  count: 30,
}
const BUMP = 'Bump tonic from 0.11.0 to 0.12.1'

describe('a Rust panic inside a crate a bump pulled in', () => {
  it('names the bump whose lockfile moved that crate', () => {
    const bundle = bundleOf({
      templates: [PANIC, {template: 'Back-off restarting failed container quotes in pod quotes-<*>', count: 12, levels: ['warn']}],
      commits: [
        {subject: BUMP, files: ['Cargo.toml', 'Cargo.lock'], minutesBefore: 30, kind: 'dependency-upgrade', packages: ['tonic', 'rustls', 'hyper']},
        {subject: 'quotes: log the request id on errors', files: ['src/handlers/quote.rs'], minutesBefore: 12},
      ],
    })
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'dependency-upgrade', change: {sha: shaOf(bundle, BUMP)}})
  })
})
