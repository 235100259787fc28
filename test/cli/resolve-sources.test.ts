import {describe, expect, it} from 'vitest'

import {resolveLiveSources} from '../../src/cli/resolve-sources.js'
import {FileConfigSchema} from '../../src/config/config.js'
import {UsageError, UserError} from '../../src/errors/errors.js'

const context = (config: unknown = {}, extra: Partial<Parameters<typeof resolveLiveSources>[1]> = {}) => ({
  config: FileConfigSchema.parse(config),
  configPath: '/repo/.incident-response.json',
  service: null,
  metricsUrls: [],
  env: {},
  ...extra,
})

describe('resolveLiveSources', () => {
  it('takes flags over the config file, a --metrics URL as Prometheus, and the service as the Loki selector', () => {
    const sources = resolveLiveSources(
      {loki: 'http://loki:3100/', 'kube-namespace': 'shop'},
      context({sources: {loki: {url: 'http://other:3100', tenant: 'team-a'}, elasticsearch: {url: 'https://es:9200'}}}, {service: 'checkout', metricsUrls: ['http://prom:9090']}),
    )
    expect(sources).toEqual({
      prometheus: {url: 'http://prom:9090', queries: []},
      loki: {url: 'http://loki:3100', selector: '{service_name="checkout"}', tenant: 'team-a'},
      elasticsearch: {url: 'https://es:9200', index: 'logs-*,filebeat-*,logstash-*'},
      kubernetes: {context: null, namespace: 'shop', labelSelector: null},
    })
    expect(resolveLiveSources({}, context())).toBeUndefined()
  })

  it('names the file and the entry of a bad query in the config file', () => {
    const config = {sources: {prometheus: {url: 'http://prom:9090', queries: [{name: 'ok_one', expr: 'up'}, {name: 'bad-name', expr: 'up'}]}}}
    expect(() => resolveLiveSources({}, context(config))).toThrow(UserError)
    expect(() => resolveLiveSources({}, context(config))).toThrow('/repo/.incident-response.json: sources.prometheus.queries[1] (bad-name) is invalid: name: a metric-style name')
  })

  it('refuses --promql without a Prometheus, a selector that is not one, and a URL with credentials', () => {
    expect(() => resolveLiveSources({promql: ['a=up']}, context())).toThrow(UsageError)
    expect(() => resolveLiveSources({loki: 'http://loki:3100', 'loki-selector': 'app=checkout'}, context())).toThrow('is not a LogQL stream selector')
    expect(() => resolveLiveSources({loki: 'http://loki:3100'}, context())).toThrow('--loki needs a stream selector')
    expect(() => resolveLiveSources({elasticsearch: 'https://elastic:pw@es:9200'}, context())).toThrow('--elasticsearch carries credentials in the URL')
  })
})
