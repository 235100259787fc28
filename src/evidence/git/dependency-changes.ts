import {z} from 'zod'

export const DependencyChangeSchema = z.object({
  package: z.string(),
  /** Null when the dependency was added. */
  from: z.string().nullable(),
  /** Null when the dependency was removed. */
  to: z.string().nullable(),
  file: z.string(),
})
export type DependencyChange = z.infer<typeof DependencyChangeSchema>

/** True for manifests whose dependency versions `parseManifest` can read. */
export function isParseableManifest(path: string): boolean {
  return manifestParser(path) !== null
}

/** The dependency versions moved between two versions of one manifest (null = file absent). */
export function diffManifest(path: string, before: string | null, after: string | null): DependencyChange[] {
  const parse = manifestParser(path)
  if (parse === null) return []
  const old = before === null ? new Map<string, string>() : parse(before)
  const now = after === null ? new Map<string, string>() : parse(after)
  const changes: DependencyChange[] = []
  for (const [name, version] of now) {
    const previous = old.get(name) ?? null
    if (previous !== version) changes.push({package: name, from: previous, to: version, file: path})
  }
  for (const [name, version] of old) {
    if (!now.has(name)) changes.push({package: name, from: version, to: null, file: path})
  }
  return changes
}

type ManifestParser = (text: string) => Map<string, string>

function manifestParser(path: string): ManifestParser | null {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (name === 'package.json') return parsePackageJson
  if (name === 'go.mod') return parseGoMod
  if (name === 'Cargo.toml') return parseCargoToml
  if (name === 'Gemfile.lock') return parseGemfileLock
  if (name === 'Cargo.lock') return parseCargoLock
  if (/^(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?$/.test(name)) return parseDockerfileBases
  if (name === '.nvmrc' || name === '.node-version') return (text) => runtimeFile('node', text)
  if (name === '.tool-versions') return parseToolVersions
  if (/^requirements[^/]*\.txt$/.test(name)) return parseRequirements
  if (MSBUILD_PROJECT.test(name)) return parseMsbuildProject
  if (name === 'packages.config') return parseNugetPackagesConfig
  return null
}

const PackageJsonSchema = z.looseObject({
  dependencies: z.record(z.string(), z.string()).optional(),
  devDependencies: z.record(z.string(), z.string()).optional(),
  peerDependencies: z.record(z.string(), z.string()).optional(),
  optionalDependencies: z.record(z.string(), z.string()).optional(),
})

export function parsePackageJson(text: string): Map<string, string> {
  let json: unknown
  try {
    json = JSON.parse(text)
  } catch {
    return new Map()
  }
  const parsed = PackageJsonSchema.safeParse(json)
  if (!parsed.success) return new Map()
  const {dependencies, devDependencies, peerDependencies, optionalDependencies} = parsed.data
  // Later groups only fill gaps: a runtime dependency's version is the one that ships.
  return new Map(Object.entries({...optionalDependencies, ...peerDependencies, ...devDependencies, ...dependencies}))
}

export function parseGoMod(text: string): Map<string, string> {
  const versions = new Map<string, string>()
  let inRequireBlock = false
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\/\/.*$/, '').trim()
    if (inRequireBlock) {
      if (line === ')') inRequireBlock = false
      else addGoRequirement(versions, line)
    } else if (/^require\s*\($/.test(line)) {
      inRequireBlock = true
    } else if (line.startsWith('require ')) {
      addGoRequirement(versions, line.slice('require '.length).trim())
    }
  }
  return versions
}

function addGoRequirement(versions: Map<string, string>, line: string): void {
  const match = /^(\S+)\s+(v\S+)$/.exec(line)
  if (match) versions.set(match[1], match[2])
}

export function parseRequirements(text: string): Map<string, string> {
  const versions = new Map<string, string>()
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s#.*$/, '').replace(/;.*$/, '').trim()
    if (line === '' || line.startsWith('#') || line.startsWith('-')) continue
    const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)(\[[^\]]*\])?\s*(.*)$/.exec(line)
    if (!match) continue
    const spec = match[3].replace(/\s+/g, '')
    versions.set(match[1].toLowerCase(), spec.startsWith('==') ? spec.slice(2) : spec === '' ? '*' : spec)
  }
  return versions
}

const CARGO_DEPENDENCY_SECTION = /^\[(?:workspace\.)?(?:target\.[^\]]+\.)?(?:dev-|build-)?dependencies\]$/

export function parseCargoToml(text: string): Map<string, string> {
  const versions = new Map<string, string>()
  let inDependencies = false
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\s#.*$/, '').trim()
    if (line.startsWith('[')) {
      inDependencies = CARGO_DEPENDENCY_SECTION.test(line)
      continue
    }
    if (!inDependencies) continue
    const plain = /^([A-Za-z0-9_-]+)\s*=\s*"([^"]+)"$/.exec(line)
    const table = /^([A-Za-z0-9_-]+)\s*=\s*\{.*\bversion\s*=\s*"([^"]+)"/.exec(line)
    const match = plain ?? table
    if (match) versions.set(match[1], match[2])
  }
  return versions
}

/**
 * Resolved crates of a Cargo.lock (`[[package]]` tables of name and version): the transitive
 * versions a bump moved (tonic 0.12 pulling rustls 0.23), which the Cargo.toml alone does not say.
 * A crate resolved at several versions reads as all of them.
 */
export function parseCargoLock(text: string): Map<string, string> {
  const versions = new Map<string, string[]>()
  for (const block of text.split(/^\[\[package\]\]\s*$/m).slice(1)) {
    const name = /^name\s*=\s*"([^"]+)"/m.exec(block)?.[1]
    const version = /^version\s*=\s*"([^"]+)"/m.exec(block)?.[1]
    if (name && version) versions.set(name, [...(versions.get(name) ?? []), version])
  }
  return new Map([...versions].map(([name, list]) => [name, list.sort().join(', ')]))
}

/**
 * The base images of a Dockerfile as runtime versions: `FROM node:8.11-alpine AS build` is node at
 * 8.11-alpine (registry and namespace dropped, `library/node` is node). A runtime upgrade moves
 * defaults the code never set (Node 8's 5 s keep-alive timeout), so it is an upgrade like any other.
 */
export function parseDockerfileBases(text: string): Map<string, string> {
  const versions = new Map<string, string>()
  for (const m of text.matchAll(/^\s*FROM\s+(?:--platform=\S+\s+)?([^\s:@]+):([^\s@]+)/gim)) {
    const image = m[1].slice(m[1].lastIndexOf('/') + 1)
    if (!versions.has(image)) versions.set(image, m[2])
  }
  return versions
}

function runtimeFile(runtime: string, text: string): Map<string, string> {
  const version = text.trim().split(/\s+/)[0]?.replace(/^v(?=\d)/, '')
  return version ? new Map([[runtime, version]]) : new Map()
}

/** asdf/mise `.tool-versions`: `nodejs 18.17.0` per line. */
export function parseToolVersions(text: string): Map<string, string> {
  const versions = new Map<string, string>()
  for (const line of text.split('\n')) {
    const m = /^\s*([\w-]+)\s+(\S+)/.exec(line.replace(/#.*$/, ''))
    if (m) versions.set(m[1] === 'nodejs' ? 'node' : m[1], m[2])
  }
  return versions
}

/** MSBuild files that name NuGet packages: projects and the central/shared props files. */
export const MSBUILD_PROJECT = /^(?:[^/]+\.(?:cs|fs|vb)proj|Directory\.(?:Packages|Build)\.props)$/

/**
 * NuGet versions from an MSBuild file: `<PackageReference Include="X" Version="1.2" />`, the
 * `<Version>` child form, central `<PackageVersion …>` entries, and the target framework as the
 * runtime `dotnet` (net6.0 → net8.0 moves runtime defaults the code never set). Attribute order
 * and quotes vary between hand-written and tool-written files, so each attribute is read alone.
 */
export function parseMsbuildProject(text: string): Map<string, string> {
  const versions = new Map<string, string>()
  const body = text.replace(/<!--[\s\S]*?-->/g, '')
  for (const m of body.matchAll(/<(?:PackageReference|PackageVersion)\b([^>]*?)(?:\/>|>([\s\S]*?)<\/(?:PackageReference|PackageVersion)>)/g)) {
    const name = xmlAttribute(m[1], 'Include') ?? xmlAttribute(m[1], 'Update')
    const version = xmlAttribute(m[1], 'Version') ?? xmlAttribute(m[1], 'VersionOverride') ?? /<Version>\s*([^<\s]+)\s*<\/Version>/.exec(m[2] ?? '')?.[1]
    if (name && version) versions.set(name, version)
  }
  const framework = /<TargetFrameworks?>\s*([^<]+?)\s*<\/TargetFrameworks?>/.exec(body)?.[1]
  if (framework) versions.set('dotnet', framework)
  return versions
}

/** The older NuGet list: `<package id="Newtonsoft.Json" version="12.0.3" targetFramework="net472" />`. */
export function parseNugetPackagesConfig(text: string): Map<string, string> {
  const versions = new Map<string, string>()
  for (const m of text.replace(/<!--[\s\S]*?-->/g, '').matchAll(/<package\b([^>]*)\/?>/g)) {
    const name = xmlAttribute(m[1], 'id')
    const version = xmlAttribute(m[1], 'version')
    if (name && version) versions.set(name, version)
  }
  return versions
}

function xmlAttribute(attributes: string, name: string): string | undefined {
  return new RegExp(`(?:^|\\s)${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(attributes)?.slice(1).find((v) => v !== undefined)
}

export function parseGemfileLock(text: string): Map<string, string> {
  const versions = new Map<string, string>()
  // Resolved gems are the 4-space-indented `name (version)` lines under `specs:`.
  for (const match of text.matchAll(/^ {4}([A-Za-z0-9._-]+) \(([^)]+)\)$/gm)) {
    versions.set(match[1], match[2])
  }
  return versions
}
