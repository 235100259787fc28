import {rng, every, at, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, nodeService, docs} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20160322)
const gone = '2016-03-22T21:32:00Z'
const back = '2016-03-23T00:10:00Z'
const broken = (d) => minutesSince(d, gone) >= 0 && minutesSince(d, back) < 0
const ci = []
let build = 4810
every(r, '2016-03-22T17:00:00Z', '2016-03-23T01:00:00Z', 4 * 60000, (d) => {
  const n = build++
  const job = r.pick(['storefront-web', 'storefront-web', 'admin-ui', 'storefront-ssr'])
  const t = (s) => new Date(d.getTime() + s * 1000)
  const L = (s, lvl, msg) => ci.push({t: t(s).getTime(), text: `${fmt.iso(t(s))} ${lvl} [ci-runner-${n % 4}] ${job}#${n}: ${msg}`})
  L(0, 'INFO', `build started by push to ${r.pick(['main', 'main', 'feature/cart-badges', 'feature/seo-meta'])}`)
  L(1, 'INFO', 'node v5.9.0, npm 3.8.2')
  L(2, 'INFO', '$ npm install')
  if (broken(d)) {
    L(9, 'INFO', 'npm ERR! Linux 3.13.0-79-generic')
    L(9, 'INFO', 'npm ERR! argv "/usr/local/bin/node" "/usr/local/bin/npm" "install"')
    L(9, 'ERROR', 'npm ERR! 404 Registry returned 404 for GET on https://registry.npmjs.org/left-pad')
    L(9, 'ERROR', "npm ERR! 404 'left-pad' is not in the npm registry.")
    L(9, 'ERROR', 'npm ERR! 404 You should bug the author to publish it (or use the name yourself!)')
    L(9, 'ERROR', "npm ERR! 404 It was specified as a dependency of 'line-numbers'")
    L(9, 'INFO', 'npm ERR! Please include the following file with any support request: /build/npm-debug.log')
    L(10, 'ERROR', 'build FAILED (exit 1) in 10s; deploy stage skipped')
  } else {
    L(48, 'INFO', `added ${r.int(880, 905)} packages in 46s`)
    L(49, 'INFO', '$ npm run build')
    L(95, 'INFO', `webpack: bundle.js ${r.int(1400, 1460)} kB, built in ${r.int(38, 49)}s`)
    L(96, 'INFO', `build OK; deploy stage queued (${job} to production)`)
  }
  return null
})
ci.push(at('2016-03-23T00:05:00Z', `${fmt.iso(new Date('2016-03-23T00:05:00Z'))} INFO [ci-runner-0] cache: registry metadata cache purged by operator`))
writeEvents(out(dir, 'logs/ci.log'), ci)
const base = nodeService('storefront-web')
const pkg = (babel) => JSON.stringify({name: 'storefront-web', version: '3.4.0', scripts: {build: 'webpack -p', test: 'mocha'}, dependencies: {express: '^4.13.4', react: '^0.14.7'}, devDependencies: {'babel-core': babel, 'babel-loader': '^6.2.4', webpack: '^1.12.14'}}, null, 2) + '\n'
buildRepo(out(dir, 'repo'), [
  {subject: 'storefront-web: initial import', author: people.ana, at: '2015-11-02T10:00:00Z', files: {...base, 'package.json': pkg('^6.3.26'), 'docs/runbook.md': docs('Storefront runbook')}},
  {subject: 'cart: show a badge with the item count', author: people.chen, at: '2016-03-21T15:10:00Z', files: {'src/cart/badge.js': "module.exports = (n) => (n > 99 ? '99+' : String(n))\n"}},
  {subject: 'Bump babel-core from 6.6.5 to 6.7.2', author: people.bot, at: '2016-03-22T18:40:00Z', files: {'package.json': pkg('^6.7.2')}},
  {subject: 'seo: meta description per product page', author: people.fay, at: '2016-03-22T20:55:00Z', files: {'src/seo/meta.js': "module.exports = (p) => `<meta name=\"description\" content=\"${p.summary}\">`\n"}},
  {subject: 'ci: document the registry outage workaround', author: people.dana, at: '2016-03-23T00:30:00Z', files: {'docs/ci.md': '# CI\n\nIf the public registry loses a package, builds fail at npm install; pin a mirror.\n'}},
])
