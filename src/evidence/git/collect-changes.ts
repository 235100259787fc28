import {gitEvidenceId, type EvidenceItem} from '../../incident/evidence-item.js'
import {redactName} from '../../redact/redact-name.js'
import {redactValue} from '../../redact/redact.js'
import {classifyCommit} from './change-kind.js'
import {changedRanges, functionsAround, SOURCE_FILE} from './changed-functions.js'
import {componentsOf} from './components.js'
import {configFormatOf, diffConfig, type KeyChange} from './config-changes.js'
import {diffManifest, isParseableManifest, type DependencyChange} from './dependency-changes.js'
import {GitChangesDigestSchema, type CommitChange, type GitChangesDigest} from './git-digest.js'
import {gitRepoProblem} from './assert-git-repo.js'
import {GIT_LOG_FORMAT, parseGitLog, type RawCommit} from './parse-git-log.js'
import {runGit} from './run-git.js'

export interface CollectChangesInput {
  repo: string
  /** When null the window ends at `now`. */
  onset: Date | null
  lookbackMs: number
  /** Commits this long after onset are still listed (clock skew, a deploy finishing late). */
  slackMs?: number
  now: Date
  /** A busy monorepo can have thousands of commits in 48 h; the most recent ones are kept. */
  maxCommits?: number
}

export interface CollectChangesResult {
  digest: GitChangesDigest
  items: EvidenceItem[]
  limitations: string[]
}

const DEFAULT_SLACK_MS = 5 * 60_000
const DEFAULT_MAX_COMMITS = 500
const MAX_FILES_LISTED = 200
const MAX_MANIFESTS_PER_COMMIT = 20
const ITEM_FILES_LISTED = 30
/** Commits nearest the onset whose config keys and changed functions are read (each costs git calls). */
const DETAILED_COMMITS = 40
const MAX_DETAILED_FILES = 20
const MAX_DETAILED_BYTES = 512 * 1024

/**
 * The commits in [onset − lookback, onset + slack] (or [now − lookback, now] without an onset),
 * each with files, diff stats, kind, moved dependency versions and components. What cannot be
 * examined (no repository, shallow clone, too many commits) becomes a limitation, never a throw.
 */
export async function collectChanges(input: CollectChangesInput): Promise<CollectChangesResult> {
  const slackMs = input.slackMs ?? DEFAULT_SLACK_MS
  const maxCommits = input.maxCommits ?? DEFAULT_MAX_COMMITS
  const anchor = input.onset ?? input.now
  const from = new Date(anchor.getTime() - input.lookbackMs)
  const to = input.onset === null ? input.now : new Date(input.onset.getTime() + slackMs)
  const empty: GitChangesDigest = {
    schemaVersion: 1,
    window: {from: from.toISOString(), to: to.toISOString()},
    onset: input.onset?.toISOString() ?? null,
    shallow: false,
    truncated: false,
    commits: [],
  }

  const repoProblem = await gitRepoProblem(input.repo)
  if (repoProblem !== null) {
    return {digest: empty, items: [], limitations: [`${repoProblem}, so code changes could not be examined.`]}
  }
  const limitations: string[] = []
  const shallow = (await runGit(input.repo, ['rev-parse', '--is-shallow-repository'])).trim() === 'true'
  if (shallow) {
    limitations.push('The repository is a shallow clone; commits older than its depth could not be examined (run `git fetch --unshallow`).')
  }

  let raw: RawCommit[]
  try {
    const output = await runGit(input.repo, [
      'log',
      '-z',
      '--raw',
      '--numstat',
      '-M',
      '--no-abbrev',
      '--diff-merges=first-parent',
      `--format=${GIT_LOG_FORMAT}`,
      `--max-count=${maxCommits + 1}`,
      `--since=${from.toISOString()}`,
      `--until=${to.toISOString()}`,
      'HEAD',
      '--',
    ])
    // --since/--until are walk heuristics on committer dates; the exact window is enforced here.
    raw = parseGitLog(output).filter((c) => c.committedAt >= from.toISOString() && c.committedAt <= to.toISOString())
  } catch (error) {
    const reason = /does not have any commits|unknown revision|bad (default )?revision 'HEAD'/i.test(String(error))
      ? 'the repository has no commits'
      : 'git log failed'
    limitations.push(`Code changes could not be examined: ${reason}.`)
    return {digest: {...empty, shallow}, items: [], limitations}
  }

  const truncated = raw.length > maxCommits
  if (truncated) {
    raw = raw.slice(0, maxCommits)
    limitations.push(
      `More than ${maxCommits} commits fall in the window ${from.toISOString()} – ${to.toISOString()}; only the ${maxCommits} most recent were examined.`,
    )
  }

  const tags = await tagsByCommit(input.repo)
  const commits: CommitChange[] = []
  for (const [index, commit] of raw.entries()) {
    // Newest first: the commits nearest the onset get the closer look.
    const detailed = index < DETAILED_COMMITS
    const content: CommitContent = {
      dependencyChanges: await dependencyChangesOf(input.repo, commit),
      configChanges: detailed ? await configChangesOf(input.repo, commit) : [],
      functions: detailed ? await functionsOf(input.repo, commit) : new Map(),
    }
    commits.push(describeCommit(commit, content, tags.get(commit.sha) ?? [], input.onset))
  }
  const digest = GitChangesDigestSchema.parse({...empty, shallow, truncated, commits})
  return {digest, items: commits.map(commitEvidence), limitations}
}

/** What a commit's content says beyond its file list. */
interface CommitContent {
  dependencyChanges: DependencyChange[]
  configChanges: KeyChange[]
  /** Changed functions by file path. */
  functions: Map<string, string[]>
}

/**
 * Pure: a parsed commit plus what its content says → the digest entry. Every text the repository
 * wrote (subject, tags, file paths, dependency names and specs such as `git+https://<token>@…`,
 * function names) is redacted here, whole, before anything is derived from it; the commit's kind
 * is read from the raw paths, since it is a word of our vocabulary and quotes none of them.
 */
function describeCommit(commit: RawCommit, content: CommitContent, tags: string[], onset: Date | null): CommitChange {
  const {configChanges} = content
  const manifestsWithChanges = new Set(content.dependencyChanges.map((c) => c.file))
  const kind = upgradeByVersionKeys(classifyCommit(commit.files, manifestsWithChanges), configChanges)
  const clean = redactValue({subject: commit.subject, tags, files: commit.files, dependencyChanges: content.dependencyChanges, functions: Object.fromEntries(content.functions)}) as {
    subject: string
    tags: string[]
    files: RawCommit['files']
    dependencyChanges: DependencyChange[]
    functions: Record<string, string[]>
  }
  const committed = new Date(commit.committedAt).getTime()
  const minutesBeforeOnset = onset === null ? null : Math.round((onset.getTime() - committed) / 6000) / 10
  return {
    sha: commit.sha,
    shortSha: commit.sha.slice(0, 7),
    subject: clean.subject,
    committedAt: commit.committedAt,
    isMerge: commit.parents.length > 1,
    tags: clean.tags,
    files: clean.files.slice(0, MAX_FILES_LISTED).map((file) => (Object.hasOwn(clean.functions, file.path) ? {...file, functions: clean.functions[file.path]} : file)),
    filesOmitted: Math.max(0, commit.files.length - MAX_FILES_LISTED),
    additions: commit.files.reduce((sum, f) => sum + (f.additions ?? 0), 0),
    deletions: commit.files.reduce((sum, f) => sum + (f.deletions ?? 0), 0),
    kind,
    dependencyChanges: clean.dependencyChanges,
    ...(configChanges.length > 0 ? {configChanges} : {}),
    components: componentsOf(clean.files.map((f) => f.path)),
    afterOnset: onset !== null && committed > onset.getTime(),
    minutesBeforeOnset,
  }
}

const VERSION = /^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/
/**
 * A configuration change that moves nothing but versions (`kubernetes_version: v1.23.16 →
 * v1.24.10`, `engine_version = "13.7" → "14.3"`) upgrades a platform or engine: a dependency upgrade.
 */
function upgradeByVersionKeys(kind: CommitChange['kind'], changes: readonly KeyChange[]): CommitChange['kind'] {
  if (kind !== 'config-change' || changes.length === 0) return kind
  const versions = changes.every((c) => /version$/i.test(c.key.replace(/[^A-Za-z]+$/, '')) && c.from !== null && c.to !== null && VERSION.test(c.from) && VERSION.test(c.to))
  return versions ? 'dependency-upgrade' : kind
}

function commitEvidence(commit: CommitChange): EvidenceItem {
  const stats = `${commit.files.length + commit.filesOmitted} files, +${commit.additions} -${commit.deletions}`
  const where = commit.components.length > 0 ? `; components: ${commit.components.slice(0, 5).join(', ')}` : ''
  const moved = commit.dependencyChanges
    .slice(0, 3)
    .map((c) => `${c.package} ${c.from ?? '(new)'} → ${c.to ?? '(removed)'}`)
    .join(', ')
  return {
    id: gitEvidenceId(commit.shortSha),
    source: 'git',
    kind: commit.kind,
    summary: `${commit.shortSha} ${commit.kind}: ${commit.subject} (${stats}${where})${moved ? `; ${moved}` : ''}`,
    at: commit.committedAt,
    ref: {sha: commit.sha},
    data: {
      sha: commit.sha,
      subject: commit.subject,
      kind: commit.kind,
      isMerge: commit.isMerge,
      tags: commit.tags,
      components: commit.components,
      files: commit.files.slice(0, ITEM_FILES_LISTED).map((f) => f.path),
      additions: commit.additions,
      deletions: commit.deletions,
      dependencyChanges: commit.dependencyChanges,
      afterOnset: commit.afterOnset,
      minutesBeforeOnset: commit.minutesBeforeOnset,
    },
  }
}

async function dependencyChangesOf(repo: string, commit: RawCommit): Promise<DependencyChange[]> {
  const manifests = commit.files.filter((f) => isParseableManifest(f.path)).slice(0, MAX_MANIFESTS_PER_COMMIT)
  const parent = commit.parents[0] ?? null
  const changes: DependencyChange[] = []
  for (const file of manifests) {
    const before = parent === null ? null : await fileAt(repo, parent, file.previousPath ?? file.path)
    const after = file.status === 'deleted' ? null : await fileAt(repo, commit.sha, file.path)
    changes.push(...diffManifest(file.path, before, after))
  }
  return changes
}

async function configChangesOf(repo: string, commit: RawCommit): Promise<KeyChange[]> {
  const files = commit.files.filter((f) => configFormatOf(f.path) !== null).slice(0, MAX_DETAILED_FILES)
  const parent = commit.parents[0] ?? null
  const changes: KeyChange[] = []
  for (const file of files) {
    const before = parent === null || file.status === 'added' ? null : await fileAt(repo, parent, file.previousPath ?? file.path)
    const after = file.status === 'deleted' ? null : await fileAt(repo, commit.sha, file.path)
    if ((before?.length ?? 0) > MAX_DETAILED_BYTES || (after?.length ?? 0) > MAX_DETAILED_BYTES) continue
    changes.push(...diffConfig(file.path, before, after))
  }
  return changes
}

/** The functions each changed source file's hunks fall in (first-parent diff for merges). */
async function functionsOf(repo: string, commit: RawCommit): Promise<Map<string, string[]>> {
  const sources = commit.files.filter((f) => f.status !== 'deleted' && SOURCE_FILE.test(f.path)).slice(0, MAX_DETAILED_FILES)
  const functions = new Map<string, string[]>()
  if (sources.length === 0) return functions
  let patch: string
  try {
    patch = await runGit(repo, ['show', '-U0', '--format=', '--no-color', '--no-ext-diff', '--diff-merges=first-parent', commit.sha, '--', ...sources.map((f) => f.path)], 8 * 1024 * 1024)
  } catch {
    return functions
  }
  for (const [path, ranges] of changedRanges(patch)) {
    const text = await fileAt(repo, commit.sha, path)
    if (text === null || text.length > MAX_DETAILED_BYTES) continue
    const names = functionsAround(text, ranges)
    if (names.length > 0) functions.set(path, names.slice(0, 20))
  }
  return functions
}

async function fileAt(repo: string, rev: string, path: string): Promise<string | null> {
  try {
    return await runGit(repo, ['show', `${rev}:${path}`], 8 * 1024 * 1024)
  } catch {
    return null
  }
}

/** Tag names by the commit they point at (annotated tags are peeled to their commit), redacted as names. */
async function tagsByCommit(repo: string): Promise<Map<string, string[]>> {
  const output = await runGit(repo, ['for-each-ref', 'refs/tags', '--format=%(objectname)%09%(*objectname)%09%(refname:short)'])
  const tags = new Map<string, string[]>()
  for (const line of output.split('\n')) {
    const [object, peeled, name] = line.split('\t')
    if (!name) continue
    const sha = peeled || object
    tags.set(sha, [...(tags.get(sha) ?? []), redactName(name)])
  }
  return tags
}
