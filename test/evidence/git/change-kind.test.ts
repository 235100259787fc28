import {describe, expect, it} from 'vitest'

import {classifyCommit, classifyFile} from '../../../src/evidence/git/change-kind.js'
import {componentOf, componentsOf} from '../../../src/evidence/git/components.js'

describe('classifyFile', () => {
  it.each([
    ['db/migrations/20261120_add_reason.sql', 'database-migration'],
    ['migrations/0001_init.py', 'database-migration'],
    ['prisma/migrations/20261120_x/migration.sql', 'database-migration'],
    ['db/migrate/20261120101010_add_index.rb', 'database-migration'],
    ['db/schema.rb', 'database-migration'],
    ['schema.sql', 'database-migration'],
    ['sql/001_init.sql', 'database-migration'],
    ['db/functions/refund_total.sql', 'database-migration'],
    ['src/queries/report.sql', 'code-change'],
    ['src/main/java/com/example/billing/InvoiceRenderer.java', 'code-change'],
    ['examples/quickstart/app.ts', 'docs-tests'],
    ['docs/runbook.md', 'docs-tests'],
    ['alembic/versions/abc123_add.py', 'database-migration'],
    ['package-lock.json', 'dependency-upgrade'],
    ['services/api/go.sum', 'dependency-upgrade'],
    ['pom.xml', 'dependency-upgrade'],
    ['Gemfile', 'dependency-upgrade'],
    ['config/payments.yaml', 'config-change'],
    ['k8s/deployment.yaml', 'config-change'],
    ['infra/main.tf', 'config-change'],
    ['.env.production', 'config-change'],
    ['settings.ini', 'config-change'],
    ['Dockerfile', 'config-change'],
    ['src/payments/refund.ts', 'code-change'],
    ['cmd/api/main.go', 'code-change'],
    ['README.md', 'docs-tests'],
    ['docs/runbook.md', 'docs-tests'],
    ['test/payments/refund.test.ts', 'docs-tests'],
    ['src/payments/refund.spec.ts', 'docs-tests'],
    ['pkg/db/pool_test.go', 'docs-tests'],
    ['tests/fixtures/config.yaml', 'docs-tests'],
    ['.github/workflows/ci.yml', 'docs-tests'],
  ] as const)('%s → %s', (path, kind) => {
    expect(classifyFile(path)).toBe(kind)
  })

  it('counts a parseable manifest as an upgrade only when a version moved', () => {
    expect(classifyFile('package.json', true)).toBe('dependency-upgrade')
    expect(classifyFile('package.json', false)).toBe('config-change')
    expect(classifyFile('requirements-dev.txt', true)).toBe('dependency-upgrade')
    // .NET: a PackageReference bump is an upgrade; a project edit that moves no version is a build setting.
    expect(classifyFile('src/Orders.Api/Orders.Api.csproj', true)).toBe('dependency-upgrade')
    expect(classifyFile('src/Orders.Api/Orders.Api.csproj', false)).toBe('config-change')
    expect(classifyFile('Directory.Packages.props', true)).toBe('dependency-upgrade')
    expect(classifyFile('src/Orders.Api/packages.lock.json')).toBe('dependency-upgrade')
  })
})

describe('classifyCommit', () => {
  const files = (...paths: string[]) => paths.map((path) => ({path}))

  it('takes the most specific risky kind: migration > dependency > config > code', () => {
    expect(classifyCommit(files('src/a.ts', 'config/a.yaml', 'db/migrations/1.sql', 'yarn.lock'), new Set())).toBe('database-migration')
    expect(classifyCommit(files('src/a.ts', 'config/a.yaml', 'yarn.lock'), new Set())).toBe('dependency-upgrade')
    expect(classifyCommit(files('src/a.ts', 'config/a.yaml'), new Set())).toBe('config-change')
    expect(classifyCommit(files('src/a.ts', 'README.md'), new Set())).toBe('code-change')
  })

  it('is docs-tests only when nothing else is touched', () => {
    expect(classifyCommit(files('README.md', 'test/a.test.ts'), new Set())).toBe('docs-tests')
    expect(classifyCommit([], new Set())).toBe('docs-tests')
  })

  it('uses the manifests whose versions moved', () => {
    expect(classifyCommit(files('src/a.ts', 'package.json'), new Set(['package.json']))).toBe('dependency-upgrade')
    expect(classifyCommit(files('src/a.ts', 'package.json'), new Set())).toBe('config-change')
  })
})

describe('componentOf', () => {
  it.each([
    ['src/payments/refund.ts', 'payments'],
    ['lib/Payments/refund.rb', 'payments'],
    ['packages/billing/src/invoice.ts', 'billing'],
    ['services/checkout-api/handler.go', 'checkout-api'],
    ['internal/orders/store.go', 'orders'],
    ['cmd/api/main.go', 'api'],
    ['db/migrations/1.sql', 'database'],
    ['package-lock.json', 'dependencies'],
    ['config/payments.yaml', 'payments'],
    ['src/config/index.ts', 'config'],
    ['src/db.ts', 'db'],
    ['test/payments/refund.test.ts', 'payments'],
    ['src/index.ts', null],
    ['README.md', null],
  ] as const)('%s → %s', (path, component) => {
    expect(componentOf(path)).toBe(component)
  })

  it('lists distinct components in first-seen order', () => {
    expect(componentsOf(['src/payments/a.ts', 'src/orders/b.ts', 'src/payments/c.ts', 'src/index.ts'])).toEqual(['payments', 'orders'])
  })
})
