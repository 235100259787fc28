import {rng, every, writeEvents, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {execFileSync} from 'node:child_process'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20250115)
const flag = '2025-01-15T10:00:00Z'
const logs = every(r, '2025-01-15T09:20:00Z', '2025-01-15T10:30:00Z', 1000, (d) => {
  const th = `http-nio-8080-exec-${r.int(1, 120)}`
  const v2 = minutesSince(d, flag) >= 0 && r.chance(0.5)
  if (v2 && r.chance(0.35)) return [
    `${fmt.javaSpace(d)} ERROR 1 --- [${th}] c.e.checkout.CheckoutController          : checkout failed cart=${r.hex(10)} region=EU engine=v2`,
    'java.lang.ArithmeticException: Rounding necessary',
    '\tat java.base/java.math.BigDecimal.commonNeedIncrement(BigDecimal.java:4628)',
    '\tat java.base/java.math.BigDecimal.setScale(BigDecimal.java:2845)',
    '\tat com.example.checkout.tax.TaxEngineV2.round(TaxEngineV2.java:112)',
    '\tat com.example.checkout.tax.TaxEngineV2.compute(TaxEngineV2.java:64)',
    '\tat com.example.checkout.tax.TaxRouter.compute(TaxRouter.java:29)',
    '\tat com.example.checkout.CheckoutController.place(CheckoutController.java:88)',
  ]
  return `${fmt.javaSpace(d)}  INFO 1 --- [${th}] c.e.checkout.CheckoutController          : checkout ok cart=${r.hex(10)} region=${r.pick(['EU', 'US', 'UK'])} engine=${v2 ? 'v2' : 'v1'} in ${r.int(60, 240)}ms`
})
writeEvents(out(dir, 'logs/checkout.log'), logs)
const base = javaService('com.example.checkout', 'checkout')
const p = 'src/main/java/com/example/checkout/tax'
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'checkout: tax engine v1', author: people.ana, at: '2024-09-01T10:00:00Z', files: {...base, [`${p}/TaxEngineV1.java`]: 'package com.example.checkout.tax;\n\npublic class TaxEngineV1 implements TaxEngine {\n    public Money compute(Cart c) { return c.subtotal().multiply(c.rate()); }\n}\n', [`${p}/TaxRouter.java`]: 'package com.example.checkout.tax;\n\npublic class TaxRouter {\n    public Money compute(Cart c) { return v1.compute(c); }\n}\n'}},
  {subject: 'Tax engine v2 behind the tax-engine-v2 flag', author: people.chen, at: '2025-01-12T09:30:00Z', files: {[`${p}/TaxEngineV2.java`]: 'package com.example.checkout.tax;\n\nimport java.math.BigDecimal;\nimport java.math.RoundingMode;\n\npublic class TaxEngineV2 implements TaxEngine {\n    public Money compute(Cart c) {\n        BigDecimal tax = c.lines().stream().map(l -> l.net().multiply(l.rate())).reduce(BigDecimal.ZERO, BigDecimal::add);\n        return Money.of(round(tax), c.currency());\n    }\n\n    BigDecimal round(BigDecimal v) {\n        return v.setScale(2, RoundingMode.UNNECESSARY);\n    }\n}\n', [`${p}/TaxRouter.java`]: 'package com.example.checkout.tax;\n\npublic class TaxRouter {\n    public Money compute(Cart c) { return flags.enabled("tax-engine-v2", c) ? v2.compute(c) : v1.compute(c); }\n}\n'}},
  {subject: 'docs: tax engine v2 rollout plan', author: people.ben, at: '2025-01-14T16:00:00Z', files: {'docs/tax-v2-rollout.md': '# Tax engine v2 rollout\n\n5% -> 50% -> 100% of EU carts.\n'}},
  {subject: 'Checkout: log cart region on every request', author: people.fay, at: '2025-01-15T08:45:00Z', files: {'src/main/java/com/example/checkout/RequestLogging.java': 'package com.example.checkout;\n\npublic class RequestLogging {\n    String fields(Cart c) { return "cart=" + c.id() + " region=" + c.region(); }\n}\n'}},
])
const sha = (s) => execFileSync('git', ['log', '--format=%H %s'], {cwd: repo, encoding: 'utf8'}).split('\n').find((l) => l.endsWith(' ' + s)).split(' ')[0]
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2025-01-12T10:10:00Z', service: 'checkout', version: '2025.01.12-1', sha: sha('Tax engine v2 behind the tax-engine-v2 flag'), kind: 'deploy', description: 'checkout 2025.01.12-1 (tax engine v2 dark launch)'},
  {time: '2025-01-15T09:05:00Z', service: 'checkout', version: '2025.01.15-1', sha: sha('Checkout: log cart region on every request'), kind: 'deploy', description: 'checkout 2025.01.15-1'},
  {time: '2025-01-15T09:30:00Z', service: 'search', version: '', sha: '', kind: 'config', description: 'search: synonym list refresh'},
  {time: '2025-01-15T10:00:00Z', service: 'checkout', version: '', sha: '', kind: 'feature-flag', description: 'tax-engine-v2: enable for 50% of EU carts'},
])
