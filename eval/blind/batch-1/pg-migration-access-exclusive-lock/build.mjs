import {rng, every, at, writeEvents, writeJson, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240820)
const alter = '2024-08-20T12:02:10Z'
const pg = [
  ...every(r, '2024-08-20T11:30:00Z', '2024-08-20T12:25:00Z', 4000, (d) => {
    const pid = r.int(30000, 60000)
    if (minutesSince(d, alter) < 0) return `${fmt.pg(d)} [${pid}] LOG:  duration: ${r.int(1000, 1500)}.${r.int(100, 999)} ms  statement: SELECT * FROM order_items WHERE order_id = ANY($1)`
    return r.chance(0.6)
      ? [`${fmt.pg(d)} [${pid}] LOG:  process ${pid} still waiting for AccessShareLock on relation 16421 of database 16384 after 1000.112 ms`, `${fmt.pg(d)} [${pid}] DETAIL:  Process holding the lock: 48812. Wait queue: ${pid}, ${pid + 7}, ${pid + 19}.`, `${fmt.pg(d)} [${pid}] STATEMENT:  SELECT "orders".* FROM "orders" WHERE "orders"."id" = $1 LIMIT $2`]
      : [`${fmt.pg(d)} [${pid}] ERROR:  canceling statement due to statement timeout`, `${fmt.pg(d)} [${pid}] STATEMENT:  UPDATE "orders" SET "status" = $1 WHERE "orders"."id" = $2`]
  }),
  at(alter, `${fmt.pg(new Date(alter))} [48812] LOG:  statement: ALTER TABLE "orders" ADD "public_id" uuid DEFAULT gen_random_uuid() NOT NULL`),
]
writeEvents(out(dir, 'logs/postgresql.log'), pg)
const hits = []
every(r, '2024-08-20T11:30:00Z', '2024-08-20T12:25:00Z', 3000, (d) => {
  const bad = minutesSince(d, alter) > 0.3 && r.chance(0.85)
  hits.push({_index: '.ds-logs-orders-api-2024.08.20-000001', _id: r.hex(20), _score: null, _source: bad
    ? {'@timestamp': fmt.iso(d), log: {level: 'error'}, message: 'ActiveRecord::QueryCanceled: PG::QueryCanceled: ERROR:  canceling statement due to statement timeout', service: {name: 'orders-api'}, http: {request: {method: 'GET'}, response: {status_code: 500}}, url: {path: '/api/orders/' + r.int(1e5, 9e5)}}
    : {'@timestamp': fmt.iso(d), log: {level: 'info'}, message: 'Completed 200 OK', service: {name: 'orders-api'}, http: {request: {method: 'GET'}, response: {status_code: 200}}, url: {path: '/api/orders/' + r.int(1e5, 9e5)}, event: {duration: r.int(10, 90) * 1e6}}, sort: [d.getTime()]})
  return null
})
hits.reverse()
writeJson(out(dir, 'logs/app-es-export.json'), {took: 41, timed_out: false, _shards: {total: 3, successful: 3, skipped: 0, failed: 0}, hits: {total: {value: hits.length, relation: 'eq'}, max_score: null, hits}})
buildRepo(out(dir, 'repo'), [
  {subject: 'orders-api: initial schema', author: people.ana, at: '2023-02-01T10:00:00Z', files: {'db/migrate/20230201100000_create_orders.rb': 'class CreateOrders < ActiveRecord::Migration[7.0]\n  def change\n    create_table :orders do |t|\n      t.string :status, null: false\n      t.bigint :total_minor, null: false\n      t.timestamps\n    end\n  end\nend\n', 'app/models/order.rb': 'class Order < ApplicationRecord\nend\n', 'config/database.yml': 'production:\n  adapter: postgresql\n  variables:\n    statement_timeout: 5s\n'}},
  {subject: 'rubocop: allow longer lines in specs', author: people.ben, at: '2024-08-20T09:30:00Z', files: {'.rubocop.yml': 'Layout/LineLength:\n  Exclude:\n    - spec/**/*\n'}},
  {subject: 'Add orders.public_id with gen_random_uuid() default', author: people.chen, at: '2024-08-20T11:40:00Z', files: {'db/migrate/20240820114000_add_public_id_to_orders.rb': 'class AddPublicIdToOrders < ActiveRecord::Migration[7.0]\n  def change\n    add_column :orders, :public_id, :uuid, default: -> { "gen_random_uuid()" }, null: false\n  end\nend\n', 'app/models/order.rb': 'class Order < ApplicationRecord\n  def to_param = public_id\nend\n'}},
  {subject: 'Grafana: orders dashboard JSON', author: people.fay, at: '2024-08-20T11:05:00Z', files: {'ops/dashboards/orders.json': '{"title": "orders", "panels": []}\n'}},
])
