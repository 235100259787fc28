import {rng, every, writeEvents, writeJsonl, fmt, minutesSince, accessLine, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20210315)
const removed = '2021-03-15T19:00:40Z'
const rolledBack = '2021-03-15T21:05:00Z'
const oldKid = 'nOo3ZDrODXEK1jKWhXslHR_KXEg'
const newKid = 'l3sQ-50cCH4xBVZLHTGwnSR7680'
// After the removal most cached metadata no longer holds the key that still signs tokens; the
// share of failures grows as instances refresh their OpenID metadata, and fades after the rollback.
const failShare = (d) => {
  const m = minutesSince(d, removed)
  if (m < 0) return 0
  const up = Math.min(0.92, 0.15 + m / 25)
  const rb = minutesSince(d, rolledBack)
  return rb < 0 ? up : Math.max(0.05, up * Math.exp(-rb / 40))
}
const app = []
const acc = []
const paths = ['/api/timesheets/current', '/api/projects?active=true', '/api/approvals/pending', '/api/me']
every(r, '2021-03-15T17:30:00Z', '2021-03-15T22:30:00Z', 450, (d) => {
  const path = r.pick(paths)
  const fail = r() < failShare(d)
  const pod = `timesheets-api-6d4f9c7b8-${r.pick(['x2k9p', 'mm4qz', 'r7t2c'])}`
  if (fail) {
    app.push({t: d.getTime(), text: JSON.stringify({'@t': fmt.iso(d), '@mt': 'Bearer was not authenticated. Failure message: {FailureMessage}', '@l': 'Information', FailureMessage: `IDX10501: Signature validation failed. Unable to match key: \nkid: '${oldKid}'.\nExceptions caught:\n ''. \ntoken: '[PII is hidden]'.`, SourceContext: 'Microsoft.AspNetCore.Authentication.JwtBearer.JwtBearerHandler', RequestPath: path.split('?')[0], MachineName: pod})})
    if (r.chance(0.5)) app.push({t: d.getTime() + 1, text: JSON.stringify({'@t': fmt.iso(new Date(d.getTime() + 1)), '@mt': 'Authorization failed. {Reason}', '@l': 'Information', Reason: 'These requirements were not met: DenyAnonymousAuthorizationRequirement: Requires an authenticated user.', SourceContext: 'Microsoft.AspNetCore.Authorization.DefaultAuthorizationService', MachineName: pod})})
    acc.push({t: d.getTime(), text: accessLine(r, d, {path, status: 401, bytes: 0, rt: r() * 0.01})})
  } else {
    const ms = r.int(18, 160)
    app.push({t: d.getTime(), text: JSON.stringify({'@t': fmt.iso(d), '@mt': 'HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms', '@l': 'Information', RequestMethod: 'GET', RequestPath: path.split('?')[0], StatusCode: 200, Elapsed: ms + r(), SourceContext: 'Serilog.AspNetCore.RequestLoggingMiddleware', MachineName: pod})})
    acc.push({t: d.getTime(), text: accessLine(r, d, {path, status: 200, rt: ms / 1000})})
  }
  return null
})
// Each instance refreshes the provider's signing-key metadata about every 24 minutes.
const refresh = []
for (const [i, off] of [[0, 3], [1, 11], [2, 19]]) {
  for (let t = new Date('2021-03-15T17:30:00Z').getTime() + off * 60000; t < new Date('2021-03-15T22:30:00Z').getTime(); t += 24 * 60000) {
    const d = new Date(t)
    const gone = minutesSince(d, removed) >= 0 && minutesSince(d, rolledBack) < 0
    refresh.push({t, text: JSON.stringify({'@t': fmt.iso(d), '@mt': 'Refreshed OpenID configuration from {MetadataAddress}; {KeyCount} signing keys', '@l': 'Information', MetadataAddress: 'https://login.microsoftonline.com/common/discovery/v2.0/keys', KeyCount: gone ? 2 : 3, SourceContext: 'Microsoft.IdentityModel.Protocols.ConfigurationManager', MachineName: `timesheets-api-6d4f9c7b8-${['x2k9p', 'mm4qz', 'r7t2c'][i]}`})})
  }
}
writeEvents(out(dir, 'logs/timesheets-api.clef'), app, refresh)
writeEvents(out(dir, 'logs/ingress-access.log'), acc)
const cs = (extra) => `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup><TargetFramework>net5.0</TargetFramework></PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Microsoft.AspNetCore.Authentication.JwtBearer" Version="5.0.4" />\n    <PackageReference Include="Serilog.AspNetCore" Version="4.0.0" />\n${extra}  </ItemGroup>\n</Project>\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'timesheets-api: ASP.NET Core service behind Azure AD', author: people.eli, at: '2020-10-05T09:00:00Z', files: {'Timesheets.Api/Timesheets.Api.csproj': cs(''), 'Timesheets.Api/Startup.cs': 'services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)\n    .AddJwtBearer(o => { o.Authority = "https://login.microsoftonline.com/common/v2.0"; o.Audience = "api://timesheets"; });\n', 'README.md': '# timesheets-api\n'}},
  {subject: 'approvals: list pending approvals for a manager', author: people.ana, at: '2021-03-15T16:20:00Z', files: {'Timesheets.Api/Controllers/ApprovalsController.cs': '[Authorize]\n[Route("api/approvals")]\npublic class ApprovalsController : ControllerBase { [HttpGet("pending")] public IActionResult Pending() => Ok(); }\n'}},
  {subject: 'Bump Serilog.AspNetCore from 3.4.0 to 4.0.0', author: people.bot, at: '2021-03-15T17:05:00Z', files: {'Timesheets.Api/Timesheets.Api.csproj': cs('    <PackageReference Include="Serilog.Sinks.Console" Version="3.1.1" />\n')}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2021-03-15T18:40:00Z', service: 'timesheets-api', version: '2021.03.15-2', sha: shaOf(repo, 'Bump Serilog.AspNetCore from 3.4.0 to 4.0.0'), kind: 'deploy', description: 'timesheets-api 2021.03.15-2 (approvals list, Serilog 4)'},
])
