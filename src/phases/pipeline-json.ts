import {readdir} from 'node:fs/promises'
import {relative} from 'node:path'

import type {PipelineResult} from './pipeline.js'

/** The one JSON object `--json` prints (design.md's contract). */
export interface PipelineJson {
  id: string
  severity: string
  status: string
  symptoms: string[]
  service: string | null
  outputDir: string
  files: string[]
  timestamps: PipelineResult['incident']['timestamps']
  phases: PipelineResult['incident']['phases']
  triage: PipelineResult['triage']
  investigation: {
    provider: string
    specialists: string[]
    findings: (PipelineResult['reports'][number]['findings'][number] & {specialist: string})[]
    fallbacks: {specialist: string; reason: string}[]
    usage: PipelineResult['incident']['usage']
  }
  rca: PipelineResult['rca']
  actionItems: PipelineResult['actionItems']
  limitations: string[]
  notifications: PipelineResult['notifications']
}

export async function toPipelineJson(result: PipelineResult): Promise<PipelineJson> {
  const {incident, reports} = result
  return {
    id: incident.id,
    severity: incident.severity,
    status: incident.status,
    symptoms: incident.symptoms,
    service: incident.service,
    outputDir: result.dir,
    files: await listFiles(result.dir),
    timestamps: incident.timestamps,
    phases: incident.phases,
    triage: result.triage,
    investigation: {
      provider: incident.provider,
      specialists: reports.map((report) => report.specialist),
      findings: reports.flatMap((report) => report.findings.map((finding) => ({...finding, specialist: report.specialist}))),
      fallbacks: reports.filter((report) => report.fallback).map((report) => ({specialist: report.specialist, reason: report.fallback as string})),
      usage: incident.usage,
    },
    rca: result.rca,
    actionItems: result.actionItems,
    limitations: result.bundle.limitations,
    notifications: result.notifications,
  }
}

async function listFiles(root: string, dir = root): Promise<string[]> {
  const entries = await readdir(dir, {withFileTypes: true})
  const files: string[] = []
  for (const entry of entries) {
    const path = `${dir}/${entry.name}`
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)))
    else if (entry.name !== 'incident.lock') files.push(relative(root, path))
  }
  return files.sort()
}
