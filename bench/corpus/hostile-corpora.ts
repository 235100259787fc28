import type {EventSource} from './corpus-event.js'
import {letters, pick, type Random, WORDS} from './random-values.js'

/**
 * Inputs no log should be but some are: every message distinct (words, no digits to mask), one
 * line of the whole file's size, random bytes. The first is an event source; the other two are
 * written as raw bytes (write-corpus.ts).
 */
const VERBS = ['accepted', 'rejected', 'queued', 'merged', 'skipped', 'retried', 'dropped', 'moved']

function word(random: Random): string {
  return random() < 0.5 ? pick(random, WORDS) : letters(random, 3 + Math.floor(random() * 8))
}

/** Each message its own: three to eight words, most of them drawn from 26^3..26^10 letter strings. */
export const distinctSource: EventSource = (random, ts) => {
  const n = 3 + Math.floor(random() * 6)
  const words = [pick(random, VERBS)]
  for (let i = 0; i < n; i++) words.push(word(random))
  return {text: `${new Date(ts).toISOString()} INFO ${words.join(' ')}`, truth: null}
}
