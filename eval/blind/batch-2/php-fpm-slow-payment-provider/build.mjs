import {rng, every, writeEvents, writeJsonl, accessLine, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240307)
const slow = '2024-03-07T14:01:40Z'
const healed = '2024-03-07T14:48:00Z'
const providerDown = (d) => minutesSince(d, slow) >= 0 && minutesSince(d, healed) < 0
const saturated = (d) => minutesSince(d, '2024-03-07T14:03:00Z') >= 0 && minutesSince(d, healed) < 0.5
const mono = (d) => d.toISOString().replace('Z', `${String(r.int(0, 999)).padStart(3, '0')}+00:00`)
const app = every(r, '2024-03-07T13:00:00Z', '2024-03-07T15:15:00Z', 2000, (d) => {
  const order = r.int(300000, 399999)
  if (providerDown(d) && r.chance(0.45)) return `[${mono(d)}] app.ERROR: Payment authorization failed {"order":${order},"provider":"acmepay","exception":"[object] (GuzzleHttp\\\\Exception\\\\ConnectException(code: 0): cURL error 28: Operation timed out after 30001 milliseconds with 0 bytes received (see https://curl.haxx.se/libcurl/c/libcurl-errors.html) for https://api.acmepay.example/v2/authorizations at /var/www/shop/vendor/guzzlehttp/guzzle/src/Handler/CurlFactory.php:210)"} []`
  if (r.chance(0.2)) return `[${mono(d)}] app.INFO: Payment authorized {"order":${order},"provider":"acmepay","elapsed_ms":${r.int(180, 900)}} []`
  if (r.chance(0.1)) return `[${mono(d)}] request.INFO: Matched route "catalog_category". {"route":"catalog_category","route_parameters":{"slug":"lamps"},"request_uri":"https://shop.example.com/catalog/lamps","method":"GET"} []`
  return null
})
writeEvents(out(dir, 'logs/app.log'), app)
const fpmTime = (d) => `${String(d.getUTCDate()).padStart(2, '0')}-Mar-2024 ${d.toISOString().slice(11, 19)}`
const fpm = every(r, '2024-03-07T13:00:00Z', '2024-03-07T15:15:00Z', 20000, (d) => {
  if (saturated(d)) return `[${fpmTime(d)}] WARNING: [pool www] server reached pm.max_children setting (40), consider raising it`
  if (r.chance(0.03)) return `[${fpmTime(d)}] NOTICE: [pool www] child ${r.int(20000, 30000)} exited with code 0 after ${r.int(3000, 9000)}.${r.int(100000, 999999)} seconds from start`
  return null
})
writeEvents(out(dir, 'logs/php-fpm.log'), fpm)
const nerr = every(r, '2024-03-07T13:00:00Z', '2024-03-07T15:15:00Z', 900, (d, i) => {
  if (!saturated(d)) return null
  const client = `${r.pick(['198.51.100', '203.0.113'])}.${r.int(1, 254)}`
  const path = r.pick(['/catalog/lamps', '/', '/checkout/pay', '/cart', '/product/3312'])
  return r.chance(0.55)
    ? `${fmt.go(d)} [error] 812#812: *${55000 + i} upstream timed out (110: Connection timed out) while reading response header from upstream, client: ${client}, server: shop.example.com, request: "GET ${path} HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "shop.example.com"`
    : `${fmt.go(d)} [error] 812#812: *${55000 + i} connect() to unix:/run/php/php8.2-fpm.sock failed (11: Resource temporarily unavailable) while connecting to upstream, client: ${client}, server: shop.example.com, request: "GET ${path} HTTP/1.1", upstream: "fastcgi://unix:/run/php/php8.2-fpm.sock:", host: "shop.example.com"`
})
writeEvents(out(dir, 'logs/nginx-error.log'), nerr)
const acc = every(r, '2024-03-07T13:00:00Z', '2024-03-07T15:15:00Z', 300, (d) => {
  const path = r.pick(['/catalog/lamps', '/', '/checkout/pay', '/cart', '/product/3312', '/static/shop.css'])
  const php = !path.startsWith('/static')
  let status = r.pick([200, 200, 200, 302])
  if (php && saturated(d) && r.chance(0.85)) status = r.chance(0.55) ? 504 : 502
  else if (path === '/checkout/pay' && providerDown(d)) status = 502
  return accessLine(r, d, {method: path === '/checkout/pay' ? 'POST' : 'GET', path, status, rt: status === 504 ? 60 : status === 502 ? 30 + r() : r() * 0.4})
})
writeEvents(out(dir, 'logs/nginx-access.log'), acc)
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'shop: Symfony storefront with AcmePay checkout', author: people.eli, at: '2023-06-01T10:00:00Z', files: {'composer.json': '{\n    "require": {"php": ">=8.2", "symfony/framework-bundle": "6.4.*", "guzzlehttp/guzzle": "^7.8"}\n}\n', 'src/Payment/AcmePayClient.php': "<?php\n\nnamespace App\\Payment;\n\nuse GuzzleHttp\\Client;\n\nfinal class AcmePayClient\n{\n    public function __construct(private Client $http = new Client(['base_uri' => 'https://api.acmepay.example', 'timeout' => 30])) {}\n\n    public function authorize(array $payload): array\n    {\n        return json_decode((string) $this->http->post('/v2/authorizations', ['json' => $payload])->getBody(), true);\n    }\n}\n", 'docker/php-fpm/www.conf': '[www]\npm = static\npm.max_children = 40\n', 'README.md': '# shop\n'}},
  {subject: 'catalog: cache the category tree for 10 minutes', author: people.fay, at: '2024-03-07T11:00:00Z', files: {'src/Catalog/CategoryTree.php': "<?php\n\nnamespace App\\Catalog;\n\nfinal class CategoryTree\n{\n    public const TTL = 600;\n}\n"}},
  {subject: 'checkout: coupon banner on the cart page', author: people.ana, at: '2024-03-07T13:05:00Z', files: {'templates/cart/_coupon_banner.html.twig': '<div class="banner">Spring sale: code SPRING10</div>\n'}},
  {subject: 'payment: 8s timeout and a circuit breaker around AcmePay', author: people.eli, at: '2024-03-07T16:30:00Z', files: {'src/Payment/AcmePayClient.php': "<?php\n\nnamespace App\\Payment;\n\nuse GuzzleHttp\\Client;\n\nfinal class AcmePayClient\n{\n    public function __construct(private Client $http = new Client(['base_uri' => 'https://api.acmepay.example', 'timeout' => 8, 'connect_timeout' => 2])) {}\n}\n"}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-03-07T11:10:00Z', service: 'shop-web', version: '2024.03.07-1', sha: shaOf(repo, 'catalog: cache the category tree for 10 minutes'), kind: 'deploy', description: 'shop-web 2024.03.07-1'},
  {time: '2024-03-07T13:10:00Z', service: 'shop-web', version: '2024.03.07-2', sha: shaOf(repo, 'checkout: coupon banner on the cart page'), kind: 'deploy', description: 'shop-web 2024.03.07-2'},
])
