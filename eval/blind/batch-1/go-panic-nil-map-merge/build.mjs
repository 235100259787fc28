import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, goService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240709)
const onset = '2024-07-09T10:12:00Z'
const logs = every(r, '2024-07-09T09:30:00Z', '2024-07-09T10:50:00Z', 800, (d) => {
  if (minutesSince(d, onset) >= 0 && r.chance(0.3)) return [
    `${fmt.go(d)} http: panic serving 10.2.${r.int(0, 9)}.${r.int(2, 250)}:${r.int(30000, 60000)}: assignment to entry in nil map`,
    `goroutine ${r.int(1000, 90000)} [running]:`,
    'net/http.(*conn).serve.func1()',
    '\t/usr/local/go/src/net/http/server.go:1868 +0xb9',
    'panic({0x8a4f20?, 0xa1c2f0?})',
    '\t/usr/local/go/src/runtime/panic.go:920 +0x270',
    'example.com/cart-api/internal/cart.(*Cart).Merge(0xc0001b2000, 0xc0003a6c00)',
    '\t/build/internal/cart/merge.go:41 +0x1c5',
    'example.com/cart-api/internal/api.(*Handler).checkout(0xc000122d80, {0xa27f10, 0xc0004d81c0}, 0xc0001e4300)',
    '\t/build/internal/api/checkout.go:77 +0x2f4',
    'net/http.HandlerFunc.ServeHTTP(0x0?, {0xa27f10?, 0xc0004d81c0?}, 0x0?)',
    '\t/usr/local/go/src/net/http/server.go:2136 +0x29',
  ]
  return `${fmt.go(d)} checkout ok cart=${r.hex(8)} items=${r.int(1, 6)} guest=${r.chance(0.3)} latency=${r.int(20, 90)}ms`
})
writeEvents(out(dir, 'logs/cart-api.log'), logs)
const merge = (body) => `package cart\n\ntype Cart struct {\n\tItems  []Item\n\tTotals map[string]int64\n}\n\n// Merge folds a guest cart into the signed-in cart.\nfunc (c *Cart) Merge(other *Cart) {\n${body}}\n`
const old = '\tfor _, it := range other.Items {\n\t\tc.Items = append(c.Items, it)\n\t}\n'
const neu = '\tfor _, it := range other.Items {\n\t\tc.Items = append(c.Items, it)\n\t}\n\t// keep a running total per currency so checkout can show mixed-currency carts\n\tfor _, it := range other.Items {\n\t\tc.Totals[it.Currency] += it.PriceMinor * int64(it.Qty)\n\t}\n'
buildRepo(out(dir, 'repo'), [
  {subject: 'cart-api: guest cart merge at checkout', author: people.ana, at: '2024-05-02T10:00:00Z', files: {...goService('example.com/cart-api'), 'internal/cart/merge.go': merge(old), 'internal/cart/item.go': 'package cart\n\ntype Item struct {\n\tSKU        string\n\tQty        int\n\tPriceMinor int64\n\tCurrency   string\n}\n', 'internal/api/checkout.go': 'package api\n\nfunc (h *Handler) checkout(w http.ResponseWriter, r *http.Request) {\n\th.cart.Merge(guest)\n}\n', 'internal/search/query.go': 'package search\n\nfunc Build(q string) string { return q }\n'}},
  {subject: 'docs: checkout sequence diagram', author: people.ben, at: '2024-07-09T08:30:00Z', files: {'docs/checkout.md': '# Checkout\n\nclient -> cart-api -> payments\n'}},
  {subject: 'search: split query builder into tokens and filters', author: people.chen, at: '2024-07-09T09:20:00Z', files: {'internal/search/query.go': 'package search\n\nfunc Build(q string) string { return tokens(q) + filters(q) }\n', 'internal/search/tokens.go': 'package search\n\nfunc tokens(q string) string { return q }\n\nfunc filters(q string) string { return "" }\n'}},
  {subject: 'cart: track totals per currency when merging guest carts', author: people.dana, at: '2024-07-08T16:40:00Z', committedAt: '2024-07-09T10:05:00Z', committer: people.merge, files: {'internal/cart/merge.go': merge(neu)}},
  {subject: 'api: add request id to checkout logs', author: people.eli, at: '2024-07-09T10:40:00Z', files: {'internal/api/requestid.go': 'package api\n\n// requestID middleware adds X-Request-Id to every log line\n'}},
])
