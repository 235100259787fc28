import {z} from 'zod'

import {AlertSummarySchema} from '../evidence/alerts/read-alert.js'
import {LiveSourcesSchema} from '../evidence/sources/source-settings.js'
import {UsageSchema} from './finding.js'
import {IncidentArcSchema} from './incident-arc.js'
import {SeveritySchema} from './severity.js'
import {SpecialistIdSchema, SymptomSchema} from './vocabulary.js'

export const PHASES = ['triage', 'investigation', 'rca', 'postmortem'] as const
export const PhaseSchema = z.enum(PHASES)
export type Phase = z.infer<typeof PhaseSchema>

export const PhaseStateSchema = z.object({
  status: z.enum(['done', 'skipped']),
  at: z.string().datetime({offset: true}),
  files: z.array(z.string()).default([]),
  note: z.string().optional(),
})
export type PhaseState = z.infer<typeof PhaseStateSchema>

const Iso = z.string().datetime({offset: true})

export const INCIDENT_SCHEMA_VERSION = 1

/** `incident.json`: the state of one incident. Read back on every resume, so validated. */
export const IncidentSchema = z.object({
  schemaVersion: z.literal(INCIDENT_SCHEMA_VERSION),
  id: z.string(),
  title: z.string(),
  severity: SeveritySchema,
  symptoms: z.array(SymptomSchema).min(1),
  service: z.string().nullable(),
  status: z.enum(['investigating', 'mitigated', 'resolved']),
  createdAt: Iso,
  phases: z.object({
    triage: PhaseStateSchema.optional(),
    investigation: PhaseStateSchema.optional(),
    rca: PhaseStateSchema.optional(),
    postmortem: PhaseStateSchema.optional(),
  }),
  timestamps: z.object({
    startedAt: Iso.nullable(),
    detectedAt: Iso.nullable(),
    acknowledgedAt: Iso.nullable(),
    mitigatedAt: Iso.nullable(),
    resolvedAt: Iso.nullable(),
  }),
  /** Where the evidence came from; never credentials (a database URL is recorded as set, not its value). */
  inputs: z.object({
    logs: z.array(z.string()).default([]),
    repo: z.string().nullable().default(null),
    metrics: z.array(z.string()).default([]),
    deploys: z.string().nullable().default(null),
    health: z.array(z.string()).default([]),
    databaseUrlSet: z.boolean().default(false),
    startedAtFlag: Iso.nullable().default(null),
    /** Kubernetes inputs (--k8s): kubectl get -o json|yaml, describe text, get events|pods tables. */
    k8s: z.array(z.string()).optional(),
    /** The alert that opened the incident (--alert), as read (redacted): kept here so a resumed run has it even when it came from stdin. */
    alert: AlertSummarySchema.nullable().optional(),
    /** Where startedAtFlag came from: --started-at (or the config), or the alert's start when no flag gave one. */
    startedAtSource: z.enum(['flag', 'alert']).optional(),
    /** The UTC offset --started-at was written with (`+02:00` → 120), null when it had none or was Z: zone-less log stamps are read in it. */
    startedAtOffsetMinutes: z.number().int().nullable().optional(),
    lookback: z.string().default('48h'),
    /** Client IP addresses masked too, in everything quoted in a document or sent to an LLM. */
    redactIps: z.boolean().default(false),
    /** Live sources (Prometheus, Loki, Elasticsearch, the Kubernetes API): where, never with what credentials. */
    sources: LiveSourcesSchema.optional(),
  }),
  provider: z.enum(['offline', 'anthropic']),
  specialists: z.array(SpecialistIdSchema).default([]),
  usage: z
    .object({perSpecialist: z.record(z.string(), UsageSchema), total: UsageSchema})
    .nullable()
    .default(null),
  /** The PagerDuty incident this one was imported from (`--pagerduty-incident`). */
  pagerDutyIncidentId: z.string().nullable().default(null),
  mitigation: z.string().nullable().default(null),
  resolution: z.string().nullable().default(null),
  /** The course of the incident as the evidence shows it (absent in folders written before it existed). */
  arc: IncidentArcSchema.nullable().optional(),
})
export type Incident = z.infer<typeof IncidentSchema>
