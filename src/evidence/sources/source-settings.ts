import {z} from 'zod'

import {SymptomSchema} from '../../incident/vocabulary.js'

export const SOURCE_NAMES = ['prometheus', 'loki', 'elasticsearch', 'kubernetes'] as const
export type SourceName = (typeof SOURCE_NAMES)[number]

/**
 * A PromQL query the user added (`--promql 'name=EXPR'`, or `sources.prometheus.queries` in the
 * config file, which may limit it to some symptoms); its series are named after it.
 */
export const UserPromqlSchema = z
  .object({
    name: z.string().regex(/^[a-zA-Z_:][a-zA-Z0-9_:]*$/, 'a metric-style name: letters, digits, _ and :'),
    expr: z.string().trim().min(1, 'an expression'),
    symptoms: z.array(SymptomSchema).optional(),
  })
  .strict()
export type UserPromql = z.infer<typeof UserPromqlSchema>

/**
 * The live sources of an incident as `incident.json` records them: where, never with what
 * credentials (URLs are kept without user, password or query string). Every field is optional
 * so incident folders written before live sources existed still read.
 */
export const LiveSourcesSchema = z.object({
  prometheus: z.object({url: z.string(), queries: z.array(UserPromqlSchema).default([])}).nullable().default(null),
  loki: z.object({url: z.string(), selector: z.string(), tenant: z.string().nullable().default(null)}).nullable().default(null),
  elasticsearch: z.object({url: z.string(), index: z.string()}).nullable().default(null),
  kubernetes: z
    .object({context: z.string().nullable().default(null), namespace: z.string().nullable().default(null), labelSelector: z.string().nullable().default(null)})
    .nullable()
    .default(null),
})
export type LiveSources = z.infer<typeof LiveSourcesSchema>

export const NO_LIVE_SOURCES: LiveSources = {prometheus: null, loki: null, elasticsearch: null, kubernetes: null}

export function hasLiveSources(sources: LiveSources | null | undefined): boolean {
  return Boolean(sources && (sources.prometheus || sources.loki || sources.elasticsearch || sources.kubernetes))
}

/** What each source is called in limitations and the progress line. */
export const SOURCE_LABELS: Readonly<Record<SourceName, string>> = {
  prometheus: 'Prometheus',
  loki: 'Loki',
  elasticsearch: 'Elasticsearch',
  kubernetes: 'Kubernetes API',
}
