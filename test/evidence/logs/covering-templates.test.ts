import {describe, expect, it} from 'vitest'

import {coveredGroupKeys} from '../../../src/evidence/logs/covering-templates.js'
import {TemplateMiner} from '../../../src/evidence/logs/template-miner.js'

// Word-like ids open branches of their own before the tree sends their messages to the parameter
// branch: those early templates are reported with the template that covers them.
const pronounceable = ['ord_sswusexyiq', 'ord_bizgodycmf', 'ord_ltamcodsak', 'ord_xexuosojcr', 'ord_givoeuoppf', 'ord_taetgmottt', 'ord_lukmavfebb', 'ord_senejaoymr', 'ord_wtikrobias', 'ord_yejcohjzym', 'ord_onhywexdlo', 'ord_ocgvoqioag']

describe('coveredGroupKeys', () => {
  it('reports one-message templates of word-like ids with the template that covers them', () => {
    const miner = new TemplateMiner()
    const clusters = pronounceable.map((id, i) => miner.add(`Order ${id} shipped via ups tracking ${i % 2 === 0 ? 'OHXSVAIOPQIG' : 'QGMFFTBDMHWM'}`))
    for (let i = 0; i < 50; i++) miner.add(`Order ord_${i}x${i} shipped via ups tracking Z${i}Q`)
    const plain = new Set(clusters.map((cluster) => miner.groupKeyOf(cluster)))
    expect(plain.size).toBeGreaterThan(1)
    const keys = coveredGroupKeys(miner)
    expect(new Set(clusters.map((cluster) => keys[cluster.id]))).toEqual(new Set(['Order shipped via ups tracking']))
  })

  it('never merges templates that differ in a word, or a template mostly of parameters over a specific one', () => {
    const miner = new TemplateMiner()
    const a = miner.add('payment declined for card ending 4242')
    const b = miner.add('payment approved for card ending 4343')
    const wide = miner.add('job 1 2 3 4 done')
    miner.add('job 5 6 7 8 done')
    const narrow = miner.add('job alpha beta gamma delta done')
    const keys = coveredGroupKeys(miner)
    expect(keys[a.id]).not.toBe(keys[b.id])
    // "job <*> <*> <*> <*> done" agrees with "job alpha beta gamma delta done" on 2 of 6 positions only.
    expect(keys[narrow.id]).not.toBe(keys[wide.id])
  })
})
