import type {DeployEvent} from '../../evidence/deploys/deploy-event.js'
import type {EvidenceBundle} from '../../evidence/evidence-bundle.js'
import type {KeyChange} from '../../evidence/git/config-changes.js'
import type {DependencyChange} from '../../evidence/git/dependency-changes.js'
import type {CommitChange} from '../../evidence/git/git-digest.js'
import type {ChangeRef} from '../../incident/change-ref.js'
import {tokenSet} from './text-tokens.js'
import {deployEvidenceId, gitEvidenceId} from '../../incident/evidence-item.js'

/** A change that could have caused the incident: a commit, or a deploy/flag/config event without one. */
export interface ChangeCandidate {
  ref: ChangeRef
  /** Evidence ids of the change itself and of the deploy that shipped it. */
  evidenceIds: string[]
  /** When it reached production: the deploy that shipped it, else its commit time. */
  shippedAt: string
  /** Minutes from shipping to the onset (negative: after the onset). */
  minutesBeforeOnset: number | null
  files: string[]
  /** Functions the change touched, by file (commits near the onset). */
  functions: ReadonlyMap<string, readonly string[]>
  /** Configuration keys it changed, old → new. */
  keyChanges: KeyChange[]
  components: string[]
  packages: string[]
  /** Versions it moved (manifests, lockfiles, base images), for what a version crossing says. */
  dependencyChanges: DependencyChange[]
  tokens: Set<string>
  label: string
}

/**
 * Commits (not docs/tests-only, not after the onset) and deploy, flag and config events before the
 * onset (the bundle's, or an earlier one the engine found in the failures themselves). A deploy event naming a commit in the window is folded into that commit (and every earlier
 * one since the previous deploy: history is taken as linear) as its shipping time rather than being a
 * second candidate.
 */
export function changeCandidates(bundle: EvidenceBundle, onsetOverride: string | null = null): ChangeCandidate[] {
  const onset = onsetOverride ?? bundle.window.onset ?? bundle.window.declaredAt
  const onsetMs = onset ? Date.parse(onset) : null
  const commits = (bundle.git?.commits ?? []).filter((c) => c.kind !== 'docs-tests' && !c.afterOnset)
  const allCommits = bundle.git?.commits ?? []
  const events = bundle.deploys?.events ?? []
  const before = (at: string) => onsetMs === null || Date.parse(at) <= onsetMs
  const commitOf = (sha: string | null) => (sha ? allCommits.find((c) => c.sha.startsWith(sha)) : undefined)
  // A deploy named only by its release tag ships the commit the tag points to.
  const shippedCommit = (event: DeployEvent) => commitOf(event.sha) ?? (event.sha === null ? taggedCommit(allCommits, event.version) : undefined)
  const shippingEvents = events.filter((e) => e.kind !== 'feature-flag' && shippedCommit(e) !== undefined)
  const minutes = (at: string) => (onsetMs === null ? null : Math.round((onsetMs - Date.parse(at)) / 6000) / 10)

  const shippedBy = shippingTimes(shippingEvents.filter((e) => before(e.time)), allCommits, shippedCommit)
  const candidates: ChangeCandidate[] = commits.map((commit) => {
    const ship = shippedBy.get(commit.sha)
    const shippedAt = ship?.time ?? commit.committedAt
    return {
      ref: {sha: commit.sha, subject: commit.subject, kind: commit.kind as ChangeRef['kind']},
      evidenceIds: [gitEvidenceId(commit.shortSha), ...(ship ? [deployEvidenceId(ship.line)] : [])],
      shippedAt,
      minutesBeforeOnset: minutes(shippedAt),
      files: commit.files.map((f) => f.path),
      functions: new Map(commit.files.flatMap((f) => (f.functions ? [[f.path, f.functions] as const] : []))),
      keyChanges: commit.configChanges ?? [],
      components: commit.components,
      // Manifests we do not parse (pom.xml, Gemfile …) still name the package in a bot's subject.
      packages: commit.dependencyChanges.length > 0 ? commit.dependencyChanges.map((d) => d.package) : commit.kind === 'dependency-upgrade' ? packagesInSubject(commit.subject) : [],
      dependencyChanges: commit.dependencyChanges,
      tokens: tokenSet([commit.subject, ...commit.files.map((f) => f.path), ...commit.dependencyChanges.map((d) => d.package)]),
      label: `${commit.shortSha} "${commit.subject}"`,
    }
  })

  for (const event of events) {
    // A deploy of a known commit is that commit's shipping time; a flag flip is a change of its own.
    if (!before(event.time) || (event.kind !== 'feature-flag' && shippedCommit(event) !== undefined)) continue
    // A deploy is named by its sha, its version (a tag, a build number) or its description; one with none says nothing to correlate.
    if (event.kind === 'deploy' && event.sha === null && event.version === null && !event.description) continue
    const subject = event.description ?? [event.kind, event.service, event.version].filter(Boolean).join(' ')
    candidates.push({
      ref: {sha: event.sha, subject, kind: event.kind === 'feature-flag' ? 'feature-flag' : event.kind === 'config' ? 'config-change' : 'code-change'},
      evidenceIds: [deployEvidenceId(event.line)],
      shippedAt: event.time,
      minutesBeforeOnset: minutes(event.time),
      files: [],
      functions: new Map(),
      keyChanges: event.kind === 'config' ? keyChangesIn(subject) : [],
      components: event.service ? [event.service] : [],
      packages: [],
      dependencyChanges: [],
      tokens: tokenSet([subject]),
      label: `${event.kind} "${subject}"`,
    })
  }
  return candidates
}

/**
 * Which deploy first shipped each commit: a deploy of commit X ships the commits after the previous
 * deploy's commit up to X. The first deploy on record ships only its own commit, since what earlier
 * deploys (not on record) shipped is unknown.
 */
function shippingTimes(events: readonly DeployEvent[], commits: readonly CommitChange[], shippedCommit: (event: DeployEvent) => CommitChange | undefined): Map<string, DeployEvent> {
  const shipped = new Map<string, DeployEvent>()
  let previous: string | null = null
  for (const event of [...events].sort((a, b) => a.time.localeCompare(b.time))) {
    const head = shippedCommit(event)!
    for (const commit of commits) {
      const inRange = previous === null ? commit.sha === head.sha : commit.committedAt > previous && commit.committedAt <= head.committedAt
      if (inRange && !shipped.has(commit.sha)) shipped.set(commit.sha, event)
    }
    if (previous === null || head.committedAt > previous) previous = head.committedAt
  }
  return shipped
}

/** The commit a release tag names (`v2.3.0`, `2.3.0`, `release-2.3.0`), as `git tag` spelled it or with a `v` more or less. */
function taggedCommit(commits: readonly CommitChange[], version: string | null): CommitChange | undefined {
  if (!version) return undefined
  const bare = (tag: string) => tag.replace(/^refs\/tags\//, '').replace(/^v(?=\d)/, '')
  return commits.find((c) => c.tags.some((tag) => tag === version || bare(tag) === bare(version)))
}

/**
 * Key changes a config event states in its description: `payments.timeout 5s → 1s`,
 * `set pool.max from 50 to 5`, `HTTP_TIMEOUT_MS=1000 (was 5000)`.
 */
export function keyChangesIn(description: string): KeyChange[] {
  const arrow = /([A-Za-z_][\w.[\]-]*)\s*(?:[:=]\s*|\s+from\s+|\s+)([^\s,;→]+)\s*(?:→|->|=>|\s+to\s+)\s*([^\s,;)]+)/g
  const was = /([A-Za-z_][\w.[\]-]*)\s*=\s*([^\s,;(]+)\s*\(was\s+([^\s)]+)\)/g
  const changes: KeyChange[] = []
  for (const [, key, from, to] of description.matchAll(arrow)) changes.push({file: '(deploy event)', key, from, to})
  for (const [, key, to, from] of description.matchAll(was)) changes.push({file: '(deploy event)', key, from, to})
  return changes
}

/** Package names in an upgrade's subject: "Bump snakeyaml from 1.33 to 2.0", "Update dependency axios to v1.6.0", "allow urllib3 2.x". */
export function packagesInSubject(subject: string): string[] {
  const found = [
    ...subject.matchAll(/\b(?:bumps?|updates?|upgrades?)\s+(?:dependency\s+|the\s+)?([@\w][\w@./:-]*?)\s+(?:from\s+\S+\s+)?to\s+v?\d/gi),
    ...subject.matchAll(/\b(?:allow|pin|require)\s+([@\w][\w@./:-]*?)\s+v?\d/gi),
  ].map((m) => m[1])
  // Maven coordinates name the artifact after the colon.
  return [...new Set(found.map((name) => (name.includes(':') ? name.slice(name.lastIndexOf(':') + 1) : name)))]
}
