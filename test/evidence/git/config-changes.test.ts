import {describe, expect, it} from 'vitest'

import {changedRanges, functionsAround} from '../../../src/evidence/git/changed-functions.js'
import {configFormatOf, diffConfig, flattenConfig} from '../../../src/evidence/git/config-changes.js'

describe('configFormatOf', () => {
  it.each([
    ['deploy/values.yaml', 'yaml'],
    ['config/app.json', 'json'],
    ['config/app.toml', 'toml'],
    ['.env', 'env'],
    ['.env.production', 'env'],
    ['src/main/resources/application.properties', 'properties'],
    ['setup.cfg', 'ini'],
    ['infra/main.tf', 'hcl'],
    ['nginx/site.conf', 'nginx'],
    ['package.json', null],
    ['pnpm-lock.yaml', null],
    ['Cargo.toml', null],
    ['src/app.ts', null],
  ])('%s → %s', (path, format) => {
    expect(configFormatOf(path)).toBe(format)
  })
})

describe('flattenConfig', () => {
  it('keys YAML list items by their name and Kubernetes documents by kind/name', () => {
    const text = 'kind: Deployment\nmetadata:\n  name: api\nspec:\n  replicas: 2\n---\nkind: Service\nmetadata:\n  name: api\nspec:\n  ports:\n    - name: http\n      port: 80\n'
    expect(Object.fromEntries(flattenConfig('yaml', text)!)).toMatchObject({'Deployment/api.spec.replicas': '2', 'Service/api.spec.ports[http].port': '80'})
  })

  it('reads INI sections, nginx blocks and HCL blocks', () => {
    expect(Object.fromEntries(flattenConfig('ini', '[pool]\nmax = 5 ; comment\n')!)).toEqual({'pool.max': '5'})
    expect(Object.fromEntries(flattenConfig('nginx', 'http {\n  location /api {\n    proxy_read_timeout 5s;\n  }\n}\n')!)).toEqual({'http.location./api.proxy_read_timeout': '5s'})
    expect(Object.fromEntries(flattenConfig('hcl', 'variable "timeout" {\n  default = 30 # seconds\n}\n')!)).toEqual({'variable.timeout.default': '30'})
  })

  it('says a broken file is unreadable rather than empty', () => {
    expect(flattenConfig('yaml', 'a: [unclosed\n')).toBeNull()
    expect(flattenConfig('json', '{"a":')).toBeNull()
    expect(diffConfig('config/app.json', '{"a": 1}', '{"a":')).toEqual([])
  })

  it('redacts secret values in key changes', () => {
    const [change] = diffConfig('.env', 'API_KEY=old\n', 'API_KEY=AKIAIOSFODNN7EXAMPLE\n')
    expect(change.to).not.toContain('AKIAIOSFODNN7EXAMPLE')
  })
})

describe('changed functions', () => {
  it('reads hunk ranges from a zero-context patch', () => {
    const patch = 'diff --git a/app/orders.py b/app/orders.py\n--- a/app/orders.py\n+++ b/app/orders.py\n@@ -4 +4,2 @@ def total(order):\n-    x\n+    y\n+    z\n'
    expect([...changedRanges(patch)]).toEqual([['app/orders.py', [[4, 5]]]])
  })

  it.each([
    ['python', 'class Orders:\n    def total(self, order):\n        value = 1\n        return value\n', [[3, 3]], ['total']],
    ['java', 'public class OrderService {\n    public BigDecimal place(Order order) {\n        return order.total();\n    }\n}\n', [[3, 3]], ['place']],
    ['typescript', 'export class Cart {\n  async checkout(cart: Cart): Promise<void> {\n    await pay(cart)\n  }\n}\n', [[3, 3]], ['checkout']],
    ['javascript arrow', 'export const refund = async (order) => {\n  return order.amount\n}\n', [[2, 2]], ['refund']],
    ['rust', 'pub async fn total(id: u64) -> u64 {\n    id * 2\n}\n', [[2, 2]], ['total']],
    ['a new function', 'def a():\n    pass\n\ndef b():\n    pass\n', [[4, 5]], ['b']],
  ])('%s', (_language, text, ranges, expected) => {
    expect(functionsAround(text, ranges as Array<[number, number]>)).toEqual(expected)
  })
})
