/**
 * Secret-named positions, as data: `key=value`, `key: value`, `"key": "value"` (also JSON inside a
 * JSON string), `--key value`, env and connection-string pairs. A key that *ends* in a secret word
 * (`MYSQL_ROOT_PASSWORD`, `client_secret`, `_authToken`, `AccountKey`, `x-api-key`) always has its
 * value masked; a key that merely *contains* one (`session_id`, `cache_key`, `auth`, `token_count`)
 * has it masked only when the value looks like a generated key (`looksKeyLike`): the entropy net.
 * Checked by `test/redact/secret-rules.test.ts` like the format rules.
 */
export interface SecretKeyVocabulary {
  /** Words that make a key worth a look (lower case, matched anywhere in the key). */
  words: readonly string[]
  /** Keys whose value is always a secret; the kind names what it was. */
  strong: ReadonlyArray<{pattern: RegExp; kind: 'password' | 'api-key' | 'cookie'}>
  examples: {
    /** Texts whose value must be masked, with the value. */
    masked: ReadonlyArray<[text: string, value: string]>
    /** Texts that must come out unchanged. */
    kept: readonly string[]
  }
}

export const SECRET_KEYS: SecretKeyVocabulary = {
  words: ['pass', 'pwd', 'secret', 'token', 'key', 'auth', 'credential', 'cookie', 'session', 'sig', 'salt', 'private', 'jwt', 'otp', 'sid'],
  strong: [
    {pattern: /(?:password|passwd|passphrase|pwd|(?:^|[^a-z])pass)$/i, kind: 'password'},
    {pattern: /(?:cookie)$/i, kind: 'cookie'},
    {
      pattern:
        /(?:secret|token|credentials?|signature|(?:api|access|secret|private|signing|encryption|account|sharedaccess|master|client|auth|license|subscription|consumer|admin|service|ingest|app|write|deploy|webhook|sas|ssh|gpg|pgp|storage|session|routing|integration)[_.-]?key)$/i,
      kind: 'api-key',
    },
  ],
  examples: {
    masked: [
      ['MYSQL_ROOT_PASSWORD=Zx1Yw2Vu3Ts4!', 'Zx1Yw2Vu3Ts4!'],
      ['PGPASSWORD=kq_7Hd9 psql -h db', 'kq_7Hd9'],
      ['login password=hunter2 user=bob', 'hunter2'],
      ['{"user":"bob","password":"hunter2!x","ok":true}', 'hunter2!x'],
      ['{"msg":"{\\"db_password\\":\\"zz9plural\\"}"}', 'zz9plural'],
      ['{"msg":"config dump:\\npassword=Qx7vB2nM","level":"error"}', 'Qx7vB2nM'],
      ["DB_PASSWORD='tr0ub4dor&3' loaded", 'tr0ub4dor&3'],
      ['"SecretAccessKey": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'],
      ['AccountName=acme;AccountKey=Zm9vYmFyYmF6cXV4cXV1eA==;EndpointSuffix=core.windows.net', 'Zm9vYmFyYmF6cXV4cXV1eA=='],
      ['SharedAccessKeyName=Root;SharedAccessKey=Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8=', 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8='],
      ['//registry.npmjs.org/:_authToken=0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9', '0a1b2c3d-4e5f-6071-8293-a4b5c6d7e8f9'],
      ['X-Api-Key: q1w2e3r4t5y6', 'q1w2e3r4t5y6'],
      ['azure call with header api-key: 0a1b2c3d4e5f60718293a4b5c6d7e8f9 failed', '0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
      ['Server=sql;User ID=app;Password=Pa55w0rd$;Encrypt=True', 'Pa55w0rd$'],
      ['jdbc:mysql://db/orders?user=app&password=Zx1Yw2Vu3&useSSL=true', 'Zx1Yw2Vu3'],
      ['GET /export?format=csv&access_token=Ab1Cd2Ef3Gh4Ij5Kl6 HTTP/1.1', 'Ab1Cd2Ef3Gh4Ij5Kl6'],
      ['oidc client_secret: Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv', 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv'],
      ['JWT_SIGNING_KEY="Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0"', 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdlZ3JhdWx0'],
      ['X-Auth-Token: 0a1b2c3d4e5f60718293a4b5c6d7e8f9', '0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
      ['{"auths": {"registry.example.com": {"auth": "Y2ktYm90OlpYMXZWMnUzVHM0"}}}', 'Y2ktYm90OlpYMXZWMnUzVHM0'],
      ['replied 403 to X-API-Key Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8', 'Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8'],
      ['twine upload --password hunter2', 'hunter2'],
      ['session_id=Ab1Cd2Ef3Gh4Ij5Kl6Mn', 'Ab1Cd2Ef3Gh4Ij5Kl6Mn'],
      ['DD_API_KEY=0a1b2c3d4e5f60718293a4b5c6d7e8f9', '0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
      ['GET /login?token=JWT_SIGNING_KEY="Zm9vYmFyYmF6cXV4cXV1eGNvcmdl" HTTP/1.1', 'Zm9vYmFyYmF6cXV4cXV1eGNvcmdl'],
    ],
    kept: [
      'token verification failed for order 12345 after 250 ms (code 4000)',
      'duplicate key value violates unique constraint "orders_pkey"',
      'cache_key=user:123:profile miss',
      'max_tokens=4096 token_count=1834',
      'secret_name=prod-db rotated',
      'password reset email sent',
      'passed=12 failed=0',
      '{"token_type":"Bearer","expires_in":3600}',
      'partition_key=orders-2026-11',
      'key=orders.currency',
      '"token": null',
    ],
  },
}
