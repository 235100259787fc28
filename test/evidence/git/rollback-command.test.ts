import {afterAll, describe, expect, it} from 'vitest'

import {detectRollbackCommand, suggestRollback, type RollbackChange} from '../../../src/evidence/git/rollback-command.js'
import {TempRepo} from './temp-repo.js'

const sha = 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678'
const change = (kind: RollbackChange['kind'], ...paths: string[]): RollbackChange => ({sha, kind, isMerge: false, files: paths.map((path) => ({path}))})

describe('suggestRollback', () => {
  it.each([
    [['db/migrate/20261120101010_add_index.rb'], [], 'rails', 'bin/rails db:migrate:down VERSION=20261120101010'],
    [['prisma/migrations/20261120_add/migration.sql'], [], 'prisma', 'npx prisma migrate resolve --rolled-back 20261120_add'],
    [['alembic/versions/abc_add.py'], ['alembic.ini'], 'alembic', 'alembic downgrade -1'],
    [['shop/migrations/0007_add_field.py'], ['manage.py'], 'django', 'python manage.py migrate shop 0006'],
    [['db/migration/V3__add.sql'], [], 'flyway', 'flyway undo'],
    [['db/migrations/000003_add.up.sql'], ['db/migrations/000003_add.down.sql'], 'golang-migrate', 'migrate -path db/migrations -database "$DATABASE_URL" down 1'],
    [['migrations/20261120_add.js'], ['knexfile.js'], 'knex', 'npx knex migrate:rollback'],
  ])('migration %j with %j → %s', (changed, repoFiles, tool, command) => {
    const suggestion = suggestRollback(change('database-migration', ...changed), [...changed, ...repoFiles], null)
    expect(suggestion).toMatchObject({tool, command})
  })

  it('falls back to git revert with a warning for an unknown migration tool', () => {
    const suggestion = suggestRollback(change('database-migration', 'sql/001.sql'), ['sql/001.sql'], null)
    expect(suggestion.command).toBe(`git revert ${sha}`)
    expect(suggestion.note).toContain('compensating migration')
  })

  it('rolls back the deployment when Helm or Kubernetes manifests are present', () => {
    expect(suggestRollback(change('config-change', 'k8s/deployment.yaml'), ['k8s/deployment.yaml'], 'checkout-api')).toMatchObject({
      tool: 'kubectl',
      command: 'kubectl rollout undo deployment/checkout-api',
    })
    expect(suggestRollback(change('code-change', 'src/a.ts'), ['charts/api/Chart.yaml'], 'checkout-api')).toMatchObject({
      tool: 'helm',
      command: 'helm rollback checkout-api',
    })
  })

  it('reverts a merge against its first parent', () => {
    expect(suggestRollback({...change('code-change', 'src/a.ts'), isMerge: true}, ['src/a.ts'], null).command).toBe(`git revert -m 1 ${sha}`)
  })
})

describe('detectRollbackCommand', () => {
  const repo = new TempRepo()
  afterAll(() => repo.remove())

  it('reads the tracked files of the repository', async () => {
    repo.commit('init', new Date('2026-11-20T10:00:00Z'), {'knexfile.js': 'module.exports = {}\n', 'migrations/1_add.js': 'x\n'})
    const suggestion = await detectRollbackCommand(repo.dir, change('database-migration', 'migrations/1_add.js'))
    expect(suggestion).toMatchObject({tool: 'knex', command: 'npx knex migrate:rollback'})
  })
})
