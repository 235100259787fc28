import {describe, expect, it} from 'vitest'

import {readableTemplate} from '../../src/render/template-text.js'

describe('readableTemplate', () => {
  it('renders each run of masks as one ellipsis', () => {
    expect(readableTemplate('LabSZ <*> error: Received disconnect from <*> <*> No more user authentication methods available. [preauth]')).toBe(
      'LabSZ … error: Received disconnect from … No more user authentication methods available. [preauth]',
    )
    expect(readableTemplate('KERNDTLB <*> <*> <*> <*> RAS KERNEL FATAL data TLB error interrupt')).toBe('KERNDTLB … RAS KERNEL FATAL data TLB error interrupt')
    expect(readableTemplate('connect to <*>:<*> refused')).toBe('connect to … refused')
    expect(readableTemplate('sshd[<*>]: exited abnormally with <*>')).toBe('sshd[…]: exited abnormally with …')
  })

  it('leaves text without masks as it is', () => {
    expect(readableTemplate('Unexpected exception causing shutdown while sock still open')).toBe('Unexpected exception causing shutdown while sock still open')
  })
})
