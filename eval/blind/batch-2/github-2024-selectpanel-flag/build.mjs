import {rng, every, writeJson, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
const dir = process.argv[2]
const r = rng(20240724)
const flag = '2024-07-24T15:17:00Z'
const on = (d) => minutesSince(d, flag) >= 0.3
const rows = []
const add = (d, status, service, message, attrs) => rows.push({id: `AQAAAZD${r.hex(20)}`, type: 'log', attributes: {status, service, tags: ['env:production', `service:${service}`, 'team:identity', `version:${minutesSince(d, '2024-07-24T14:50:00Z') >= 0 ? '2024-07-24.6' : '2024-07-24.5'}`], timestamp: fmt.iso(d), host: `${service}-${r.hex(5)}`, message, attributes: attrs}})
every(r, '2024-07-24T14:30:00Z', '2024-07-24T17:30:00Z', 1200, (d) => {
  const org = r.pick(['acme-corp', 'globex', 'initech', 'umbrella-co', 'hooli'])
  const team = r.int(1000, 99999)
  const teamPage = r.chance(0.5)
  if (teamPage && on(d)) {
    if (r.chance(0.5)) add(d, 'error', 'github-web-frontend', "TypeError: Cannot read properties of undefined (reading 'value')", {error: {kind: 'TypeError', message: "Cannot read properties of undefined (reading 'value')", stack: "TypeError: Cannot read properties of undefined (reading 'value')\n    at SelectPanel.handleSubmit (https://github.githubassets.com/assets/ui_packages_select-panel_experimental-3f2a91.js:1:48211)\n    at HTMLFormElement.<anonymous> (https://github.githubassets.com/assets/app_components_teams_team-form-8c1d07.js:1:9902)"}, view: {url: `https://github.com/orgs/${org}/teams/new`}, usr: {org}})
    else add(d, 'warn', 'github-web', `Team saved without external group link: org=${org} team_id=${team} external_group_id=nil (idp sync enabled)`, {http: {method: r.pick(['POST', 'PATCH']), url_details: {path: `/orgs/${org}/teams`}, status_code: 302}, logger: {name: 'Teams::ExternalGroupLinker'}})
    return null
  }
  if (teamPage) add(d, 'info', 'github-web', `Team saved: org=${org} team_id=${team} external_group_id=${r.int(100, 9999)}`, {http: {method: 'POST', url_details: {path: `/orgs/${org}/teams`}, status_code: 302}, logger: {name: 'Teams::ExternalGroupLinker'}})
  else add(d, 'info', 'github-web', `Completed 200 OK in ${r.int(40, 400)}ms`, {http: {method: 'GET', url_details: {path: r.pick(['/', `/${org}/app/pulls`, `/orgs/${org}/people`, '/notifications'])}, status_code: 200}, duration: r.int(40, 400) * 1e6})
  return null
})
rows.sort((a, b) => (a.attributes.timestamp < b.attributes.timestamp ? 1 : -1))
writeJson(out(dir, 'logs/datadog-logs.json'), {data: rows, links: {next: `https://api.datadoghq.com/api/v2/logs/events?page%5Bcursor%5D=${r.hex(40)}`}, meta: {elapsed: 412, page: {after: r.hex(40)}, request_id: `pddv1ChZ${r.hex(20)}`, status: 'done'}})
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-07-24T13:00:00Z', service: 'github-web', version: '', sha: '', kind: 'feature-flag', description: 'copilot_chat_model_picker: enable for 25% of actors'},
  {time: '2024-07-24T14:50:00Z', service: 'github-web', version: '2024-07-24.6', sha: '8d41f0c29b7e6a5d4c3b2a1908f7e6d5c4b3a291', kind: 'deploy', description: 'github-web 2024-07-24.6 (41 pull requests)'},
  {time: flag, service: 'github-web', version: '', sha: '', kind: 'feature-flag', description: 'primer_experimental_selectpanel_teams: enable for 100% of actors'},
])
