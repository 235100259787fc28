import {takeMaskedWordValue, WILDCARD, tokenHasDigit, tokenize} from './mask-tokens.js'
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
  /**
   * Distinct words one position of a leaf's templates may show before it counts as a parameter:
   * a message that differs from a template only there (and elsewhere within the threshold) joins it.
   */
  maxWordsPerPosition: number
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
  maxWordsPerPosition: 10,
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
  /**
   * Of a leaf: per token position, the distinct words its templates started with, up to
   * maxWordsPerPosition; a position that reached it is wide (a parameter). Null until a second cluster.
   */
  words: Array<Set<string>> | null
}

const newNode = (): TreeNode => ({children: new Map(), clusters: [], version: 0, words: null})

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
    takeMaskedWordValue()
    const tokens = this.tokens(message)
    // A value without digits (`ord_auxrrbemqm`) is part of the shape: such a shape rarely comes back.
    const wordValue = takeMaskedWordValue()
    const {leaf, cluster} = this.mine(tokens, 1)
    if (cached !== undefined) {
      cached.cluster = cluster
      cached.version = leaf.version
    } else if (cacheable && !wordValue && !tokens.some(tokenHasDigit)) {
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
    return this.mine(tokens, times).cluster
  }

  /**
   * A word never seen at its place in the tree first tries the `<*>` branch there, as in Drain3:
   * an id without digits (`Order ord_auxrrbemqm …`) then joins the template that has a parameter
   * there instead of opening a branch of its own. Only where the node has seen many words already,
   * and only into a template that covers the message: else the word gets its branch.
   */
  private mine(tokens: string[], times: number): {leaf: TreeNode; cluster: TemplateCluster} {
    const detour = this.detour(tokens)
    if (detour !== null) {
      const match = this.bestMatch(detour.leaf, tokens, false)
      // Only into a template that covers the message with a parameter exactly where the detour was
      // taken, and holds a word of its own: it is a detour, not a place to generalise.
      if (match && match.similarity === 1 && fillsOnly(match.cluster.tokens, tokens, detour.positions)) return {leaf: detour.leaf, cluster: join(detour.leaf, match.cluster, tokens, times)}
    }
    const leaf = this.leafFor(tokens)
    return {leaf, cluster: this.mineIn(leaf, tokens, times)}
  }

  /**
   * The leaf reached by taking the `<*>` branch wherever a word has no branch of its own at a
   * node that has seen many words, and the positions where it was taken (a bit each); null when
   * none was needed or the path does not exist.
   */
  private detour(tokens: string[]): {leaf: TreeNode; positions: number} | null {
    let node: TreeNode | undefined = this.byLength.get(tokens.length)
    if (node === undefined) return null
    let positions = 0
    const layers = Math.min(this.prefixLayers - 1, tokens.length, 30)
    for (let i = 0; i < layers; i++) {
      const token = tokens[i]
      const key = token === WILDCARD || tokenHasDigit(token) ? WILDCARD : token
      let next: TreeNode | undefined = node.children.get(key)
      // Only where many words were seen already: elsewhere a new word is more likely a new event.
      if (next === undefined && key !== WILDCARD && node.children.size >= this.settings.maxWordsPerPosition) {
        next = node.children.get(WILDCARD)
        positions |= 1 << i
      }
      if (next === undefined) return null
      node = next
    }
    return positions === 0 ? null : {leaf: node, positions}
  }

  private mineIn(leaf: TreeNode, tokens: string[], times: number): TemplateCluster {
    const match = this.bestMatch(leaf, tokens)
    if (match && (match.similarity >= this.settings.similarityThreshold || this.clusters.length >= this.settings.maxClusters)) {
      return join(leaf, match.cluster, tokens, times)
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
    this.countWords(leaf, cluster.tokens)
    return cluster
  }

  /** Notes the words of a new template per position, up to the bound that makes a position wide. */
  private countWords(leaf: TreeNode, tokens: readonly string[]): void {
    if (leaf.clusters.length < 2) return
    if (leaf.words === null) {
      leaf.words = tokens.map(() => new Set<string>())
      this.countWords(leaf, leaf.clusters[0].tokens)
    }
    const bound = this.settings.maxWordsPerPosition
    for (let i = 0; i < tokens.length; i++) {
      const words = leaf.words[i]
      if (tokens[i] !== WILDCARD && words.size < bound) words.add(tokens[i])
    }
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

  /** The most similar template of the leaf; `forgive`: words at the leaf's wide positions count as parameters. */
  private bestMatch(leaf: TreeNode, tokens: string[], forgive = true): {cluster: TemplateCluster; similarity: number} | null {
    let best: TemplateCluster | null = null
    let bestSimilarity = -1
    let bestParams = -1
    const length = tokens.length
    const words = forgive ? leaf.words : null
    const bound = this.settings.maxWordsPerPosition
    for (const cluster of leaf.clusters) {
      let same = 0
      let params = 0
      let forgiven = 0
      const template = cluster.tokens
      let conflict = false
      for (let i = 0; i < length; i++) {
        const t = template[i]
        if (t === WILDCARD) params++
        else if (t === tokens[i]) same++
        else if (isKeyed(t) && isKeyed(tokens[i])) conflict = true
        // A word where the leaf's templates have shown many is a parameter's value.
        else if (words !== null && words[i].size >= bound) forgiven++
      }
      // Different field names at one position (`(uid=<*>` vs `LOGIN(uid=<*>`) are different events:
      // a key is vocabulary, so it is never generalised away like a value.
      if (conflict) continue
      // A template that already covers the message is a match whatever its share of wildcards;
      // Drain's ratio alone would start a duplicate cluster for every such line.
      const similarity = length === 0 || same + params + forgiven === length ? 1 : (same + forgiven) / length
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

/** Whether `template` has a word of its own and parameters over the message's words only at the `positions` bits. */
function fillsOnly(template: readonly string[], tokens: readonly string[], positions: number): boolean {
  let words = 0
  for (let i = 0; i < template.length; i++) {
    if (template[i] !== WILDCARD) words++
    else if (tokens[i] !== WILDCARD && (i >= 30 || (positions & (1 << i)) === 0)) return false
  }
  return words > 0
}

function join(leaf: TreeNode, cluster: TemplateCluster, tokens: string[], times: number): TemplateCluster {
  if (generalize(cluster.tokens, tokens)) leaf.version++
  cluster.size += times
  return cluster
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
