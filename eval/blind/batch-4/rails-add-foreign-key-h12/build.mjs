import {rng, every, at, writeEvents, writeJsonl, fmt, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240206)
// Heroku release phase runs `rails db:migrate` at 14:02; ADD FOREIGN KEY validates 41M order rows
// holding SHARE ROW EXCLUSIVE on orders and customers until 14:31.
const lockFrom = new Date('2024-02-06T14:02:20Z').getTime()
const lockTo = new Date('2024-02-06T14:31:05Z').getTime()
const locked = (d) => d.getTime() >= lockFrom && d.getTime() < lockTo
// Heroku log drain: "<ts> heroku[router]: ..." / "<ts> app[web.N]: ..."
const hts = (d) => d.toISOString().replace('Z', '000+00:00')
const reqId = () => `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`
const router = every(r, '2024-02-06T12:30:00Z', '2024-02-06T15:10:00Z', 300, (d) => {
  const write = r.chance(0.3)
  const path = write ? r.pick(['/orders', '/checkout/confirm', '/customers/profile']) : r.pick(['/products', '/products/search?q=lamp', '/', '/cart'])
  const method = write ? 'POST' : 'GET'
  const dyno = `web.${r.int(1, 6)}`
  const fwd = `"${r.pick(['198.51.100', '203.0.113', '192.0.2'])}.${r.int(1, 254)}"`
  if (locked(d) && (write || r.chance(0.25))) {
    return `${hts(d)} heroku[router]: at=error code=H12 desc="Request timeout" method=${method} path="${path}" host=shop.example.com request_id=${reqId()} fwd=${fwd} dyno=${dyno} connect=${r.int(0, 2)}ms service=30000ms status=503 bytes=0 protocol=https`
  }
  return `${hts(d)} heroku[router]: at=info method=${method} path="${path}" host=shop.example.com request_id=${reqId()} fwd=${fwd} dyno=${dyno} connect=${r.int(0, 2)}ms service=${r.int(12, 240)}ms status=${write ? 302 : 200} bytes=${r.int(800, 30000)} protocol=https`
})
const app = every(r, '2024-02-06T12:30:00Z', '2024-02-06T15:10:00Z', 2000, (d) => {
  const dyno = `web.${r.int(1, 6)}`
  if (locked(d) && r.chance(0.6)) {
    return `${hts(d)} app[${dyno}]: E, [${d.toISOString().slice(0, 23)} #${r.int(4, 40)}] ERROR -- : [${reqId()}] Rack::Timeout::RequestTimeoutException (Request ran for longer than 28000ms ):`
  }
  return `${hts(d)} app[${dyno}]: I, [${d.toISOString().slice(0, 23)} #${r.int(4, 40)}]  INFO -- : [${reqId()}] Completed 200 OK in ${r.int(10, 200)}ms (Views: ${r.int(2, 40)}.${r.int(1, 9)}ms | ActiveRecord: ${r.int(1, 60)}.${r.int(1, 9)}ms | Allocations: ${r.int(2000, 40000)})`
})
const release = [
  at('2024-02-06T14:01:30Z', `${hts(new Date('2024-02-06T14:01:30Z'))} app[api]: Release v812 created by user deploy-bot@shop.example.com`),
  at('2024-02-06T14:01:50Z', `${hts(new Date('2024-02-06T14:01:50Z'))} app[release.8841]: == 20240205161200 AddCustomerForeignKeyToOrders: migrating ===============`),
  at('2024-02-06T14:01:50.5Z', `${hts(new Date('2024-02-06T14:01:50.5Z'))} app[release.8841]: -- add_foreign_key(:orders, :customers)`),
  at('2024-02-06T14:31:04Z', `${hts(new Date('2024-02-06T14:31:04Z'))} app[release.8841]:    -> 1753.9112s`),
  at('2024-02-06T14:31:04.2Z', `${hts(new Date('2024-02-06T14:31:04.2Z'))} app[release.8841]: == 20240205161200 AddCustomerForeignKeyToOrders: migrated (1753.9115s) ======`),
  at('2024-02-06T14:31:30Z', `${hts(new Date('2024-02-06T14:31:30Z'))} app[api]: Deploy 5d1f0c2 by user deploy-bot@shop.example.com`),
]
writeEvents(out(dir, 'logs/heroku-drain.log'), router, app, release)
// Heroku Postgres log lines (log_lock_waits) as the drain shows them.
const pg = every(r, '2024-02-06T14:02:25Z', '2024-02-06T14:31:05Z', 9000, (d) => {
  const pid = r.int(20000, 29999)
  return [
    `${hts(d)} app[postgres.${pid}]: [DATABASE] [${r.int(10, 99)}-1]  sql_error_code = 00000 time_ms = "${d.toISOString().replace('T', ' ').slice(0, 23)} UTC" pid="${pid}" proc_start_time="2024-02-06 14:0${r.int(2, 9)}:0${r.int(0, 9)} UTC" session_id="65c2${r.hex(4)}.${r.hex(4)}" vtid="${r.int(3, 40)}/${r.int(1000, 99999)}" tid="0" log_line="2" database="d8f2k1" connection_source="10.1.${r.int(0, 9)}.${r.int(2, 250)}(5${r.int(1000, 9999)})" user="u3kq9" application_name="puma: cluster worker" LOG:  process ${pid} still waiting for RowExclusiveLock on relation 16412 of database 16384 after 1000.${r.int(100, 999)} ms`,
    `${hts(d)} app[postgres.${pid}]: [DATABASE] [${r.int(10, 99)}-2]  sql_error_code = 00000 time_ms = "${d.toISOString().replace('T', ' ').slice(0, 23)} UTC" pid="${pid}" DETAIL:  Process holding the lock: 18841. Wait queue: ${pid}.`,
    `${hts(d)} app[postgres.${pid}]: [DATABASE] [${r.int(10, 99)}-3]  sql_error_code = 00000 STATEMENT:  INSERT INTO "orders" ("customer_id", "total_cents", "created_at", "updated_at") VALUES ($1, $2, $3, $4) RETURNING "id"`,
  ]
})
writeEvents(out(dir, 'logs/heroku-postgres.log'), pg)

const schema = (fk) => `ActiveRecord::Schema[7.1].define(version: ${fk ? '2024_02_05_161200' : '2024_01_22_101500'}) do\n  create_table "customers" do |t|\n    t.string "email", null: false\n  end\n  create_table "orders" do |t|\n    t.bigint "customer_id", null: false\n    t.integer "total_cents", null: false\n    t.string "coupon_code"\n  end\n${fk ? '  add_foreign_key "orders", "customers"\n' : ''}end\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'shop: Rails 7.1 storefront', author: people.ben, at: '2023-09-04T10:00:00Z', files: {'Gemfile': "source 'https://rubygems.org'\ngem 'rails', '~> 7.1.2'\ngem 'pg', '~> 1.5'\ngem 'puma', '~> 6.4'\ngem 'rack-timeout', '~> 0.6'\n", 'db/schema.rb': schema(false), 'app/models/order.rb': 'class Order < ApplicationRecord\n  belongs_to :customer\nend\n', 'Procfile': 'web: bundle exec puma -C config/puma.rb\nrelease: bundle exec rails db:migrate\n', 'README.md': '# shop\n'}},
  {subject: 'orders: index coupon_code for the promo report', author: people.chen, at: '2024-01-22T10:15:00Z', files: {'db/migrate/20240122101500_add_index_on_orders_coupon_code.rb': "class AddIndexOnOrdersCouponCode < ActiveRecord::Migration[7.1]\n  disable_ddl_transaction!\n\n  def change\n    add_index :orders, :coupon_code, algorithm: :concurrently\n  end\nend\n"}},
  {subject: 'Add foreign key from orders to customers', body: 'Orphaned orders showed up in the finance export; enforce the relation in the database.', author: people.eli, at: '2024-02-05T16:12:00Z', files: {'db/migrate/20240205161200_add_customer_foreign_key_to_orders.rb': 'class AddCustomerForeignKeyToOrders < ActiveRecord::Migration[7.1]\n  def change\n    add_foreign_key :orders, :customers\n  end\nend\n', 'db/schema.rb': schema(true)}},
  {subject: 'rubocop: enable Style/HashSyntax shorthand', author: people.ana, at: '2024-02-06T09:30:00Z', files: {'.rubocop.yml': 'Style/HashSyntax:\n  EnforcedShorthandSyntax: always\n'}},
  {subject: 'Bump puma from 6.4.0 to 6.4.2', author: people.bot, at: '2024-02-06T11:02:00Z', files: {'Gemfile': "source 'https://rubygems.org'\ngem 'rails', '~> 7.1.2'\ngem 'pg', '~> 1.5'\ngem 'puma', '~> 6.4.2'\ngem 'rack-timeout', '~> 0.6'\n"}},
  {subject: 'docs: how to run the promo report', author: people.chen, at: '2024-02-06T13:40:00Z', files: {'docs/promo-report.md': '# Promo report\n\nRun `rails promo:report` on a one-off dyno.\n'}},
  {subject: 'strong_migrations: add the gem and check new migrations', author: people.eli, at: '2024-02-06T16:20:00Z', files: {'config/initializers/strong_migrations.rb': 'StrongMigrations.start_after = 20240205161200\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-02-05T09:00:00Z', service: 'shop', version: 'v811', sha: shaOf(repo, 'orders: index coupon_code for the promo report'), kind: 'deploy', description: 'Heroku release v811'},
  {time: '2024-02-06T14:01:30Z', service: 'shop', version: 'v812', sha: shaOf(repo, 'docs: how to run the promo report'), kind: 'deploy', description: 'Heroku release v812 (release phase: rails db:migrate)'},
])
