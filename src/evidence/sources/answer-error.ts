const MAX_LENGTH = 240

/**
 * One line saying why a live source refused a request, from the error body each documents:
 * Prometheus `{"status":"error","errorType","error"}`, Loki's plain-text message,
 * Elasticsearch/OpenSearch `{"error":{"type","reason","root_cause"},"status"}` and the Kubernetes
 * `Status` object `{"kind":"Status","reason","message"}`. Null for an empty body.
 */
export function describeAnswerError(text: string): string | null {
  const trimmed = text.trim()
  if (trimmed === '') return null
  let json: unknown
  try {
    json = JSON.parse(trimmed)
  } catch {
    return clip(trimmed.split('\n')[0])
  }
  if (typeof json !== 'object' || json === null) return clip(trimmed.split('\n')[0])
  const body = json as Record<string, unknown>
  if (typeof body.error === 'string') return clip(typeof body.errorType === 'string' ? `${body.errorType}: ${body.error}` : body.error)
  if (typeof body.error === 'object' && body.error !== null) {
    const error = body.error as {type?: unknown; reason?: unknown; root_cause?: unknown}
    const root = Array.isArray(error.root_cause) ? (error.root_cause[0] as {type?: unknown; reason?: unknown} | undefined) : undefined
    // The root cause names the real problem (a bad field) where the top level says only "search failed".
    const cause = root && typeof root.reason === 'string' ? root : error
    if (typeof cause.reason === 'string') return clip(typeof cause.type === 'string' ? `${cause.type}: ${cause.reason}` : cause.reason)
  }
  if (body.kind === 'Status' && typeof body.message === 'string') return clip(typeof body.reason === 'string' ? `${body.reason}: ${body.message}` : body.message)
  if (typeof body.message === 'string') return clip(body.message)
  return clip(trimmed.split('\n')[0])
}

function clip(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > MAX_LENGTH ? `${line.slice(0, MAX_LENGTH - 1)}…` : line
}
