import {beforeEach, expect, it} from 'vitest'

import {message, submitFindings, toolUse, type FakeAnthropicServer} from '../../fakes/fake-anthropic-server.js'
import {fakeTools, finding, providerWithRecorder, roleMarker, specialistInput, useFakeAnthropicServer} from './specialist-fixture.js'

const fake = useFakeAnthropicServer({checkUnexpected: false})
let server: FakeAnthropicServer
beforeEach(() => {
  server = fake.server
})

/** One of each kind of secret, as it would sit in evidence. */
const SECRETS = {
  awsKey: 'AKIAIOSFODNN7EXAMPLE',
  bearer: 'abcDEF123456ghiJKL789mnoPQR',
  urlPassword: 'S3cretPassw0rd',
  privateKeyBody: 'MIIEowIBAAKCAQEA7JdlkVj2mFq9xbkPZ3Wv',
  jwt: 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U',
  email: 'jane.doe@example.com',
  card: '4111 1111 1111 1111',
}

const secretText = [
  `aws_access_key_id=${SECRETS.awsKey}`,
  `Authorization: Bearer ${SECRETS.bearer}`,
  `DATABASE_URL=postgres://app:${SECRETS.urlPassword}@db.internal:5432/orders`,
  `-----BEGIN RSA PRIVATE KEY-----\n${SECRETS.privateKeyBody}\n-----END RSA PRIVATE KEY-----`,
  `session=${SECRETS.jwt}`,
  `user ${SECRETS.email} paid with ${SECRETS.card}`,
].join('\n')

it('lets no secret from the digest, log lines, diffs or metrics reach any request body', async () => {
  const tools = fakeTools({
    searchLogs: `2025-03-14T14:02:10Z ERROR checkout failed ${secretText}`,
    commitDiff: `commit a1b2c3d\n--- a/config.env\n+++ b/config.env\n+${secretText.split('\n').join('\n+')}`,
    metricSlice: `series http_errors{user="${SECRETS.email}"} 14:02 38`,
    listEvidence: `ev-logs-3 logs template: login ${SECRETS.email} token=${SECRETS.bearer}`,
  })
  server.script(
    roleMarker('security'),
    message([toolUse('search_logs', {pattern: 'checkout'}), toolUse('show_commit_diff', {sha: 'a1b2c3d'})]),
    message([toolUse('read_metric', {series: 'http_errors'}), toolUse('list_evidence', {})]),
    submitFindings('s', [finding()]),
  )
  const {provider} = providerWithRecorder(server)
  const report = await provider.runSpecialist(specialistInput('security', {digest: JSON.stringify({sample: secretText}), tools}))

  expect(report.fallback).toBeNull()
  expect(tools.calls).toHaveLength(4)
  const bodies = server.requestsFor(roleMarker('security')).map((r) => r.rawBody)
  expect(bodies).toHaveLength(3)
  for (const body of bodies) {
    for (const [kind, secret] of Object.entries(SECRETS)) expect(body, kind).not.toContain(secret)
  }
  // The evidence itself did go out, with placeholders where the secrets were.
  const last = bodies[2]
  for (const kind of ['aws-key', 'bearer-token', 'password', 'private-key', 'jwt', 'email', 'card']) {
    expect(last, kind).toContain(`[REDACTED:${kind}]`)
  }
  expect(last).toContain('db.internal:5432/orders')
})
