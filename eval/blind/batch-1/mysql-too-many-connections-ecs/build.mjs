import {rng, every, at, writeEvents, writeCsvMetrics, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240212)
const bi = '2024-02-12T08:41:00Z'
const full = '2024-02-12T09:12:00Z'
const ecs = (d, level, message, extra = {}) => JSON.stringify({'@timestamp': fmt.iso(d), 'log.level': level, message, 'ecs.version': '1.6.0', 'service.name': 'shop-api', 'process.pid': r.int(100, 999), 'log.logger': 'app', ...extra})
const app = every(r, '2024-02-12T08:00:00Z', '2024-02-12T09:40:00Z', 500, (d) => {
  const path = r.pick(['/api/cart', '/api/checkout', '/api/products/4411', '/api/orders'])
  const m1 = minutesSince(d, bi), m2 = minutesSince(d, full)
  if (m2 >= 0 && r.chance(0.7)) return ecs(d, 'error', 'SQLSTATE[HY000] [1040] Too many connections', {'error.type': 'PDOException', 'error.message': 'SQLSTATE[HY000] [1040] Too many connections', 'url.path': path, 'http.response.status_code': 500})
  if (m1 >= 0 && path === '/api/checkout' && r.chance(0.25)) return ecs(d, 'error', 'SQLSTATE[HY000]: General error: 1205 Lock wait timeout exceeded; try restarting transaction', {'error.type': 'Illuminate\\Database\\QueryException', 'url.path': path, 'http.response.status_code': 500, 'event.duration': 50_000_000_000})
  return ecs(d, 'info', `${path} 200`, {'url.path': path, 'http.response.status_code': 200, 'event.duration': (m1 >= 0 ? r.int(800, 9000) : r.int(20, 160)) * 1_000_000})
})
writeEvents(out(dir, 'logs/shop-api.ecs.json'), app)
const slow = [
  ...every(r, '2024-02-12T08:00:00Z', '2024-02-12T09:40:00Z', 120000, (d) => [`# Time: ${fmt.iso(d).replace('Z', '000Z')}`, `# User@Host: shop_app[shop_app] @  [10.0.3.${r.int(2, 90)}]  Id: ${r.int(100000, 900000)}`, `# Query_time: ${(1 + r() * 2).toFixed(6)}  Lock_time: 0.000012 Rows_sent: 20  Rows_examined: ${r.int(20000, 90000)}`, `SET timestamp=${Math.floor(d.getTime() / 1000)};`, 'SELECT * FROM products WHERE category_id = 17 ORDER BY popularity DESC LIMIT 20;']),
  ...every(r, '2024-02-12T08:50:00Z', '2024-02-12T09:40:00Z', 40000, (d) => [`# Time: ${fmt.iso(d).replace('Z', '000Z')}`, `# User@Host: shop_app[shop_app] @  [10.0.3.${r.int(2, 90)}]  Id: ${r.int(100000, 900000)}`, `# Query_time: ${(50 + r() * 1).toFixed(6)}  Lock_time: ${(49 + r()).toFixed(6)} Rows_sent: 0  Rows_examined: 1`, `SET timestamp=${Math.floor(d.getTime() / 1000)};`, `UPDATE inventory SET reserved = reserved + 1 WHERE sku = 'SKU-${r.int(1000, 9999)}';`]),
  at('2024-02-12T09:13:30Z', ['# Time: 2024-02-12T09:13:30.000000Z', '# User@Host: analytics_ro[analytics_ro] @ bi-tool-01 [10.0.9.14]  Id: 771203', '# Query_time: 1950.221187  Lock_time: 0.000301 Rows_sent: 1204 Rows_examined: 918233410', 'SET timestamp=1707729210;', "SELECT o.region, i.sku, SUM(i.qty) FROM orders o JOIN order_items i ON i.order_id = o.id JOIN inventory v ON v.sku = i.sku WHERE o.created_at > '2023-01-01' GROUP BY o.region, i.sku FOR UPDATE;"]),
]
writeEvents(out(dir, 'logs/mysql-slow.log'), slow)
writeCsvMetrics(out(dir, 'metrics/mysql.csv'), '2024-02-12T08:00:00Z', '2024-02-12T09:40:00Z', 60000, {
  mysql_global_status_threads_connected: (d) => Math.min(500, Math.max(60, 60 + Math.max(0, minutesSince(d, bi)) * 14 + r.int(0, 8))),
  mysql_global_variables_max_connections: () => 500,
  mysql_global_status_innodb_row_lock_current_waits: (d) => (minutesSince(d, bi) >= 0 ? r.int(40, 420) : r.int(0, 2)),
  http_5xx_ratio: (d) => (minutesSince(d, full) >= 0 ? 0.6 + r() * 0.15 : minutesSince(d, bi) >= 0 ? 0.03 : 0.001),
})
buildRepo(out(dir, 'repo'), [
  {subject: 'Shop API: checkout reserves inventory', author: people.ana, at: '2023-11-02T10:00:00Z', files: {'app/Http/Controllers/CheckoutController.php': "<?php\n\nnamespace App\\Http\\Controllers;\n\nuse Illuminate\\Support\\Facades\\DB;\n\nclass CheckoutController extends Controller\n{\n    public function store()\n    {\n        DB::transaction(function () {\n            DB::update('UPDATE inventory SET reserved = reserved + 1 WHERE sku = ?', [request('sku')]);\n        });\n    }\n}\n", 'config/database.php': "<?php\n\nreturn ['connections' => ['mysql' => ['host' => env('DB_HOST', 'mysql-primary'), 'database' => 'shop']]];\n"}},
  {subject: 'Add Portuguese translations for cart page', author: people.fay, at: '2024-02-12T07:55:00Z', files: {'resources/lang/pt/cart.php': "<?php\n\nreturn ['title' => 'Carrinho', 'empty' => 'O seu carrinho está vazio'];\n"}},
  {subject: 'tests: extract checkout fixtures', author: people.ben, at: '2024-02-11T16:20:00Z', files: {'tests/Fixtures/checkout.php': "<?php\n\nreturn ['sku' => 'SKU-1001'];\n"}},
  {subject: 'Show a maintenance banner when the API returns 503', author: people.eli, at: '2024-02-12T09:35:00Z', files: {'resources/js/banner.js': "export const showBanner = (status) => status === 503\n"}},
])
