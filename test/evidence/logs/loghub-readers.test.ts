import {existsSync} from 'node:fs'
import path from 'node:path'
import {fileURLToPath} from 'node:url'

import {describe, expect, it} from 'vitest'

import {readSystem} from '../../../bench/loghub-readers.js'

/**
 * The readers on logs nobody here wrote: the 16 Loghub-2k systems, read in place from the shared
 * datasets folder (never committed). Each system's time must be read on every line and agree with
 * the structured file; error lines must match its Level column where it has one.
 */
const here = path.dirname(fileURLToPath(import.meta.url))
const dataset = [path.resolve(here, '../../../../../shared/datasets/loghub-2k'), path.resolve(here, '../../../../shared/datasets/loghub-2k')].find((dir) => existsSync(dir))

const EXPECTED: Record<string, string> = {
  Android: 'android-logcat@0',
  Apache: 'ctime@0',
  BGL: 'epoch@1',
  HDFS: 'hdfs-compact@0',
  HPC: 'epoch@4',
  Hadoop: 'iso8601@0',
  HealthApp: 'healthapp@0',
  Linux: 'syslog-rfc3164@0',
  Mac: 'syslog-rfc3164@0',
  OpenSSH: 'syslog-rfc3164@0',
  OpenStack: 'iso8601@1',
  Proxifier: 'proxifier@0',
  Spark: 'spark-yy-slash@0',
  Thunderbird: 'epoch@1',
  Windows: 'iso8601@0',
  Zookeeper: 'iso8601@0',
}

const WITH_LEVELS = ['Android', 'Apache', 'BGL', 'HDFS', 'Hadoop', 'OpenStack', 'Spark', 'Windows', 'Zookeeper']

describe.runIf(dataset !== undefined)('readers on Loghub-2k', () => {
  for (const [system, layout] of Object.entries(EXPECTED)) {
    it(`${system}: learns ${layout} and reads the structured file's time on every line`, async () => {
      const reading = await readSystem(system, path.join(dataset!, system, `${system}_2k.log`), new Date())
      expect(reading.layout).toBe(layout)
      expect(reading.lines).toBeGreaterThanOrEqual(1999)
      expect(reading.agreeing).toBe(reading.lines)
      // Error lines are measured where the structured file has a real Level column.
      expect(reading.errors).toEqual(WITH_LEVELS.includes(system) ? {tp: expect.any(Number), fp: 0, fn: 0} : null)
    })
  }
})
