/**
 * Realistic secrets to plant in evidence: every kind issue L lists plus the formats the gitleaks
 * and detect-secrets rule sets cover. Values are fabricated from a seeded generator (no real key
 * is in this file); `text` is how the secret sits in a log line, a commit or a config diff, and
 * `fragments` are the pieces that must never come out again (the value, and for long values its
 * windows, so half a key cut off by a sample limit still counts as a leak).
 */
export interface PlantedSecret {
  kind: string
  /** One line (or a block for keys) as a person or a program would write it. */
  text: string
  /** The secret value itself. */
  value: string
  /** Substrings whose presence anywhere in an output is a leak. */
  fragments: string[]
  /** Spans several lines (key blocks): not planted in one-line places such as CSV headers. */
  multiline?: boolean
  /** Where it was planted (`commit diff`, `csv header` …), when a measurement plants one per place. */
  place?: string
}

const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
const LOWER = 'abcdefghijklmnopqrstuvwxyz'
const DIGITS = '0123456789'
const ALNUM = UPPER + LOWER + DIGITS
const HEX = '0123456789abcdef'
const B64 = ALNUM + '+/'
const B64URL = ALNUM + '-_'

/** mulberry32: a small seeded generator, so a seed names one exact set of secrets. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296
  }
}

type Draw = (alphabet: string, length: number) => string

function drawer(random: () => number): Draw {
  return (alphabet, length) => {
    let out = ''
    for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)]
    // A value of one repeated class (all letters) would not look like a key; force a digit in.
    return /\d/.test(out) || !/\d/.test(alphabet) || length < 8 ? out : DIGITS[Math.floor(random() * 10)] + out.slice(1)
  }
}

/** Windows of the value, so a partial copy is caught too; short values count whole. */
function windows(value: string, size = 12, stride = 6): string[] {
  if (value.length <= size + 2) return [value]
  const out = new Set<string>([value])
  for (let i = 0; i + size <= value.length; i += stride) out.add(value.slice(i, i + size))
  return [...out]
}

function pemBody(d: Draw, lines: number): string[] {
  return Array.from({length: lines}, () => d(B64, 64))
}

function luhnComplete(prefix: string, d: Draw, length: number): string {
  let digits = prefix + d(DIGITS, length - prefix.length - 1)
  let sum = 0
  for (let i = 0; i < digits.length; i++) {
    let n = Number(digits[digits.length - 1 - i])
    if (i % 2 === 0) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
  }
  digits += String((10 - (sum % 10)) % 10)
  return digits
}

type Maker = (d: Draw) => {text: string; value: string; fragments?: string[]; multiline?: boolean}

const MAKERS: Record<string, Maker> = {
  'aws-access-key-id': (d) => {
    const value = `AKIA${d(UPPER + '234567', 16)}`
    return {value, text: `S3 PutObject denied for access key ${value} (SignatureDoesNotMatch)`}
  },
  'aws-secret-access-key-json': (d) => {
    const value = d(B64, 40)
    return {value, text: `assumed role, credentials {"AccessKeyId": "ASIA${d(UPPER + '234567', 16)}", "SecretAccessKey": "${value}", "Expiration": "2026-11-12T15:00:00Z"}`}
  },
  'aws-secret-access-key-env': (d) => {
    const value = d(B64, 40)
    return {value, text: `export AWS_SECRET_ACCESS_KEY=${value}`}
  },
  'aws-session-token': (d) => {
    const value = `FwoGZXIvYXdzE${d(B64, 140)}`
    return {value, text: `aws_session_token = ${value}`}
  },
  'github-pat': (d) => {
    const value = `ghp_${d(ALNUM, 36)}`
    return {value, text: `git clone https://${value}@github.com/acme/checkout.git failed`}
  },
  'github-fine-grained-pat': (d) => {
    const value = `github_pat_11${d(UPPER + DIGITS, 20)}_${d(ALNUM, 59)}`
    return {value, text: `GH_TOKEN set to ${value} for the release job`}
  },
  'github-oauth': (d) => {
    const value = `gho_${d(ALNUM, 36)}`
    return {value, text: `oauth exchange returned ${value}`}
  },
  'github-app-token': (d) => {
    const value = `ghs_${d(ALNUM, 36)}`
    return {value, text: `installation token ${value} expires in 3600s`}
  },
  'gitlab-pat': (d) => {
    const value = `glpat-${d(ALNUM + '-_', 20)}`
    return {value, text: `PRIVATE-TOKEN header ${value} rejected by gitlab.example.com`}
  },
  'gitlab-runner-token': (d) => {
    const value = `glrt-${d(ALNUM + '-_', 20)}`
    return {value, text: `gitlab-runner register --token ${value}`}
  },
  'slack-bot-token': (d) => {
    const value = `xoxb-${d(DIGITS, 12)}-${d(DIGITS, 13)}-${d(ALNUM, 24)}`
    return {value, text: `slack chat.postMessage with ${value} returned not_in_channel`}
  },
  'slack-user-token': (d) => {
    const value = `xoxp-${d(DIGITS, 12)}-${d(DIGITS, 12)}-${d(DIGITS, 13)}-${d(HEX, 32)}`
    return {value, text: `legacy user token ${value} revoked`}
  },
  'slack-webhook-url': (d) => {
    const value = `https://hooks.slack.com/services/T${d(UPPER + DIGITS, 10)}/B${d(UPPER + DIGITS, 10)}/${d(ALNUM, 24)}`
    return {value, fragments: [value.slice(value.indexOf('/T')), ...windows(value.slice(-24))], text: `alert sink posting to ${value} timed out`}
  },
  'slack-app-token': (d) => {
    const value = `xapp-1-A${d(UPPER + DIGITS, 10)}-${d(DIGITS, 13)}-${d(HEX, 64)}`
    return {value, text: `socket mode connect using ${value}`}
  },
  'stripe-secret-key': (d) => {
    const value = `sk_live_51${d(ALNUM, 97)}`
    return {value, text: `stripe charge failed with key ${value}`}
  },
  'stripe-restricted-key': (d) => {
    const value = `rk_live_51${d(ALNUM, 97)}`
    return {value, text: `reporting job uses ${value}`}
  },
  'stripe-webhook-secret': (d) => {
    const value = `whsec_${d(ALNUM, 32)}`
    return {value, text: `webhook signature mismatch, endpoint secret ${value}`}
  },
  'twilio-api-key': (d) => {
    const value = `SK${d(HEX, 32)}`
    return {value, text: `twilio client created with api key ${value}`}
  },
  'twilio-account-sid': (d) => {
    const value = `AC${d(HEX, 32)}`
    return {value, text: `sms send failed for account ${value}: 20003 Authenticate`}
  },
  'sendgrid-api-key': (d) => {
    const value = `SG.${d(B64URL, 22)}.${d(B64URL, 43)}`
    return {value, text: `mailer: SendGrid rejected ${value} (401)`}
  },
  'npm-access-token': (d) => {
    const value = `npm_${d(ALNUM, 36)}`
    return {value, text: `npm publish with NODE_AUTH_TOKEN ${value}`}
  },
  'npmrc-auth-token': (d) => {
    const value = `${d(HEX, 8)}-${d(HEX, 4)}-${d(HEX, 4)}-${d(HEX, 4)}-${d(HEX, 12)}`
    return {value, text: `//registry.npmjs.org/:_authToken=${value}`}
  },
  'pypi-token': (d) => {
    const value = `pypi-AgEIcHlwaS5vcmc${d(B64URL, 70)}`
    return {value, text: `twine upload -p ${value}`}
  },
  'google-api-key': (d) => {
    const value = `AIza${d(B64URL, 35)}`
    return {value, text: `maps geocode request key=${value} quota exceeded`}
  },
  'gcp-service-account-key': (d) => {
    const body = pemBody(d, 4)
    const value = body.join('')
    return {
      value,
      fragments: body.flatMap((line) => windows(line, 16, 16)),
      text: `loaded credentials {"type": "service_account", "project_id": "acme-prod", "private_key_id": "${d(HEX, 40)}", "private_key": "-----BEGIN PRIVATE KEY-----\\n${body.join('\\n')}\\n-----END PRIVATE KEY-----\\n"}`,
    }
  },
  'google-oauth-client-secret': (d) => {
    const value = `GOCSPX-${d(B64URL, 28)}`
    return {value, text: `oauth2 client configured with ${value}`}
  },
  'azure-storage-account-key': (d) => {
    const value = `${d(B64, 86)}==`
    return {value, text: `DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=${value};EndpointSuffix=core.windows.net`}
  },
  'azure-shared-access-key': (d) => {
    const value = `${d(B64, 43)}=`
    return {value, text: `Endpoint=sb://acme-bus.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey=${value}`}
  },
  'azure-sas-signature': (d) => {
    const value = `${d(ALNUM, 20)}%2B${d(ALNUM, 20)}%3D`
    return {value, text: `GET https://acmeprod.blob.core.windows.net/exports/orders.csv?sv=2022-11-02&ss=b&srt=o&sp=r&se=2026-11-13T00:00:00Z&sig=${value} 403`}
  },
  'azure-ad-client-secret': (d) => {
    const value = `${d(ALNUM, 3)}8Q~${d(ALNUM + '_~.-', 31)}`
    return {value, text: `msal confidential client secret ${value} expired`}
  },
  'anthropic-api-key': (d) => {
    const value = `sk-ant-api03-${d(B64URL, 93)}AA`
    return {value, text: `claude request with ${value} got 401`}
  },
  'openai-api-key': (d) => {
    const value = `sk-proj-${d(B64URL, 74)}T3BlbkFJ${d(B64URL, 74)}`
    return {value, text: `openai key ${value} rate limited`}
  },
  'huggingface-token': (d) => {
    const value = `hf_${d(UPPER + LOWER, 34)}`
    return {value, text: `hub download using ${value}`}
  },
  'digitalocean-token': (d) => {
    const value = `dop_v1_${d(HEX, 64)}`
    return {value, text: `doctl auth init -t ${value}`}
  },
  'shopify-access-token': (d) => {
    const value = `shpat_${d(HEX, 32)}`
    return {value, text: `shopify admin api call with ${value} throttled`}
  },
  'mailgun-api-key': (d) => {
    const value = `key-${d(HEX, 32)}`
    return {value, text: `mailgun send failed, api key ${value}`}
  },
  'mailchimp-api-key': (d) => {
    const value = `${d(HEX, 32)}-us12`
    return {value, text: `mailchimp list sync with ${value} forbidden`}
  },
  'datadog-api-key': (d) => {
    const value = d(HEX, 32)
    return {value, text: `DD_API_KEY=${value}`}
  },
  'vault-token': (d) => {
    const value = `hvs.${d(ALNUM + '_-', 90)}`
    return {value, text: `vault login returned ${value}`}
  },
  'terraform-cloud-token': (d) => {
    const value = `${d(ALNUM, 14)}.atlasv1.${d(ALNUM + '_-', 67)}`
    return {value, text: `credentials "app.terraform.io" { token = "${value}" }`}
  },
  'atlassian-api-token': (d) => {
    const value = `ATATT3xFfGF0${d(B64URL, 170)}=${d(HEX, 8).toUpperCase()}`
    return {value, text: `jira sync failed with ${value}`}
  },
  'telegram-bot-token': (d) => {
    const value = `${d(DIGITS, 10)}:AA${d(B64URL, 33)}`
    return {value, text: `https://api.telegram.org/bot${value}/sendMessage 401`}
  },
  'discord-webhook-url': (d) => {
    const value = `https://discord.com/api/webhooks/${d(DIGITS, 18)}/${d(B64URL, 68)}`
    return {value, fragments: windows(value.slice(value.lastIndexOf('/') + 1)), text: `notifier posting to ${value}`}
  },
  'teams-webhook-url': (d) => {
    const value = `https://acme.webhook.office.com/webhookb2/${d(HEX, 8)}-${d(HEX, 4)}-${d(HEX, 4)}-${d(HEX, 4)}-${d(HEX, 12)}@${d(HEX, 8)}-${d(HEX, 4)}-${d(HEX, 4)}-${d(HEX, 4)}-${d(HEX, 12)}/IncomingWebhook/${d(HEX, 32)}/${d(HEX, 8)}-${d(HEX, 4)}-${d(HEX, 4)}-${d(HEX, 4)}-${d(HEX, 12)}`
    return {value, fragments: windows(value.slice(value.indexOf('IncomingWebhook/') + 16)), text: `teams connector ${value} gone`}
  },
  'square-access-token': (d) => {
    const value = `EAAA${d(B64URL, 60)}`
    return {value, text: `square payments token ${value}`}
  },
  'linear-api-key': (d) => {
    const value = `lin_api_${d(ALNUM, 40)}`
    return {value, text: `linear issue sync with ${value}`}
  },
  'postman-api-key': (d) => {
    const value = `PMAK-${d(HEX, 24)}-${d(HEX, 34)}`
    return {value, text: `newman run --postman-api-key ${value}`}
  },
  'grafana-service-account-token': (d) => {
    const value = `glsa_${d(ALNUM, 32)}_${d(HEX, 8)}`
    return {value, text: `grafana annotations POST with ${value}`}
  },
  'new-relic-user-key': (d) => {
    const value = `NRAK-${d(UPPER + DIGITS, 27)}`
    return {value, text: `newrelic nerdgraph query key ${value}`}
  },
  'age-secret-key': (d) => {
    const value = `AGE-SECRET-KEY-1${d('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}`
    return {value, text: `sops decrypt with ${value}`}
  },
  'doppler-token': (d) => {
    const value = `dp.st.prd.${d(ALNUM, 43)}`
    return {value, text: `doppler run --token ${value}`}
  },
  'databricks-token': (d) => {
    const value = `dapi${d(HEX, 32)}`
    return {value, text: `spark job submitted with ${value}`}
  },
  'pulumi-access-token': (d) => {
    const value = `pul-${d(HEX, 40)}`
    return {value, text: `PULUMI_ACCESS_TOKEN ${value}`}
  },
  'sentry-auth-token': (d) => {
    const value = `sntrys_${d(B64URL, 120)}`
    return {value, text: `sentry-cli releases new with ${value}`}
  },
  'firebase-server-key': (d) => {
    const value = `AAAA${d(B64URL, 7)}:APA91b${d(B64URL, 134)}`
    // The secret is what follows `:APA91b`; the seven characters before it name the sender.
    return {value, fragments: windows(value.slice(value.indexOf(':APA91b'))), text: `FCM send with server key ${value}`}
  },
  'alibaba-access-key': (d) => {
    const value = `LTAI${d(ALNUM, 20)}`
    return {value, text: `oss upload with ${value}`}
  },
  'dynatrace-token': (d) => {
    const value = `dt0c01.${d(UPPER + DIGITS, 24)}.${d(UPPER + DIGITS, 64)}`
    return {value, text: `dynatrace ingest token ${value}`}
  },
  'rsa-private-key': (d) => {
    const body = pemBody(d, 6)
    return {value: body.join(''), fragments: body.flatMap((l) => windows(l, 16, 16)), multiline: true, text: ['-----BEGIN RSA PRIVATE KEY-----', ...body, '-----END RSA PRIVATE KEY-----'].join('\n')}
  },
  'openssh-private-key': (d) => {
    const body = ['b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW', ...pemBody(d, 4)]
    return {value: body.slice(1).join(''), fragments: body.slice(1).flatMap((l) => windows(l, 16, 16)), multiline: true, text: ['-----BEGIN OPENSSH PRIVATE KEY-----', ...body, '-----END OPENSSH PRIVATE KEY-----'].join('\n')}
  },
  'ec-private-key': (d) => {
    const body = pemBody(d, 3)
    return {value: body.join(''), fragments: body.flatMap((l) => windows(l, 16, 16)), multiline: true, text: ['-----BEGIN EC PRIVATE KEY-----', ...body, '-----END EC PRIVATE KEY-----'].join('\n')}
  },
  'encrypted-private-key': (d) => {
    const body = pemBody(d, 5)
    return {value: body.join(''), fragments: body.flatMap((l) => windows(l, 16, 16)), multiline: true, text: ['-----BEGIN ENCRYPTED PRIVATE KEY-----', ...body, '-----END ENCRYPTED PRIVATE KEY-----'].join('\n')}
  },
  'pgp-private-key-block': (d) => {
    const body = ['lQdGBF' + d(B64, 58), ...pemBody(d, 4), '=' + d(B64, 4)]
    return {
      value: body.join(''),
      fragments: body.slice(0, -1).flatMap((l) => windows(l, 16, 16)),
      multiline: true,
      text: ['-----BEGIN PGP PRIVATE KEY BLOCK-----', '', ...body, '-----END PGP PRIVATE KEY BLOCK-----'].join('\n'),
    }
  },
  'putty-private-key': (d) => {
    const body = pemBody(d, 2)
    const mac = d(HEX, 64)
    return {
      value: body.join(''),
      fragments: [...body.flatMap((l) => windows(l, 16, 16)), mac],
      multiline: true,
      text: ['PuTTY-User-Key-File-3: ssh-ed25519', 'Encryption: none', 'Comment: deploy@ci', 'Public-Lines: 1', `AAAAC3NzaC1lZDI1NTE5AAAAI${d(B64, 43)}`, 'Private-Lines: 2', ...body, `Private-MAC: ${mac}`].join('\n'),
    }
  },
  jwt: (d) => {
    const value = `eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiI${d(B64URL, 60)}.${d(B64URL, 86)}`
    return {value, fragments: windows(value.slice(37)), text: `rejected id_token ${value}`}
  },
  'basic-auth-header': (d) => {
    const value = Buffer.from(`svc-orders:${d(ALNUM, 18)}`).toString('base64')
    return {value, text: `upstream call headers: Authorization: Basic ${value}`}
  },
  'bearer-token': (d) => {
    const value = d(B64URL, 48)
    return {value, text: `GET /v2/orders Authorization: Bearer ${value} -> 401`}
  },
  'cookie-header': (d) => {
    const value = d(B64URL, 32)
    return {value, text: `request headers Cookie: theme=dark; _session_id=${value}; locale=de`}
  },
  'cookie-quoted-value': (d) => {
    const value = d(B64URL, 28)
    return {value, text: `request headers Cookie: theme=dark; sid="${value}"`}
  },
  'set-cookie-header': (d) => {
    const value = d(B64URL, 40)
    return {value, text: `response Set-Cookie: sid=${value}; Path=/; HttpOnly; Secure`}
  },
  'api-key-header': (d) => {
    const value = d(HEX, 32)
    return {value, text: `azure openai call with header api-key: ${value} failed`}
  },
  'x-api-key-header': (d) => {
    const value = d(ALNUM, 40)
    return {value, text: `partner API replied 403 to X-API-Key ${value}`}
  },
  'url-password': (d) => {
    const value = `${d(ALNUM, 10)}-${d(ALNUM, 6)}`
    return {value, text: `pool error connecting to postgres://orders_app:${value}@db-primary.internal:5432/orders`}
  },
  'redis-url-password': (d) => {
    const value = d(ALNUM, 24)
    return {value, text: `cache unavailable at redis://:${value}@cache.internal:6379/0`}
  },
  'mysql-root-password': (d) => {
    const value = `${d(ALNUM, 14)}!${d(DIGITS, 2)}`
    return {value, text: `MYSQL_ROOT_PASSWORD=${value}`}
  },
  pgpassword: (d) => {
    const value = `${d(LOWER, 8)}_${d(ALNUM, 8)}`
    return {value, text: `PGPASSWORD=${value} psql -h db -U app`}
  },
  'json-password': (d) => {
    const value = `${d(ALNUM, 12)}#${d(DIGITS, 3)}`
    return {value, text: `config loaded {"db": {"user": "app", "password": "${value}"}}`}
  },
  'ado-connection-string': (d) => {
    const value = `${d(ALNUM, 16)}$`
    return {value, text: `Server=tcp:sql.internal,1433;Initial Catalog=orders;User ID=app;Password=${value};Encrypt=True;`}
  },
  'jdbc-password': (d) => {
    const value = d(ALNUM, 16)
    return {value, text: `jdbc:mysql://mysql.internal:3306/orders?user=app&password=${value}&useSSL=true`}
  },
  'url-query-token': (d) => {
    const value = d(B64URL, 40)
    return {value, text: `GET /api/export?format=csv&access_token=${value} HTTP/1.1 500`}
  },
  'docker-config-auth': (d) => {
    const value = Buffer.from(`ci-bot:${d(ALNUM, 24)}`).toString('base64')
    return {value, text: `{"auths": {"registry.example.com": {"auth": "${value}"}}}`}
  },
  'client-secret-entropy': (d) => {
    const value = d(ALNUM, 32)
    return {value, text: `oidc client_secret: ${value}`}
  },
  'signing-key-entropy': (d) => {
    const value = d(B64, 44)
    return {value, text: `JWT_SIGNING_KEY="${value}"`}
  },
  'auth-token-header': (d) => {
    const value = d(HEX, 40)
    return {value, text: `X-Auth-Token: ${value}`}
  },
  email: (d) => {
    const value = `${d(LOWER, 6)}.${d(LOWER, 7)}@example.org`
    return {value, fragments: [value, value.split('@')[0]], text: `payment declined for customer ${value}`}
  },
  'credit-card': (d) => {
    const value = luhnComplete('4', d, 16)
    return {value, fragments: [value, `${value.slice(0, 4)} ${value.slice(4, 8)} ${value.slice(8, 12)} ${value.slice(12)}`], text: `charge failed for card ${value.slice(0, 4)} ${value.slice(4, 8)} ${value.slice(8, 12)} ${value.slice(12)}`}
  },
}

export const PLANTED_KINDS = Object.keys(MAKERS)

/**
 * One secret of every kind, drawn from `seed`. A fragment that a second draw of the same kind also
 * holds is the format's fixed part (`ATATT3xFfGF0`, a PEM's first line), not the secret: left out.
 */
export function plantedSecrets(seed: number, place?: string): PlantedSecret[] {
  const d = drawer(seededRandom(seed))
  const other = drawer(seededRandom(seed ^ 0x5bd1e995))
  return PLANTED_KINDS.map((kind) => {
    const made = MAKERS[kind](d)
    const fixed = MAKERS[kind](other).text
    const fragments = (made.fragments ?? windows(made.value)).filter((fragment) => !fixed.includes(fragment))
    return {kind, text: made.text, value: made.value, fragments, multiline: made.multiline ?? false, ...(place ? {place} : {})}
  })
}

/** The kinds whose fragments occur in `output`. */
export function leakedKinds(secrets: readonly PlantedSecret[], output: string): string[] {
  return secrets.filter((secret) => secret.fragments.some((fragment) => output.includes(fragment))).map((secret) => secret.kind)
}

/**
 * `leakedKinds` for many secrets and large outputs: every fragment indexed by its first characters,
 * so a text is read once whatever the number of secrets (1,400 secrets over megabytes of output).
 */
export class LeakFinder {
  private readonly index = new Map<string, Array<{fragment: string; secret: PlantedSecret}>>()
  private readonly prefix: number

  constructor(readonly secrets: readonly PlantedSecret[]) {
    const fragments = secrets.flatMap((secret) => secret.fragments.map((fragment) => ({fragment, secret})))
    if (fragments.length === 0) throw new Error('no secret fragments to look for')
    this.prefix = Math.min(...fragments.map(({fragment}) => fragment.length))
    for (const entry of fragments) {
      const key = entry.fragment.slice(0, this.prefix)
      const list = this.index.get(key)
      if (list) list.push(entry)
      else this.index.set(key, [entry])
    }
  }

  /** The planted secrets of which some fragment occurs in `text`. */
  find(text: string): Set<PlantedSecret> {
    const found = new Set<PlantedSecret>()
    for (let i = 0; i + this.prefix <= text.length; i++) {
      const candidates = this.index.get(text.slice(i, i + this.prefix))
      if (!candidates) continue
      for (const {fragment, secret} of candidates) if (!found.has(secret) && text.startsWith(fragment, i)) found.add(secret)
    }
    return found
  }
}
