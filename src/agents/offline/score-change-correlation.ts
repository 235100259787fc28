import type {ChangeCandidate} from './change-candidates.js'
import {linkConfigChanges} from './config-links.js'
import {failureAfterEvent, FOLLOW_OVERLAP} from './failure-after-event.js'
import type {FailureCondition} from './failure-conditions.js'
import {referencePoint, type FailingFrame, type IncidentSignals} from './incident-signals.js'
import type {MemoryRamp} from './load-signals.js'
import {FAILURE_CLASS_INFO, type FailureClass} from './signatures/failure-classes.js'
import {isLogEmitter} from './log-emitter-packages.js'
import {runtimeDefaultLinks} from './runtime-default-changes.js'
import {conceptsOf, plainWords, tokenSet} from './text-tokens.js'

/** How well one change explains the incident: timing × content, with the reasons in words. */
export interface ChangeCorrelation {
  candidate: ChangeCandidate
  /** 1 just before the onset, decaying over hours; 0 after it. */
  timing: number
  /** 1 when the change touched a failing stack frame; less for shared words and concepts. */
  overlap: number
  /** Timing and content both support it: only then may a finding name the change. */
  supported: boolean
  confidence: number
  /** Concepts the change and the errors share (pool, memory, database …). */
  concepts: string[]
  /** Failure classes of the incident this change accounts for (a pool change: the pool timeouts). */
  explains: FailureClass[]
  /** The change's content is tied to the failure by more than shared words (frames, a package, a config key …). */
  specific: boolean
  reasons: string[]
}

/** Half-life-like scale: a change 2 h before the onset keeps half its timing weight. */
const TIMING_SCALE_MINUTES = 120
const MIN_TIMING = 0.25
/** About two hours before the onset, or less with a clean stretch of logs after it. */
const MIN_TIMING_WORDS_ONLY = 0.5
/** Logged normal operation after a change shipped, beyond which it is unlikely to have broken things. */
const CLEAN_RUN_MINUTES = 30
const MIN_OVERLAP = 0.5
const MAX_CONFIDENCE = 0.9
/** How long after a change shipped memory may start to climb for the change to explain a leak. */
const RAMP_WINDOW_MINUTES = 30
/** A change on a failing frame's file but not its function: strong, a shade below the function itself. */
const FILE_ONLY_OVERLAP = 0.9
const DIRECTORY_OVERLAP = MIN_OVERLAP - 0.05
/** Failures whose concept words in a change's own subject and paths are specific enough to tie it to them. */
const FAILURE_BY_CONCEPT: Partial<Record<FailureClass, string>> = {'dns-failure': 'dns', 'tls-expired': 'tls', 'tls-invalid': 'tls'}
const CLASS_CONCEPT_OVERLAP = 0.6
/** Failures the database decides (it refused or cancelled the statement), whatever code carried the call. */
const DATABASE_SIDE: readonly FailureClass[] = ['lock-contention', 'query-timeout', 'db-saturation', 'db-writes-stopped']
/** A migration shipped just before lock waits and statement timeouts: DDL holds the locks the queries wait on. */
const MIGRATION_LOCK_OVERLAP = 0.8
const MIGRATION_FAILURES: readonly FailureClass[] = ['lock-contention', 'query-timeout']
const MIGRATION_FILE = /(?:^|\/)(?:migrations?|db\/migrate|alembic\/versions|flyway|liquibase)\//i
/** An upgrade (a server's or a driver's) just before client and server stop agreeing on a protocol. */
const UPGRADE_OVERLAP = 0.8
/** A health-check change while the probes fail: the check's own code is what the restarts run. */
const HEALTH_CHECK_OVERLAP = 0.8
/** A runtime upgrade across a documented default change, followed by the failures it causes. */
const RUNTIME_DEFAULT_OVERLAP = 0.8
/** First failures no change of ours explains by shared words alone. */
const OUT_OF_REACH = new Set(['external-dependency', 'certificate-expiry', 'traffic-surge', 'security-attack'])
/** First failures only a platform or configuration change explains by shared words. */
const INFRASTRUCTURE = new Set(['network', 'resource-exhaustion', 'database-saturation'])
/** Defects a change to the failing code (or its dependencies, or its schema) accounts for. */
const CODE_FAILURES: readonly FailureClass[] = ['code-defect', 'missing-dependency', 'schema-mismatch', 'script-error', 'missing-config', 'invalid-config']

/**
 * Failures a leak makes: what the code opened and never released (sockets of unclosed response
 * bodies, file handles) piles up over hours of normal-looking operation before it runs out. Memory
 * is not here: a memory leak shows its ramp (rampAfter), and an OutOfMemoryError for native threads
 * is a process limit, not something a change's words explain.
 */
const LEAKS: readonly FailureClass[] = ['fd-exhaustion']
/** A leak's change may ship this many times further ahead of the onset than a breaking one. */
const LEAK_TIMING_STRETCH = 6

export function timingWeight(minutesBeforeOnset: number | null, scale = TIMING_SCALE_MINUTES): number {
  if (minutesBeforeOnset === null) return 0.3
  if (minutesBeforeOnset < 0) return 0
  return 1 / (1 + minutesBeforeOnset / scale)
}

export function scoreChangeCorrelation(
  candidate: ChangeCandidate,
  signals: IncidentSignals,
  context: {ramps?: readonly MemoryRamp[]; logsFrom?: string | null; conditions?: readonly FailureCondition[]; first?: FailureCondition | null} = {},
): ChangeCorrelation {
  const conditions = (context.conditions ?? []).filter((c) => c.fresh)
  const explains = new Set<FailureClass>()
  const reasons: string[] = []
  const leak = context.first && LEAKS.includes(context.first.failure) ? context.first : null
  let timing = timingWeight(candidate.minutesBeforeOnset, leak ? TIMING_SCALE_MINUTES * LEAK_TIMING_STRETCH : TIMING_SCALE_MINUTES)
  if (candidate.minutesBeforeOnset !== null && candidate.minutesBeforeOnset >= 0) {
    reasons.push(`shipped ${describeMinutes(candidate.minutesBeforeOnset)} before ${referencePoint(signals)}`)
  }
  const sharedConcepts = [...conceptsOf(candidate.tokens)].filter((c) => signals.concepts.has(c))
  const ramp = sharedConcepts.includes('memory') ? rampAfter(candidate, context.ramps ?? []) : undefined
  const clean = cleanMinutesAfter(candidate, signals, context.logsFrom ?? null)
  if (ramp) {
    timing = Math.max(timing, 0.95)
    reasons.push(`memory (${ramp.series.replace(/\{.*$/, '')}) began climbing ${describeMinutes((Date.parse(ramp.startedAt) - Date.parse(candidate.shippedAt)) / 60_000)} after it shipped`)
  } else if (clean >= CLEAN_RUN_MINUTES && !leak) {
    // A breaking change usually breaks with the first traffic; a long logged stretch of normal
    // operation after it shipped speaks against it (unless memory was filling up meanwhile).
    timing *= 0.5
    reasons.push(`the logs show ${describeMinutes(clean)} of normal operation after it shipped`)
  }

  let overlap = 0
  const frameHit = candidate.files.map((file) => ({file, frame: signals.frames.find((frame) => sameFile(frame, file))})).find((hit) => hit.frame !== undefined)
  if (frameHit) {
    const changed = candidate.functions.get(frameHit.file) ?? []
    const fn = signals.frames.find((frame) => sameFile(frame, frameHit.file) && frame.function !== '' && changed.includes(frame.function))?.function
    overlap = fn ? 1 : FILE_ONLY_OVERLAP
    reasons.push(fn ? `it changed ${fn}() in ${frameHit.file}, a function on the failing stack frames` : `it changed ${frameHit.file}, which appears in the failing stack frames`)
    for (const failure of CODE_FAILURES) explains.add(failure)
  }
  const packageHit = candidate.packages.find((pkg) => signals.frames.some((frame) => frameInPackage(frame, pkg)))
  // When the database refused the statement (a lock wait, a statement timeout), a library on the
  // stack only carried the call: a consumer framework's frames are in every trace it runs.
  const carried = packageHit !== undefined && context.first !== undefined && context.first !== null && DATABASE_SIDE.includes(context.first.failure)
  if (packageHit && carried) {
    overlap = Math.max(overlap, DIRECTORY_OVERLAP)
    reasons.push(`the failing frames pass through ${packageHit}, the package it upgraded, but the database refused the statement (${context.first!.hits[0].signature.title})`)
  } else if (packageHit) {
    overlap = 1
    reasons.push(`the failing frames are inside ${packageHit}, the package it upgraded`)
    for (const failure of CODE_FAILURES) explains.add(failure)
  }
  // A logging library is named in the lines it wrote: only an exception naming it ties it to the failure.
  const packageNamed = candidate.packages.find((pkg) => signals.errors.some((e) => wordIn(isLogEmitter(pkg) ? (e.kind === 'exception' ? e.lines[0] : '') : e.text, pkg.split('/').pop()!)))
  if (!packageHit && packageNamed) {
    overlap = Math.max(overlap, 0.8)
    reasons.push(`the errors name ${packageNamed}, the package it upgraded`)
  }
  const identifierHit = identifiersOf(candidate.ref.subject).find((id) => signals.frames.map((f) => f.file).concat(signals.errors.map((e) => e.text)).some((text) => collapse(text).includes(id)))
  if (identifierHit) {
    overlap = 1
    reasons.push(`the failing code is named after "${identifierHit}", which it switched`)
  }
  const schemaHit = schemaObjectsOf(candidate.ref.subject, candidate.packages).find((object) => signals.errors.some((e) => namesSchemaObject(e.text, object)))
  if (schemaHit) {
    overlap = 1
    reasons.push(`the new errors name ${schemaHit.table}.${schemaHit.column} (column "${schemaHit.column}" of relation "${schemaHit.table}"), which it changed`)
  }
  const dirHit = !frameHit && candidate.files.map(dirOf).find((dir) => dir !== null && signals.frames.some((frame) => frame.path.includes(`${dir}/`)))
  if (dirHit) {
    // A neighbour of the failing file, not the file: alone it does not tie the change to the failure.
    overlap = Math.max(overlap, DIRECTORY_OVERLAP)
    reasons.push(`it changed files in ${dirHit}/, where the failing frames are`)
  }
  const configLink = linkConfigChanges(candidate.keyChanges, conditions)[0]
  if (configLink) {
    overlap = Math.max(overlap, configLink.weight)
    reasons.push(configLink.reason)
    for (const hit of configLink.condition.hits) explains.add(hit.signature.failure)
  }
  const crossed = runtimeDefaultLinks(candidate.dependencyChanges, conditions)[0]
  if (crossed) {
    overlap = Math.max(overlap, RUNTIME_DEFAULT_OVERLAP)
    reasons.push(`${crossed.entry.says}, and ${crossed.condition.hits[0].signature.title} followed`)
    for (const failure of crossed.entry.failures) explains.add(failure)
  }
  const followed = failureAfterEvent(candidate, conditions, context.logsFrom ?? null)
  if (followed) {
    overlap = Math.max(overlap, FOLLOW_OVERLAP)
    reasons.push(`the first new failure (${followed.hits[0].signature.title}) began ${describeMinutes((followed.startMs! - Date.parse(candidate.shippedAt)) / 60_000)} after it was pushed, and the logs show none before`)
    for (const hit of followed.hits) explains.add(hit.signature.failure)
  }
  // A change about DNS (or certificates) right before names stop resolving is about that failure.
  const first = context.first ?? null
  const concept = first ? FAILURE_BY_CONCEPT[first.failure] : undefined
  if (first && concept && conceptsOf(candidate.tokens).has(concept)) {
    overlap = Math.max(overlap, CLASS_CONCEPT_OVERLAP)
    reasons.push(`it is a ${concept} change, and the first failure was ${first.hits[0].signature.title}`)
    for (const hit of first.hits) explains.add(hit.signature.failure)
  }
  // A migration right before sessions wait on locks: its DDL (an ALTER, a RunSQL index build without
  // CONCURRENTLY) takes the locks the application's statements then queue behind.
  const locked = conditions.find((c) => c.hits.some((hit) => MIGRATION_FAILURES.includes(hit.signature.failure)))
  if (locked && (candidate.ref.kind === 'database-migration' || candidate.files.some((file) => MIGRATION_FILE.test(file)))) {
    overlap = Math.max(overlap, MIGRATION_LOCK_OVERLAP)
    reasons.push(`it is a database migration, and ${locked.hits.find((hit) => MIGRATION_FAILURES.includes(hit.signature.failure))!.signature.title} followed`)
    for (const failure of MIGRATION_FAILURES) explains.add(failure)
  }
  // Client and server stopped agreeing on a protocol: one side moved, and a change that upgraded
  // something the errors name (MySQL, the driver) is that move. A bump of anything else is not.
  const mismatch = conditions.find((c) => c.hits.some((hit) => hit.signature.failure === 'protocol-mismatch'))
  const upgrades = conceptsOf(candidate.tokens).has('upgrade') || candidate.ref.kind === 'dependency-upgrade'
  const errorWords = mismatch ? plainWords(signals.errors.filter((e) => e.fresh).map((e) => e.text).join('\n')) : new Set<string>()
  const subject = [...plainWords([candidate.ref.subject, ...candidate.packages].join(' '))].find((w) => errorWords.has(w) && !conceptsOf(new Set([w])).has('upgrade'))
  const upgraded = mismatch !== undefined && upgrades && subject !== undefined
  if (upgraded) {
    overlap = Math.max(overlap, UPGRADE_OVERLAP)
    reasons.push(`it upgraded ${subject}, and ${mismatch.hits.find((hit) => hit.signature.failure === 'protocol-mismatch')!.signature.title} followed`)
    explains.add('protocol-mismatch')
  }
  // A change to the health check while probes fail and restart the pods: a check that waits on a
  // dependency turns that dependency's trouble into restarts (the documented liveness anti-pattern).
  const probes = conditions.find((c) => c.hits.some((hit) => hit.signature.failure === 'probe-failure'))
  if (probes && conceptsOf(candidate.tokens).has('health')) {
    overlap = Math.max(overlap, HEALTH_CHECK_OVERLAP)
    reasons.push(`it changed the health check, and ${probes.hits.find((hit) => hit.signature.failure === 'probe-failure')!.signature.title.toLowerCase()} followed`)
    for (const failure of ['probe-failure', 'crash-loop'] as const) explains.add(failure)
  }
  const specific = overlap > 0
  // The words of a logging library's name (Serilog.AspNetCore: "asp", "net", "core") are the emitter's, not the failure's.
  const emitterWords = tokenSet(candidate.packages.filter(isLogEmitter))
  const sharedTokens = [...candidate.tokens].filter((t) => signals.tokens.has(t) && !emitterWords.has(t))
  // One shared word (and the concept it carries) is vocabulary, not content: it takes two pieces,
  // two words or a word and a concept reached through other words (knex ↔ database).
  const viaSharedWords = conceptsOf(new Set(sharedTokens))
  const pieces = sharedTokens.length + sharedConcepts.filter((c) => !viaSharedWords.has(c)).length
  const wordScore = Math.min(pieces >= 2 ? 0.9 : MIN_OVERLAP - 0.05, 0.3 * sharedTokens.length + 0.2 * sharedConcepts.length)
  if (wordScore > overlap) overlap = wordScore
  // Shared words are a weak link: said only when nothing more specific (a frame, a package, a column) ties them.
  if (sharedTokens.length > 0 && overlap < 1) reasons.push(`it and the new errors share the words ${sharedTokens.slice(0, 5).map((t) => `"${t}"`).join(', ')}`)
  // A leak is the code holding what it opened: a code change tied to the failing calls accounts for it.
  if (leak && candidate.ref.kind === 'code-change' && overlap >= MIN_OVERLAP) {
    explains.add(leak.failure)
    reasons.push(`${leak.hits[0].signature.title} is a leak that builds up while the service runs normally`)
  }

  // Shared words are weak content: they need the change to sit close to the onset.
  // Without an onset from the evidence, timing says nothing about the failure: only a tie by
  // content (a failing frame, a package, a config key …) may name a change, never shared words.
  const timed = specific || signals.onsetFromEvidence !== false
  const supported = timed && timing >= (specific ? MIN_TIMING : MIN_TIMING_WORDS_ONLY) && overlap >= MIN_OVERLAP
  const strength = Math.sqrt(timing) * overlap
  const confidence = supported ? Math.min(MAX_CONFIDENCE, 0.45 + 0.45 * strength) : 0.05 + 0.2 * Math.sqrt(timing) * Math.max(overlap, 0.25)
  // The failure classes whose leading concept the change shares (a pool change and pool timeouts).
  for (const c of conditions) for (const hit of c.hits) if (sharedConcepts.includes(FAILURE_CLASS_INFO[hit.signature.failure].concepts[0] ?? '')) explains.add(hit.signature.failure)
  // An upgrade of a server is a dependency upgrade whatever files carried it (a Terraform version, a deploy note).
  const asUpgrade = upgraded && supported ? {...candidate, ref: {...candidate.ref, kind: 'dependency-upgrade' as const}} : candidate
  return {candidate: asUpgrade, timing: round(timing), overlap: round(overlap), supported, confidence: round(confidence), concepts: sharedConcepts, explains: [...explains], specific, reasons}
}

/** A leak's change ships shortly before memory starts to climb. */
function rampAfter(candidate: ChangeCandidate, ramps: readonly MemoryRamp[]): MemoryRamp | undefined {
  return ramps.find((r) => {
    const lead = (Date.parse(r.startedAt) - Date.parse(candidate.shippedAt)) / 60_000
    return lead >= 0 && lead <= RAMP_WINDOW_MINUTES
  })
}

function cleanMinutesAfter(candidate: ChangeCandidate, signals: IncidentSignals, logsFrom: string | null): number {
  if (signals.onsetMs === null || logsFrom === null) return 0
  const watchedFrom = Math.max(Date.parse(candidate.shippedAt), Date.parse(logsFrom))
  return Math.max(0, (signals.onsetMs - watchedFrom) / 60_000)
}

const GENERIC_STEMS = new Set(['index', 'main', 'app', 'server', 'init', '__init__', 'mod', 'lib', 'utils', 'util', 'helpers', 'handler'])

/**
 * A frame names a changed file when its repository-relative path and the file agree on their
 * tail (`/build/internal/store/orders.go` and `internal/store/orders.go`; a JVM frame's
 * `com/acme/orders/OrderService.java` and `src/main/java/com/acme/orders/OrderService.java`). A
 * bare file name with no directories is matched by name alone when it is distinctive.
 */
function sameFile(frame: FailingFrame, file: string): boolean {
  const f = frame.path
  if (f === file || f.endsWith(`/${file}`) || (f.includes('/') && file.endsWith(`/${f}`))) return true
  const name = file.slice(file.lastIndexOf('/') + 1)
  const frameName = f.slice(f.lastIndexOf('/') + 1)
  if (name !== frameName || GENERIC_STEMS.has(name.replace(/\.[^.]*$/, '').toLowerCase())) return false
  // A JVM frame names only its file; the package path guessed from the function may not match the
  // repo's layout. A script or file installed elsewhere (/opt/jobs/…) keeps its name: a name of
  // several words (rotate-invoices.sh, InvoiceRenderer.cs) is distinctive enough alone.
  const bare = !f.includes('/') || (!frame.file.includes('/') && /\.(?:java|kt|scala|groovy)$/.test(f))
  return bare || wordsIn(name.replace(/\.[^.]*$/, '')) >= 2
}

/** Names too common to tie a frame to a package by name alone. */
const GENERIC_PACKAGES = new Set(['core', 'client', 'common', 'util', 'utils', 'api', 'lib', 'base', 'server', 'http', 'json', 'test'])

/**
 * A frame inside the upgraded package: its directory in node_modules, site-packages, the Go
 * module cache, a gem or a Composer vendor folder, or (JVM) its name as a package segment of the
 * frame's class (`org.yaml.snakeyaml.representer.Representer`).
 */
function frameInPackage(frame: FailingFrame, pkg: string): boolean {
  const file = frame.file.replace(/\\/g, '/')
  if (file.includes(`node_modules/${pkg}/`)) return true
  const name = pkg.slice(Math.max(pkg.lastIndexOf('/'), pkg.lastIndexOf(':')) + 1).toLowerCase()
  if (name.length < 3 || GENERIC_PACKAGES.has(name)) return false
  const lower = file.toLowerCase()
  const python = name.replace(/-/g, '_')
  if (lower.includes(`site-packages/${python}/`) || lower.includes(`dist-packages/${python}/`)) return true
  // Cargo's registry checkout: ~/.cargo/registry/src/index.crates.io-<hash>/rustls-0.23.12/src/…
  if (new RegExp(`/registry/src/[^/]+/${escape(name)}-\\d`).test(lower)) return true
  if (new RegExp(`/pkg/mod/.*/${escape(name)}@`).test(lower) || new RegExp(`/gems/${escape(name)}-\\d`).test(lower) || lower.includes(`/vendor/${pkg.toLowerCase()}/`)) return true
  return /\.(?:java|kt|scala|groovy)$/.test(file) && new RegExp(`(?:^|\\.)${escape(name.replace(/-/g, ''))}\\.`).test(frame.qualified.toLowerCase())
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

const wordsIn = (stem: string) => stem.split(/[-_.]|(?<=[a-z0-9])(?=[A-Z])/).filter((part) => part.length > 0).length

function dirOf(path: string): string | null {
  const dir = path.slice(0, path.lastIndexOf('/'))
  // `src` or `config` alone say nothing about where the failure is.
  return dir.includes('/') ? dir : null
}

/** Hyphenated or camelCase identifiers in a subject (`new-pricing-engine`), collapsed for matching. */
function identifiersOf(subject: string): string[] {
  return (subject.match(/\b[a-z0-9]+(?:-[a-z0-9]+){2,}\b/gi) ?? []).map(collapse).filter((id) => id.length >= 8)
}

/** `table.column` names in a subject (`make orders.currency NOT NULL`); a dotted package name (Serilog.AspNetCore) is none. */
function schemaObjectsOf(subject: string, packages: readonly string[]): {table: string; column: string}[] {
  const named = packages.map((pkg) => pkg.toLowerCase())
  return [...subject.matchAll(/\b([a-z_][a-z0-9_]*)\.([a-z_][a-z0-9_]*)\b/gi)]
    .filter((m) => !named.some((pkg) => pkg.includes(m[0].toLowerCase())))
    .map((m) => ({table: m[1].toLowerCase(), column: m[2].toLowerCase()}))
}

/**
 * An error that names both the column and its table, as database errors do (`column "currency" of
 * relation "orders"`, `orders.currency`). A dotted name inside a longer one is a namespace, not a
 * column: `Serilog.AspNetCore.RequestLoggingMiddleware`, the logger of every request line, named
 * neither a table `serilog` nor a column `aspnetcore`, yet read so it blamed the Serilog bump.
 */
function namesSchemaObject(text: string, object: {table: string; column: string}): boolean {
  const lower = text.toLowerCase()
  const dotted = new RegExp(`(?<![\\w.])${escape(object.table)}\\.${escape(object.column)}(?![\\w]|\\.\\w)`).test(lower)
  if (dotted) return true
  return (lower.includes(`"${object.column}"`) || lower.includes(`column ${object.column}`)) && (lower.includes(`"${object.table}"`) || lower.includes(`table ${object.table}`) || lower.includes(`relation ${object.table}`))
}

function collapse(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9]/g, '')
}

function wordIn(text: string, word: string): boolean {
  if (word.length < 2) return false
  // `pg` is not named by `pg-protocol`: hyphens and underscores join words into another name.
  return new RegExp(`(^|[^a-z0-9_-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([^a-z0-9_-]|$)`, 'i').test(text)
}

/**
 * A change tied to the errors by shared words only does not explain a failure of another kind
 * that started first (an expired certificate, a full disk, an upstream's 503s): the words are a
 * coincidence of vocabulary, and the failure needs no change to explain it. Defects in the code
 * itself (a TypeError, a missing variable) are what a change explains by nature, and a change to
 * the platform (a cluster upgrade, configuration) can break the network or exhaust a resource;
 * application code cannot, and nothing of ours makes a vendor answer 503 or a certificate expire.
 */
export function withoutUnexplainedFailure(c: ChangeCorrelation, first: {failure: FailureClass; category: string; strength: number; role: string} | null): ChangeCorrelation {
  if (!c.supported || c.specific || first === null || first.role !== 'origin' || first.strength < 0.4 || CODE_FAILURES.includes(first.failure) || c.explains.includes(first.failure)) return c
  const outOfReach = OUT_OF_REACH.has(first.category) || (c.candidate.ref.kind === 'code-change' && INFRASTRUCTURE.has(first.category))
  if (!outOfReach) return c
  const reasons = [...c.reasons, `but the first failure (${first.failure}) is not something it changed`]
  return {...c, supported: false, confidence: round(0.05 + 0.2 * Math.sqrt(c.timing) * c.overlap), reasons}
}

export function describeMinutes(minutes: number): string {
  if (minutes < 90) return `${Math.round(minutes)} min`
  if (minutes < 48 * 60) return `${(minutes / 60).toFixed(1)} h`
  return `${(minutes / 1440).toFixed(1)} days`
}

function round(value: number): number {
  return Math.round(value * 100) / 100
}
