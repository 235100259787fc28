import {open, readFile, stat} from 'node:fs/promises'
import {gunzipSync} from 'node:zlib'

import {parseJsonText} from '../../../errors/syntax-problem.js'
import {isGzip} from '../read-file-chunks.js'
import {DocumentShapeError} from './json-path.js'
import {exportKindOf, readLogStoreExport, type ExportedEntries} from './log-store-exports.js'

/**
 * The file side of log-store exports under --logs: whether a file is one JSON document rather than
 * lines (sniffed from its first bytes, gzip too), and reading it whole. Only regular files are
 * sniffed: opening a named pipe to peek would consume what its writer sends.
 */
const SNIFF_BYTES = 64 * 1024
/** A document is parsed whole; past this size, turning it into JSON lines (jq -c) is the way. */
export const MAX_DOCUMENT_BYTES = 512 * 1024 * 1024

/** A log source that is a JSON document which is not (or not validly) an export we read. */
export class LogDocumentError extends Error {}

/** Whether `path` holds one JSON document (an export) rather than log lines. */
export async function isLogDocument(path: string): Promise<boolean> {
  if (path === '-') return false
  const info = await stat(path).catch(() => null)
  if (!info?.isFile() || info.size === 0) return false
  const head = await readHead(path)
  return looksLikeDocument(head)
}

async function readHead(path: string): Promise<string> {
  const handle = await open(path, 'r')
  try {
    const buffer = Buffer.alloc(SNIFF_BYTES)
    const {bytesRead} = await handle.read(buffer, 0, SNIFF_BYTES, 0)
    const bytes = buffer.subarray(0, bytesRead)
    if (!isGzip(bytes)) return bytes.toString('utf8')
  } finally {
    await handle.close()
  }
  // A gzip file's head: its first decompressed bytes (a truncated stream is fine for a peek).
  const {createGunzip} = await import('node:zlib')
  const {createReadStream} = await import('node:fs')
  const gunzip = createReadStream(path).pipe(createGunzip())
  try {
    for await (const chunk of gunzip) return (chunk as Buffer).subarray(0, SNIFF_BYTES).toString('utf8')
    return ''
  } catch {
    return ''
  } finally {
    gunzip.destroy()
  }
}

/**
 * A JSON array of objects, a pretty-printed or over-long object (its first line is not a whole
 * JSON value), or a one-line object whose keys make it an export. JSON lines (one object per line)
 * and plain text are not documents.
 */
export function looksLikeDocument(head: string): boolean {
  const text = head.replace(/^\uFEFF/, '').trimStart()
  if (/^\[\s*(?:\{|\])/.test(text)) return true
  if (!text.startsWith('{')) return false
  const newline = text.indexOf('\n')
  const firstLine = newline < 0 ? text : text.slice(0, newline)
  let value: unknown
  try {
    value = JSON.parse(firstLine)
  } catch {
    return true
  }
  return exportKindOf(value) !== null && exportKindOf(value) !== 'entries'
}

/** Reads and parses a document export whole; LogDocumentError names what is wrong and where. */
export async function readLogDocument(path: string): Promise<ExportedEntries & {bytes: number}> {
  const info = await stat(path)
  if (info.size > MAX_DOCUMENT_BYTES) throw new LogDocumentError(`is a JSON document of ${Math.round(info.size / 1e6)} MB, more than the ${MAX_DOCUMENT_BYTES / 1e6} MB read whole`)
  let raw = await readFile(path)
  if (isGzip(raw)) raw = gunzipSync(raw)
  const text = raw.toString('utf8').replace(/^\uFEFF/, '')
  const document = parseJsonText(text)
  if (!document.ok) throw new LogDocumentError(`is not valid JSON (${document.problem})`)
  try {
    return {...readLogStoreExport(document.value), bytes: info.size}
  } catch (error) {
    if (error instanceof DocumentShapeError) throw new LogDocumentError(`is not a valid ${error.kind}: at ${error.path}: ${error.problem}`)
    throw error
  }
}
