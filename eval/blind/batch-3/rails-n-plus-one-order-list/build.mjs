import {rng, every, writeEvents, writeJsonl, writePromRange, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230207)
const release = '2023-02-07T13:40:00Z'
const nplus = (d) => minutesSince(d, release) >= 0
// Traffic rises into the afternoon; with one extra query per line item the database CPU follows.
const load = (d) => 1 + 0.5 * Math.min(1, Math.max(0, minutesSince(d, '2023-02-07T13:00:00Z') / 120))
const rl = (d, pid, lvl, msg) => `${lvl[0]}, [${d.toISOString().replace('Z', '').padEnd(23, '0')}${String(r.int(0, 999)).padStart(3, '0')} #${pid}] ${lvl.padStart(5)} -- : ${msg}`
const rails = every(r, '2023-02-07T12:30:00Z', '2023-02-07T15:30:00Z', 1500, (d) => {
  const pid = r.pick([11, 14, 17, 20])
  const rid = `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`
  const list = r.chance(0.45)
  const path = list ? `/orders?page=${r.int(1, 6)}` : r.pick(['/cart', '/products/' + r.int(100, 9999), '/account'])
  const out = [rl(d, pid, 'INFO', `[${rid}] Started GET "${path}" for 10.0.${r.int(1, 9)}.${r.int(2, 250)} at ${d.toISOString().replace('T', ' ').slice(0, 19)} +0000`)]
  let db = r.int(3, 12)
  if (list) {
    out.push(rl(d, pid, 'INFO', `[${rid}] Processing by OrdersController#index as HTML`))
    out.push(rl(d, pid, 'DEBUG', `[${rid}]   Order Load (${(2 + r() * 3).toFixed(1)}ms)  SELECT "orders".* FROM "orders" WHERE "orders"."customer_id" = $1 ORDER BY "orders"."created_at" DESC LIMIT $2 OFFSET $3  [["customer_id", ${r.int(1000, 99999)}], ["LIMIT", 25], ["OFFSET", 0]]`))
    if (nplus(d)) {
      const items = r.int(12, 30)
      const slow = 1 + 2.8 * Math.max(0, load(d) - 1)
      for (let i = 0; i < items; i++) out.push(rl(d, pid, 'DEBUG', `[${rid}]   Product Load (${(0.4 * slow + r() * slow).toFixed(1)}ms)  SELECT "products".* FROM "products" WHERE "products"."id" = $1 LIMIT $2  [["id", ${r.int(100, 9999)}], ["LIMIT", 1]]`))
      out.push(rl(d, pid, 'DEBUG', `[${rid}]   ↳ app/views/orders/_line_item.html.erb:1`))
      db = Math.round(items * (2.5 * slow + r()) + 8)
    }
  }
  const views = r.int(15, 90)
  out.push(rl(new Date(d.getTime() + db + views), pid, 'INFO', `[${rid}] Completed 200 OK in ${db + views + r.int(2, 9)}ms (Views: ${views}.${r.int(0, 9)}ms | ActiveRecord: ${db}.${r.int(0, 9)}ms | Allocations: ${r.int(20000, 300000)})`))
  return out
})
writeEvents(out(dir, 'logs/production.log'), rails)
const from = '2023-02-07T12:30:00Z'
const to = '2023-02-07T15:30:00Z'
writePromRange(out(dir, 'metrics/db-and-latency.json'), from, to, 60000, [
  {metric: {__name__: 'pg_stat_database_xact_commit_rate', datname: 'shop_production'}, value: (d) => (nplus(d) ? 2600 * load(d) : 320 * load(d)) * (0.95 + r() * 0.1)},
  {metric: {__name__: 'rds_cpu_utilization_percent', dbinstance: 'shop-production'}, value: (d) => Math.min(98, (nplus(d) ? 58 * load(d) : 21 * load(d)) + r() * 4)},
  {metric: {__name__: 'http_request_duration_p95_seconds', controller: 'orders', action: 'index'}, value: (d) => (nplus(d) ? 0.4 + 2.4 * (load(d) - 1) * 2 : 0.09) + r() * 0.03},
  {metric: {__name__: 'http_requests_per_second', app: 'shop-web'}, value: (d) => 15 * load(d) * (0.95 + r() * 0.1)},
])
const files = {
  'Gemfile': "source 'https://rubygems.org'\ngem 'rails', '~> 7.0.4'\ngem 'pg', '~> 1.4'\ngem 'puma', '~> 6.0'\n",
  'app/controllers/orders_controller.rb': 'class OrdersController < ApplicationController\n  def index\n    @orders = current_customer.orders.order(created_at: :desc).page(params[:page])\n  end\nend\n',
  'app/views/orders/_line_item.html.erb': '<li><%= line_item.quantity %> × <%= line_item.name %></li>\n',
  'db/schema.rb': 'ActiveRecord::Schema[7.0].define(version: 2023_01_10_000000) do\nend\n',
  'README.md': '# shop-web\n',
}
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'shop-web: Rails storefront', author: people.ana, at: '2022-06-01T10:00:00Z', files},
  {subject: 'orders: eager-load the customer on the order list', author: people.eli, at: '2023-01-17T10:30:00Z', files: {'app/controllers/orders_controller.rb': 'class OrdersController < ApplicationController\n  def index\n    @orders = current_customer.orders.includes(:customer).order(created_at: :desc).page(params[:page])\n  end\nend\n'}},
  {subject: 'orders: show product thumbnails in the order list', author: people.fay, at: '2023-02-07T10:20:00Z', body: 'Each line item shows its product thumbnail and current title.', files: {'app/views/orders/_line_item.html.erb': '<li><%= image_tag line_item.product.thumbnail_url %> <%= line_item.quantity %> × <%= line_item.product.title %></li>\n', 'app/views/orders/index.html.erb': '<% @orders.each do |order| %>\n  <ul><%= render partial: "line_item", collection: order.line_items %></ul>\n<% end %>\n'}},
  {subject: 'Add gift_message to orders', author: people.chen, at: '2023-02-07T11:05:00Z', files: {'db/migrate/20230207110500_add_gift_message_to_orders.rb': 'class AddGiftMessageToOrders < ActiveRecord::Migration[7.0]\n  def change\n    add_column :orders, :gift_message, :text\n  end\nend\n', 'db/schema.rb': 'ActiveRecord::Schema[7.0].define(version: 2023_02_07_110500) do\nend\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: release, service: 'shop-web', version: '2023.02.07.2', sha: shaOf(repo, 'Add gift_message to orders'), kind: 'deploy', description: 'shop-web 2023.02.07.2 (runs db:migrate)'},
])
