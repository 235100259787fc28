import {writeText, writeJsonl, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
import {event, list, toYaml} from '../../lib/k8s.mjs'
const dir = process.argv[2]
const boot = [
  'Puma starting in cluster mode...',
  '* Puma version: 5.6.2 (ruby 3.1.1-p18) ("Birdie\'s Version")',
  '*  Min threads: 5',
  '*  Max threads: 5',
  '*  Environment: production',
  '*   Master PID: 1',
  '*      Workers: 2',
  '*     Restarts: (✔) hot (✖) phased',
  '* Preloading application',
  '! Unable to load application: Psych::BadAlias: Unknown alias: default',
  'bundler: failed to load command: puma (/usr/local/bundle/bin/puma)',
  "/usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:430:in `visit_Psych_Nodes_Alias': Unknown alias: default (Psych::BadAlias)",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/visitor.rb:30:in `visit'",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/visitor.rb:6:in `accept'",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:35:in `accept'",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:345:in `block in revive_hash'",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:345:in `each'",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych/visitors/to_ruby.rb:345:in `revive_hash'",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych.rb:335:in `safe_load'",
  "\tfrom /usr/local/lib/ruby/3.1.0/psych.rb:370:in `load'",
  "\tfrom /app/config/initializers/app_settings.rb:4:in `<main>'",
  "\tfrom /usr/local/bundle/gems/railties-7.0.2.2/lib/rails/engine.rb:667:in `load'",
  "\tfrom /usr/local/bundle/gems/railties-7.0.2.2/lib/rails/initializable.rb:32:in `run'",
  "\tfrom /app/config/environment.rb:5:in `<main>'",
  "\tfrom config.ru:3:in `require_relative'",
]
writeText(out(dir, 'logs/web-previous.log'), boot.join('\n') + '\n')
const ns = 'storefront'
const pods = ['storefront-web-6b7f9c5d8-2vq4k', 'storefront-web-6b7f9c5d8-9xhtr', 'storefront-web-6b7f9c5d8-m4d7w']
const evs = [
  event({namespace: ns, kind: 'Deployment', name: 'storefront-web', reason: 'ScalingReplicaSet', message: 'Scaled up replica set storefront-web-6b7f9c5d8 to 1', component: 'deployment-controller', first: '2022-03-10T09:40:12Z'}),
  event({namespace: ns, kind: 'Deployment', name: 'storefront-web', reason: 'ScalingReplicaSet', message: 'Scaled down replica set storefront-web-5c6d8b7f4 to 5', component: 'deployment-controller', first: '2022-03-10T09:41:02Z'}),
  event({namespace: ns, kind: 'Deployment', name: 'storefront-web', reason: 'ScalingReplicaSet', message: 'Scaled up replica set storefront-web-6b7f9c5d8 to 3', component: 'deployment-controller', first: '2022-03-10T09:41:02Z'}),
]
pods.forEach((p, i) => {
  const t0 = new Date(Date.parse('2022-03-10T09:40:14Z') + i * 50000)
  const at = (s) => new Date(t0.getTime() + s * 1000).toISOString().replace('.000Z', 'Z')
  const host = `ip-10-1-${20 + i}-${40 + i * 7}.ec2.internal`
  evs.push(
    event({namespace: ns, name: p, reason: 'Scheduled', message: `Successfully assigned ${ns}/${p} to ${host}`, component: 'default-scheduler', first: at(0)}),
    event({namespace: ns, name: p, reason: 'Pulled', message: 'Successfully pulled image "registry.example.com/storefront/web:2022.03.10-1" in 4.812s', first: at(6), host, fieldPath: 'spec.containers{web}'}),
    event({namespace: ns, name: p, reason: 'Created', message: 'Created container web', first: at(7), last: at(700), count: 7, host, fieldPath: 'spec.containers{web}'}),
    event({namespace: ns, name: p, reason: 'Started', message: 'Started container web', first: at(7), last: at(700), count: 7, host, fieldPath: 'spec.containers{web}'}),
    event({namespace: ns, name: p, reason: 'BackOff', message: 'Back-off restarting failed container', type: 'Warning', first: at(40), last: at(760), count: 31, host, fieldPath: 'spec.containers{web}'}),
  )
})
writeText(out(dir, 'k8s/events.yaml'), toYaml(list(evs)))
const settings = (extra) => `default: &default\n  currency: EUR\n  support_email: support@example.com\n  checkout:\n    max_items: 50\n${extra}\nproduction:\n  <<: *default\n\ndevelopment:\n  <<: *default\n  support_email: dev@example.com\n`
const dockerfile = (v) => `FROM ruby:${v}-slim\nWORKDIR /app\nCOPY Gemfile Gemfile.lock ./\nRUN bundle install --without development test\nCOPY . .\nCMD ["bundle", "exec", "puma", "-C", "config/puma.rb"]\n`
const gemfile = (v) => `source "https://rubygems.org"\nruby "${v}"\n\ngem "rails", "~> 7.0.2"\ngem "puma", "~> 5.6"\ngem "pg", "~> 1.3"\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'storefront: Rails 7 app with YAML settings', author: people.ana, at: '2021-03-01T10:00:00Z', files: {
    Dockerfile: dockerfile('3.0.3'), Gemfile: gemfile('3.0.3'), '.ruby-version': '3.0.3\n', 'config/settings.yml': settings(''),
    'config/initializers/app_settings.rb': '# Application settings shared by every environment\nrequire "yaml"\n\nAppSettings = YAML.load(File.read(Rails.root.join("config/settings.yml")))[Rails.env]\n',
    'config/environment.rb': 'require_relative "application"\n\nRails.application.initialize!\n', 'README.md': '# storefront\n',
  }},
  {subject: 'settings: add feature toggles for the new checkout', author: people.dana, at: '2022-03-09T13:30:00Z', files: {'config/settings.yml': settings('  toggles:\n    one_page_checkout: false\n    saved_carts: true\n')}},
  {subject: 'rubocop: enable Style/HashSyntax', author: people.chen, at: '2022-03-09T17:00:00Z', files: {'.rubocop.yml': 'Style/HashSyntax:\n  EnforcedShorthandSyntax: always\n'}},
  {subject: 'README: how to run the test suite in Docker', author: people.ben, at: '2022-03-10T08:15:00Z', files: {'README.md': '# storefront\n\n`docker compose run web bin/rails test`\n'}},
  {subject: 'Upgrade Ruby from 3.0.3 to 3.1.1', author: people.eli, at: '2022-03-10T09:05:00Z', body: 'Ruby 3.1 brings YJIT and faster boot.', files: {Dockerfile: dockerfile('3.1.1'), Gemfile: gemfile('3.1.1'), '.ruby-version': '3.1.1\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2022-03-09T15:00:00Z', service: 'storefront-web', version: '2022.03.09-2', sha: shaOf(repo, 'settings: add feature toggles for the new checkout'), kind: 'deploy', description: 'storefront-web 2022.03.09-2'},
  {time: '2022-03-10T09:40:00Z', service: 'storefront-web', version: '2022.03.10-1', sha: shaOf(repo, 'Upgrade Ruby from 3.0.3 to 3.1.1'), kind: 'deploy', description: 'storefront-web 2022.03.10-1'},
])
