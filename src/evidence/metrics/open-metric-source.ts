import {open} from 'node:fs/promises'

import {UserError} from '../../errors/errors.js'
import {CsvMetricSource} from './csv-metric-source.js'
import type {MetricSource} from './metric-source.js'
import {PrometheusJsonMetricSource} from './prometheus-json-source.js'

export type OpenedMetricSource = {source: MetricSource} | {unsupported: string}

/**
 * Picks the reader for one `--metrics` value by its content: JSON (a saved query_range response)
 * or CSV. A URL names a live Prometheus, which the live sources ask (the CLI routes a `--metrics`
 * URL there), so here it is reported, not read.
 */
export async function openMetricSource(location: string): Promise<OpenedMetricSource> {
  if (/^https?:\/\//i.test(location)) {
    return {unsupported: `${displayLocation(location)} is a live Prometheus URL, which is asked through --prometheus, not read as a metrics file`}
  }
  const firstChar = await firstNonBlankChar(location)
  // Any JSON (an object, or an array that is not a query_range answer) goes to the JSON reader, which says what it is not.
  return {source: firstChar === '{' || firstChar === '[' || /\.json$/i.test(location) ? new PrometheusJsonMetricSource(location) : new CsvMetricSource(location)}
}

async function firstNonBlankChar(path: string): Promise<string> {
  const handle = await open(path, 'r').catch((error: NodeJS.ErrnoException) => {
    throw new UserError(`Cannot read --metrics ${path}: ${error.code ?? error.message}`, {
      suggestions: ['Pass a wide CSV (timestamp,<series>,…) or a saved Prometheus query_range JSON file'],
    })
  })
  try {
    const {buffer, bytesRead} = await handle.read(Buffer.alloc(512), 0, 512, 0)
    return buffer.subarray(0, bytesRead).toString('utf8').replace(/^\uFEFF/, '').trimStart().charAt(0)
  } finally {
    await handle.close()
  }
}

/** A location fit to save or print: a URL loses its credentials and query string. */
export function displayLocation(location: string): string {
  if (!/^https?:\/\//i.test(location)) return location
  try {
    const parsed = new URL(location)
    parsed.username = ''
    parsed.password = ''
    parsed.search = ''
    return parsed.toString()
  } catch {
    return 'the metrics URL'
  }
}
