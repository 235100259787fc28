import {WILDCARD} from './mask-tokens.js'
import type {TemplateCluster, TemplateMiner} from './template-miner.js'

/**
 * The group key each cluster is reported under, once covered templates are merged. The prefix
 * tree routes on a message's first words, so an id that reads like a word (`Order ord_sswusexyiq
 * shipped …`) opens a branch and a template of its own until the branch fills and later messages
 * go to the parameter branch; those early one-message templates are then covered by the template
 * that grew there (`Order <*> shipped …`). A cluster is reported with its cover when one of the
 * same length has a parameter wherever the two differ and agrees with it on at least the miner's
 * similarity share of positions (Drain would have joined them had they met in one leaf); among
 * several covers the largest wins. Computed once, when the templates are reported.
 */
export function coveredGroupKeys(miner: TemplateMiner): string[] {
  const keys = miner.clusters.map((cluster) => miner.groupKeyOf(cluster))
  const coverOf = new Int32Array(keys.length).fill(-1)
  const byLength = new Map<number, TemplateCluster[]>()
  for (const cluster of miner.clusters) {
    const list = byLength.get(cluster.tokens.length)
    if (list) list.push(cluster)
    else byLength.set(cluster.tokens.length, [cluster])
  }
  const threshold = miner.settings.similarityThreshold
  for (const clusters of byLength.values()) {
    if (clusters.length < 2) continue
    const wildcards = new Map(clusters.map((cluster) => [cluster, cluster.tokens.filter((token) => token === WILDCARD).length]))
    // Covers first: the most general templates, the largest among equals.
    const covers = clusters.filter((cluster) => hasWord(cluster.tokens) && wildcards.get(cluster)! > 0).sort((a, b) => wildcards.get(b)! - wildcards.get(a)! || b.size - a.size)
    for (const cluster of clusters) {
      let best: TemplateCluster | null = null
      for (const cover of covers) {
        if (cover === cluster || wildcards.get(cover)! <= wildcards.get(cluster)!) continue
        if ((best === null || cover.size > best.size) && coversTokens(cover.tokens, cluster.tokens, threshold)) best = cover
      }
      if (best) coverOf[cluster.id] = best.id
    }
  }
  // A cover may be covered in turn (it has fewer parameters than its own cover, so this ends).
  return keys.map((_, id) => {
    let at = id
    while (coverOf[at] >= 0) at = coverOf[at]
    return keys[at]
  })
}

/** Whether `cover` has a parameter wherever it differs from `tokens`, agreeing on at least `threshold` of the positions. */
function coversTokens(cover: readonly string[], tokens: readonly string[], threshold: number): boolean {
  let agree = 0
  for (let i = 0; i < cover.length; i++) {
    if (cover[i] === tokens[i]) agree++
    else if (cover[i] !== WILDCARD) return false
  }
  return agree >= threshold * cover.length
}

const hasWord = (tokens: readonly string[]) => tokens.some((token) => token !== WILDCARD && /[A-Za-z]/.test(token))
