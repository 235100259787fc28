import {z} from 'zod'

export const SeveritySchema = z.enum(['P0', 'P1', 'P2'])
export type Severity = z.infer<typeof SeveritySchema>

export interface SeverityLevel {
  id: Severity
  meaning: string
  scope: string
  responseTarget: string
  /** How often stakeholders hear from us while the incident is open ("30 minutes"). */
  updateCadence: string
  escalation: string
  /** Channels the escalation plan names, in the order they are used. */
  channels: ReadonlyArray<'pagerduty' | 'slack' | 'email'>
}

/**
 * The severity model: the one place its meaning, response time, update cadence and escalation
 * live. Listed most severe first.
 */
export const SEVERITY_LEVELS: Readonly<Record<Severity, SeverityLevel>> = {
  P0: {
    id: 'P0',
    meaning: 'Critical: service down, all users affected, data loss or security breach',
    scope: 'all users',
    responseTarget: '< 5 minutes',
    updateCadence: '30 minutes',
    escalation: 'Page the on-call engineer now (PagerDuty) and open an incident channel (Slack)',
    channels: ['pagerduty', 'slack'],
  },
  P1: {
    id: 'P1',
    meaning: 'High: major functionality broken for a significant subset of users, revenue impact',
    scope: 'significant subset of users',
    responseTarget: '< 1 hour',
    updateCadence: '1 hour',
    escalation: 'Alert the owning team in Slack; page if not acknowledged within the hour',
    channels: ['slack'],
  },
  P2: {
    id: 'P2',
    meaning: 'Medium: minor functionality affected, limited impact, a workaround exists',
    scope: 'limited',
    responseTarget: '< 4 hours',
    updateCadence: '4 hours',
    escalation: 'Notify the owning team by Slack or email during working hours',
    channels: ['slack', 'email'],
  },
}

export function parseSeverity(input: string): Severity | undefined {
  const parsed = SeveritySchema.safeParse(input.trim().toUpperCase())
  return parsed.success ? parsed.data : undefined
}
