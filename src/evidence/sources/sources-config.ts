import {z} from 'zod'

import {SourceBudgetLimitsSchema} from './source-budget.js'

const Url = z.url({protocol: /^https?$/})
const Secret = z.string().min(1)

/**
 * The `sources` key of the config file: where each live source is, how to reach it and the budget
 * they share. Flags win over it for where; the environment wins over it for credentials (see the
 * README), which are never saved in the incident folder.
 */
export const SourcesConfigSchema = z
  .object({
    /** How far before the declared time to ask the sources about (default 3h); they are asked up to 1h after it. */
    window: z.string().optional(),
    budget: SourceBudgetLimitsSchema.partial().optional(),
    prometheus: z
      .object({
        url: Url.optional(),
        bearerToken: Secret.optional(),
        username: z.string().optional(),
        password: Secret.optional(),
        /** More entries for the query catalogue; each is checked on its own and named when wrong. */
        queries: z.array(z.unknown()).optional(),
      })
      .strict()
      .optional(),
    loki: z
      .object({
        url: Url.optional(),
        /** A LogQL stream selector, e.g. {namespace="shop", app="checkout"}. */
        selector: z.string().optional(),
        /** Sent as X-Scope-OrgID to a multi-tenant Loki. */
        tenant: z.string().optional(),
        bearerToken: Secret.optional(),
        username: z.string().optional(),
        password: Secret.optional(),
      })
      .strict()
      .optional(),
    elasticsearch: z
      .object({
        url: Url.optional(),
        /** Index pattern or alias, e.g. logs-* or filebeat-*. */
        index: z.string().optional(),
        apiKey: Secret.optional(),
        username: z.string().optional(),
        password: Secret.optional(),
        /** Field names, when discovery by the field-capabilities API should not decide. */
        timeField: z.string().optional(),
        levelField: z.string().optional(),
        messageField: z.string().optional(),
      })
      .strict()
      .optional(),
    kubernetes: z
      .object({
        context: z.string().optional(),
        namespace: z.string().optional(),
        labelSelector: z.string().optional(),
        /** A kubeconfig file other than $KUBECONFIG or ~/.kube/config. */
        kubeconfig: z.string().optional(),
      })
      .strict()
      .optional(),
  })
  .strict()
export type SourcesConfig = z.infer<typeof SourcesConfigSchema>
