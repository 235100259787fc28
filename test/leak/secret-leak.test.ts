import {afterAll, describe, expect, it} from 'vitest'

import {tempDir} from '../e2e/cli-harness.js'
import {claudeLeakRun, describeLeaks, findLeaks, leakFigure, offlineLeakRun, type Leak, type LeakRun} from './measure-leaks.js'
import {LeakFinder, PLANTED_KINDS, plantedSecrets} from './planted-secrets.js'

/**
 * Issue L's leak test: secrets of every planted kind, each place of the evidence and each command
 * people type into with secrets of its own, through the built CLI offline and on Claude (a local
 * fake API). Every leak is listed by kind, where it was planted and where it came out. Goal: none.
 */
const SEED = 20261112
const runs: LeakRun[] = []
const leaks: Leak[] = []

describe('no planted secret leaves the tool (issue L, item 1)', () => {
  afterAll(() => {
    if (runs.length > 0) console.info(leakFigure(runs, leaks))
  })

  it('covers every kind the issue lists, and more', () => {
    const listed = ['pgp-private-key-block', 'mysql-root-password', 'pgpassword', 'aws-secret-access-key-json', 'azure-storage-account-key', 'azure-shared-access-key', 'slack-webhook-url', 'npm-access-token', 'npmrc-auth-token', 'sendgrid-api-key', 'gitlab-pat', 'twilio-api-key', 'twilio-account-sid', 'stripe-webhook-secret', 'cookie-header', 'api-key-header', 'jwt', 'rsa-private-key', 'url-password']
    expect(PLANTED_KINDS).toEqual(expect.arrayContaining(listed))
    expect(PLANTED_KINDS.length).toBeGreaterThanOrEqual(46)
  })

  it('the finder names a secret from any piece of it, and not from the fixed part of its format', () => {
    const secrets = plantedSecrets(SEED, 'commit diff')
    const finder = new LeakFinder(secrets)
    const jwt = secrets.find((secret) => secret.kind === 'jwt')!
    const atlassian = secrets.find((secret) => secret.kind === 'atlassian-api-token')!
    expect([...finder.find(`sample … ${jwt.value.slice(50, 70)} …`)]).toEqual([jwt])
    expect([...finder.find(`ATATT3xFfGF0 eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9. [REDACTED:jwt]`)]).toEqual([])
    expect([...finder.find(atlassian.text)]).toEqual([atlassian])
  })

  it('offline: none in the folder, the JSON, the terminal, typed-text records or the tools’ answers', async () => {
    const run = await offlineLeakRun(await tempDir('leak'), SEED)
    runs.push(run)
    expect(run.planted.length).toBeGreaterThan(PLANTED_KINDS.length * 15)
    const found = findLeaks(run.planted, run.outputs)
    leaks.push(...found)
    expect(describeLeaks(found)).toEqual([])
  }, 300_000)

  it('on Claude: none in any request body or tool answer sent, nor in the folder or the JSON', async () => {
    const run = await claudeLeakRun(await tempDir('leak-claude'), SEED)
    runs.push(run)
    expect(run.outputs.filter((output) => output.name.startsWith('claude request')).length).toBeGreaterThanOrEqual(4)
    const found = findLeaks(run.planted, run.outputs)
    leaks.push(...found)
    expect(describeLeaks(found)).toEqual([])
  }, 300_000)
})
