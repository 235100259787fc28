import {mkdtemp, rm, writeFile} from 'node:fs/promises'
import {tmpdir} from 'node:os'
import path from 'node:path'

import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {loadFileConfig} from '../../../../src/config/config.js'
import {UserError} from '../../../../src/errors/errors.js'
import {analyzeLogs} from '../../../../src/evidence/logs/analyze-logs.js'
import {UserSeverityMarkerSchema, UserTimestampLayoutSchema} from '../../../../src/evidence/logs/catalogue/user-catalogue.js'

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'user-catalogue-'))
})
afterAll(async () => {
  await rm(dir, {recursive: true, force: true})
})

const marker = {id: 'billing-declined', level: 'error', pattern: 'charge declined', keywords: ['declined'], examples: {match: ['charge declined for order 7'], nonMatch: ['charge accepted']}}
const layout = {
  id: 'dotted-european',
  pattern: String.raw`(?<day>\d{2})\.(?<month>\d{2})\.(?<year>\d{4}) (?<hour>\d{2}):(?<minute>\d{2}):(?<second>\d{2})`,
  anywhere: true,
  examples: [{line: '14.03.2024 09:15:02 Zahlung abgelehnt', iso: '2024-03-14T09:15:02.000Z'}],
}

describe('user catalogue entries', () => {
  it('accept a marker and a layout whose examples hold', () => {
    expect(UserSeverityMarkerSchema.safeParse(marker).success).toBe(true)
    expect(UserTimestampLayoutSchema.safeParse(layout).success).toBe(true)
  })

  it('refuse, by entry and field, a pattern that does not compile or examples that do not hold', () => {
    const broken = UserSeverityMarkerSchema.safeParse({...marker, pattern: 'charge (declined'})
    expect(broken.error?.issues.map((i) => i.path.join('.'))).toEqual(['pattern'])
    const wrong = UserSeverityMarkerSchema.safeParse({...marker, examples: {match: ['refund issued'], nonMatch: ['charge declined twice']}})
    expect(wrong.error?.issues.map((i) => i.path.join('.'))).toEqual(['examples.match', 'examples.nonMatch'])
    const misread = UserTimestampLayoutSchema.safeParse({...layout, examples: [{line: '14.03.2024 09:15:02 x', iso: '2024-03-15T09:15:02.000Z'}]})
    expect(misread.error?.issues[0].message).toMatch(/reads "14.03.2024 09:15:02 x" as 2024-03-14T09:15:02.000Z, not 2024-03-15/)
    expect(UserTimestampLayoutSchema.safeParse({...layout, pattern: String.raw`(?<day>\d\d)`}).error?.issues[0].message).toMatch(/named groups month, hour, minute/)
  })

  it('make the config file refused with a UserError naming the file and the entry', async () => {
    const root = await mkdtemp(path.join(dir, 'config-'))
    await writeFile(path.join(root, '.incident-response.json'), JSON.stringify({severityMarkers: [marker, {...marker, id: 'second', pattern: '(['}]}))
    const error = await loadFileConfig(root).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UserError)
    expect((error as Error).message).toContain(path.join(root, '.incident-response.json'))
    expect((error as Error).message).toContain('severityMarkers.1.pattern: does not compile')
  })

  it('are used by the analysis, before the built-in entries', async () => {
    const file = path.join(dir, 'billing.log')
    await writeFile(file, ['14.03.2024 09:15:02 charge declined for order 7', '14.03.2024 09:15:03 charge accepted for order 8'].join('\n'))
    const {digest} = await analyzeLogs([file], {
      now: () => new Date('2024-03-15T00:00:00Z'),
      reading: {severityMarkers: [UserSeverityMarkerSchema.parse(marker)], timestampLayouts: [UserTimestampLayoutSchema.parse(layout)]},
    })
    expect(digest.files[0].reading).toMatchObject({timestampLayout: 'dotted-european', levels: {error: 1, fromContent: 1}})
    expect(digest.timeRange).toEqual({from: '2024-03-14T09:15:02.000Z', to: '2024-03-14T09:15:03.000Z'})
  })
})
