import {describe, expect, it} from 'vitest'

import {maskToken, tokenize} from '../../../src/evidence/logs/mask-tokens.js'
import {OVERFLOW_TEMPLATE, TemplateMiner} from '../../../src/evidence/logs/template-miner.js'

describe('maskToken', () => {
  it('masks numbers, ids, hex, IPs, UUIDs, paths and quoted values, keeping keys', () => {
    for (const token of ['42', '0x1f', 'a64f992', '10.0.0.1:5432', '3f2b8c1e-1111-4a4a-9b9b-123456789abc', '/var/lib/x', "'orders'", '"x y"'])
      expect(maskToken(token)).toBe('<*>')
    expect(maskToken('user_id=123')).toBe('user_id=<*>')
    expect(maskToken('took:15ms')).toBe('took:<*>')
    expect(maskToken('(uid=0)')).toBe('(uid=<*>')
    expect(maskToken('LOGIN(uid=0)')).toBe('LOGIN(uid=<*>')
    expect(maskToken('10.0.0.1=5')).toBe('<*>')
  })

  it('keeps words and versioned names', () => {
    for (const token of ['connection', 'SOCKS5', 'ssh2', 'failed:']) expect(maskToken(token)).toBe(token)
  })
})

describe('tokenize', () => {
  it('splits on any whitespace run', () => {
    expect(tokenize(' a\tb  c ', false)).toEqual(['a', 'b', 'c'])
  })
})

describe('TemplateMiner', () => {
  it('groups messages that differ only in variables and keeps distinct events apart', () => {
    const miner = new TemplateMiner()
    const a = miner.add('Connection from 10.0.0.1 closed after 35 ms')
    const b = miner.add('Connection from 10.0.0.7 closed after 120 ms')
    const c = miner.add('Disk /dev/sda1 is 91% full')
    expect(a).toBe(b)
    expect(a).not.toBe(c)
    expect(miner.templateOf(a)).toBe('Connection from <*> closed after <*> ms')
    expect(a.size).toBe(2)
  })

  it('generalises positions that differ once the threshold is met', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.5})
    const a = miner.add('login ok for user alice')
    miner.add('login ok for user bob')
    expect(miner.templateOf(a)).toBe('login ok for user <*>')
  })

  it('never joins messages of different lengths, but reports them under one group key', () => {
    const miner = new TemplateMiner()
    const a = miner.add('close, 120 bytes sent, 30 bytes received')
    const b = miner.add('close, 1.2 KB) sent, 30 bytes received')
    expect(a).not.toBe(b)
    expect(miner.groupKeyOf(a)).toBe('close, bytes sent, bytes received')
  })

  it('matches a message its template already covers even when most tokens are variables', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.9})
    const a = miner.add('job 1 took 2 ms on 3')
    expect(miner.add('job 4 took 5 ms on 6')).toBe(a)
  })

  it('keeps messages apart whose only difference is a field name, even at a low threshold', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.3})
    const a = miner.add('session opened for user news by (uid=0)')
    const b = miner.add('session opened for user root by LOGIN(uid=0)')
    expect(a).not.toBe(b)
    expect(miner.groupKeyOf(a)).not.toBe(miner.groupKeyOf(b))
    expect(miner.add('session opened for user cyrus by (uid=0)')).toBe(a)
  })

  it('applies preprocessing regexes before masking', () => {
    const miner = new TemplateMiner({preprocess: [/blk_-?\d+/g], maskVariables: false})
    expect(miner.templateOf(miner.add('Receiving block blk_-123 src'))).toBe('Receiving block <*> src')
  })

  it('caps clusters and sends the rest to an overflow cluster', () => {
    const miner = new TemplateMiner({maxClusters: 3})
    for (const word of ['alpha', 'beta', 'gamma', 'delta', 'epsilon']) miner.add(`${word} ${word} ${word}`)
    expect(miner.clusters).toHaveLength(4)
    expect(miner.templateOf(miner.clusters[3])).toBe(OVERFLOW_TEMPLATE)
  })

  it('takes ids without digits for values, so they make one template, not one each', () => {
    const miner = new TemplateMiner()
    const ids = ['ord_auxrrbemqm', 'ord_xwvbrtplmk', 'ord_qqzmfhtkpl']
    const clusters = ids.map((id) => miner.add(`Order ${id} failed validation: card expired`))
    expect(new Set(clusters).size).toBe(1)
    expect(miner.templateOf(clusters[0])).toBe('Order <*> failed validation: card expired')
  })

  it('makes a position a parameter once the templates of a leaf showed maxWordsPerPosition words there', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 3})
    // Spelled words, too few to be generalised by the threshold: 3 of 6 tokens differ.
    const words = ['alpha beta gamma', 'delta epsilon zeta', 'eta theta iota', 'kappa lambda mu', 'nu xi omicron']
    const clusters = words.map((text) => miner.add(`no results for ${text}`))
    expect(new Set(clusters.slice(0, 3)).size).toBe(3)
    expect(clusters[3]).toBe(clusters[0])
    expect(clusters[4]).toBe(clusters[0])
    expect(miner.templateOf(clusters[0])).toBe('no results for <*> <*> <*>')
  })

  it('keeps positions apart that showed fewer words than the bound', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 10})
    const clusters = ['alpha beta gamma', 'delta epsilon zeta', 'eta theta iota'].map((text) => miner.add(`no results for ${text}`))
    expect(new Set(clusters).size).toBe(3)
  })

  it('sends a new word at a node that has seen many to the template with a parameter there', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 3})
    const general = miner.add('session 42 opened for user alice')
    for (const word of ['started', 'closed', 'renewed']) miner.add(`session ${word} by admin at noon`)
    expect(miner.add('session zqxwvkjh opened for user alice')).toBe(general)
    // Where the node has seen fewer words, a new word is a new event.
    const fewer = new TemplateMiner({maxWordsPerPosition: 5})
    const opened = fewer.add('session 42 opened for user alice')
    for (const word of ['started', 'closed', 'renewed']) fewer.add(`session ${word} by admin at noon`)
    expect(fewer.add('session zqxwvkjh opened for user alice')).not.toBe(opened)
    // A template made of parameters alone is no place for a detour.
    const bare = new TemplateMiner({maxWordsPerPosition: 3})
    const wildcards = bare.add('42')
    for (const word of ['closeQs', 'instantCollapse', 'getMode']) bare.add(word)
    expect(bare.add('handleBatteryUpdate')).not.toBe(wildcards)
    expect(bare.add('43')).toBe(wildcards)
  })
})

describe('TemplateMiner at its edges', () => {
  it('numbers its clusters from 0 in the order they start, and counts what joins them by mining', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.5})
    const a = miner.add('login ok for user alice')
    const b = miner.add('disk full on sda')
    expect(miner.add('login ok for user bob')).toBe(a)
    expect(miner.clusters).toEqual([a, b])
    expect([a.id, b.id]).toEqual([0, 1])
    expect([a.size, b.size]).toEqual([2, 1])
  })

  it('joins a cluster at exactly the similarity threshold', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.75})
    const a = miner.add('cache warm for orders')
    expect(miner.add('cache warm for users')).toBe(a)
    expect(miner.templateOf(a)).toBe('cache warm for <*>')
  })

  it('routes on the first two tokens at the default depth, and on the first one at depth 4', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.5})
    const a = miner.add('cache warm orders done')
    expect(miner.add('cache warm users done')).toBe(a)
    expect(miner.add('cache cold orders done')).not.toBe(a)
    const shallow = new TemplateMiner({depth: 4, similarityThreshold: 0.5})
    const b = shallow.add('cache warm orders done')
    expect(shallow.add('cache cold orders done')).toBe(b)
  })

  it('routes tokens with digits down the wildcard branch, also when variables are not masked', () => {
    const miner = new TemplateMiner({maskVariables: false})
    const a = miner.add('user 42 logged in')
    expect(miner.add('user 43 logged in')).toBe(a)
    expect(miner.templateOf(a)).toBe('user <*> logged in')
  })

  it('sends new first tokens down the wildcard branch once a node has maxChildren - 1 named children', () => {
    // maxChildren 3: alpha and beta get branches of their own; gamma, delta … share the wildcard one.
    const miner = new TemplateMiner({maxChildren: 3})
    const alpha = miner.add('alpha run now ok')
    const beta = miner.add('beta run now ok')
    const gamma = miner.add('gamma run now ok')
    expect(beta).not.toBe(alpha)
    expect(gamma).not.toBe(beta)
    expect(miner.add('delta run now ok')).toBe(gamma)
    expect(miner.add('epsilon run now ok')).toBe(gamma)
    expect(miner.templateOf(gamma)).toBe('<*> run now ok')
  })

  it('prefers, among templates covering a message, the more general one, and between equals the first; never one that does not cover it', () => {
    const miner = new TemplateMiner()
    miner.addTokens(['job', 'run', 'alpha', 'beta'])
    const general = miner.addTokens(['job', 'run', '<*>', '<*>'])
    expect(miner.addTokens(['job', 'run', 'alpha', 'beta'])).toBe(general)
    const equals = new TemplateMiner()
    const first = equals.addTokens(['job', 'run', 'alpha', '<*>'])
    const second = equals.addTokens(['job', 'run', '<*>', 'beta'])
    expect(second).not.toBe(first)
    expect(equals.addTokens(['job', 'run', 'alpha', 'beta'])).toBe(first)
    // Wildcards never outweigh similarity: a template that covers the message beats a more general one that does not.
    const covering = new TemplateMiner()
    const exact = covering.addTokens(['job', 'run', 'alpha', 'beta'])
    covering.addTokens(['job', 'run', '<*>', 'gamma'])
    expect(covering.addTokens(['job', 'run', 'alpha', 'beta'])).toBe(exact)
  })

  it('counts a merged cluster as many times as it was seen', () => {
    const miner = new TemplateMiner()
    const a = miner.addTokens(['disk', 'full', 'on', '<*>'], 5)
    miner.addTokens(['disk', 'full', 'on', '<*>'], 3)
    expect(a.size).toBe(8)
  })

  it('once at the cap, joins the nearest template however far, else the overflow, and counts both', () => {
    const miner = new TemplateMiner({maxClusters: 1})
    const a = miner.add('disk sda full now')
    expect(miner.add('disk sda gone away')).toBe(a)
    expect(miner.templateOf(a)).toBe('disk sda <*> <*>')
    const overflow = miner.add('queue stalled')
    expect(miner.add('cache cold')).toBe(overflow)
    expect(miner.templateOf(overflow)).toBe('<other messages: template cap reached>')
    expect([a.size, overflow.size]).toEqual([2, 2])
  })

  it('gives empty messages one cluster', () => {
    const miner = new TemplateMiner()
    const a = miner.add('')
    expect(miner.add('   ')).toBe(a)
    expect(a.size).toBe(2)
  })

  it('groups a template of values only under the template itself', () => {
    const miner = new TemplateMiner()
    expect(miner.groupKeyOf(miner.add('42 17'))).toBe('<*> <*>')
  })

  it('keeps apart different keys with colons, and joins a keyed value with a plain word', () => {
    const miner = new TemplateMiner({similarityThreshold: 0.5})
    const took = miner.add('op run took:15ms done')
    expect(miner.add('op run wait:15ms done')).not.toBe(took)
    const keyed = miner.add('login by uid=5 ok')
    expect(miner.add('login by root ok')).toBe(keyed)
    expect(miner.templateOf(keyed)).toBe('login by <*> ok')
  })

  it('takes a key for a key only with a name before its = or :', () => {
    // "=<*>" has no name: two such tokens are values, not two different keys.
    const miner = new TemplateMiner()
    const a = miner.addTokens(['login', 'by', '=<*>', 'ok'])
    expect(miner.addTokens(['login', 'by', ':<*>', 'ok'])).toBe(a)
    // Unmasked key=value pairs are words: they generalise like any other.
    const words = new TemplateMiner({similarityThreshold: 0.5})
    const b = words.add('config set mode=low now')
    expect(words.add('config set mode=max now')).toBe(b)
    // Nor is a token a preprocessing regex replaced the end of.
    const blocks = new TemplateMiner({maskVariables: false, preprocess: [/\d+/g]})
    const c = blocks.add('block read blk_1 ok')
    expect(blocks.add('block read rdd_2 ok')).toBe(c)
    expect(blocks.templateOf(c)).toBe('block read <*> ok')
  })
})

describe('TemplateMiner remembers decisions only where mining would repeat them', () => {
  it('does not reuse a decision for a name ending in a digit: ssh1 and ssh2 are different events', () => {
    const miner = new TemplateMiner()
    const two = miner.add('Accepted protocol ssh2')
    expect(miner.add('Accepted protocol ssh1')).not.toBe(two)
  })

  it('does not collapse digits for preprocessing regexes, which may key on them', () => {
    const miner = new TemplateMiner({preprocess: [/HTTP 5\d\d/g]})
    const serverError = miner.add('status HTTP 503 from api')
    const notFound = miner.add('status HTTP 404 from api')
    expect(miner.templateOf(serverError)).toBe('status <*> from api')
    expect(miner.templateOf(notFound)).toBe('status HTTP <*> from api')
  })

  it('mines a message again after its leaf changed twice (a generalisation, then a new cluster)', () => {
    const miner = new TemplateMiner()
    miner.add('job run zeta eta')
    const own = miner.add('job run alpha beta')
    miner.add('job run zeta theta') // generalises the first cluster
    const general = miner.addTokens(['job', 'run', '<*>', '<*>']) // a new, more general cluster
    expect(own).not.toBe(general)
    expect(miner.add('job run alpha beta')).toBe(general)
  })
})

describe('TemplateMiner detours at their edges', () => {
  const crowded = (maxWordsPerPosition: number) => {
    const miner = new TemplateMiner({maxWordsPerPosition})
    const general = miner.add('session 42 opened for user alice')
    for (const word of ['started', 'closed', 'renewed']) miner.add(`session ${word} by admin at noon`)
    return {miner, general}
  }

  it('takes a detour where the node has seen exactly maxWordsPerPosition words', () => {
    // The node after "session" has four children: <*>, started, closed, renewed.
    const {miner, general} = crowded(4)
    expect(miner.add('session zqxwvkjh opened for user alice')).toBe(general)
  })

  it('sends a word that has a branch of its own down that branch, however crowded the node', () => {
    const {miner, general} = crowded(3)
    const own = miner.add('session started opened for user alice')
    expect(own).not.toBe(general)
    expect(miner.templateOf(own)).toBe('session started opened for user alice')
  })

  it('joins by a detour only a template whose other parameters the message fills with values, not words', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 3, similarityThreshold: 0.6})
    const general = miner.add('session 42 opened for user alice')
    expect(miner.add('session 43 opened for user bob')).toBe(general)
    expect(miner.templateOf(general)).toBe('session <*> opened for user <*>')
    for (const word of ['started', 'closed', 'renewed']) miner.add(`session ${word} by admin at noon`)
    // "carol" is a word where the template has a parameter the detour did not take: no detour.
    expect(miner.add('session zqxwvkjh opened for user carol')).not.toBe(general)
    // A value there is what the parameter holds: the detour joins.
    expect(miner.add('session pqrstvwx opened for user 77')).toBe(general)
  })

  it('takes no detour into a template with a parameter past the 30th token that the message fills with a word', () => {
    const middle = Array.from({length: 31}, (_, i) => `w${String.fromCharCode(97 + (i % 26))}${i >= 26 ? 'x' : ''}`).join(' ')
    const miner = new TemplateMiner({maxWordsPerPosition: 3})
    const general = miner.add(`7 ${middle} alice`)
    expect(miner.add(`8 ${middle} bob`)).toBe(general)
    expect(miner.templateOf(general)).toBe(`<*> ${middle} <*>`)
    for (const word of ['started', 'closed', 'renewed']) miner.add(`${word} ${middle} admin`)
    // Detoured at the first token; the last (the 33rd) is a word under the template's parameter.
    expect(miner.add(`zqxwvkjh ${middle} carol`)).not.toBe(general)
  })
})

describe('TemplateMiner wide positions at their edges', () => {
  it('counts no position wide while a leaf holds one template, whatever the bound', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 1, similarityThreshold: 0.9})
    const a = miner.add('alpha beta gamma delta')
    expect(miner.add('alpha beta gamma epsilon')).not.toBe(a)
  })

  it('counts the words templates show at a position, not their parameters', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 3, similarityThreshold: 0.9})
    const first = miner.addTokens(['job', 'run', 'alpha', 'red', 'north'])
    miner.addTokens(['job', 'run', '<*>', 'red', 'south'])
    miner.addTokens(['job', 'run', 'beta', 'red', 'north'])
    // The third position showed two words (alpha, beta) and a parameter: not wide at a bound of 3.
    expect(miner.addTokens(['job', 'run', 'gamma', 'red', 'north'])).not.toBe(first)
  })

  it('counts words at wide positions towards the similarity of a template that does not cover the message', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 3})
    const clusters = ['alpha beta gamma', 'delta epsilon zeta', 'eta theta iota'].map((text) => miner.add(`no results for ${text}`))
    // 2 equal words and 3 at wide positions of 6: 0.83, over the threshold.
    expect(miner.add('no results from kappa lambda mu')).toBe(clusters[0])
  })

  it('takes a template that covers the message with wide positions and parameters for a match at any threshold', () => {
    const miner = new TemplateMiner({maxWordsPerPosition: 2, similarityThreshold: 0.9})
    const first = miner.addTokens(['find', 'item', '<*>', 'red', 'north'])
    miner.addTokens(['find', 'item', 'blue', 'green', 'south'])
    // Equal words 3, a parameter, and yellow where red and green were seen: covered.
    expect(miner.addTokens(['find', 'item', '<*>', 'yellow', 'north'])).toBe(first)
  })
})
