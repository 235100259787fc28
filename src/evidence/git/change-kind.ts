import {z} from 'zod'

/** What a commit changed, from riskiest-and-most-specific to never-a-cause. */
export const COMMIT_KINDS = ['database-migration', 'dependency-upgrade', 'config-change', 'code-change', 'docs-tests'] as const
export const CommitKindSchema = z.enum(COMMIT_KINDS)
export type CommitKind = z.infer<typeof CommitKindSchema>

const MIGRATION_DIRS = /(^|\/)(migrations?|migrate|db\/migrate|alembic\/versions|flyway|liquibase|changelogs?)\//i
const MIGRATION_FILES = /(^|\/)(schema\.(sql|rb|prisma)|structure\.sql)$/i
// A .sql file is DDL when it lives with the database; elsewhere (src/queries/…) it is code.
const DDL_FILES = /(^|\/)(db|sql|database|schema|ddl)\/([^/]+\/)*[^/]+\.sql$/i

const LOCKFILES = new Set([
  'package-lock.json',
  'npm-shrinkwrap.json',
  'yarn.lock',
  'pnpm-lock.yaml',
  'bun.lockb',
  'go.sum',
  'Cargo.lock',
  'Gemfile.lock',
  'poetry.lock',
  'Pipfile.lock',
  'composer.lock',
  'uv.lock',
  'packages.lock.json',
])
/** Manifests that also hold non-dependency settings; parseable ones count only when a version moved. */
export const PARSED_MANIFESTS =
  /(^|\/)(package\.json|go\.mod|Cargo\.toml|requirements[^/]*\.txt|(?:Dockerfile|Containerfile)(?:\.[\w.-]+)?|\.nvmrc|\.node-version|\.tool-versions|[^/]+\.(?:cs|fs|vb)proj|Directory\.(?:Packages|Build)\.props|packages\.config)$/
const OPAQUE_MANIFESTS = /(^|\/)(pom\.xml|build\.gradle(\.kts)?|Gemfile|Pipfile|pyproject\.toml|composer\.json|setup\.py|setup\.cfg)$/

const CONFIG_DIRS = /(^|\/)(config|conf|configs|settings|k8s|kubernetes|helm|charts|deploy|deployments?|terraform|infra|manifests)\//i
const CONFIG_FILES =
  /(\.(ya?ml|toml|ini|conf|cfg|properties|env|tf|tfvars|hcl)$|(^|\/)\.env(\.[^/]*)?$|(^|\/)(Dockerfile|docker-compose[^/]*|Procfile|nginx\.conf)$)/i

// CI definitions and editor settings never change what runs in production.
const NON_RUNTIME_PATHS = /(^|\/)(\.github|\.gitlab|\.circleci|\.vscode|\.idea|\.husky)\/|(^|\/)\.gitlab-ci\.yml$/
const TEST_DIRS = /(^|\/)(tests?|__tests__|spec|specs|e2e|fixtures|testdata|__mocks__)\//i
// Only at the root: `docs/`, `examples/`; `src/main/java/com/example/…` is a package, not an example.
const DOC_DIRS = /^(docs?|examples?)\//i
const TEST_FILES = /(\.(test|spec)\.[^/]+$|_test\.(go|py|rb)$|(^|\/)test_[^/]*\.py$|_spec\.rb$)/i
const DOC_FILES = /(\.(md|mdx|rst|adoc|txt|png|jpe?g|gif|svg)$|(^|\/)(LICENSE|LICENCE|CHANGELOG|AUTHORS|CODEOWNERS|NOTICE)[^/]*$|(^|\/)\.(gitignore|gitattributes|editorconfig|prettierrc[^/]*|eslintrc[^/]*)$)/i

/**
 * The kind of one file. `versionMoved` tells whether a parseable manifest (package.json …) had a
 * dependency version change in this commit; when it did not (a script or version field edit) the
 * file is configuration, not an upgrade.
 */
export function classifyFile(path: string, versionMoved = false): CommitKind {
  const name = path.slice(path.lastIndexOf('/') + 1)
  if (NON_RUNTIME_PATHS.test(path)) return 'docs-tests'
  if (LOCKFILES.has(name) || OPAQUE_MANIFESTS.test(path)) return 'dependency-upgrade'
  if (PARSED_MANIFESTS.test(path)) return versionMoved ? 'dependency-upgrade' : 'config-change'
  if (TEST_DIRS.test(path) || DOC_DIRS.test(path) || TEST_FILES.test(path)) return 'docs-tests'
  if (MIGRATION_DIRS.test(path) || MIGRATION_FILES.test(path) || DDL_FILES.test(path)) return 'database-migration'
  if (DOC_FILES.test(path)) return 'docs-tests'
  if (CONFIG_DIRS.test(path) || CONFIG_FILES.test(path)) return 'config-change'
  return 'code-change'
}

/**
 * A commit touching several kinds takes the most specific risky one (migration > dependency >
 * config > code); only a commit touching nothing but docs and tests is `docs-tests`.
 */
export function classifyCommit(files: Array<{path: string}>, manifestsWithVersionChanges: ReadonlySet<string>): CommitKind {
  let best: CommitKind = 'docs-tests'
  for (const file of files) {
    const kind = classifyFile(file.path, manifestsWithVersionChanges.has(file.path))
    if (COMMIT_KINDS.indexOf(kind) < COMMIT_KINDS.indexOf(best)) best = kind
  }
  return best
}
