import {z} from 'zod'

/**
 * Integration settings from the environment and the config file's `integrations` object
 * (env wins). A bad or half-made setting turns that one integration off and is reported as a
 * one-line problem naming the setting; it never throws, because the incident must still complete.
 *
 * File form (YAML shown):
 *   integrations:
 *     pagerduty: {routingKey, apiToken, from, eventsUrl, apiUrl}
 *     slack: {webhookUrl, botToken, channel, apiUrl}
 *     jira: {baseUrl, email, apiToken, project}
 */

const SETTINGS = {
  PAGERDUTY_ROUTING_KEY: ['pagerduty', 'routingKey'],
  PAGERDUTY_API_TOKEN: ['pagerduty', 'apiToken'],
  PAGERDUTY_FROM: ['pagerduty', 'from'],
  PAGERDUTY_EVENTS_URL: ['pagerduty', 'eventsUrl'],
  PAGERDUTY_API_URL: ['pagerduty', 'apiUrl'],
  SLACK_WEBHOOK_URL: ['slack', 'webhookUrl'],
  SLACK_BOT_TOKEN: ['slack', 'botToken'],
  SLACK_CHANNEL: ['slack', 'channel'],
  SLACK_API_URL: ['slack', 'apiUrl'],
  JIRA_BASE_URL: ['jira', 'baseUrl'],
  JIRA_EMAIL: ['jira', 'email'],
  JIRA_API_TOKEN: ['jira', 'apiToken'],
  JIRA_PROJECT: ['jira', 'project'],
} as const
type SettingName = keyof typeof SETTINGS

const DEFAULT_URLS = {
  pagerdutyEvents: 'https://events.pagerduty.com',
  pagerdutyApi: 'https://api.pagerduty.com',
  slackApi: 'https://slack.com/api',
}

const FileIntegrationsSchema = z
  .object({
    pagerduty: z.record(z.string(), z.string()).optional(),
    slack: z.record(z.string(), z.string()).optional(),
    jira: z.record(z.string(), z.string()).optional(),
  })
  .strict()

const SlackConfigSchema = z.discriminatedUnion('mode', [
  z.object({mode: z.literal('webhook'), webhookUrl: z.string()}),
  z.object({mode: z.literal('bot'), botToken: z.string().min(1), channel: z.string().min(1), apiUrl: z.string()}),
])
export type SlackConfig = z.infer<typeof SlackConfigSchema>

const IntegrationConfigSchema = z.object({
  pagerdutyEvents: z.object({routingKey: z.string().min(1), eventsUrl: z.string()}).nullable(),
  pagerdutyApi: z.object({apiToken: z.string().min(1), from: z.string().nullable(), apiUrl: z.string()}).nullable(),
  slack: SlackConfigSchema.nullable(),
  jira: z.object({baseUrl: z.string(), email: z.string().min(1), apiToken: z.string().min(1), project: z.string().min(1)}).nullable(),
  /** One line per bad or missing setting, naming it; each turned its integration off. */
  problems: z.array(z.string()),
})
export type IntegrationConfig = z.infer<typeof IntegrationConfigSchema>
export type PagerDutyEventsConfig = NonNullable<IntegrationConfig['pagerdutyEvents']>
export type PagerDutyApiConfig = NonNullable<IntegrationConfig['pagerdutyApi']>
export type JiraConfig = NonNullable<IntegrationConfig['jira']>

export function loadIntegrationConfig(env: NodeJS.ProcessEnv, fileConfig?: unknown): IntegrationConfig {
  const problems: string[] = []
  const fromFile = readFileIntegrations(fileConfig, problems)
  const get = (name: SettingName): string | null => {
    const value = env[name]?.trim() || fromFile[name]?.trim()
    return value ? value : null
  }
  const url = (name: SettingName, fallback: string | null, what: string): string | null => {
    const value = get(name) ?? fallback
    if (value === null) return null
    if (isUsableUrl(value)) return value.replace(/\/+$/, '')
    problems.push(`${name} is not a valid https URL; ${what} is off.`)
    return null
  }

  let pagerdutyEvents: IntegrationConfig['pagerdutyEvents'] = null
  const routingKey = get('PAGERDUTY_ROUTING_KEY')
  if (routingKey !== null) {
    const eventsUrl = url('PAGERDUTY_EVENTS_URL', DEFAULT_URLS.pagerdutyEvents, 'PagerDuty paging')
    if (eventsUrl !== null) pagerdutyEvents = {routingKey, eventsUrl}
  }

  let pagerdutyApi: IntegrationConfig['pagerdutyApi'] = null
  const apiToken = get('PAGERDUTY_API_TOKEN')
  const from = get('PAGERDUTY_FROM')
  if (apiToken !== null) {
    const apiUrl = url('PAGERDUTY_API_URL', DEFAULT_URLS.pagerdutyApi, 'the PagerDuty REST API')
    if (from !== null && !from.includes('@')) problems.push('PAGERDUTY_FROM must be the email of a PagerDuty user; notes cannot be posted.')
    if (apiUrl !== null) pagerdutyApi = {apiToken, from: from?.includes('@') ? from : null, apiUrl}
  } else if (from !== null) {
    problems.push('PAGERDUTY_API_TOKEN is missing (PAGERDUTY_FROM is set); the PagerDuty REST API is off.')
  }

  return {pagerdutyEvents, pagerdutyApi, slack: readSlack(get, url, problems), jira: readJira(get, url, problems), problems}
}

function readSlack(
  get: (name: SettingName) => string | null,
  url: (name: SettingName, fallback: string | null, what: string) => string | null,
  problems: string[],
): SlackConfig | null {
  const botToken = get('SLACK_BOT_TOKEN')
  const channel = get('SLACK_CHANNEL')
  // The bot is preferred when both are set: only it can thread updates under the first message.
  if (botToken !== null && channel !== null) {
    const apiUrl = url('SLACK_API_URL', DEFAULT_URLS.slackApi, 'Slack')
    return apiUrl === null ? null : {mode: 'bot', botToken, channel, apiUrl}
  }
  if (botToken !== null) problems.push('SLACK_CHANNEL is missing (SLACK_BOT_TOKEN is set); the Slack bot is off.')
  if (channel !== null && get('SLACK_WEBHOOK_URL') === null) problems.push('SLACK_BOT_TOKEN is missing (SLACK_CHANNEL is set); Slack is off.')
  const webhookUrl = url('SLACK_WEBHOOK_URL', null, 'the Slack webhook')
  return webhookUrl === null ? null : {mode: 'webhook', webhookUrl}
}

function readJira(
  get: (name: SettingName) => string | null,
  url: (name: SettingName, fallback: string | null, what: string) => string | null,
  problems: string[],
): IntegrationConfig['jira'] {
  const names = ['JIRA_BASE_URL', 'JIRA_EMAIL', 'JIRA_API_TOKEN', 'JIRA_PROJECT'] as const
  const set = names.filter((name) => get(name) !== null)
  if (set.length === 0) return null
  const missing = names.filter((name) => get(name) === null)
  if (missing.length > 0) {
    problems.push(`${missing.join(', ')} ${missing.length === 1 ? 'is' : 'are'} missing (${set.join(', ')} set); Jira is off.`)
    return null
  }
  const project = get('JIRA_PROJECT')!
  if (!/^[A-Z][A-Z0-9_]+$/.test(project)) {
    problems.push('JIRA_PROJECT must be a project key such as OPS; Jira is off.')
    return null
  }
  const baseUrl = url('JIRA_BASE_URL', null, 'Jira')
  return baseUrl === null ? null : {baseUrl, email: get('JIRA_EMAIL')!, apiToken: get('JIRA_API_TOKEN')!, project}
}

/** https anywhere; plain http only to this machine (local test servers, tunnels). */
function isUsableUrl(value: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(value)
  } catch {
    return false
  }
  if (parsed.username || parsed.password) return false
  if (parsed.protocol === 'https:') return true
  return parsed.protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
}

function readFileIntegrations(fileConfig: unknown, problems: string[]): Partial<Record<SettingName, string>> {
  const raw = (fileConfig as {integrations?: unknown} | undefined)?.integrations
  if (raw === undefined || raw === null) return {}
  const parsed = FileIntegrationsSchema.safeParse(raw)
  if (!parsed.success) {
    const issue = parsed.error.issues[0]
    problems.push(`integrations.${issue.path.join('.')} in the config file: ${issue.message}; file integration settings ignored.`)
    return {}
  }
  const values: Partial<Record<SettingName, string>> = {}
  const known = new Set<string>()
  for (const [name, [group, key]] of Object.entries(SETTINGS) as Array<[SettingName, readonly [keyof typeof parsed.data, string]]>) {
    known.add(`${group}.${key}`)
    const value = parsed.data[group]?.[key]
    if (value !== undefined) values[name] = value
  }
  for (const [group, entries] of Object.entries(parsed.data)) {
    for (const key of Object.keys(entries ?? {})) {
      if (!known.has(`${group}.${key}`)) problems.push(`integrations.${group}.${key} in the config file is not a setting; it is ignored.`)
    }
  }
  return values
}

/** Every secret value in the config, to mask wherever text leaves the integrations layer. */
export function secretsOf(config: IntegrationConfig): string[] {
  const secrets: string[] = []
  if (config.pagerdutyEvents) secrets.push(config.pagerdutyEvents.routingKey)
  if (config.pagerdutyApi) secrets.push(config.pagerdutyApi.apiToken)
  if (config.slack?.mode === 'bot') secrets.push(config.slack.botToken)
  // The path is the secret part of a webhook URL; masking it keeps the host readable in dry-run output.
  if (config.slack?.mode === 'webhook') secrets.push(new URL(config.slack.webhookUrl).pathname)
  if (config.jira) secrets.push(config.jira.apiToken, jiraBasicCredentials(config.jira))
  return secrets
}

export function jiraBasicCredentials(jira: JiraConfig): string {
  return Buffer.from(`${jira.email}:${jira.apiToken}`).toString('base64')
}
