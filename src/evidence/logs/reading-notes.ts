import type {FileReading, LogFileSummary, TimeSource} from './log-digest.js'

/**
 * What could not be fully used, per input file, in one plain sentence each: a file with no times
 * (its lines kept in order, times approximate or missing), a file with many lines timed only by
 * their neighbours, stamps whose year or zone was assumed, a file where nothing was recognised as
 * an error or warning, lines skipped or re-timed. `warnings` are the ones a responder must see
 * (terminal summary, RCA); `limitations` hold every sentence.
 */
export interface ReadingNotes {
  warnings: string[]
  limitations: string[]
}

/** Above this share of events timed only by their neighbours, the file's times are called approximate. */
const APPROXIMATE_SHARE = 0.2
/** A file counts as unclassified when at least this share of its events carry no level at all. */
const UNCLASSIFIED_SHARE = 0.5

const fmt = (n: number) => n.toLocaleString('en-US')
const SOURCE_TEXT: Record<TimeSource, string> = {
  lines: 'the lines',
  'started-at': '--started-at',
  alert: 'the alert',
  'file-mtime': "the file's modification time",
  'utc-assumed': 'nothing (UTC assumed)',
  unknown: 'nothing',
}

export function readingNotes(files: readonly LogFileSummary[]): ReadingNotes {
  const warnings: string[] = []
  const limitations: string[] = []
  for (const file of files) {
    const name = file.path
    for (const skip of file.skipped) if (skip.count > 0) limitations.push(`${name}: ${fmt(skip.count)} line(s) skipped (${skip.reason}).`)
    const reading = file.reading
    if (!reading || reading.events === 0) continue
    for (const note of reading.adjusted) if (note.count > 0) limitations.push(`${name}: ${fmt(note.count)} line(s) kept with another time (${note.reason}).`)
    const timeNote = timeSentence(name, reading)
    if (timeNote) {
      warnings.push(timeNote)
      limitations.push(timeNote)
    }
    const levelNote = levelSentence(name, reading)
    if (levelNote) {
      warnings.push(levelNote)
      limitations.push(levelNote)
    }
    const assumed = assumptionSentence(name, reading)
    if (assumed) limitations.push(assumed)
  }
  return {warnings, limitations}
}

function timeSentence(name: string, reading: FileReading): string | null {
  const {events, timing, anchor} = reading
  if (timing.none === events) {
    if (anchor) {
      return `${name}: no line carried a time that could be read; its ${fmt(events)} events are kept in order and counted, anchored on ${SOURCE_TEXT[anchor.source]} (${anchor.at.slice(0, 16).replace('T', ' ')} UTC), so their times are approximate and they are left out of the error-rate timeline.`
    }
    return `${name}: no line carried a time that could be read and nothing gave one (no --started-at, no alert, no file time); its ${fmt(events)} events are counted but have no place in the timeline.`
  }
  const borrowed = timing.interpolated + timing.carried
  if (borrowed / events >= APPROXIMATE_SHARE) {
    return `${name}: ${fmt(borrowed)} of ${fmt(events)} events had no time of their own and were given their neighbours' (interpolated or carried), so their times are approximate.`
  }
  if (timing.none > 0) return `${name}: ${fmt(timing.none)} of ${fmt(events)} events have no time and are left out of the timeline.`
  return null
}

function levelSentence(name: string, reading: FileReading): string | null {
  const {levels, events} = reading
  if (levels.error + levels.warn > 0 || levels.unknown / events < UNCLASSIFIED_SHARE) return null
  return `${name}: no line was recognised as an error or a warning (${fmt(levels.unknown)} of ${fmt(events)} events carry no level field or word and no known error marker), so errors written there in other words are not counted.`
}

function assumptionSentence(name: string, reading: FileReading): string | null {
  const year = reading.yearFrom !== null && reading.yearFrom !== 'lines' ? reading.yearFrom : null
  const zone = reading.zoneFrom !== null && reading.zoneFrom !== 'lines' ? reading.zoneFrom : null
  if (year === null && zone === null) return null
  const missing = [year && 'year', zone && 'zone'].filter(Boolean).join(' or ')
  const taken = [year && `the year from ${SOURCE_TEXT[year]}`, zone && (zone === 'utc-assumed' ? 'the zone as UTC (none was given)' : `the zone from ${SOURCE_TEXT[zone]}`)].filter(Boolean).join(' and ')
  return `${name}: its timestamps (${reading.timestampLayout}) carry no ${missing}; read with ${taken}.`
}
