import {readFile, stat} from 'node:fs/promises'
import {resolve} from 'node:path'
import type {Readable} from 'node:stream'
import {text} from 'node:stream/consumers'

import {UsageError, UserError} from '../errors/errors.js'
import {parseJsonText} from '../errors/syntax-problem.js'
import {readAlert, type AlertSummary} from '../evidence/alerts/read-alert.js'
import {KubernetesInputError, readKubernetesFile} from '../evidence/kubernetes/read-kubernetes-file.js'
import {DocumentShapeError} from '../evidence/logs/exports/json-path.js'
import {isLogDocument, LogDocumentError, readLogDocument} from '../evidence/logs/exports/read-log-document.js'

/**
 * The inputs the readers take whole — the alert, Kubernetes files, log-store exports under --logs —
 * read and checked before the incident folder is made, so a broken one stops the run with one line
 * naming the file and what is wrong in it (the JSON path, for a document), and nothing is written.
 */

/** Reads and checks --alert (a file, or `-` for stdin). */
export async function readAlertInput(value: string, stdin: Readable): Promise<AlertSummary> {
  let raw: string
  if (value === '-') raw = await text(stdin)
  else {
    const info = await stat(value).catch(() => null)
    if (!info) throw new UserError(`--alert ${value} does not exist.`, {suggestions: ['Pass the file holding the webhook payload, or - to read it from stdin.']})
    if (!info.isFile()) throw new UserError(`--alert ${value} is not a file.`)
    raw = await readFile(value, 'utf8')
  }
  const name = value === '-' ? 'stdin' : value
  const document = parseJsonText(raw.replace(/^\uFEFF/, ''))
  if (!document.ok) {
    throw new UserError(`--alert ${name} is not valid JSON (${document.problem}).`, {suggestions: ['Pass the JSON body the alert was delivered with (Alertmanager, Grafana or PagerDuty webhook, or a PagerDuty incident).']})
  }
  try {
    return readAlert(document.value, value === '-' ? '-' : resolve(value))
  } catch (error) {
    if (error instanceof DocumentShapeError) {
      throw new UserError(`--alert ${name}: not a valid ${error.kind}: at ${error.path}: ${error.problem}.`, {suggestions: ['Alertmanager and Grafana webhooks, PagerDuty v3 webhooks and PagerDuty incidents are read.']})
    }
    throw error
  }
}

/** Checks every --k8s file; returns their absolute paths. */
export async function checkKubernetesInputs(values: readonly string[]): Promise<string[]> {
  const paths: string[] = []
  for (const value of values) {
    const path = resolve(value)
    const info = await stat(path).catch(() => null)
    if (!info) throw new UserError(`--k8s ${value} does not exist.`, {suggestions: ['Save the output first, e.g. kubectl get pods -o json > pods.json, kubectl get events -o json > events.json, kubectl describe pod NAME > pod.txt.']})
    if (!info.isFile()) throw new UserError(`--k8s ${value} is not a file.`)
    try {
      await readKubernetesFile(path, info.mtimeMs)
    } catch (error) {
      if (error instanceof KubernetesInputError) throw new UserError(`--k8s ${value} ${error.message}.`, {suggestions: ['--k8s takes kubectl get -o json|yaml output, kubectl describe pod|node text, or a kubectl get events|pods table.']})
      throw error
    }
    paths.push(path)
  }
  return [...new Set(paths)]
}

/** Checks the --logs files that are log-store exports (one JSON document each). */
export async function checkLogDocuments(sources: readonly string[]): Promise<void> {
  for (const source of sources) {
    if (!(await isLogDocument(source))) continue
    try {
      await readLogDocument(source)
    } catch (error) {
      if (error instanceof LogDocumentError) {
        throw new UserError(`--logs ${source} ${error.message}.`, {suggestions: ['JSON lines (one object per line) are read as logs; a single JSON document must be a Loki, Elasticsearch/OpenSearch, Datadog, CloudWatch or Cloud Logging export.']})
      }
      throw error
    }
  }
}

/** `--alert -` and `--logs -` cannot both read stdin. */
export function assertOneStdinReader(alert: string | null, logs: readonly string[]): void {
  if (alert === '-' && logs.includes('-')) throw new UsageError('--alert - and --logs - both read stdin.', {suggestions: ['Save one of them to a file and pass its path.']})
}
