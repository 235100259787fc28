import {describe, expect, it} from 'vitest'

import type {ChangeCandidate} from '../../../src/agents/offline/change-candidates.js'
import {unsupportedChange} from '../../../src/agents/offline/change-hypotheses.js'
import {failureConditions, type FailureCondition} from '../../../src/agents/offline/failure-conditions.js'
import type {ErrorSignal, FailingFrame, IncidentSignals} from '../../../src/agents/offline/incident-signals.js'
import {describeMinutes, scoreChangeCorrelation, timingWeight, withoutUnexplainedFailure, type ChangeCorrelation} from '../../../src/agents/offline/score-change-correlation.js'
import type {SignatureHit} from '../../../src/agents/offline/signature-hits.js'
import {builtInCatalogue} from '../../../src/agents/offline/signatures/catalogue.js'
import {matchLines} from '../../../src/agents/offline/signatures/compile-signature.js'
import {tokenSet} from '../../../src/agents/offline/text-tokens.js'
import {ONSET, minutesBefore} from './bundle-builder.js'

/**
 * scoreChangeCorrelation rule by rule, on hand-made candidates and signals: each rule's figure,
 * its reason in words, and the edges where it stops applying.
 */
const ONSET_MS = Date.parse(ONSET)
const CODE_FAILURES = ['code-defect', 'missing-dependency', 'schema-mismatch', 'script-error', 'missing-config', 'invalid-config']

function candidate(change: Partial<ChangeCandidate> & {words?: string} = {}): ChangeCandidate {
  const {words, ...rest} = change
  const minutes = rest.minutesBeforeOnset === undefined ? 10 : rest.minutesBeforeOnset
  return {
    ref: {sha: 'a1b2c3d'.padEnd(40, '0'), subject: 'a change', kind: 'code-change'},
    evidenceIds: ['ev-git-a1b2c3d'],
    shippedAt: minutesBefore(minutes ?? 10),
    minutesBeforeOnset: minutes,
    files: [],
    functions: new Map(),
    keyChanges: [],
    components: [],
    packages: [],
    dependencyChanges: [],
    tokens: tokenSet([words ?? '']),
    label: 'a change',
    ...rest,
  }
}

function frame(path: string, extra: Partial<FailingFrame> = {}): FailingFrame {
  return {file: path, path, function: '', qualified: '', ...extra}
}

function error(text: string): ErrorSignal {
  return {evidenceId: 'ev-logs-2', text, lines: [text], count: 50, fresh: true, isNew: true, firstSeenMs: ONSET_MS, timed: true, levels: ['error'], kind: 'template'}
}

function signals(spec: {frames?: FailingFrame[]; errors?: string[]; words?: string; onsetMs?: number | null; onsetFromEvidence?: boolean} = {}): IncidentSignals {
  const errors = (spec.errors ?? []).map(error)
  const tokens = tokenSet([spec.words ?? '', ...(spec.errors ?? [])])
  return {
    onsetFromEvidence: spec.onsetFromEvidence ?? true,
    onsetMs: spec.onsetMs === undefined ? ONSET_MS : spec.onsetMs,
    onset: ONSET,
    onsetIds: ['ev-logs-1'],
    errors,
    errorCount: errors.length * 50,
    frames: spec.frames ?? [],
    tokens,
    concepts: new Set([...tokens].flatMap((t) => [...conceptsOfOne(t)])),
  }
}

// The signals' concepts, from the same table the engine uses.
import {conceptsOf} from '../../../src/agents/offline/text-tokens.js'
const conceptsOfOne = (token: string) => conceptsOf(new Set([token]))

/** Conditions as the matcher makes them from real-shaped lines, all new at the onset. */
function conditionsFor(lines: string[]): FailureCondition[] {
  const hits: SignatureHit[] = builtInCatalogue().flatMap((signature) => {
    const extracted = signature.text.length > 0 ? matchLines(signature, lines) : null
    return extracted ? [{signature, evidenceIds: ['ev-logs-2'], count: 40, isNew: true, fresh: true, startMs: ONSET_MS, extracted, examples: [lines[0]], share: 0.5, metric: false, timed: true}] : []
  })
  return failureConditions(hits)
}

/** The figures and words of a correlation, without the candidate it repeats. */
function score(c: ChangeCandidate, s: IncidentSignals, context: Parameters<typeof scoreChangeCorrelation>[2] = {}): Omit<ChangeCorrelation, 'candidate'> {
  const {candidate: _, ...rest} = scoreChangeCorrelation(c, s, context)
  return rest
}

describe('timingWeight', () => {
  it.each([
    [null, 0.3],
    [0, 1],
    [-0.01, 0],
    [120, 0.5],
    [360, 0.25],
  ])('%s minutes before the onset weigh %s', (minutes, weight) => {
    expect(timingWeight(minutes)).toBe(weight)
  })
})

describe('describeMinutes', () => {
  it.each([
    [0, '0 min'],
    [89.4, '89 min'],
    [90, '1.5 h'],
    [48 * 60 - 6, '47.9 h'],
    [48 * 60, '2.0 days'],
    [3 * 1440 + 144, '3.1 days'],
  ])('%s minutes read %s', (minutes, words) => {
    expect(describeMinutes(minutes)).toBe(words)
  })
})

describe('timing', () => {
  it('says when a change shipped before the onset, also at the onset itself, and not when it is unknown or after', () => {
    expect(score(candidate({minutesBeforeOnset: 0}), signals()).reasons).toEqual(['shipped 0 min before the onset'])
    expect(score(candidate({minutesBeforeOnset: 150}), signals()).reasons).toEqual(['shipped 2.5 h before the onset'])
    expect(score(candidate({minutesBeforeOnset: null, shippedAt: minutesBefore(10)}), signals())).toMatchObject({timing: 0.3, reasons: []})
    expect(score(candidate({minutesBeforeOnset: -5}), signals())).toMatchObject({timing: 0, reasons: []})
  })

  it('halves the timing of a change the logs show running normally for 30 minutes or more before the onset', () => {
    const change = candidate({minutesBeforeOnset: 60})
    expect(score(change, signals(), {logsFrom: minutesBefore(90)})).toMatchObject({timing: 0.33, reasons: ['shipped 60 min before the onset', 'the logs show 60 min of normal operation after it shipped']})
    // The logs began after it shipped: only what they show counts.
    expect(score(change, signals(), {logsFrom: minutesBefore(30)})).toMatchObject({timing: 0.33, reasons: ['shipped 60 min before the onset', 'the logs show 30 min of normal operation after it shipped']})
    expect(score(change, signals(), {logsFrom: minutesBefore(29.9)}).timing).toBe(0.67)
    expect(score(change, signals(), {}).timing).toBe(0.67)
    expect(score(change, signals({onsetMs: null}), {logsFrom: minutesBefore(90)}).timing).toBe(0.67)
  })

  describe('a memory ramp that began after a change that shares the memory concept', () => {
    const leak = (minutesBeforeOnset: number) => candidate({minutesBeforeOnset, words: 'cache the rendered pages'})
    const heap = signals({errors: ['java.lang.OutOfMemoryError: Java heap space'], words: 'heap memory'})
    const ramp = (minutesAfterShipping: number, shipped: number) => ({series: 'jvm_memory_used_bytes{area="heap"}', startedAt: minutesBefore(shipped - minutesAfterShipping), evidenceId: 'ev-metric-heap'})

    it.each([0, 12, 30])('sets the timing to 0.95 when memory began climbing %i min after it shipped', (after) => {
      const scored = score(leak(300), heap, {ramps: [ramp(after, 300)], logsFrom: minutesBefore(400)})
      expect(scored.timing).toBe(0.95)
      expect(scored.reasons).toContain(`memory (jvm_memory_used_bytes) began climbing ${after} min after it shipped`)
      expect(scored.reasons.join(' ')).not.toContain('normal operation')
    })

    it.each([-1, 30.5])('leaves the timing alone when memory began climbing %s min after it shipped', (after) => {
      expect(score(leak(300), heap, {ramps: [ramp(after, 300)]}).timing).toBe(0.29)
    })

    it('leaves it alone for a change about something else', () => {
      expect(score(candidate({minutesBeforeOnset: 300, words: 'rename the checkout button'}), heap, {ramps: [ramp(5, 300)]}).timing).toBe(0.29)
    })
  })
})

describe('a change on the failing stack', () => {
  const failing = signals({frames: [frame('src/checkout/create-order.ts', {function: 'createOrder'}), frame('src/checkout/totals.ts', {function: 'sum'})]})

  it('is a full overlap when it changed the failing function, and explains defects of the code', () => {
    const change = candidate({files: ['src/checkout/create-order.ts'], functions: new Map([['src/checkout/create-order.ts', ['createOrder']]])})
    expect(score(change, failing)).toEqual({
      timing: 0.92,
      overlap: 1,
      supported: true,
      confidence: 0.88,
      concepts: [],
      explains: CODE_FAILURES,
      specific: true,
      reasons: ['shipped 10 min before the onset', 'it changed createOrder() in src/checkout/create-order.ts, a function on the failing stack frames'],
    })
  })

  it('is 0.9 when it changed the file but not the failing function', () => {
    const change = candidate({files: ['src/checkout/create-order.ts'], functions: new Map([['src/checkout/create-order.ts', ['formatReceipt']]])})
    expect(score(change, failing)).toMatchObject({overlap: 0.9, confidence: 0.84, reasons: ['shipped 10 min before the onset', 'it changed src/checkout/create-order.ts, which appears in the failing stack frames']})
  })

  it.each([
    ['the same path', 'src/checkout/create-order.ts', 'src/checkout/create-order.ts'],
    ['a build prefix before it', '/build/src/checkout/orders.ts', 'src/checkout/orders.ts'],
    ['the package path of a JVM class', 'com/acme/orders/Orders.java', 'src/main/java/com/acme/orders/Orders.java'],
    ['a bare file name of one word', 'worker.py', 'jobs/worker.py'],
    ['a bare name with dots in it', 'app.module.ts', 'src/app/app.module.ts'],
    ['a bare file name', 'RefundService.java', 'src/main/java/com/shop/payments/RefundService.java'],
    ['a script installed elsewhere with a name of several words', '/opt/jobs/rotate-invoices.sh', 'scripts/rotate-invoices.sh'],
    ['a camel-case name installed elsewhere', '/srv/app/InvoiceRenderer.cs', 'src/Billing/InvoiceRenderer.cs'],
    ['a snake-case name installed elsewhere', '/usr/lib/jobs/invoice_renderer.py', 'app/invoice_renderer.py'],
    ['a dotted name installed elsewhere', '/usr/lib/jobs/invoice.renderer.py', 'app/invoice.renderer.py'],
  ])('names a changed file by %s', (_, framePath, file) => {
    expect(score(candidate({files: [file]}), signals({frames: [frame(framePath)]})).overlap).toBe(0.9)
  })

  it('names a JVM source file by its name when the path guessed from the class does not match the repository', () => {
    const jvm = frame('com/acme/orders/Orders.java', {file: 'Orders.java', function: 'place', qualified: 'com.acme.orders.Orders.place'})
    expect(score(candidate({files: ['orders/src/main/java/com/acme/order/Orders.java']}), signals({frames: [jvm]})).overlap).toBe(0.9)
    const kotlin = frame('com/acme/orders/Orders.kt', {file: 'Orders.kt'})
    expect(score(candidate({files: ['app/Orders.kt']}), signals({frames: [kotlin]})).overlap).toBe(0.9)
    // Only a JVM frame names its file alone: a Python one with a package path is matched by path.
    const python = frame('acme/orders/orders.py', {file: 'orders.py'})
    expect(score(candidate({files: ['svc/acme/order/orders.py']}), signals({frames: [python]})).overlap).toBe(0)
  })

  it.each([
    ['a one-word name installed elsewhere', '/opt/jobs/rotate.sh', 'scripts/rotate.sh'],
    ['a one-word name behind a separator, installed elsewhere', '/opt/jobs/_rotate.sh', 'scripts/_rotate.sh'],
    ['a different name', 'src/checkout/create-order.ts', 'lib/billing/create-orders.ts'],
    ['a frame path that is only the tail of a name', 'order.ts', 'src/checkout/create-order.ts'],
    ['a one-word JVM-looking name whose frame file has directories', '/srv/com/acme/Orders.java', 'src/main/java/com/acme/order/Orders.java'],
  ])('does not name a changed file by %s', (_, framePath, file) => {
    expect(score(candidate({files: [file]}), signals({frames: [frame(framePath)]})).overlap).toBe(0)
  })

  it.each(['index', 'main', 'app', 'server', 'init', '__init__', 'mod', 'lib', 'utils', 'util', 'helpers', 'handler'])(
    'does not take a bare %s file for the changed one: too common a name',
    (stem) => {
      expect(score(candidate({files: [`src/payments/${stem}.ts`]}), signals({frames: [frame(`${stem}.ts`)]})).overlap).toBe(0)
      expect(score(candidate({files: [`src/payments/${stem.toUpperCase()}.ts`]}), signals({frames: [frame(`${stem.toUpperCase()}.ts`)]})).overlap).toBe(0)
    },
  )

  it('does not take a function of the same name in another failing file for the changed one', () => {
    const frames = signals({frames: [frame('src/checkout/create-order.ts', {function: 'save'}), frame('src/billing/invoice.ts', {function: 'render'})]})
    const change = candidate({files: ['src/checkout/create-order.ts'], functions: new Map([['src/checkout/create-order.ts', ['render']]])})
    expect(score(change, frames).overlap).toBe(0.9)
  })

  it('takes a frame of a neighbour of the changed files for a weak, specific link that alone supports nothing', () => {
    const change = candidate({files: ['src/checkout/discounts.ts']})
    expect(score(change, signals({frames: [frame('src/checkout/create-order.ts'), frame('lib/http/client.ts')]})).overlap).toBe(0.45)
    expect(score(change, failing)).toMatchObject({overlap: 0.45, specific: true, supported: false, confidence: 0.14, reasons: ['shipped 10 min before the onset', 'it changed files in src/checkout/, where the failing frames are']})
    // A top-level folder says nothing about where the failure is.
    expect(score(candidate({files: ['src/discounts.ts']}), signals({frames: [frame('src/totals.ts')]})).overlap).toBe(0)
    expect(score(candidate({files: ['README.md']}), failing).overlap).toBe(0)
  })
})

describe('an upgraded package', () => {
  it.each([
    ['node_modules', 'lodash', '/app/node_modules/lodash/merge.js'],
    ['node_modules on Windows', 'lodash', 'C:\\app\\node_modules\\lodash\\merge.js'],
    ['site-packages', 'python-dateutil', '/usr/lib/python3.12/site-packages/python_dateutil/parser.py'],
    ['dist-packages', 'requests', '/usr/lib/python3/dist-packages/requests/sessions.py'],
    ['the Go module cache', 'github.com/jackc/pgx', '/go/pkg/mod/github.com/jackc/pgx@v5.5.0/conn.go'],
    ['a gem', 'rack', '/usr/local/bundle/gems/rack-2.2.8/lib/rack/request.rb'],
    ['a Composer vendor folder', 'monolog/monolog', '/var/www/vendor/monolog/monolog/src/Logger.php'],
    ['the Go module cache, with a dot in its name', 'gopkg.in/yaml.v3', '/go/pkg/mod/gopkg.in/yaml.v3@v3.0.1/decode.go'],
  ])('is on the failing frames inside its folder in %s', (_, pkg, file) => {
    const scored = score(candidate({packages: [pkg]}), signals({frames: [frame(file)]}))
    expect(scored).toMatchObject({overlap: 1, explains: CODE_FAILURES})
    expect(scored.reasons).toContain(`the failing frames are inside ${pkg}, the package it upgraded`)
  })

  it('is on the failing frames of a JVM class in its package, named after the group', () => {
    const representer = frame('Representer.java', {qualified: 'org.yaml.snakeyaml.representer.Representer.<init>'})
    expect(score(candidate({packages: ['org.yaml:snakeyaml']}), signals({frames: [representer]})).overlap).toBe(1)
    const kebab = frame('Client.kt', {qualified: 'io.ktor.httpclient.Client.send'})
    expect(score(candidate({packages: ['io.ktor:http-client']}), signals({frames: [kebab]})).overlap).toBe(1)
    expect(score(candidate({packages: ['com.fasterxml.jackson.core:jackson-databind']}), signals({frames: [representer]})).overlap).toBe(0)
    // Only a class in a JVM file: a Python module of that name is not the JVM package.
    expect(score(candidate({packages: ['org.yaml:snakeyaml']}), signals({frames: [frame('loader.py', {qualified: 'org.yaml.snakeyaml.load'})]})).overlap).toBe(0)
  })

  it.each(['core', 'client', 'common', 'util', 'utils', 'api', 'lib', 'base', 'server', 'http', 'json', 'test'])(
    'is not found by a name as common as %s',
    (name) => {
      expect(score(candidate({packages: [`@acme/${name}`]}), signals({frames: [frame(`/usr/lib/python3/site-packages/${name}/x.py`)]})).overlap).toBe(0)
    },
  )

  it('is not found by a name shorter than three letters, outside node_modules', () => {
    expect(score(candidate({packages: ['pg']}), signals({frames: [frame('/go/pkg/mod/github.com/x/pg@v1/conn.go')]})).overlap).toBe(0)
    expect(score(candidate({packages: ['pgx']}), signals({frames: [frame('/go/pkg/mod/github.com/x/pgx@v1/conn.go')]})).overlap).toBe(1)
  })

  it('is 0.8 when the errors name it as a word, and not when they name a longer package', () => {
    const named = score(candidate({packages: ['@acme/ledger-client']}), signals({errors: ['ledger-client: unexpected response shape']}))
    expect(named).toMatchObject({overlap: 0.8, specific: true, reasons: ['shipped 10 min before the onset', 'the errors name @acme/ledger-client, the package it upgraded']})
    expect(score(candidate({packages: ['pg']}), signals({errors: ['pg-protocol: bad message']})).overlap).toBe(0)
    expect(score(candidate({packages: ['pg']}), signals({errors: ['error from PG: bad message']})).overlap).toBe(0.8)
    expect(score(candidate({packages: ['x']}), signals({errors: ['x failed']})).overlap).toBe(0)
    expect(score(candidate({packages: ['lodash.merge']}), signals({errors: ['lodash.merge: bad input']})).overlap).toBe(0.8)
  })

  it('is named once: inside the frames says more than in the errors', () => {
    const scored = score(candidate({packages: ['lodash']}), signals({frames: [frame('/app/node_modules/lodash/merge.js')], errors: ['lodash merge failed']}))
    expect(scored.reasons.filter((r) => r.includes('lodash'))).toEqual(['the failing frames are inside lodash, the package it upgraded'])
  })
})

describe('a subject that names the failing code', () => {
  it('ties a flag of three or more words to the code named after it', () => {
    const flag = candidate({ref: {sha: null, subject: 'Flag new-pricing-engine to 100%', kind: 'feature-flag'}})
    const scored = score(flag, signals({frames: [frame('src/NewPricingEngine.ts')]}))
    expect(scored).toMatchObject({overlap: 1, specific: true})
    expect(scored.reasons).toContain('the failing code is named after "newpricingengine", which it switched')
    expect(score(flag, signals({errors: ['NewPricingEngine: no price for sku 42']})).overlap).toBe(1)
    expect(score(flag, signals({frames: [frame('src/cart.ts')], errors: ['NewPricingEngine: no price for sku 42']})).overlap).toBe(1)
  })

  it('does not for two words, or for words too short together', () => {
    expect(score(candidate({ref: {sha: null, subject: 'Flag pricing-engine on', kind: 'feature-flag'}}), signals({frames: [frame('src/PricingEngine.ts')]})).overlap).toBe(0)
    expect(score(candidate({ref: {sha: null, subject: 'Flag a-b-cd on', kind: 'feature-flag'}}), signals({errors: ['abcd failed']})).overlap).toBe(0)
    expect(score(candidate({ref: {sha: null, subject: 'Flag ab-cd-efgh on', kind: 'feature-flag'}}), signals({errors: ['abcdefgh failed']})).overlap).toBe(1)
  })

  it.each([
    ['quoted names', 'null value in column "currency" of relation "orders"'],
    ['dotted names', 'ERROR: orders.currency violates not-null'],
    ['words', 'cannot insert null into column currency of table orders'],
  ])('ties a migration of table.column to errors that name both, as %s', (_, text) => {
    const migration = candidate({ref: {sha: 'b'.repeat(40), subject: 'make Orders.Currency NOT NULL', kind: 'database-migration'}})
    const scored = score(migration, signals({errors: ['cart is empty', text]}))
    expect(scored.overlap).toBe(1)
    expect(scored.reasons).toContain('the new errors name orders.currency (column "currency" of relation "orders"), which it changed')
  })

  it('does not read a dotted namespace in the errors as table.column (a logger name on every request line)', () => {
    const bump = candidate({ref: {sha: null, subject: 'orders-api 2.3.1 (Serilog.AspNetCore 4.0.0)', kind: 'code-change'}})
    const lines = ['HTTP GET /api/orders responded 401 in 3.2 ms SourceContext=Serilog.AspNetCore.RequestLoggingMiddleware', 'IDX10501: Signature validation failed. Unable to match key']
    expect(score(bump, signals({errors: lines})).reasons.join(' ')).not.toContain('which it changed')
    expect(score(bump, signals({errors: ['at Serilog.AspNetCore.RequestLoggingMiddleware.Invoke(HttpContext httpContext)']})).overlap).toBeLessThan(1)
  })

  it('does not when the errors name only the column or only the table', () => {
    const migration = candidate({ref: {sha: 'b'.repeat(40), subject: 'make orders.currency NOT NULL', kind: 'database-migration'}})
    expect(score(migration, signals({errors: ['column "currency" is ambiguous']})).reasons.join(' ')).not.toContain('which it changed')
    expect(score(migration, signals({errors: ['relation "orders" is locked']})).reasons.join(' ')).not.toContain('which it changed')
  })
})

describe('a configuration change', () => {
  it('takes the link to the failure from its key change, and explains that failure', () => {
    const conditions = conditionsFor(['AxiosError: timeout of 1000ms exceeded', 'GET https://api.shipping.example/v2/rates failed'])
    const change = candidate({ref: {sha: null, subject: 'shipping timeout', kind: 'config-change'}, keyChanges: [{file: 'config/shipping.yaml', key: 'shipping.client.timeout', from: '5s', to: '1s'}]})
    const scored = score(change, signals(), {conditions})
    expect(scored).toMatchObject({overlap: 1, supported: true, specific: true})
    expect(scored.reasons.join(' ')).toContain('gave up after 1000 ms')
    expect(scored.explains).toEqual(conditions.flatMap((c) => c.hits.map((hit) => hit.signature.failure)))
    expect(scored.explains.length).toBeGreaterThan(0)
  })

  it('is not linked to conditions that are not fresh', () => {
    const conditions = conditionsFor(['AxiosError: timeout of 1000ms exceeded']).map((c) => ({...c, fresh: false}))
    const change = candidate({keyChanges: [{file: 'config/shipping.yaml', key: 'shipping.client.timeout', from: '5s', to: '1s'}]})
    expect(score(change, signals(), {conditions})).toMatchObject({overlap: 0, explains: []})
  })
})

describe('a change about the first failure', () => {
  it.each([
    ['dns', 'point the resolver at the new nameserver', ['getaddrinfo ENOTFOUND inventory.shop.svc.cluster.local']],
    ['tls', 'rotate the tls certificate', ['x509: certificate has expired or is not yet valid']],
  ])('ties a %s change to that failure at 0.6', (concept, subject, lines) => {
    const [first] = conditionsFor(lines)
    const scored = score(candidate({words: subject}), signals(), {first})
    expect(scored).toMatchObject({overlap: 0.6, specific: true})
    expect(scored.reasons).toContain(`it is a ${concept} change, and the first failure was ${first.hits[0].signature.title}`)
    expect(scored.explains).toEqual([...new Set(first.hits.map((hit) => hit.signature.failure))])
  })

  it('does not for a change about something else, or a first failure of another kind', () => {
    const [dns] = conditionsFor(['getaddrinfo ENOTFOUND inventory.shop.svc.cluster.local'])
    expect(score(candidate({words: 'rotate the tls certificate'}), signals(), {first: dns}).overlap).toBe(0)
    const [pool] = conditionsFor(['HikariPool-1 - Connection is not available, request timed out after 30002ms.'])
    expect(score(candidate({words: 'point the resolver at the new nameserver'}), signals(), {first: pool}).overlap).toBe(0)
  })
})

describe('shared words', () => {
  const errors = signals({errors: ['checkout pricing failed: discount rule missing']})

  it.each([
    ['one word', 'checkout colours', 0.3, ['"checkout"']],
    ['two words', 'checkout discount tweaks', 0.6, ['"checkout"', '"discount"']],
    ['three words', 'checkout pricing discount', 0.9, ['"checkout"', '"pricing"', '"discount"']],
  ])('weigh %s at %s', (_, words, overlap, quoted) => {
    const scored = score(candidate({words}), errors)
    expect(scored).toMatchObject({overlap, specific: false})
    expect(scored.reasons).toContain(`it and the new errors share the words ${quoted.join(', ')}`)
  })

  it('quote at most five words', () => {
    const many = signals({errors: ['alpha bravo charlie delta echo foxtrot']})
    expect(score(candidate({words: 'alpha bravo charlie delta echo foxtrot'}), many).reasons).toContain('it and the new errors share the words "alpha", "bravo", "charlie", "delta", "echo"')
  })

  it('never name a change when only the declaration stands in for the onset (its minutes measure when the tool was run)', () => {
    const declared = signals({errors: ['query failed: relation orders'], onsetFromEvidence: false})
    expect(score(candidate({words: 'knex orders'}), declared)).toMatchObject({overlap: 0.5, supported: false})
    // A tie by content still names it: the failing frame is in the file it changed.
    const framed = signals({frames: [frame('src/orders/repo.ts')], errors: ['query failed'], onsetFromEvidence: false})
    expect(score(candidate({files: ['src/orders/repo.ts']}), framed)).toMatchObject({supported: true, specific: true})
  })

  it('give the reason a matching change is not named: no onset from the evidence, or timing', () => {
    const lead = (minutes: number, onsetFromEvidence: boolean) => {
      const s = signals({errors: ['query failed: relation orders'], onsetFromEvidence})
      return unsupportedChange(scoreChangeCorrelation(candidate({words: 'knex orders', minutesBeforeOnset: minutes}), s), s).finding.hypothesis
    }
    expect(lead(11, false)).toBe(
      'Code change a change matches the errors (it and the new errors share the words "order") but no evidence placed the onset, so shipping 11 min before the incident was declared does not tie it to the failure.',
    )
    expect(lead(60 * 24 * 20, true)).toMatch(/^Code change a change matches the errors \(.*\) but shipped 20.0 days before the onset, too long before to have triggered it\.$/)
  })

  it('count the minutes to the declaration, and say so, when no evidence placed the onset', () => {
    const shipped = (onsetFromEvidence: boolean) => score(candidate({words: 'knex orders'}), signals({errors: ['query failed'], onsetFromEvidence})).reasons.find((r) => r.startsWith('shipped'))
    expect(shipped(false)).toMatch(/^shipped .+ before the incident was declared$/)
    expect(shipped(true)).toMatch(/^shipped .+ before the onset$/)
  })

  it('count a concept reached through other words as a second piece: knex and the database', () => {
    const db = signals({errors: ['query failed: relation orders']})
    // "orders" is shared; "knex" reaches the database concept the errors carry through "query".
    const scored = score(candidate({words: 'knex orders'}), db)
    expect(scored).toMatchObject({overlap: 0.5, concepts: ['database'], supported: true})
    // A concept carried only by the shared word itself is that word again: one piece.
    expect(score(candidate({words: 'query tweaks'}), db)).toMatchObject({overlap: 0.45, supported: false})
  })

  it('are not quoted when something ties the change to the failure fully', () => {
    const scored = score(candidate({files: ['src/checkout/pricing.ts'], functions: new Map([['src/checkout/pricing.ts', ['price']]]), words: 'checkout pricing'}), signals({frames: [frame('src/checkout/pricing.ts', {function: 'price'})], errors: ['checkout pricing failed']}))
    expect(scored.reasons.join(' ')).not.toContain('share the words')
  })
})

describe('support and confidence', () => {
  const frames = signals({frames: [frame('src/checkout/create-order.ts')]})
  const onFrame = (minutesBeforeOnset: number) => candidate({minutesBeforeOnset, files: ['src/checkout/create-order.ts']})
  const errors = signals({errors: ['checkout pricing failed: discount rule missing']})
  const wordsOnly = (minutesBeforeOnset: number) => candidate({minutesBeforeOnset, words: 'checkout pricing discount'})

  it('needs a timing of 0.25 for specific content, reached six hours before the onset', () => {
    expect(score(onFrame(360), frames)).toMatchObject({timing: 0.25, supported: true, confidence: 0.65})
    expect(score(onFrame(361), frames)).toMatchObject({supported: false, confidence: 0.14})
  })

  it('needs a timing of 0.5 for shared words only, reached two hours before the onset', () => {
    expect(score(wordsOnly(120), errors)).toMatchObject({timing: 0.5, overlap: 0.9, supported: true, confidence: 0.74})
    expect(score(wordsOnly(121), errors)).toMatchObject({supported: false, confidence: 0.18})
  })

  it('needs an overlap of 0.5, and caps confidence at 0.9', () => {
    const db = signals({errors: ['query failed: relation orders']})
    expect(score(candidate({minutesBeforeOnset: 0, words: 'knex orders'}), db)).toMatchObject({overlap: 0.5, supported: true, confidence: 0.68})
    expect(score(candidate({minutesBeforeOnset: 0, files: ['src/checkout/create-order.ts']}), frames)).toMatchObject({overlap: 0.9, confidence: 0.86})
    const full = candidate({minutesBeforeOnset: 0, files: ['src/checkout/create-order.ts'], functions: new Map([['src/checkout/create-order.ts', ['createOrder']]])})
    expect(score(full, signals({frames: [frame('src/checkout/create-order.ts', {function: 'createOrder'})]}))).toMatchObject({overlap: 1, confidence: 0.9})
  })

  it('gives an unsupported change a confidence from its timing and at least a quarter overlap', () => {
    expect(score(candidate({minutesBeforeOnset: 0}), signals())).toMatchObject({overlap: 0, supported: false, confidence: 0.1})
  })

  it('names failure classes whose leading concept the change shares, of fresh conditions only', () => {
    const conditions = conditionsFor(['HikariPool-1 - Connection is not available, request timed out after 30002ms.'])
    const pool = signals({errors: ['HikariPool-1 - Connection is not available, request timed out after 30002ms.']})
    expect(score(candidate({words: 'raise the connection pool size'}), pool, {conditions}).explains).toContain('pool-exhausted')
    expect(score(candidate({words: 'rename the checkout button'}), pool, {conditions}).explains).toEqual([])
    const stale = conditions.map((c) => ({...c, fresh: false}))
    expect(score(candidate({words: 'raise the connection pool size'}), pool, {conditions: stale}).explains).toEqual([])
  })
})

describe('withoutUnexplainedFailure', () => {
  const supportedByWords = (kind: ChangeCandidate['ref']['kind'] = 'code-change') =>
    scoreChangeCorrelation(candidate({ref: {sha: null, subject: 'checkout pricing discount', kind}, words: 'checkout pricing discount'}), signals({errors: ['checkout pricing failed: discount rule missing']}))
  const first = (failure: string, category: string, extra: Partial<{strength: number; role: string}> = {}) => ({failure: failure as never, category, strength: 0.7, role: 'origin', ...extra})

  it('takes support from a change tied by words only when the first failure is out of its reach', () => {
    const c = supportedByWords()
    expect(c).toMatchObject({supported: true, specific: false, timing: 0.92, overlap: 0.9})
    const after = withoutUnexplainedFailure(c, first('tls-expired', 'certificate-expiry'))
    expect(after).toMatchObject({supported: false, confidence: 0.22})
    expect(after.reasons).toEqual([...c.reasons, 'but the first failure (tls-expired) is not something it changed'])
  })

  it.each([
    ['external-dependency', 'upstream-5xx'],
    ['certificate-expiry', 'tls-expired'],
    ['traffic-surge', 'rate-limited'],
    ['security-attack', 'auth-rejected'],
  ])('puts %s out of reach of any change', (category, failure) => {
    expect(withoutUnexplainedFailure(supportedByWords('config-change'), first(failure, category)).supported).toBe(false)
  })

  it.each(['network', 'resource-exhaustion', 'database-saturation'])('puts %s out of reach of a code change, not of a platform change', (category) => {
    expect(withoutUnexplainedFailure(supportedByWords('code-change'), first('connection-reset', category)).supported).toBe(false)
    expect(withoutUnexplainedFailure(supportedByWords('config-change'), first('connection-reset', category)).supported).toBe(true)
  })

  it('leaves the change alone when the first failure is weak, an effect, a defect of code, or one it explains', () => {
    const c = supportedByWords()
    expect(withoutUnexplainedFailure(c, null)).toBe(c)
    expect(withoutUnexplainedFailure(c, first('upstream-5xx', 'external-dependency', {strength: 0.39}))).toBe(c)
    expect(withoutUnexplainedFailure(c, first('upstream-5xx', 'external-dependency', {strength: 0.4})).supported).toBe(false)
    expect(withoutUnexplainedFailure(c, first('upstream-5xx', 'external-dependency', {role: 'effect'}))).toBe(c)
    for (const failure of CODE_FAILURES) expect(withoutUnexplainedFailure(c, first(failure, 'external-dependency'))).toBe(c)
    expect(withoutUnexplainedFailure({...c, explains: ['upstream-5xx']}, first('upstream-5xx', 'external-dependency'))).toEqual({...c, explains: ['upstream-5xx']})
    expect(withoutUnexplainedFailure(c, first('code-defect', 'unknown'))).toBe(c)
    expect(withoutUnexplainedFailure(c, first('lock-contention', 'database-migration'))).toBe(c)
  })

  it('leaves alone a change tied by content, or not supported anyway', () => {
    const specific = scoreChangeCorrelation(candidate({files: ['src/checkout/create-order.ts']}), signals({frames: [frame('src/checkout/create-order.ts')]}))
    expect(withoutUnexplainedFailure(specific, first('tls-expired', 'certificate-expiry'))).toBe(specific)
    const weak = scoreChangeCorrelation(candidate({words: 'checkout'}), signals({errors: ['checkout failed']}))
    expect(weak.supported).toBe(false)
    expect(withoutUnexplainedFailure(weak, first('tls-expired', 'certificate-expiry'))).toBe(weak)
  })
})

describe('the rules of issue G that tie a change to a failure class', () => {
  // Real-shaped lines: PostgreSQL's lock timeout, the MySQL 8 auth-plugin refusal, Go's accept loop out of descriptors.
  const LOCK = ['ERROR:  canceling statement due to lock timeout']
  const MYSQL = ['Error: ER_NOT_SUPPORTED_AUTH_MODE: Client does not support authentication protocol requested by server; consider upgrading MySQL client']
  const FDS = ['http: Accept error: accept tcp [::]:8080: accept4: too many open files; retrying in 1s']

  it('a migration shipped before lock timeouts explains them; a code change does not', () => {
    const conditions = conditionsFor(LOCK)
    expect(conditions.length).toBeGreaterThan(0)
    const migration = score(candidate({ref: {sha: 'b'.repeat(40), subject: 'add index', kind: 'database-migration'}, files: ['db/migrate/20261120_add_index.rb']}), signals(), {conditions})
    expect(migration.overlap).toBe(0.8)
    expect(migration.explains).toEqual(expect.arrayContaining(['lock-contention', 'query-timeout']))
    expect(migration.reasons.some((r) => r.startsWith('it is a database migration, and '))).toBe(true)
    // A migration file inside another kind of commit counts too.
    expect(score(candidate({files: ['migrations/0042_add_index.py']}), signals(), {conditions}).overlap).toBe(0.8)
    const code = score(candidate({files: ['src/orders/list.ts']}), signals(), {conditions})
    expect(code.overlap).toBeLessThan(0.5)
    expect(code.explains).not.toContain('lock-contention')
  })

  it('an upgrade of what the protocol error names explains it and is a dependency upgrade; a bump of something else is not', () => {
    const conditions = conditionsFor(MYSQL)
    const errors = signals({errors: MYSQL})
    const upgrade = scoreChangeCorrelation(candidate({ref: {sha: 'c'.repeat(40), subject: 'Upgrade MySQL to 8.0', kind: 'config-change'}, words: 'upgrade mysql 8.0'}), errors, {conditions})
    expect(upgrade.overlap).toBeGreaterThanOrEqual(0.8)
    expect(upgrade.explains).toContain('protocol-mismatch')
    expect(upgrade.reasons).toContain(`it upgraded mysql, and ${conditions[0].hits.find((hit) => hit.signature.failure === 'protocol-mismatch')!.signature.title} followed`)
    expect(upgrade.supported).toBe(true)
    expect(upgrade.candidate.ref.kind).toBe('dependency-upgrade')
    const other = scoreChangeCorrelation(candidate({ref: {sha: 'd'.repeat(40), subject: 'Bump lodash to 4.17.21', kind: 'dependency-upgrade'}, words: 'bump lodash'}), errors, {conditions})
    expect(other.explains).not.toContain('protocol-mismatch')
    expect(other.overlap).toBeLessThan(0.8)
    // A change that upgrades nothing but names MySQL is not the move either.
    const renamed = scoreChangeCorrelation(candidate({ref: {sha: 'e'.repeat(40), subject: 'Rename MySQL settings', kind: 'config-change'}, words: 'rename mysql settings'}), errors, {conditions})
    expect(renamed.explains).not.toContain('protocol-mismatch')
  })

  it('a code change tied to the failing calls explains a descriptor leak even hours ahead, after a stretch of normal operation', () => {
    const [first] = conditionsFor(FDS)
    expect(first.hits[0].signature.failure).toBe('fd-exhaustion')
    const fds = signals({frames: [frame('internal/client/rates.go')], errors: FDS})
    const leak = candidate({files: ['internal/client/rates.go'], minutesBeforeOnset: 6 * 60})
    const withLeak = score(leak, fds, {first, conditions: [first], logsFrom: minutesBefore(8 * 60)})
    const without = score(leak, fds, {logsFrom: minutesBefore(8 * 60)})
    expect(withLeak.timing).toBeGreaterThan(without.timing)
    expect(withLeak.explains).toContain('fd-exhaustion')
    expect(withLeak.reasons.some((r) => r.endsWith('is a leak that builds up while the service runs normally'))).toBe(true)
    expect(withLeak.reasons.some((r) => r.includes('of normal operation after it shipped'))).toBe(false)
    expect(without.reasons.some((r) => r.includes('of normal operation after it shipped'))).toBe(true)
    // A change of configuration is not the code that leaks.
    expect(score({...leak, ref: {...leak.ref, kind: 'config-change'}}, fds, {first, conditions: [first]}).explains).not.toContain('fd-exhaustion')
  })

  it('a library on the stack only carried the call when the database refused the statement', () => {
    const [first] = conditionsFor(LOCK)
    const fromPackage = signals({frames: [frame('node_modules/knex/lib/runner.js')], errors: LOCK})
    const bump = candidate({ref: {sha: 'f'.repeat(40), subject: 'bump knex', kind: 'dependency-upgrade'}, packages: ['knex']})
    const carried = score(bump, fromPackage, {first})
    expect(carried.overlap).toBeLessThan(1)
    expect(carried.explains).not.toContain('code-defect')
    expect(carried.reasons.some((r) => r.startsWith('the failing frames pass through knex, the package it upgraded, but the database refused the statement'))).toBe(true)
    const inside = score(bump, fromPackage)
    expect(inside.overlap).toBe(1)
    expect(inside.explains).toContain('code-defect')
  })
})
