import {z} from 'zod'

import {parseYamlText} from '../../errors/syntax-problem.js'
import {redactUnderKey} from '../../redact/redact.js'

/** One configuration key a commit changed: added (from null), removed (to null) or changed. */
export const KeyChangeSchema = z.object({
  file: z.string(),
  /** Dotted path; list items with a `name` are keyed by it (`containers[api].resources.limits.memory`). */
  key: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
})
export type KeyChange = z.infer<typeof KeyChangeSchema>

export type ConfigFormat = 'yaml' | 'json' | 'toml' | 'env' | 'properties' | 'ini' | 'hcl' | 'nginx'

const MAX_KEYS = 5000
const MAX_VALUE_CHARS = 200
const MAX_CHANGES_PER_FILE = 100

/** The format of a configuration file by its name, or null when it is not one we read. */
export function configFormatOf(path: string): ConfigFormat | null {
  const name = path.slice(path.lastIndexOf('/') + 1).toLowerCase()
  if (/^(package|package-lock|composer|tsconfig|jsconfig)\.json$|lock\.(json|ya?ml)$/.test(name)) return null
  if (/\.ya?ml$/.test(name)) return 'yaml'
  if (/\.json$/.test(name)) return 'json'
  if (/\.toml$/.test(name) && name !== 'cargo.toml' && name !== 'pyproject.toml') return 'toml'
  if (/^\.env(\..+)?$|\.env$/.test(name)) return 'env'
  if (/\.properties$/.test(name)) return 'properties'
  if (/\.(ini|cfg)$/.test(name)) return 'ini'
  if (/\.(tf|tfvars|hcl)$/.test(name)) return 'hcl'
  if (/\.conf$/.test(name)) return 'nginx'
  return null
}

/**
 * The keys that differ between two versions of a configuration file, values redacted. A file
 * that does not parse yields no changes (a broken file is not a key change we can name).
 */
export function diffConfig(path: string, before: string | null, after: string | null): KeyChange[] {
  const format = configFormatOf(path)
  if (format === null) return []
  const old = before === null ? new Map<string, string>() : flattenConfig(format, before)
  const now = after === null ? new Map<string, string>() : flattenConfig(format, after)
  if (old === null || now === null) return []
  const changes: KeyChange[] = []
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const from = old.get(key) ?? null
    const to = now.get(key) ?? null
    if (from === to) continue
    changes.push({file: path, key, from: from === null ? null : clean(key, from), to: to === null ? null : clean(key, to)})
    if (changes.length >= MAX_CHANGES_PER_FILE) break
  }
  return changes
}

// Redacted whole, under its key (`DB_PASSWORD=…` is a secret whatever its value looks like), then cut.
const clean = (key: string, value: string) => {
  const redacted = redactUnderKey(key, value)
  return redacted.length > MAX_VALUE_CHARS ? `${redacted.slice(0, MAX_VALUE_CHARS)}…` : redacted
}

/** Key → scalar value for one file, or null when it does not parse. */
export function flattenConfig(format: ConfigFormat, text: string): Map<string, string> | null {
  try {
    switch (format) {
      case 'yaml':
        return flattenYaml(text)
      case 'json':
        return flattenValue(JSON.parse(text))
      case 'toml':
        return flattenSections(text, 'toml')
      case 'ini':
        return flattenSections(text, 'ini')
      case 'env':
        return flattenEnv(text)
      case 'properties':
        return flattenProperties(text)
      case 'hcl':
        return flattenBlocks(text, 'hcl')
      case 'nginx':
        return flattenBlocks(text, 'nginx')
    }
  } catch {
    return null
  }
}

/** Kubernetes manifests hold several documents; each is keyed by its kind and name. */
function flattenYaml(text: string): Map<string, string> | null {
  const parsed = parseYamlText(text)
  if (!parsed.ok) return null
  const list = parsed.value
  const out = new Map<string, string>()
  for (const value of list) {
    const manifest = value as {kind?: unknown; metadata?: {name?: unknown}} | null
    const prefix = list.length > 1 && manifest && typeof manifest.kind === 'string' ? `${manifest.kind}/${String(manifest.metadata?.name ?? '')}` : ''
    flattenValue(value, prefix, out)
  }
  return out
}

function flattenValue(value: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (out.size >= MAX_KEYS) return out
  if (Array.isArray(value)) {
    value.forEach((item, index) => {
      const name = item && typeof item === 'object' && !Array.isArray(item) ? (item as {name?: unknown}).name : undefined
      flattenValue(item, `${prefix}[${typeof name === 'string' || typeof name === 'number' ? name : index}]`, out)
    })
  } else if (value !== null && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flattenValue(inner, prefix ? `${prefix}.${key}` : key, out)
  } else if (value !== undefined) {
    out.set(prefix, value === null ? 'null' : String(value))
  }
  return out
}

const unquote = (value: string) => {
  const v = value.trim()
  return /^(['"]).*\1$/.test(v) ? v.slice(1, -1) : v
}
const stripComment = (line: string, marks: RegExp) => {
  // A comment mark outside quotes ends the value.
  let quote: string | null = null
  for (let i = 0; i < line.length; i++) {
    const c = line[i]
    if (quote) {
      if (c === quote) quote = null
    } else if (c === '"' || c === "'") quote = c
    else if (marks.test(c) && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(0, i)
  }
  return line
}

/** TOML and INI: `[section]` headers (`[[array]]` numbered), `key = value` (INI also `key: value`). */
function flattenSections(text: string, format: 'toml' | 'ini'): Map<string, string> {
  const out = new Map<string, string>()
  const arrays = new Map<string, number>()
  let section = ''
  for (const raw of text.split(/\r?\n/)) {
    const line = stripComment(raw, format === 'toml' ? /#/ : /[#;]/).trim()
    if (line === '') continue
    const array = /^\[\[\s*([^\]]+?)\s*\]\]$/.exec(line)
    if (array) {
      const index = arrays.get(array[1]) ?? 0
      arrays.set(array[1], index + 1)
      section = `${array[1]}[${index}]`
      continue
    }
    const header = /^\[\s*([^\]]+?)\s*\]$/.exec(line)
    if (header) {
      section = header[1].split('.').map(unquote).join('.')
      continue
    }
    const pair = (format === 'toml' ? /^([^=]+?)\s*=\s*(.*)$/ : /^([^=:]+?)\s*[=:]\s*(.*)$/).exec(line)
    if (!pair) continue
    const key = pair[1].split('.').map(unquote).join('.')
    out.set(section ? `${section}.${key}` : key, unquote(pair[2]))
  }
  return out
}

function flattenEnv(text: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const raw of text.split(/\r?\n/)) {
    const pair = /^\s*(?:export\s+)?([A-Za-z_][\w.]*)\s*=\s*(.*)$/.exec(raw)
    if (pair) out.set(pair[1], unquote(stripComment(pair[2], /#/)))
  }
  return out
}

/** Java properties: `key=value`, `key: value` or `key value`; `\` continues a line. */
function flattenProperties(text: string): Map<string, string> {
  const out = new Map<string, string>()
  const lines = text.replace(/\\\r?\n\s*/g, '').split(/\r?\n/)
  for (const raw of lines) {
    const line = raw.trim()
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue
    const pair = /^((?:\\.|[^=:\s])+)\s*[=:\s]\s*(.*)$/.exec(line)
    if (pair) out.set(pair[1].replace(/\\(.)/g, '$1'), pair[2])
  }
  return out
}

/**
 * Brace-structured files: HCL/Terraform (`resource "aws_db_instance" "orders" {`, `key = value`)
 * and nginx (`location /api {`, `proxy_read_timeout 5s;`). Blocks become path segments.
 */
function flattenBlocks(text: string, format: 'hcl' | 'nginx'): Map<string, string> {
  const out = new Map<string, string>()
  const path: string[] = []
  for (const raw of text.split(/\r?\n/)) {
    let line = stripComment(raw, /#/).trim()
    if (format === 'hcl') line = line.replace(/\/\/.*$/, '').trim()
    if (line === '') continue
    if (line.startsWith('}')) {
      path.pop()
      continue
    }
    const open = /^(.*?)\s*\{$/.exec(line)
    if (open) {
      const head = open[1].replace(/\s*=\s*$/, '').trim()
      path.push(head.split(/\s+/).map(unquote).join('.'))
      continue
    }
    const pair = format === 'hcl' ? /^([\w.-]+)\s*=\s*(.+)$/.exec(line) : /^([\w.-]+)\s+([^;]*);$/.exec(line)
    if (pair && out.size < MAX_KEYS) out.set([...path, pair[1]].join('.'), unquote(pair[2]))
  }
  return out
}
