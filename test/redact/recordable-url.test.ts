import {describe, expect, it} from 'vitest'

import {recordableUrl} from '../../src/redact/recordable-url.js'

describe('recordableUrl', () => {
  it('drops the user and password of a URL, and redacts secrets in its query', () => {
    expect(recordableUrl('https://admin:hunter2@prometheus.example:9090/api?x=AKIAIOSFODNN7EXAMPLE')).toBe('https://prometheus.example:9090/api?x=[REDACTED:aws-key]')
    expect(recordableUrl('https://admin@loki.example/')).toBe('https://loki.example/')
  })

  it('redacts text that is not a URL as text', () => {
    expect(recordableUrl('not a url AKIAIOSFODNN7EXAMPLE')).toBe('not a url [REDACTED:aws-key]')
  })
})
