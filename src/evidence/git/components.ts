import {classifyFile} from './change-kind.js'

// Folders that group many components: the component is the folder below them.
const CONTAINER_DIRS = new Set(['packages', 'apps', 'services', 'modules', 'components', 'cmd', 'plugins', 'crates'])
// Folders that carry no meaning of their own: the component is the folder below them.
const SOURCE_ROOTS = new Set(['src', 'lib', 'app', 'internal', 'pkg', 'server', 'source', 'main', 'java', 'kotlin', 'scala', 'go', 'python'])
const TEST_ROOTS = new Set(['test', 'tests', '__tests__', 'spec', 'specs', 'e2e', 'unit', 'integration'])
// Configuration folders: `config/payments.yaml` is about payments; `src/config/index.ts` is config.
const CONFIG_ROOTS = new Set(['config', 'configs', 'conf', 'settings'])
const GENERIC_STEMS = new Set(['index', 'main', 'app', 'server', 'mod', 'lib', '__init__', 'init', 'readme'])

/**
 * The component a path belongs to, so a change can be matched with the component named by a stack
 * frame or a log template: `src/payments/refund.ts` → `payments`, `db/migrations/…` → `database`,
 * `packages/billing/src/x.ts` → `billing`. Null when the path says nothing (a root README).
 */
export function componentOf(path: string): string | null {
  const kind = classifyFile(path)
  if (kind === 'database-migration') return 'database'
  if (kind === 'dependency-upgrade') return 'dependencies'
  const segments = path.split('/').filter((s) => s !== '' && s !== '.')
  const file = segments.pop() ?? ''
  let index = 0
  if (CONTAINER_DIRS.has(segments[0]?.toLowerCase()) && segments.length > 1) return normalise(segments[1])
  let configRoot: string | null = null
  while (index < segments.length && isSkippable(segments[index])) {
    if (CONFIG_ROOTS.has(segments[index].toLowerCase())) configRoot = segments[index]
    index++
  }
  if (index < segments.length) return normalise(segments[index])
  const stem = file.replace(/\.(test|spec)(?=\.)/i, '').replace(/\.[^.]*$/, '').replace(/_test$/i, '')
  if (stem !== '' && !GENERIC_STEMS.has(stem.toLowerCase()) && !file.startsWith('.')) return normalise(stem)
  return configRoot === null ? null : normalise(configRoot)
}

/** The distinct components of a set of paths, in first-seen order. */
export function componentsOf(paths: string[]): string[] {
  const seen = new Set<string>()
  for (const path of paths) {
    const component = componentOf(path)
    if (component !== null) seen.add(component)
  }
  return [...seen]
}

function isSkippable(segment: string): boolean {
  const lower = segment.toLowerCase()
  return SOURCE_ROOTS.has(lower) || TEST_ROOTS.has(lower) || CONFIG_ROOTS.has(lower)
}

function normalise(segment: string): string {
  return segment.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')
}
