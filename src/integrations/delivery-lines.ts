import type {IntegrationResult} from './integration-types.js'

export interface DeliveryLine {
  /** `alarm`: a P0 page not delivered (shown in red, first); `warn`: a message held back; `info`: a notice. */
  level: 'alarm' | 'warn' | 'info'
  text: string
}

/** The delivery fields of an IntegrationResult (or of the pipeline's NotifyReport, which copies them). */
interface DeliveryState {
  failed: ReadonlyArray<{channel: string; error: string}>
  deferred: ReadonlyArray<{id: string; channel: string; until: string; reason: string | null}>
  blocked: ReadonlyArray<{id: string; channel: string; error: string}>
  unconfirmed: ReadonlyArray<{id: string; channel: string; note: string}>
  notices: readonly string[]
  pageUndelivered: IntegrationResult['pageUndelivered']
}

/**
 * What the user must know about a delivery, as lines for any summary (terminal, sync, resolve,
 * the triage document): the final state of each message held back, not every failed attempt.
 */
export function deliveryLines(state: DeliveryState): DeliveryLine[] {
  const lines: DeliveryLine[] = []
  const page = state.pageUndelivered
  if (page) {
    const when = page.nextAttemptAt ? ` Next attempt after ${page.nextAttemptAt}.` : ''
    lines.push({level: 'alarm', text: `P0 PAGE NOT DELIVERED — nobody has been paged by this tool: ${page.reason}.${when} Retry: ${page.retry}`})
  }
  for (const item of state.deferred) {
    if (page && item.id === 'pagerduty-event:trigger') continue
    lines.push({level: 'warn', text: `${item.channel} (${item.id}) waits until ${item.until}${item.reason ? ` after "${item.reason}"` : ''}: incident-response sync --wait sends it`})
  }
  for (const item of state.blocked) {
    if (page && item.id === 'pagerduty-event:trigger') continue
    lines.push({level: 'warn', text: `${item.channel} (${item.id}) refused: ${item.error}. Not resent until that setting changes (or: incident-response sync --resend ${item.id})`})
  }
  for (const item of state.unconfirmed) lines.push({level: 'warn', text: `${item.channel} (${item.id}) ${item.note}`})
  for (const failure of state.failed) if (failure.channel === 'outbox') lines.push({level: 'warn', text: `outbox: ${failure.error}`})
  for (const notice of state.notices) lines.push({level: 'info', text: notice})
  return lines
}

/** A line for stderr without colour: `!!` for a page not delivered, `!` for a message held back. */
export function plainDeliveryLine(line: DeliveryLine): string {
  return line.level === 'info' ? line.text : `${line.level === 'alarm' ? '!!' : '!'} ${line.text}`
}
