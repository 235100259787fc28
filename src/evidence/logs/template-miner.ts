import {WILDCARD, tokenHasDigit, tokenize} from './mask-tokens.js'
import {detach} from './detach.js'
import {ShapeCache} from './shape-cache.js'

/**
 * An online template miner in the Drain family (He et al., ICWS 2017): a fixed-depth prefix tree
 * keyed by token count and the first tokens routes each message to a small list of clusters, the
 * most similar cluster above a threshold absorbs it (differing positions become `<*>`), otherwise a
 * new cluster starts. Work per line is bounded by depth and the leaf size, not by the corpus.
 */
export interface MinerSettings {
  /** Tree depth counted like Drain's: root, length and leaf layers included, so depth 4 routes on the first token. */
  depth: number
  /** Share of equal non-wildcard tokens needed to join a cluster. */
  similarityThreshold: number
  /** Children per internal node before new tokens share the `<*>` branch. */
  maxChildren: number
  /** Hard cap on clusters; beyond it unmatched messages go to one overflow cluster. */
  maxClusters: number
  /** Mask numbers, ids, hex, IPs, paths, quoted values before mining. */
  maskVariables: boolean
  /** Optional regexes applied (in order, each match → `<*>`) before tokenising. */
  preprocess: RegExp[]
}

export const DEFAULT_MINER_SETTINGS: MinerSettings = {
  depth: 5,
  similarityThreshold: 0.7,
  maxChildren: 100,
  maxClusters: 5000,
  maskVariables: true,
  preprocess: [],
}

export interface TemplateCluster {
  readonly id: number
  tokens: string[]
  size: number
}

interface TreeNode {
  children: Map<string, TreeNode>
  clusters: TemplateCluster[]
  /** Bumped whenever a cluster of this leaf is created or generalised. */
  version: number
}

const newNode = (): TreeNode => ({children: new Map(), clusters: [], version: 0})

/**
 * A remembered decision: which cluster a shape joined, in which leaf, and the leaf's version then.
 * While the leaf is unchanged, mining the shape again would make the same choice; once it changed
 * (a cluster created or generalised there may now fit better) the decision is taken again.
 */
interface ShapeDecision {
  cluster: TemplateCluster
  leaf: TreeNode
  version: number
}

const MAX_CACHED_CHARS = 1000

export const OVERFLOW_TEMPLATE = '<other messages: template cap reached>'

export class TemplateMiner {
  readonly settings: MinerSettings
  readonly clusters: TemplateCluster[] = []
  private readonly byLength = new Map<number, TreeNode>()
  private readonly prefixLayers: number
  private overflow: TemplateCluster | null = null
  private readonly shapes: ShapeCache<ShapeDecision>

  constructor(settings: Partial<MinerSettings> = {}) {
    this.settings = {...DEFAULT_MINER_SETTINGS, ...settings}
    this.prefixLayers = Math.max(0, this.settings.depth - 2)
    // User regexes may key on digits, and unmasked tokens keep them: there only digit-free
    // messages are remembered, verbatim.
    this.shapes = new ShapeCache(this.settings.maskVariables && this.settings.preprocess.length === 0)
  }

  /**
   * Mines one message and returns the cluster it joined. Most messages repeat a shape seen
   * before with other numbers in it; the decision for that shape is reused while its leaf is
   * unchanged, so the result is always the one mining without the cache would give.
   */
  add(message: string): TemplateCluster {
    const cacheable = message.length <= MAX_CACHED_CHARS
    const cached = cacheable ? this.shapes.get(message) : undefined
    if (cached !== undefined && cached.version === cached.leaf.version) {
      cached.cluster.size++
      return cached.cluster
    }
    const tokens = this.tokens(message)
    const leaf = this.leafFor(tokens)
    const cluster = this.mineIn(leaf, tokens, 1)
    if (cached !== undefined) {
      cached.cluster = cluster
      cached.version = leaf.version
    } else if (cacheable && !tokens.some(tokenHasDigit)) {
      // A kept digit (`ssh2`) would make the tokens depend on more than the shape.
      this.shapes.set(message, {cluster, leaf, version: leaf.version})
    }
    return cluster
  }

  tokens(message: string): string[] {
    let text = message
    for (const pattern of this.settings.preprocess) text = text.replace(pattern, WILDCARD)
    return tokenize(text, this.settings.maskVariables)
  }

  /** Mines a tokenised message seen `times` times (more than once when merging another miner's clusters). */
  addTokens(tokens: string[], times = 1): TemplateCluster {
    return this.mineIn(this.leafFor(tokens), tokens, times)
  }

  private mineIn(leaf: TreeNode, tokens: string[], times: number): TemplateCluster {
    const match = this.bestMatch(leaf.clusters, tokens)
    if (match && (match.similarity >= this.settings.similarityThreshold || this.clusters.length >= this.settings.maxClusters)) {
      if (generalize(match.cluster.tokens, tokens)) leaf.version++
      match.cluster.size += times
      return match.cluster
    }
    if (this.clusters.length >= this.settings.maxClusters) {
      this.overflow ??= this.createCluster([OVERFLOW_TEMPLATE])
      this.overflow.size += times
      return this.overflow
    }
    const cluster = this.createCluster(tokens.map((token) => detach(token)))
    cluster.size = times
    leaf.clusters.push(cluster)
    leaf.version++
    return cluster
  }

  templateOf(cluster: TemplateCluster): string {
    return cluster.tokens.join(' ')
  }

  /**
   * The key under which final clusters are reported together: the constant tokens in order.
   * Drain cannot join messages of different lengths ("sent" vs "(1.2 KB) sent"); once variables
   * are wildcards, templates that share every constant token are one event.
   */
  groupKeyOf(cluster: TemplateCluster): string {
    const constants = cluster.tokens.filter((token) => /[A-Za-z]/.test(token.replaceAll(WILDCARD, '')))
    return constants.length === 0 ? this.templateOf(cluster) : constants.join(' ')
  }

  private createCluster(tokens: string[]): TemplateCluster {
    const cluster: TemplateCluster = {id: this.clusters.length, tokens, size: 0}
    this.clusters.push(cluster)
    return cluster
  }

  /** Walks (creating as needed) the prefix path; tokens holding digits share the `<*>` branch. */
  private leafFor(tokens: string[]): TreeNode {
    let node: TreeNode | undefined = this.byLength.get(tokens.length)
    if (!node) {
      node = newNode()
      this.byLength.set(tokens.length, node)
    }
    const layers = Math.min(this.prefixLayers - 1, tokens.length)
    for (let i = 0; i < layers; i++) {
      const token = tokens[i]
      const key = token === WILDCARD || tokenHasDigit(token) ? WILDCARD : token
      let next: TreeNode | undefined = node.children.get(key)
      if (!next) {
        if (key !== WILDCARD && node.children.size + 1 >= this.settings.maxChildren) {
          next = node.children.get(WILDCARD)
          if (!next) {
            next = newNode()
            node.children.set(WILDCARD, next)
          }
        } else {
          next = newNode()
          node.children.set(key, next)
        }
      }
      node = next
    }
    return node
  }

  private bestMatch(clusters: TemplateCluster[], tokens: string[]): {cluster: TemplateCluster; similarity: number} | null {
    let best: TemplateCluster | null = null
    let bestSimilarity = -1
    let bestParams = -1
    const length = tokens.length
    for (const cluster of clusters) {
      let same = 0
      let params = 0
      const template = cluster.tokens
      let conflict = false
      for (let i = 0; i < length; i++) {
        const t = template[i]
        if (t === WILDCARD) params++
        else if (t === tokens[i]) same++
        else if (isKeyed(t) && isKeyed(tokens[i])) conflict = true
      }
      // Different field names at one position (`(uid=<*>` vs `LOGIN(uid=<*>`) are different events:
      // a key is vocabulary, so it is never generalised away like a value.
      if (conflict) continue
      // A template that already covers the message is a match whatever its share of wildcards;
      // Drain's ratio alone would start a duplicate cluster for every such line.
      const similarity = length === 0 || same + params === length ? 1 : same / length
      if (similarity > bestSimilarity || (similarity === bestSimilarity && params > bestParams)) {
        best = cluster
        bestSimilarity = similarity
        bestParams = params
      }
    }
    return best ? {cluster: best, similarity: bestSimilarity} : null
  }
}

/** A token whose value was masked but whose key was kept: `uid=<*>`, `took:<*>`. */
function isKeyed(token: string): boolean {
  return token.length > 4 && token.endsWith(WILDCARD) && (token.charCodeAt(token.length - 4) === 61 || token.charCodeAt(token.length - 4) === 58)
}

/** Turns the positions where `tokens` differ into wildcards; true when the template changed. */
function generalize(template: string[], tokens: string[]): boolean {
  let changed = false
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== tokens[i] && template[i] !== WILDCARD) {
      template[i] = WILDCARD
      changed = true
    }
  }
  return changed
}
