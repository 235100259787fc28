import type {LogDigest} from './log-digest.js'

/**
 * What a cap of the log analysis left out, in one sentence each: memory is bounded by caps, not
 * by the input, so a log past a cap is analysed in part, and the reader must be told which part.
 */
export type CapHit = NonNullable<LogDigest['capped']>[number]

const fmt = (n: number) => n.toLocaleString('en-US')

export function capSentences(capped: readonly CapHit[] | undefined): string[] {
  return (capped ?? []).map((hit) => {
    switch (hit.what) {
      case 'templates':
        return `Logs: more distinct messages than the ${fmt(hit.kept)} templates kept; ${fmt(hit.uncounted ?? 0)} event(s) were counted under one "other messages" template.`
      case 'endpoints':
        return `Logs: more endpoints than the ${fmt(hit.kept)} kept; ${fmt(hit.uncounted ?? 0)} request line(s) of the others count in the totals but not per endpoint.`
      case 'exceptions':
        return `Logs: more exception groups than the ${fmt(hit.kept)} kept; ${fmt(hit.uncounted ?? 0)} exception(s) of the others count in the totals only.`
      case 'clients':
        return `Logs: more distinct clients than the ${fmt(hit.kept)} counted per kind (users, addresses); distinct counts are lower bounds.`
      case 'request-ids':
        return `Logs: more failed requests with an id than the ${fmt(hit.kept)} ids kept; failed requests are counted from one source, not matched by request id.`
    }
  })
}
