import type {Random} from './random-values.js'

/**
 * One event of a benchmark corpus: its text (several lines for a stack trace) and the id of its
 * true template, which the bench compares the analysis's grouping against.
 */
export interface CorpusEvent {
  text: string
  /** null: an event of its own (every message distinct). */
  truth: string | null
}

/** Draws the event at time `ts` (epoch ms). */
export type EventSource = (random: Random, ts: number) => CorpusEvent
