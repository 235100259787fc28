import {TemplateMiner} from '../logs/template-miner.js'

/** An error template seen since the onset and not before it, with words to find its lines by. */
export interface ErrorProbe {
  template: string
  /** Up to two constant words of the template, each as it appears in the lines. */
  words: string[]
  count: number
}

const WILDCARD = '<*>'

/**
 * The new errors of an incident sample: error messages mined (by the same miner as the logs)
 * into templates, keeping those whose template the baseline sample does not have, most frequent
 * first. Each comes with its longest constant words, so the store can be asked for the first
 * lines that carry them across the whole window: when the error really began, and whether it is new.
 */
export function newErrorProbes(baseline: readonly string[], incident: readonly string[], max: number): ErrorProbe[] {
  const miner = new TemplateMiner()
  const before = new Set(baseline.map((message) => miner.groupKeyOf(miner.add(message))))
  const found = new Map<string, ErrorProbe>()
  for (const message of incident) {
    const cluster = miner.add(message)
    const key = miner.groupKeyOf(cluster)
    if (before.has(key)) continue
    const probe = found.get(key)
    if (probe) probe.count++
    else found.set(key, {template: miner.templateOf(cluster), words: [], count: 1})
  }
  const probes = [...found.entries()].sort((a, b) => b[1].count - a[1].count).slice(0, max)
  // Words are taken once mining is done: the template's constant tokens by then are the lasting ones.
  return probes
    .map(([key, probe]) => ({...probe, template: templateFor(miner, key) ?? probe.template, words: literalWords(templateFor(miner, key) ?? probe.template)}))
    .filter((probe) => probe.words.length > 0)
}

function templateFor(miner: TemplateMiner, key: string): string | null {
  const cluster = miner.clusters.find((c) => miner.groupKeyOf(c) === key)
  return cluster ? miner.templateOf(cluster) : null
}

/** The two longest words of the template that are constant and appear in a line as written (no quotes or escapes). */
function literalWords(template: string): string[] {
  return template
    .split(' ')
    .filter((token) => !token.includes(WILDCARD) && token.length >= 4 && /[A-Za-z]/.test(token) && !/["\\]/.test(token))
    .sort((a, b) => b.length - a.length)
    .slice(0, 2)
}
