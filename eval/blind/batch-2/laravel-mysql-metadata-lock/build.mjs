import {rng, every, writeEvents, writeJsonl, accessLine, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240514)
const alter = '2024-05-14T10:02:07Z'
const killed = '2024-05-14T10:31:05Z'
const blocked = (d) => minutesSince(d, alter) >= 0 && minutesSince(d, killed) < 0
const tooMany = (d) => minutesSince(d, '2024-05-14T10:08:30Z') >= 0 && blocked(d)
const lv = (d) => `[${fmt.plain(d)}]`
const laravel = every(r, '2024-05-14T09:30:00Z', '2024-05-14T11:00:00Z', 1800, (d) => {
  const id = r.int(70000, 99999)
  if (tooMany(d) && r.chance(0.6)) return `${lv(d)} production.ERROR: SQLSTATE[HY000] [1040] Too many connections (Connection: mysql, SQL: select * from \`orders\` where \`id\` = ${id} limit 1) {"exception":"[object] (Illuminate\\\\Database\\\\QueryException(code: 1040): SQLSTATE[HY000] [1040] Too many connections (Connection: mysql, SQL: select * from \`orders\` where \`id\` = ${id} limit 1) at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:829)\n[stacktrace]\n#0 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php(783): Illuminate\\\\Database\\\\Connection->runQueryCallback()\n#1 /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php(421): Illuminate\\\\Database\\\\Connection->run()\n#2 /var/www/html/app/Http/Controllers/OrderController.php(31): Illuminate\\\\Database\\\\Eloquent\\\\Builder->find()\n#3 {main}\n"} `
  if (blocked(d) && minutesSince(d, alter) > 0.5 && r.chance(0.7)) return `${lv(d)} production.ERROR: Maximum execution time of 30 seconds exceeded {"exception":"[object] (Symfony\\\\Component\\\\ErrorHandler\\\\Error\\\\FatalError(code: 0): Maximum execution time of 30 seconds exceeded at /var/www/html/vendor/laravel/framework/src/Illuminate/Database/Connection.php:416)\n[stacktrace]\n#0 {main}\n"} `
  if (r.chance(0.15)) return `${lv(d)} production.INFO: Order ${id} paid {"order_id":${id},"gateway":"stripe"} `
  return null
})
laravel.push({t: Date.parse('2024-05-14T10:01:58Z'), text: '[2024-05-14 10:01:58] production.INFO: Deploy 2024.05.14-1: running migrations {"pending":["2024_05_14_093000_add_customer_email_index_to_orders_table"]} '})
writeEvents(out(dir, 'logs/laravel.log'), laravel)
const plist = []
for (let t = Date.parse('2024-05-14T09:30:00Z'); t < Date.parse('2024-05-14T11:00:00Z'); t += 30000) {
  const d = new Date(t)
  const iso = fmt.isoSec(d)
  const sinceReport = Math.round((t - Date.parse('2024-05-14T09:40:11Z')) / 1000)
  const rows = []
  if (sinceReport > 0 && t < Date.parse(killed)) rows.push(`ts=${iso} id=87710 user=reporting host=10.0.7.21:40112 db=shop command=Sleep time=${Math.max(0, sinceReport - 95)} state="" info=NULL trx_started=2024-05-14T09:40:11Z`)
  if (blocked(d)) {
    rows.push(`ts=${iso} id=88007 user=deploy host=10.0.3.9:51873 db=shop command=Query time=${Math.round((t - Date.parse(alter)) / 1000)} state="Waiting for table metadata lock" info="alter table \`orders\` add index \`orders_customer_email_index\`(\`customer_email\`)"`)
    const n = Math.min(290, Math.round(minutesSince(d, alter) * 45))
    for (let k = 0; k < Math.min(n, 12); k++) rows.push(`ts=${iso} id=${88100 + k * 7 + Math.round(minutesSince(d, alter))} user=app host=10.0.3.${r.int(10, 40)}:${r.int(40000, 60000)} db=shop command=Query time=${r.int(1, Math.max(2, Math.round((t - Date.parse(alter)) / 1000)))} state="Waiting for table metadata lock" info="${r.pick(['select * from `orders` where `id` = ? limit 1', 'update `orders` set `status` = ?, `orders`.`updated_at` = ? where `id` = ?', 'select count(*) as aggregate from `orders` where `customer_id` = ?'])}"`)
    rows.push(`ts=${iso} summary=1 threads_connected=${Math.min(301, 40 + n)} max_connections=300 waiting_for_metadata_lock=${n}`)
  } else {
    rows.push(`ts=${iso} summary=1 threads_connected=${r.int(30, 45)} max_connections=300 waiting_for_metadata_lock=0`)
  }
  for (const text of rows) plist.push({t, text})
}
writeEvents(out(dir, 'logs/mysql-processlist.log'), plist)
const acc = every(r, '2024-05-14T09:30:00Z', '2024-05-14T11:00:00Z', 400, (d) => {
  const orders = r.chance(0.7)
  const path = orders ? r.pick(['/orders/' + r.int(70000, 99999), '/account/orders', '/checkout/confirm']) : r.pick(['/', '/catalog/lamps', '/static/app.css'])
  const status = blocked(d) && orders ? (r.chance(0.8) ? 504 : 500) : r.pick([200, 200, 302])
  return accessLine(r, d, {method: path.startsWith('/checkout') ? 'POST' : 'GET', path, status, rt: status === 504 ? 60 : r() * 0.3})
})
writeEvents(out(dir, 'logs/nginx-access.log'), acc)
const composer = (v) => JSON.stringify({name: 'example/shop', require: {php: '^8.2', 'laravel/framework': v}}, null, 4) + '\n'
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'shop: Laravel 10 storefront', author: people.ana, at: '2023-09-01T10:00:00Z', files: {'composer.json': composer('10.48.8'), 'app/Http/Controllers/OrderController.php': '<?php\n\nnamespace App\\Http\\Controllers;\n\nuse App\\Models\\Order;\n\nclass OrderController extends Controller\n{\n    public function show(int $id)\n    {\n        return view(\'orders.show\', [\'order\' => Order::findOrFail($id)]);\n    }\n}\n', 'database/migrations/2023_09_01_000000_create_orders_table.php': "<?php\n\nreturn new class extends Illuminate\\Database\\Migrations\\Migration {\n    public function up(): void\n    {\n        Schema::create('orders', function ($table) {\n            $table->id();\n            $table->string('customer_email');\n            $table->string('status');\n            $table->timestamps();\n        });\n    }\n};\n", 'README.md': '# shop\n'}},
  {subject: 'reports: nightly revenue export at 09:40 in one transaction', author: people.ben, at: '2024-02-12T10:00:00Z', files: {'app/Console/Commands/RevenueExport.php': "<?php\n\nnamespace App\\Console\\Commands;\n\nuse Illuminate\\Support\\Facades\\DB;\n\nclass RevenueExport extends \\Illuminate\\Console\\Command\n{\n    protected $signature = 'reports:revenue';\n\n    public function handle(): void\n    {\n        DB::transaction(function () {\n            // consistent snapshot across orders and payments; uploads can take a while\n        });\n    }\n}\n"}},
  {subject: 'composer: bump laravel/framework to 10.48.10', author: people.bot, at: '2024-05-13T09:00:00Z', files: {'composer.json': composer('10.48.10')}},
  {subject: 'orders: show customer email in the admin order list', author: people.fay, at: '2024-05-13T16:20:00Z', files: {'resources/views/admin/orders/index.blade.php': '<td>{{ $order->customer_email }}</td>\n'}},
  {subject: 'Add index on orders.customer_email', author: people.chen, at: '2024-05-14T09:30:00Z', files: {'database/migrations/2024_05_14_093000_add_customer_email_index_to_orders_table.php': "<?php\n\nuse Illuminate\\Database\\Migrations\\Migration;\nuse Illuminate\\Database\\Schema\\Blueprint;\nuse Illuminate\\Support\\Facades\\Schema;\n\nreturn new class extends Migration {\n    public function up(): void\n    {\n        Schema::table('orders', function (Blueprint $table) {\n            $table->index('customer_email');\n        });\n    }\n};\n"}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-05-13T17:00:00Z', service: 'shop', version: '2024.05.13-2', sha: shaOf(repo, 'orders: show customer email in the admin order list'), kind: 'deploy', description: 'shop 2024.05.13-2'},
  {time: '2024-05-14T10:01:50Z', service: 'shop', version: '2024.05.14-1', sha: shaOf(repo, 'Add index on orders.customer_email'), kind: 'deploy', description: 'shop 2024.05.14-1 (runs migrations)'},
])
