import {rng, every, writeEvents, writeJsonl, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20241119)
const live = new Date('2024-11-19T09:06:40Z').getTime()
const reverted = new Date('2024-11-19T10:02:30Z').getTime()
const bad = (d) => d.getTime() >= live && d.getTime() < reverted
const rid = () => `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`
// Rails 7.1 with lograge (key_value formatter, time added via custom_options) and the
// default Logger format for exceptions.
const lg = (d, o) => `time=${d.toISOString()} ` + Object.entries(o).map(([k, v]) => `${k}=${v}`).join(' ')
const ev = every(r, '2024-11-19T07:30:00Z', '2024-11-19T11:00:00Z', 250, (d) => {
  const req = rid()
  if (r.chance(0.18)) {
    const id = r.int(200000, 299999)
    const unshipped = r.chance(0.4)
    if (bad(d) && unshipped) {
      return [
        `F, [${d.toISOString().slice(0, 23)}${r.int(100, 999)} #${r.int(10, 30)}] FATAL -- : [${req}]`,
        `[${req}] ActionView::Template::Error (undefined method \`strftime' for nil):`,
        `[${req}]     11:   <tr><td>Order</td><td><%= @order.number %></td></tr>`,
        `[${req}]     12:   <tr><td>Placed</td><td><%= @order.created_at.strftime("%d %b %Y") %></td></tr>`,
        `[${req}]     13:   <tr><td>Shipped</td><td><%= @order.shipped_at.strftime("%d %b %Y") %></td></tr>`,
        `[${req}]   `,
        `[${req}] app/views/receipts/show.pdf.erb:13`,
        `[${req}] app/controllers/receipts_controller.rb:9:in \`show'`,
        lg(d, {request_id: req, method: 'GET', path: `/orders/${id}/receipt.pdf`, format: 'pdf', controller: 'ReceiptsController', action: 'show', status: 500, error: "'ActionView::Template::Error: undefined method `strftime' for nil'", allocations: r.int(9000, 20000), duration: `${r.int(20, 90)}.${r.int(10, 99)}`, view: '0.00', db: `${r.int(1, 9)}.${r.int(10, 99)}`}),
      ]
    }
    return lg(d, {request_id: req, method: 'GET', path: `/orders/${id}/receipt.pdf`, format: 'pdf', controller: 'ReceiptsController', action: 'show', status: 200, allocations: r.int(30000, 90000), duration: `${r.int(120, 400)}.${r.int(10, 99)}`, view: `${r.int(100, 300)}.${r.int(10, 99)}`, db: `${r.int(1, 9)}.${r.int(10, 99)}`})
  }
  const [c, a, p] = r.pick([['OrdersController', 'index', '/orders'], ['OrdersController', 'show', `/orders/${r.int(200000, 299999)}`], ['ProductsController', 'show', `/products/${r.int(1, 900)}`], ['CartsController', 'update', '/cart']])
  return lg(d, {request_id: req, method: a === 'update' ? 'PATCH' : 'GET', path: p, format: 'html', controller: c, action: a, status: a === 'update' ? 302 : 200, allocations: r.int(4000, 40000), duration: `${r.int(8, 160)}.${r.int(10, 99)}`, view: `${r.int(2, 60)}.${r.int(10, 99)}`, db: `${r.int(1, 40)}.${r.int(10, 99)}`})
})
writeEvents(out(dir, 'logs/production.log'), ev)
const view = (shipped) => `<table>\n  <tr><td>Order</td><td><%= @order.number %></td></tr>\n  <tr><td>Placed</td><td><%= @order.created_at.strftime("%d %b %Y") %></td></tr>\n${shipped ? '  <tr><td>Shipped</td><td><%= @order.shipped_at.strftime("%d %b %Y") %></td></tr>\n' : ''}</table>\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'shop: receipts as PDF (wicked_pdf)', author: people.dana, at: '2024-03-04T10:00:00Z', files: {'Gemfile': "source 'https://rubygems.org'\ngem 'rails', '~> 7.1'\ngem 'wicked_pdf'\ngem 'lograge'\n", 'app/controllers/receipts_controller.rb': 'class ReceiptsController < ApplicationController\n  def show\n    @order = current_user.orders.find(params[:order_id])\n    render pdf: "receipt-#{@order.number}"\n  end\nend\n', 'app/views/receipts/show.pdf.erb': view(false), 'README.md': '# shop\n'}},
  {subject: 'receipts: cache rendered PDFs for 10 minutes', author: people.eli, at: '2024-10-29T11:00:00Z', files: {'app/controllers/receipts_controller.rb': 'class ReceiptsController < ApplicationController\n  def show\n    @order = current_user.orders.find(params[:order_id])\n    expires_in 10.minutes\n    render pdf: "receipt-#{@order.number}"\n  end\nend\n'}},
  {subject: 'Bump rubocop-rails from 2.27.0 to 2.27.1', author: people.bot, at: '2024-11-18T04:00:00Z', files: {'Gemfile.lock': 'rubocop-rails (2.27.1)\n'}},
  {subject: 'receipts: show the ship date on PDF receipts', body: 'Support asked for it: customers forward receipts to their accounting.', author: people.chen, at: '2024-11-15T17:20:00Z', committedAt: '2024-11-19T08:41:00Z', files: {'app/views/receipts/show.pdf.erb': view(true)}},
  {subject: 'orders index: show 25 per page', author: people.fay, at: '2024-11-19T08:50:00Z', files: {'app/controllers/orders_controller.rb': 'class OrdersController < ApplicationController\n  PER_PAGE = 25\nend\n'}},
  {subject: 'Revert "receipts: show the ship date on PDF receipts"', body: 'This reverts the ship date row: shipped_at is nil until the order ships.', author: people.chen, at: '2024-11-19T09:55:00Z', files: {'app/views/receipts/show.pdf.erb': view(false)}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-11-18T15:00:00Z', service: 'shop', sha: 'release-317', kind: 'deploy', description: 'shop release-317'},
  {time: '2024-11-19T09:06:00Z', service: 'shop', sha: 'release-318', kind: 'deploy', description: 'shop release-318'},
  {time: '2024-11-19T10:02:00Z', service: 'shop', sha: 'release-319', kind: 'deploy', description: 'shop release-319 (revert)'},
])
