import {isLuhnValid} from '../luhn.js'
import {looksKeyLike} from '../entropy.js'

/**
 * The secret detectors, as data: what each one finds, the cheap keywords that gate it, and real-shaped
 * examples of what it must and must not match (`test/redact/secret-rules.test.ts` checks every
 * entry's examples by name). Formats follow the vendors' published token formats, as catalogued by
 * the gitleaks and detect-secrets rule sets; the rules themselves are our own. A rule's whole match is
 * the secret: context it needs (a header name, a URL host) sits in lookarounds, so what a reader needs
 * to follow the evidence stays and only the value becomes `[REDACTED:<kind>]`.
 *
 * Order matters: blocks and URLs go first, so a key inside a URL or a block is taken whole; the
 * key/value net (`secret-keys.ts`) and emails and card numbers run after these.
 */
export type RedactionKind =
  | 'private-key'
  | 'aws-key'
  | 'api-key'
  | 'bearer-token'
  | 'password'
  | 'jwt'
  | 'webhook-url'
  | 'cookie'
  | 'email'
  | 'card'
  | 'ip'

export interface SecretRule {
  id: string
  description: string
  /** Lower-case substrings; the pattern runs only when the lower-cased text holds one. Empty: always runs. */
  keywords: readonly string[]
  /** Global; the whole match is replaced. */
  pattern: RegExp
  /** What the placeholder says; a user's rule says its own id. */
  kind: RedactionKind | (string & {})
  /** A second look at a match (entropy, checksum), for formats a regex alone over-matches. */
  accept?: (match: string) => boolean
  examples: {match: readonly string[]; noMatch: readonly string[]}
}

const decodesToCredentials = (base64: string): boolean => {
  const text = Buffer.from(base64, 'base64').toString('utf8')
  return /^[\x20-\x7e]+:[\x20-\x7e]*$/.test(text)
}

export const SECRET_RULES: readonly SecretRule[] = [
  {
    id: 'private-key-block',
    description: 'PEM, OpenSSH, PGP and SSH2 private key blocks, to the END line (or to the end of the text when it was cut)',
    keywords: ['private key'],
    pattern: /-{4,5} ?BEGIN [A-Z0-9 _-]{0,40}PRIVATE KEY(?: BLOCK)? ?-{4,5}[\s\S]*?(?:-{4,5} ?END [A-Z0-9 _-]{0,40}PRIVATE KEY(?: BLOCK)? ?-{4,5}|$)/g,
    kind: 'private-key',
    examples: {
      match: [
        'key: -----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAx7q\n-----END RSA PRIVATE KEY----- done',
        '{"private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAAS\\n-----END PRIVATE KEY-----\\n"}',
        '-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQdGBGVx4ZMBEADQ3Ty\n=Ab3d\n-----END PGP PRIVATE KEY BLOCK-----',
        '+-----BEGIN OPENSSH PRIVATE KEY-----\n+b3BlbnNzaC1rZXktdjEAAAAABG5vbmU\n+-----END OPENSSH PRIVATE KEY-----',
        '---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----\nP2/56wAAA+AAAAA3aWYtbW\n---- END SSH2 ENCRYPTED PRIVATE KEY ----',
        'cut short: -----BEGIN EC PRIVATE KEY-----\nMHcCAQEEIBkg4LVWM9nuwNSk3yByx',
      ],
      noMatch: ['-----BEGIN PUBLIC KEY-----\nMFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE\n-----END PUBLIC KEY-----', 'the private key was rotated yesterday'],
    },
  },
  {
    id: 'putty-private-key',
    description: 'The private half of a PuTTY key file (Private-Lines … Private-MAC)',
    keywords: ['private-lines'],
    pattern: /Private-Lines: ?\d+[\s\S]*?(?:Private-MAC: ?[0-9a-fA-F]+|$)/g,
    kind: 'private-key',
    examples: {
      match: ['Public-Lines: 1\nAAAAC3NzaC1lZDI1NTE5\nPrivate-Lines: 1\nAAAAIBx3b2F4c2VjcmV0\nPrivate-MAC: 8f0e1d2c3b4a59687766'],
      noMatch: ['PuTTY-User-Key-File-3: ssh-ed25519\nPublic-Lines: 1\nAAAAC3NzaC1lZDI1NTE5'],
    },
  },
  {
    id: 'url-credentials',
    description: 'The password in scheme://user:password@host (the user and host stay; an empty user too, as in redis://:pw@host)',
    keywords: ['://'],
    pattern: /(?<=\b[a-z][a-z0-9+.-]*:\/\/[^:/?#\s@[]*:)(?!\[REDACTED)(?:[^@\s/?#]|@(?=[^\s/?#]*@))+(?=@)/gi,
    kind: 'password',
    examples: {
      match: ['connect postgres://app:s3cr3t-pw@db.internal:5432/orders', 'cache at redis://:Zk8pQ2mN7vX4@cache:6379/0', 'amqp://svc:p@ss@rabbit:5672/'],
      noMatch: ['GET https://api.example.com:8443/health', 'see http://localhost:3000/orders?x=1'],
    },
  },
  {
    id: 'url-token-user',
    description: 'A token used as the user of a URL (https://<token>@github.com/…)',
    keywords: ['://'],
    pattern: /(?<=\b[a-z][a-z0-9+.-]*:\/\/)[A-Za-z0-9_.~%-]{20,}(?=@)/gi,
    kind: 'api-key',
    accept: looksKeyLike,
    examples: {
      match: ['git fetch https://x9Kq2LmZ7pR4tV8wB3nC5dF1@gitlab.example.com/acme/app.git'],
      noMatch: ['ssh://git-deploy-user-account@git.example.com/acme.git'],
    },
  },
  {
    id: 'slack-webhook-url',
    description: 'Slack incoming-webhook and workflow URLs (the path is the credential, also without the host)',
    keywords: ['hooks.slack.com', '/services/', '/workflows/', '/triggers/'],
    pattern: /(?<=hooks\.slack\.com\/|(?<![\w.-])\/)(?:services|workflows|triggers)\/(?:T[A-Z0-9]{6,}|:id)\/(?:B[A-Z0-9]{6,}|:id)\/[A-Za-z0-9_-]{16,}|(?<=hooks\.slack\.com\/)(?:services|workflows|triggers)\/[A-Za-z0-9+/_-]{20,}/g,
    kind: 'webhook-url',
    examples: {
      match: ['posting to https://hooks.slack.com/services/T0A1B2C3D/B0E1F2G3H/AbCdEfGh1234567890IjKlMnOp', '"POST /services/T0A1B2C3D/B0E1F2G3H/AbCdEfGh1234567890IjKlMnOp HTTP/1.1" 404', 'endpoint /services/:id/:id/qRWQPyOsmQ8qGvBi44jB8eAF'],
      noMatch: ['see https://hooks.slack.com/ for docs'],
    },
  },
  {
    id: 'discord-webhook-url',
    description: 'Discord webhook URLs',
    keywords: ['/api/webhooks/'],
    // `:id` is how an access log's endpoint shows the numeric id.
    pattern: /(?<=\/api\/webhooks\/)(?:\d+|:id)\/[A-Za-z0-9_-]{30,}/g,
    kind: 'webhook-url',
    examples: {
      match: ['https://discord.com/api/webhooks/112233445566778899/aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA7bC9dE1fG3hI5jK7lM9nO1pQ3rS5tU7v', 'POST /api/webhooks/112233445566778899/aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5zA 204'],
      noMatch: ['join us at https://discord.com/invite/acme'],
    },
  },
  {
    id: 'teams-webhook-url',
    description: 'Microsoft Teams (Office 365 connector) webhook URLs, with or without the host (an access log keeps only the path)',
    keywords: ['webhookb2/', 'outlook.office'],
    pattern: /(?<=\/webhookb2\/|outlook\.office(?:365)?\.com\/webhook\/)[^\s"'<>]+/g,
    kind: 'webhook-url',
    examples: {
      match: [
        'https://acme.webhook.office.com/webhookb2/0a1b2c3d-1111-2222-3333-444455556666@0a1b2c3d-1111-2222-3333-444455556666/IncomingWebhook/0123456789abcdef0123456789abcdef/0a1b2c3d-1111-2222-3333-444455556666',
        'path /webhookb2/0a1b2c3d-1111-2222-3333-444455556666@0a1b2c3d-1111-2222-3333-444455556666/IncomingWebhook/:id/:id',
      ],
      noMatch: ['https://outlook.office.com/mail/inbox'],
    },
  },
  {
    id: 'chat-hook-url',
    description: 'Mattermost, Rocket.Chat and Gitea-style /hooks/<key> webhook URLs',
    keywords: ['/hooks/'],
    pattern: /(?<=https?:\/\/[^\s/]+\/hooks\/)[A-Za-z0-9]{20,}/g,
    kind: 'webhook-url',
    examples: {match: ['https://chat.example.com/hooks/x1y2z3a4b5c6d7e8f9g0h1i2j3'], noMatch: ['https://git.example.com/hooks/settings']},
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key ids (long-term AKIA, temporary ASIA and the other documented prefixes)',
    keywords: ['akia', 'asia', 'abia', 'acca', 'agpa', 'aida', 'aroa', 'aipa', 'anpa', 'anva', 'apka', 'a3t'],
    pattern: /\b(?:A3T[A-Z0-9]|AKIA|ASIA|ABIA|ACCA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA|APKA)[A-Z0-9]{16}\b/g,
    kind: 'aws-key',
    examples: {match: ['using key AKIAIOSFODNN7EXAMPLE for s3', '"AccessKeyId": "ASIAY34FZKBOKMUTVV7A"'], noMatch: ['AKIA is the prefix', 'ASIAN markets closed']},
  },
  {
    id: 'github-token',
    description: 'GitHub personal, OAuth, user-to-server, server-to-server and refresh tokens; fine-grained PATs',
    keywords: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'],
    pattern: /\b(?:gh[pousr]_[A-Za-z0-9]{16,255}|github_pat_[A-Za-z0-9_]{16,255})/g,
    kind: 'api-key',
    examples: {
      match: ['token ghp_aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789', 'github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456'],
      noMatch: ['ghp_short', 'the ghs_ prefix marks app tokens'],
    },
  },
  {
    id: 'gitlab-token',
    description: 'GitLab personal, project, deploy, runner, CI job, OAuth, feed and agent tokens; legacy runner registration tokens',
    keywords: ['glpat-', 'glptt-', 'gldt-', 'glrt-', 'glcbt-', 'gloas-', 'glimt-', 'glsoat-', 'glffct-', 'glft-', 'glagent-', 'gr1348941'],
    pattern: /\b(?:gl(?:pat|ptt|dt|rt|cbt|oas|imt|soat|ffct|ft)-[A-Za-z0-9_-]{20,}|glagent-[A-Za-z0-9_-]{50,}|GR1348941[A-Za-z0-9_-]{20,})/g,
    kind: 'api-key',
    examples: {match: ['PRIVATE-TOKEN: glpat-Xy7_kP2mQ9rT4vW8zA1b', 'register --token glrt-2CR8_eVxiioB1QmzPZwa'], noMatch: ['glpat- tokens expire', 'glrt-short']},
  },
  {
    id: 'slack-token',
    description: 'Slack bot, user, app-level, configuration and legacy tokens',
    keywords: ['xoxb-', 'xoxp-', 'xoxa-', 'xoxo-', 'xoxs-', 'xoxr-', 'xoxe', 'xapp-'],
    pattern: /\b(?:xox[abposre](?:\.xox[bp])?-(?:\d+-)*[A-Za-z0-9-]{10,}|xapp-\d-[A-Z0-9]+-\d+-[A-Za-z0-9]+)/g,
    kind: 'api-key',
    examples: {
      match: ['slack=xoxb-123456789012-abcdefghijkl posted', 'xapp-1-A0123ABCDEF-1234567890123-0a1b2c3d4e5f60718293a4b5c6d7e8f9'],
      noMatch: ['xoxb- tokens are for bots'],
    },
  },
  {
    id: 'stripe-key',
    description: 'Stripe secret and restricted keys (live and test) and webhook signing secrets',
    keywords: ['sk_live_', 'sk_test_', 'rk_live_', 'rk_test_', 'sk_prod_', 'rk_prod_', 'whsec_'],
    pattern: /\b(?:[sr]k_(?:live|test|prod)_[A-Za-z0-9]{10,}|whsec_[A-Za-z0-9+/=]{24,})/g,
    kind: 'api-key',
    examples: {match: ['charge via sk_live_51Habcdefghijklmnop failed', 'secret whsec_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6'], noMatch: ['pk_live_51Habcdefghijklmnop is public', 'whsec_ prefix']},
  },
  {
    id: 'twilio-key',
    description: 'Twilio API key SIDs (SK…) and account SIDs (AC…): 32 hex digits after the prefix',
    keywords: [],
    pattern: /\b(?:SK|AC)[0-9a-fA-F]{32}\b/g,
    kind: 'api-key',
    examples: {match: ['api key SK0123456789abcdef0123456789abcdef', 'account AC0123456789abcdef0123456789abcdef'], noMatch: ['ACK0123456789abcdef0123456789abcdef', 'SKU 12345']},
  },
  {
    id: 'sendgrid-api-key',
    description: 'SendGrid API keys',
    keywords: ['sg.'],
    pattern: /\bSG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{8,43}\b/g,
    kind: 'api-key',
    examples: {match: ['SendGrid rejected 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'], noMatch: ['SG.short.key']},
  },
  {
    id: 'npm-token',
    description: 'npm access tokens',
    keywords: ['npm_'],
    pattern: /\bnpm_[A-Za-z0-9]{16,36}\b/g,
    kind: 'api-key',
    examples: {match: ['NODE_AUTH_TOKEN npm_abcdefghijklmnopqrstuvwxyz0123456789'], noMatch: ['npm_config_cache=/tmp']},
  },
  {
    id: 'pypi-token',
    description: 'PyPI and TestPyPI upload tokens (macaroons)',
    keywords: ['pypi-age'],
    pattern: /\bpypi-AgE[A-Za-z0-9_-]{20,}/g,
    kind: 'api-key',
    examples: {match: ['twine upload -p pypi-AgEIcHlwaS5vcmcCJGI4ZTY0ZjQ4LTk1YzktNDBjMy1iOGU0LTAwMDAwMDAwMDAwMAACKlsz'], noMatch: ['pypi-AgE']},
  },
  {
    id: 'google-credential',
    description: 'Google API keys, OAuth client secrets and OAuth access tokens',
    keywords: ['aiza', 'gocspx-', 'ya29.'],
    pattern: /\b(?:AIza[A-Za-z0-9_-]{35}|GOCSPX-[A-Za-z0-9_-]{28}|ya29\.[A-Za-z0-9_-]{20,})/g,
    kind: 'api-key',
    examples: {match: ['key=AIzaSyA1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q', 'client 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', 'ya29.a0AfH6SMBx1y2z3A4b5C6d7E8f9'], noMatch: ['AIza is how they start']},
  },
  {
    id: 'azure-ad-client-secret',
    description: 'Microsoft Entra (Azure AD) application client secrets',
    keywords: ['q~'],
    pattern: /(?<![A-Za-z0-9_~.])[A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/g,
    kind: 'api-key',
    examples: {match: ['client secret abc8Q~Zx1Yw2Vu3Ts4Rq5Po6Nm7Lk8Ji9Hg0Fe1D'], noMatch: ['Q~ is in the middle']},
  },
  {
    id: 'url-signature',
    description: 'Signatures and credentials in signed URLs (Azure SAS sig=, S3 and GCS presigned X-Amz-/X-Goog- parameters)',
    keywords: ['sig', 'x-amz-', 'x-goog-'],
    pattern: /(?<=[?&](?:sig|signature|x-amz-signature|x-amz-credential|x-amz-security-token|x-goog-signature|x-goog-credential)=)(?!\[REDACTED)[^&\s"'#<>]+/gi,
    kind: 'api-key',
    examples: {match: ['orders.csv?sv=2022-11-02&sp=r&sig=Zx1Yw2Vu3Ts4%2BRq5Po6%3D 403', 'file?X-Amz-Signature=0a1b2c3d4e5f60718293a4b5c6d7e8f9'], noMatch: ['signature verified for order 12']},
  },
  {
    id: 'llm-api-key',
    description: 'Anthropic and OpenAI API keys (sk-ant-…, sk-proj-…, legacy sk-…)',
    keywords: ['sk-'],
    pattern: /\bsk-(?:ant-(?:api|admin|sid)\d{2}-|proj-|svcacct-|admin-|None-)?[A-Za-z0-9_-]{20,}/g,
    kind: 'api-key',
    examples: {match: ['sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789', 'sk-proj-Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0'], noMatch: ['disk-usage-percentage', 'task-runner']},
  },
  {
    id: 'huggingface-token',
    description: 'Hugging Face user and organisation tokens',
    keywords: ['hf_', 'api_org_'],
    pattern: /\b(?:hf|api_org)_[A-Za-z]{34}\b/g,
    kind: 'api-key',
    examples: {match: ['using hf_AbCdEfGhIjKlMnOpQrStUvWxYzAbCdEfGh'], noMatch: ['hf_transfer enabled']},
  },
  {
    id: 'digitalocean-token',
    description: 'DigitalOcean personal, OAuth and refresh tokens',
    keywords: ['_v1_'],
    pattern: /\bdo[por]_v1_[a-f0-9]{16,64}\b/g,
    kind: 'api-key',
    examples: {match: ['doctl auth init -t dop_v1_0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9'], noMatch: ['dop_v1_ is the prefix']},
  },
  {
    id: 'shopify-token',
    description: 'Shopify access, custom-app, private-app tokens and shared secrets',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    pattern: /\bshp(?:at|ca|pa|ss)_[a-fA-F0-9]{16,32}\b/g,
    kind: 'api-key',
    examples: {match: ['with 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'], noMatch: ['shpat_ tokens']},
  },
  {
    id: 'mailgun-api-key',
    description: 'Mailgun private API keys',
    keywords: ['key-'],
    pattern: /\bkey-[0-9a-f]{32}\b/g,
    kind: 'api-key',
    examples: {match: ['api key key-0a1b2c3d4e5f60718293a4b5c6d7e8f9'], noMatch: ['primary-key-constraint']},
  },
  {
    id: 'mailchimp-api-key',
    description: 'Mailchimp API keys (32 hex digits and the data-centre suffix)',
    keywords: ['-us'],
    pattern: /\b[0-9a-f]{32}-us\d{1,2}\b/g,
    kind: 'api-key',
    examples: {match: ['with 0a1b2c3d4e5f60718293a4b5c6d7e8f9-us12 forbidden'], noMatch: ['en-us locale']},
  },
  {
    id: 'vault-token',
    description: 'HashiCorp Vault service, batch and recovery tokens',
    keywords: ['hvs.', 'hvb.', 'hvr.'],
    pattern: /\bhv[sbr]\.[A-Za-z0-9_-]{20,}/g,
    kind: 'api-key',
    examples: {match: ['vault login returned hvs.CAESIJ1a2b3c4d5e6f7g8h9i0jKLMN'], noMatch: ['hvs. prefix']},
  },
  {
    id: 'terraform-cloud-token',
    description: 'Terraform Cloud / Enterprise API tokens (a distinctive prefix: a token cut short in a log still counts)',
    keywords: ['.atlasv1.'],
    pattern: /\b[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{20,}/g,
    kind: 'api-key',
    examples: {match: ['token = "Ab1Cd2Ef3Gh4Ij.atlasv1.Kl5Mn6Op7Qr8St9Uv0Wx1Yz2Ab3Cd4Ef5Gh6Ij7Kl8Mn9Op0Qr1St2Uv3Wx4Yz5Ab6Cd7"'], noMatch: ['the atlasv1 format']},
  },
  {
    id: 'atlassian-api-token',
    description: 'Atlassian (Jira, Confluence) API tokens',
    keywords: ['atatt3'],
    pattern: /\bATATT3[A-Za-z0-9_=-]{20,}/g,
    kind: 'api-key',
    examples: {match: [`jira ATATT3xFfGF0${'Ab1Cd2Ef3G'.repeat(15)}=0A1B2C3D`], noMatch: ['ATATT3 tokens']},
  },
  {
    id: 'telegram-bot-token',
    description: 'Telegram bot tokens',
    keywords: [':aa'],
    pattern: /(?<!\d)\d{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/g,
    kind: 'api-key',
    examples: {match: ['api.telegram.org/bot1234567890:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0/sendMessage'], noMatch: ['at 12:AA']},
  },
  {
    id: 'square-token',
    description: 'Square access tokens and OAuth secrets',
    keywords: ['eaaa', 'sq0atp-', 'sq0csp-'],
    pattern: /\b(?:EAAA[A-Za-z0-9_-]{60}|sq0(?:atp|csp)-[A-Za-z0-9_-]{22,43})/g,
    kind: 'api-key',
    examples: {match: [`token EAAA${'l3K9mP2qR7sT4vW8'.repeat(4).slice(0, 60)}`, 'sq0atp-0A1b2C3d4E5f6G7h8I9j0K'], noMatch: ['EAAA short']},
  },
  {
    id: 'linear-api-key',
    description: 'Linear API keys and OAuth tokens',
    keywords: ['lin_api_', 'lin_oauth_'],
    pattern: /\blin_(?:api|oauth)_[A-Za-z0-9]{16,64}\b/g,
    kind: 'api-key',
    examples: {match: ['lin_api_0a1B2c3D4e5F6g7H8i9J0k1L2m3N4o5P6q7R8s9T'], noMatch: ['lin_api_ prefix']},
  },
  {
    id: 'postman-api-key',
    description: 'Postman API keys',
    keywords: ['pmak-'],
    pattern: /\bPMAK-[a-f0-9]{24}(?:-[a-f0-9]{1,34})?\b/gi,
    kind: 'api-key',
    examples: {match: ['PMAK-0a1b2c3d4e5f60718293a4b5-0a1b2c3d4e5f60718293a4b5c6d7e8f901'], noMatch: ['PMAK- keys']},
  },
  {
    id: 'grafana-token',
    description: 'Grafana service-account tokens, Grafana Cloud tokens and legacy API keys',
    keywords: ['glsa_', 'glc_', 'eyjrijoi'],
    pattern: /\b(?:glsa_[A-Za-z0-9]{16,32}(?:_[A-Fa-f0-9]{1,8})?|glc_[A-Za-z0-9+/]{24,}={0,2}|eyJrIjoi[A-Za-z0-9+/]{40,}={0,2})/g,
    kind: 'api-key',
    examples: {match: ['with glsa_Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv_0a1b2c3d'], noMatch: ['glsa_ tokens']},
  },
  {
    id: 'new-relic-key',
    description: 'New Relic user, admin, insights insert and browser keys',
    keywords: ['nrak-', 'nraa-', 'nrii-', 'nrjs-'],
    pattern: /\bNR(?:AK|AA|II|JS)-[A-Za-z0-9]{16,27}\b/g,
    kind: 'api-key',
    examples: {match: ['key NRAK-0A1B2C3D4E5F6G7H8I9J0K1L2M3'], noMatch: ['NRAK- keys']},
  },
  {
    id: 'age-secret-key',
    description: 'age encryption secret keys',
    keywords: ['age-secret-key-1'],
    pattern: /\bAGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{16,58}\b/g,
    kind: 'private-key',
    examples: {match: [`sops with AGE-SECRET-KEY-1${'QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L'.repeat(2).slice(0, 58)}`], noMatch: ['AGE-SECRET-KEY-1 prefix']},
  },
  {
    id: 'doppler-token',
    description: 'Doppler service, personal, CLI, service-account, SCIM and audit tokens',
    keywords: ['dp.st.', 'dp.pt.', 'dp.ct.', 'dp.sa.', 'dp.scim.', 'dp.audit.'],
    pattern: /\bdp\.(?:st|pt|ct|sa|scim|audit)\.[A-Za-z0-9._-]{20,}/g,
    kind: 'api-key',
    examples: {match: ['--token dp.st.prd.Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz3Ab4Cd5'], noMatch: ['dp.st. prefix']},
  },
  {
    id: 'databricks-token',
    description: 'Databricks personal access tokens',
    keywords: ['dapi'],
    pattern: /\bdapi[a-f0-9]{16,32}(?:-\d)?\b/g,
    kind: 'api-key',
    examples: {match: ['with dapi0a1b2c3d4e5f60718293a4b5c6d7e8f9'], noMatch: ['dapi prefix']},
  },
  {
    id: 'pulumi-token',
    description: 'Pulumi access tokens',
    keywords: ['pul-'],
    pattern: /\bpul-[a-f0-9]{16,40}\b/g,
    kind: 'api-key',
    examples: {match: ['pul-0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d'], noMatch: ['pul-request']},
  },
  {
    id: 'sentry-token',
    description: 'Sentry organisation and user auth tokens',
    keywords: ['sntrys_', 'sntryu_'],
    pattern: /\bsntr(?:ys|yu)_[A-Za-z0-9+/=_-]{20,}/g,
    kind: 'api-key',
    examples: {match: ['sntrys_eyJpYXQiOjE2ODQ4MTk5MDAuMTIzLCJ1cmwiOiJodHRwczovL3NlbnRyeS5pbyJ9'], noMatch: ['sntrys_ prefix']},
  },
  {
    id: 'firebase-server-key',
    description: 'Firebase Cloud Messaging legacy server keys',
    keywords: [':apa91b'],
    pattern: /(?:\bAAAA[A-Za-z0-9_-]{7})?:APA91b[A-Za-z0-9_-]{20,}/g,
    kind: 'api-key',
    examples: {match: [`key AAAAb1C2d3E:APA91b${'Xy7_kP2mQ9rT4vW8zA1b'.repeat(7)}`], noMatch: ['AAAA:APA91b']},
  },
  {
    id: 'alibaba-access-key',
    description: 'Alibaba Cloud AccessKey ids',
    keywords: ['ltai'],
    pattern: /\bLTAI[A-Za-z0-9]{16,20}\b/g,
    kind: 'aws-key',
    examples: {match: ['oss with LTAI5tAb1Cd2Ef3Gh4Ij5Kl6'], noMatch: ['LTAI prefix']},
  },
  {
    id: 'dynatrace-token',
    description: 'Dynatrace API tokens',
    keywords: ['dt0c01.'],
    pattern: /\bdt0c01\.[A-Z0-9]{24}(?:\.[A-Z0-9]{1,64})?\b/g,
    kind: 'api-key',
    examples: {match: [`dt0c01.ABCDEFGHIJKLMNOPQRSTUVWX.${'0A1B2C3D4E5F6G7H'.repeat(4)}`], noMatch: ['dt0c01. prefix']},
  },
  {
    id: 'jwt',
    description: 'JSON Web Tokens (three base64url parts, the first a JSON header)',
    keywords: ['eyj'],
    pattern: /\beyJ[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]{4,}\.[A-Za-z0-9_-]*/g,
    kind: 'jwt',
    examples: {match: ['session=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U'], noMatch: ['eyJ alone']},
  },
  {
    id: 'basic-auth',
    description: 'HTTP Basic credentials (base64 of user:password)',
    keywords: ['basic'],
    pattern: /(?<=\bbasic(?:\s+|%20))[A-Za-z0-9+/]{6,}={0,2}/gi,
    kind: 'password',
    accept: decodesToCredentials,
    examples: {match: ['Authorization: Basic YWxhZGRpbjpvcGVuc2VzYW1l'], noMatch: ['basic configuration loaded', 'Basic authentication failed']},
  },
  {
    id: 'bearer-token',
    description: 'Bearer tokens (Authorization headers, curl lines, prose)',
    keywords: ['bearer'],
    pattern: /(?<=\bbearer(?:\s+|%20))(?!\[REDACTED)[A-Za-z0-9._~+/=-]{8,}/gi,
    kind: 'bearer-token',
    accept: (token) => /\d/.test(token) || token.length >= 20,
    examples: {match: ['Authorization: Bearer abcDEF123456789xyz.qq', 'curl -H "authorization: bearer%20x9y8z7w6v5u4"'], noMatch: ['bearer authentication is required', 'Bearer token']},
  },
  {
    id: 'authorization-scheme',
    description: 'Other Authorization schemes (token, SSWS, ApiKey, Key, Digest…) and bare Authorization values',
    keywords: ['authorization'],
    pattern: /(?<=\bauthorization["']?\s*[:=]\s*["']?(?:(?:token|ssws|apikey|api-key|key|digest|hmac[\w-]*|aws4-hmac-sha256|negotiate|ntlm|splunk|dsn|otoken|sharedkey)\s+)?)(?!(?:basic|bearer)\b|\[REDACTED)[A-Za-z0-9._~+/=:-]{16,}/gi,
    kind: 'bearer-token',
    accept: looksKeyLike,
    examples: {match: ['Authorization: token 0123456789abcdef0123', 'Authorization: SSWS 00Ab1Cd2Ef3Gh4Ij5Kl6Mn7Op8Qr9St0Uv1Wx2Yz'], noMatch: ['Authorization: Bearer', 'authorization: missing-header-value']},
  },
  {
    id: 'cookie-header',
    description: 'Cookie and Set-Cookie header values (session identifiers), to the end of the header',
    keywords: ['cookie'],
    // A quote right after `=` opens a value (`sid="…"`, or `\"…\"` inside a JSON string) that is
    // part of the header; any other quote ends it. Stopping at the first quote instead left the
    // value behind, its name already masked away with the header.
    pattern: /(?<=\b(?:set-)?cookie["']?\s*:\s*["']?)(?!\[REDACTED)(?:[^\r\n"\\]|(?<==)"[^"\r\n]*"|(?<==)\\"(?:[^"\\\r\n]|\\[^"\r\n])*\\")+/gi,
    kind: 'cookie',
    examples: {
      match: [
        'Cookie: theme=dark; _session_id=Ab1Cd2Ef3Gh4Ij5; locale=de',
        'Set-Cookie: sid=Zx1Yw2Vu3; Path=/; HttpOnly',
        'Cookie: theme=dark; sid="Zx1Yw2Vu3Ts4Ab5Cd"',
        'msg="request headers Cookie: locale=de JWT_SIGNING_KEY=\\"U2eXZAcve1hTU1ZgxhWGRCCSXbUMN2b9\\""',
      ],
      noMatch: ['cookie consent banner shown'],
    },
  },
  {
    id: 'xml-secret-element',
    description: 'Secret-named XML elements (<password>…</password>, <apiKey>…</apiKey>)',
    keywords: ['</'],
    pattern: /(?<=<([\w:.-]*(?:password|passwd|secret|token|api_?key|access_?key|private_?key)[\w.-]*)>)[^<\n]+(?=<\/\1>)/gi,
    kind: 'password',
    examples: {match: ['<datasource><password>Tr0ub4dor&amp;3</password></datasource>'], noMatch: ['<user>app</user>']},
  },
  {
    id: 'sql-password-literal',
    description: 'Passwords in SQL (IDENTIFIED BY \'…\', WITH PASSWORD \'…\')',
    keywords: ['identified by', 'password'],
    pattern: /(?<=\b(?:identified\s+by(?:\s+password)?|with\s+(?:encrypted\s+)?password|password)\s+')[^'\n]+(?=')/gi,
    kind: 'password',
    examples: {match: ["CREATE USER app IDENTIFIED BY 'Zx1-Yw2-Vu3'", "ALTER ROLE app WITH PASSWORD 'hunter2hunter2'"], noMatch: ["SELECT 'password' AS label"]},
  },
]

/** Personal data: run after the secret rules so an address inside a secret is taken with it. */
export const PERSONAL_DATA_RULES: readonly SecretRule[] = [
  {
    id: 'email',
    description: 'Email addresses',
    keywords: ['@'],
    pattern: /\b[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}\b/g,
    kind: 'email',
    examples: {match: ['order placed by jane.doe+shop@example.co.uk today'], noMatch: ['@channel please look', 'user@localhost']},
  },
  {
    id: 'card-number',
    description: 'Payment card numbers (13–19 digits, spaces or dashes allowed, Luhn-valid)',
    keywords: [],
    pattern: /\b[2-6]\d{3}(?:[ -]?\d){9,15}\b/g,
    kind: 'card',
    accept: (match) => isLuhnValid(match.replace(/[ -]/g, '')),
    examples: {match: ['charged card 4111 1111 1111 1111 ok', 'card=5500-0000-0000-0004', 'pan 378282246310005 amex'], noMatch: ['trace 4111111111111112 done']},
  },
]
