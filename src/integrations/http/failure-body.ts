const MAX_CODE_LENGTH = 160

/**
 * A short, single-line description of an error body, for the error message: Slack's plain-text
 * codes (`channel_not_found`), `{"error": …}`, Jira's `errorMessages`/`errors` per field,
 * PagerDuty's `{"error":{"message", "errors"}}`. Null for an empty body.
 */
export function describeFailureBody(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch {
    return clip(trimmed.split('\n')[0])
  }
  if (typeof json !== 'object' || json === null) return clip(trimmed.split('\n')[0])
  return describeJson(json)
}

/** A failure as one line: "<status> <code> — check <setting>", leaving out a null status or code and an empty setting. */
export function failureMessage(status: number | null, code: string | null, setting: string | null): string {
  const head = [status, code].filter((part) => part !== null).join(' ')
  return setting ? `${head} — check ${setting}` : head
}

function describeJson(json: object): string | null {
  const body = json as Record<string, unknown>
  if (typeof body.error === 'string') return clip(body.error)
  if (typeof body.error === 'object' && body.error !== null) {
    const nested = body.error as {message?: unknown; errors?: unknown}
    const details = Array.isArray(nested.errors) ? nested.errors.filter((e) => typeof e === 'string') : []
    if (typeof nested.message === 'string') return clip([nested.message, ...details].join(': '))
  }
  const parts: string[] = []
  if (Array.isArray(body.errorMessages)) parts.push(...body.errorMessages.filter((m): m is string => typeof m === 'string'))
  // PagerDuty Events: {"status":"invalid event","message":"Event object is invalid","errors":["Invalid routing key"]}
  if (Array.isArray(body.errors)) parts.push(...body.errors.filter((e): e is string => typeof e === 'string'))
  if (typeof body.errors === 'object' && body.errors !== null && !Array.isArray(body.errors)) {
    for (const [field, message] of Object.entries(body.errors)) parts.push(`${field}: ${String(message)}`)
  }
  if (parts.length > 0) return clip(parts.join('; '))
  if (typeof body.message === 'string') return clip(body.message)
  if (typeof body.status === 'string') return clip(body.status)
  return null
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ')
  return oneLine.length > MAX_CODE_LENGTH ? oneLine.slice(0, MAX_CODE_LENGTH - 1) + '…' : oneLine
}
