import {afterAll, beforeAll, describe, expect, it} from 'vitest'

import {collectChanges} from '../../../src/evidence/git/collect-changes.js'
import type {CommitChange} from '../../../src/evidence/git/git-digest.js'
import {minutes, TempRepo} from './temp-repo.js'

const onset = new Date('2026-05-04T10:00:00Z')
const at = (offsetMinutes: number) => new Date(onset.getTime() + minutes(offsetMinutes))

const ORDERS_GO = `package store

type OrderStore struct{ rates map[string]float64 }

func (s *OrderStore) Get(id string) string {
\treturn id
}

func (s *OrderStore) Total(id string) float64 {
\treturn s.rates[id] * 2
}
`

describe('what collectChanges reads from a commit’s content', () => {
  const repo = new TempRepo()
  let commits: CommitChange[]
  const bySubject = (subject: string) => commits.find((c) => c.subject === subject)!

  beforeAll(async () => {
    repo.commit('initial', at(-3 * 24 * 60), {
      'internal/store/orders.go': ORDERS_GO,
      'config/payments.yaml': 'payments:\n  client:\n    timeout: 5s\n    base_url: https://api.payprovider.example\n',
      'deploy/orders.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  replicas: 3\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/orders:1.4.0\n          env:\n            - name: DATABASE_URL\n              value: postgres://orders-db/orders\n          resources:\n            limits:\n              memory: 512Mi\n',
      '.env.production': 'REDIS_URL=redis://redis-master:6379\nCACHE_TTL_SECONDS=600\n',
      'src/main/resources/application.properties': 'spring.datasource.hikari.maximum-pool-size=50\nspring.datasource.hikari.connection-timeout=30000\n',
      'infra/db.tf': 'resource "aws_db_instance" "orders" {\n  instance_class = "db.r6g.large"\n  max_allocated_storage = 500\n}\n',
      'config/limits.toml': '[http]\nrate_limit = 100\n',
      'clusters/prod/cluster.yaml': 'name: prod\nkubernetes_version: v1.23.16\n',
    })
    repo.commitAuthoredAt('store: compute totals from the rate cache', at(-24 * 60), at(-6), {'internal/store/orders.go': ORDERS_GO.replace('s.rates[id] * 2', 's.rates[id] * s.multiplier()')})
    repo.commit('config: lower the payments timeout, shrink the pool', at(-4), {
      'config/payments.yaml': 'payments:\n  client:\n    timeout: 1s\n    base_url: https://api.payprovider.example\n',
      'deploy/orders.yaml': 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: orders\nspec:\n  replicas: 6\n  template:\n    spec:\n      containers:\n        - name: api\n          image: registry.example.com/orders:1.4.1\n          resources:\n            limits:\n              memory: 256Mi\n',
      '.env.production': 'REDIS_URL=redis://redis-new:6379\nCACHE_TTL_SECONDS=60\n',
      'src/main/resources/application.properties': 'spring.datasource.hikari.maximum-pool-size=5\nspring.datasource.hikari.connection-timeout=30000\n',
      'infra/db.tf': 'resource "aws_db_instance" "orders" {\n  instance_class = "db.t4g.small"\n  max_allocated_storage = 500\n}\n',
      'config/limits.toml': '[http]\nrate_limit = 10\n',
    })
    repo.commit('Upgrade the prod cluster to Kubernetes v1.24.10', at(-2), {'clusters/prod/cluster.yaml': 'name: prod\nkubernetes_version: v1.24.10\n'})
    commits = (await collectChanges({repo: repo.dir, onset, lookbackMs: minutes(48 * 60), now: at(60)})).digest.commits
  })
  afterAll(() => repo.remove())

  it('dates a commit by when it landed (committer time), not when it was written', () => {
    const commit = bySubject('store: compute totals from the rate cache')
    expect(commit.committedAt).toBe(at(-6).toISOString())
    expect(commit.minutesBeforeOnset).toBe(6)
  })

  it('names the functions a code change touched', () => {
    const file = bySubject('store: compute totals from the rate cache').files.find((f) => f.path === 'internal/store/orders.go')!
    expect(file.functions).toEqual(['Total'])
  })

  it('reads config diffs in YAML, Kubernetes manifests, .env, properties, HCL and TOML as key changes old → new', () => {
    const changes = bySubject('config: lower the payments timeout, shrink the pool').configChanges ?? []
    const pick = (key: string) => changes.find((c) => c.key === key)
    expect(pick('payments.client.timeout')).toMatchObject({file: 'config/payments.yaml', from: '5s', to: '1s'})
    expect(pick('spec.replicas')).toMatchObject({from: '3', to: '6'})
    expect(pick('spec.template.spec.containers[api].resources.limits.memory')).toMatchObject({from: '512Mi', to: '256Mi'})
    expect(pick('spec.template.spec.containers[api].image')).toMatchObject({from: 'registry.example.com/orders:1.4.0', to: 'registry.example.com/orders:1.4.1'})
    // A removed env entry: the key disappears (to null).
    expect(pick('spec.template.spec.containers[api].env[DATABASE_URL].value')).toMatchObject({to: null})
    expect(pick('REDIS_URL')).toMatchObject({from: 'redis://redis-master:6379', to: 'redis://redis-new:6379'})
    expect(pick('CACHE_TTL_SECONDS')).toMatchObject({from: '600', to: '60'})
    expect(pick('spring.datasource.hikari.maximum-pool-size')).toMatchObject({from: '50', to: '5'})
    expect(pick('spring.datasource.hikari.connection-timeout')).toBeUndefined()
    expect(pick('resource.aws_db_instance.orders.instance_class')).toMatchObject({from: 'db.r6g.large', to: 'db.t4g.small'})
    expect(pick('http.rate_limit')).toMatchObject({from: '100', to: '10'})
  })

  it('calls a configuration change that moves only versions a dependency upgrade', () => {
    expect(bySubject('Upgrade the prod cluster to Kubernetes v1.24.10')).toMatchObject({kind: 'dependency-upgrade', configChanges: [{key: 'kubernetes_version', from: 'v1.23.16', to: 'v1.24.10'}]})
    expect(bySubject('config: lower the payments timeout, shrink the pool').kind).toBe('config-change')
  })
})
