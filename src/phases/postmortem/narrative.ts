import type {EvidenceFacts} from '../../evidence/evidence-facts.js'
import type {Usage} from '../../incident/finding.js'
import type {Incident} from '../../incident/incident.js'
import type {Rca} from '../../incident/rca.js'
import {formatTime} from '../../render/format.js'
import type {Story} from '../../render/sentences/story.js'
import {causeSentence, ending, opening, recordedStatus} from '../../render/sentences/summary.js'

export interface Narrative {
  executiveSummary: string
  wentWell: string[]
  wentWrong: string[]
  gotLucky: string[]
  lessons: string[]
  /** Who wrote the prose: our templates, or Claude (numbers still come from the RCA model). */
  author: 'offline' | 'claude'
}

/** A drafted narrative (Claude's); a null field keeps the offline text. */
export interface NarrativeDraft {
  executiveSummary: string | null
  wentWell: string[] | null
  wentWrong: string[] | null
  lessons: string[] | null
  /** What drafting it cost, to add to the incident's usage totals; absent or null when nothing was spent. */
  usage?: Usage | null
}

export type Narrator = (input: {incident: Incident; rca: Rca}) => Promise<NarrativeDraft>

/**
 * The postmortem's prose from the story (pure), so every number in it is one the evidence or the
 * RCA holds. Claude may redraft it (issue C); this is the offline version and the fallback. The
 * lessons never repeat the contributing factors, which the document lists on their own.
 */
export function offlineNarrative(rca: Rca, facts: EvidenceFacts, story: Story): Narrative {
  const executiveSummary = [opening.render(story), causeSentence.render(story), ending.render(story), recordedStatus.render(story)].join(' ')
  const onset = story.onset

  const wentWell: string[] = []
  if (facts.onset) wentWell.push(`The onset was located in the evidence to the minute (${formatTime(facts.onset)}).`)
  if (rca.rootCause.change) wentWell.push('The causal change was identified from the repository history and linked to the first errors.')
  if (story.mitigation && story.recovery) {
    const minutes = Math.max(0, Math.round((Date.parse(story.recovery.at) - Date.parse(story.mitigation.at)) / 60_000))
    wentWell.push(`Once ${story.mitigation.label} went out, the service was back at its baseline ${minutes === 0 ? 'within the minute' : `within ${minutes} min`}.`)
  }
  if (wentWell.length === 0) wentWell.push('The incident was declared and its evidence collected in one place.')

  const wentWrong: string[] = []
  const stopped = story.mitigation?.at ?? story.recovery?.at ?? null
  for (const attempt of story.attempts) {
    const after = stopped ? `; they went on until ${new Date(stopped).toISOString().slice(11, 16)} UTC` : ''
    wentWrong.push(`A change after the onset (${attempt.label} at ${new Date(attempt.at).toISOString().slice(11, 16)} UTC) did not stop the failures${after}.`)
  }
  if (rca.limitations.length > 0) wentWrong.push(`Some evidence could not be examined (${rca.limitations.length === 1 ? 'one limitation, listed' : `${rca.limitations.length} limitations, listed`} under Supporting information).`)
  if (onset && !story.declared) wentWrong.push('No declaration time was recorded with the incident, so how long detection took cannot be measured.')

  const gotLucky: string[] = []
  const affected = story.endpoints.filter((endpoint) => endpoint.affected)
  const spared = story.endpoints.filter((endpoint) => !endpoint.affected)
  if (affected.length > 0 && spared.length > 0) {
    gotLucky.push(`The failure stayed confined to ${affected.map((endpoint) => `\`${endpoint.name}\``).join(' and ')}; ${spared.map((endpoint) => `\`${endpoint.name}\``).join(' and ')} kept serving at ${spared.length === 1 ? 'its' : 'their'} usual failure rate.`)
  }
  return {executiveSummary, wentWell, wentWrong, gotLucky, lessons: [], author: 'offline'}
}

/**
 * Take the drafted fields that pass the blameless linter; the rest stay as the offline text.
 * Numbers were already checked against the RCA by the drafter.
 */
export function mergeNarrative(base: Narrative, draft: NarrativeDraft, isBlameless: (text: string) => boolean): Narrative {
  const ok = (text: string | null): text is string => text !== null && isBlameless(text)
  const okList = (items: string[] | null): items is string[] => items !== null && items.length > 0 && items.every((item) => isBlameless(item))
  const merged: Narrative = {
    ...base,
    executiveSummary: ok(draft.executiveSummary) ? draft.executiveSummary : base.executiveSummary,
    wentWell: okList(draft.wentWell) ? draft.wentWell : base.wentWell,
    wentWrong: okList(draft.wentWrong) ? draft.wentWrong : base.wentWrong,
    lessons: okList(draft.lessons) ? draft.lessons : base.lessons,
  }
  const changed = merged.executiveSummary !== base.executiveSummary || merged.wentWell !== base.wentWell || merged.wentWrong !== base.wentWrong || merged.lessons !== base.lessons
  return {...merged, author: changed ? 'claude' : 'offline'}
}
