import type {CommitChange} from './git-digest.js'
import {runGit} from './run-git.js'

export interface RollbackSuggestion {
  command: string
  /** The tooling the command belongs to: git, knex, prisma, rails, alembic, django, flyway, golang-migrate, kubectl, helm. */
  tool: string
  note: string
}

export type RollbackChange = Pick<CommitChange, 'sha' | 'kind' | 'isMerge'> & {files: Array<{path: string}>}

/**
 * A concrete way to undo `change` with the tooling this repository uses: the migration tool's
 * down command for a migration, the deployment's rollback when Kubernetes or Helm manifests are
 * present, `git revert` otherwise.
 */
export async function detectRollbackCommand(
  repo: string,
  change: RollbackChange,
  options: {service?: string} = {},
): Promise<RollbackSuggestion> {
  return suggestRollback(change, await trackedFiles(repo), options.service ?? null)
}

/** The repository's tracked files, which tell its tooling (migration folders, charts, manifests). */
export async function trackedFiles(repo: string): Promise<string[]> {
  return (await runGit(repo, ['ls-files', '-z']).catch(() => '')).split('\0').filter(Boolean)
}

/** Pure: the change, the repository's tracked files and the service name → a suggestion. */
export function suggestRollback(change: RollbackChange, repoFiles: string[], service: string | null): RollbackSuggestion {
  const revert = `git revert ${change.isMerge ? '-m 1 ' : ''}${change.sha}`
  if (change.kind === 'database-migration') {
    return (
      migrationRollback(change.files.map((f) => f.path), repoFiles) ?? {
        command: revert,
        tool: 'git',
        note: 'No migration tool was recognised; reverting the file does not undo a migration already applied, so write and apply a compensating migration.',
      }
    )
  }
  const deployment = deploymentRollback(repoFiles, service)
  if (deployment !== null) {
    return {...deployment, note: `${deployment.note} Then make it permanent with \`${revert}\` and a normal deploy.`}
  }
  return {command: revert, tool: 'git', note: 'Revert the change, then deploy the revert through the normal pipeline.'}
}

function migrationRollback(changed: string[], repoFiles: string[]): RollbackSuggestion | null {
  const has = (pattern: RegExp) => repoFiles.some((f) => pattern.test(f))
  for (const path of changed) {
    const prisma = /(^|\/)prisma\/migrations\/([^/]+)\//.exec(path)
    if (prisma) {
      return {
        command: `npx prisma migrate resolve --rolled-back ${prisma[2]}`,
        tool: 'prisma',
        note: 'Prisma has no down migrations: apply a migration that reverts the schema change (npx prisma migrate diff can generate it), then mark this one rolled back.',
      }
    }
    const rails = /(^|\/)db\/migrate\/(\d+)_[^/]+\.rb$/.exec(path)
    if (rails) {
      return {command: `bin/rails db:migrate:down VERSION=${rails[2]}`, tool: 'rails', note: 'Runs the down method of this migration only.'}
    }
    if (/(^|\/)(alembic|migrations)\/versions\/[^/]+\.py$/.test(path) && has(/(^|\/)alembic\.ini$|(^|\/)alembic\/env\.py$|(^|\/)migrations\/env\.py$/)) {
      return {command: 'alembic downgrade -1', tool: 'alembic', note: 'Downgrades one revision; check `alembic current` first if several were applied.'}
    }
    const django = /(^|\/)([^/]+)\/migrations\/(\d{4})_[^/]+\.py$/.exec(path)
    if (django && has(/(^|\/)manage\.py$/)) {
      const previous = String(Number(django[3]) - 1).padStart(4, '0')
      return {command: `python manage.py migrate ${django[2]} ${previous}`, tool: 'django', note: 'Migrates the app back to the migration before this one.'}
    }
    const flyway = /(^|\/)V([\d._]+)__[^/]+\.sql$/.exec(path)
    if (flyway && (has(/(^|\/)flyway\.(conf|toml)$/) || /(^|\/)db\/migration\//.test(path))) {
      return {
        command: 'flyway undo',
        tool: 'flyway',
        note: `Needs an undo script U${flyway[2]}__….sql (Flyway Teams); otherwise apply a new versioned migration that reverses V${flyway[2]}.`,
      }
    }
    const golang = /^(.*\/)?([^/]+)\.up\.sql$/.exec(path)
    if (golang && repoFiles.includes(`${golang[1] ?? ''}${golang[2]}.down.sql`)) {
      const dir = (golang[1] ?? './').replace(/\/$/, '') || '.'
      return {command: `migrate -path ${dir} -database "$DATABASE_URL" down 1`, tool: 'golang-migrate', note: 'Applies the matching .down.sql of the last migration.'}
    }
  }
  if (has(/(^|\/)knexfile\.(js|cjs|mjs|ts)$/)) {
    return {command: 'npx knex migrate:rollback', tool: 'knex', note: 'Rolls back the last batch of migrations, which may include more than this one.'}
  }
  if (has(/(^|\/)\.sequelizerc$/)) {
    return {command: 'npx sequelize-cli db:migrate:undo', tool: 'sequelize', note: 'Undoes the most recent migration.'}
  }
  return null
}

function deploymentRollback(repoFiles: string[], service: string | null): RollbackSuggestion | null {
  const name = service ?? '<service>'
  if (repoFiles.some((f) => /(^|\/)Chart\.yaml$/.test(f))) {
    return {command: `helm rollback ${name}`, tool: 'helm', note: 'Rolls the release back to its previous revision (see `helm history`).'}
  }
  if (repoFiles.some((f) => /(^|\/)(k8s|kubernetes|manifests|deploy)\/.*\.ya?ml$/.test(f))) {
    return {command: `kubectl rollout undo deployment/${name}`, tool: 'kubectl', note: 'Restores the previous ReplicaSet of the deployment.'}
  }
  return null
}
