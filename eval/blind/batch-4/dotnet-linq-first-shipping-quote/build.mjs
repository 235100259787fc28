import {rng, every, at, writeEvents, writeJsonl, fmt, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, docs} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20240514)
const deploy = '2024-05-14T10:05:00Z'
// ASP.NET Core console logger with TimestampFormat "yyyy-MM-ddTHH:mm:ss.fffZ " and UseUtcTimestamp.
const ts = (d) => d.toISOString()
const conn = () => `0HN3${r.hex(8).toUpperCase()}`
const info = (d, cat, id, msg) => `${ts(d)} info: ${cat}[${id}]\n      ${msg}`
const api = every(r, '2024-05-14T08:30:00Z', '2024-05-14T11:30:00Z', 400, (d) => {
  const afterDeploy = d.getTime() >= new Date('2024-05-14T10:06:30Z').getTime()
  const v = r()
  if (v < 0.35) {
    const remote = afterDeploy && r.chance(0.09)
    if (remote) {
      const c = conn()
      return [
        `${ts(d)} fail: Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware[1]`,
        `      An unhandled exception has occurred while executing the request.`,
        `      System.InvalidOperationException: Sequence contains no elements`,
        `         at System.Linq.ThrowHelper.ThrowNoElementsException()`,
        `         at System.Linq.Enumerable.First[TSource](IEnumerable\`1 source)`,
        `         at Checkout.Api.Shipping.ShippingQuoteService.CheapestAsync(Cart cart, Address destination, CancellationToken ct) in /src/Checkout.Api/Shipping/ShippingQuoteService.cs:line 47`,
        `         at Checkout.Api.Controllers.QuoteController.Post(QuoteRequest request, CancellationToken ct) in /src/Checkout.Api/Controllers/QuoteController.cs:line 31`,
        `         at lambda_method42(Closure, Object)`,
        `         at Microsoft.AspNetCore.Mvc.Infrastructure.ActionMethodExecutor.AwaitableObjectResultExecutor.Execute(ActionContext actionContext, IActionResultTypeMapper mapper, ObjectMethodExecutor executor, Object controller, Object[] arguments)`,
        `         at Microsoft.AspNetCore.Mvc.Infrastructure.ControllerActionInvoker.<InvokeActionMethodAsync>g__Awaited|12_0(ControllerActionInvoker invoker, ValueTask\`1 actionResultValueTask)`,
        `         at Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddlewareImpl.<Invoke>g__Awaited|10_0(ExceptionHandlerMiddlewareImpl middleware, HttpContext context, Task task)`,
        info(d, 'Microsoft.AspNetCore.Hosting.Diagnostics', 2, `Request finished HTTP/1.1 POST http://checkout-api/api/quote - 500 null application/problem+json ${r.int(4, 30)}.${r.int(1000, 9999)}ms`),
        `${ts(d)} dbug: Microsoft.AspNetCore.Server.Kestrel.Connections[10]\n      Connection id "${c}" disconnecting.`,
      ]
    }
    return info(d, 'Microsoft.AspNetCore.Hosting.Diagnostics', 2, `Request finished HTTP/1.1 POST http://checkout-api/api/quote - 200 ${r.int(300, 900)} application/json;+charset=utf-8 ${r.int(20, 180)}.${r.int(1000, 9999)}ms`)
  }
  if (v < 0.8) return info(d, 'Microsoft.AspNetCore.Hosting.Diagnostics', 2, `Request finished HTTP/1.1 ${r.pick(['GET /api/cart', 'POST /api/cart/items', 'GET /api/cart/summary'])} - 200 ${r.int(200, 4000)} application/json;+charset=utf-8 ${r.int(3, 60)}.${r.int(1000, 9999)}ms`)
  return info(d, 'Checkout.Api.Payments.PaymentClient', 0, `Authorized payment intent pi_${r.hex(12)} for ${r.int(5, 400)}.${r.int(10, 99)} EUR`)
})
const boot = [
  at('2024-05-14T10:05:40Z', [`2024-05-14T10:05:40.118Z info: Microsoft.Hosting.Lifetime[14]`, `      Now listening on: http://[::]:8080`]),
  at('2024-05-14T10:05:40.2Z', [`2024-05-14T10:05:40.201Z info: Microsoft.Hosting.Lifetime[0]`, `      Application started. Press Ctrl+C to shut down.`]),
]
writeEvents(out(dir, 'logs/checkout-api.log'), api, boot)

const svc = (first) => `namespace Checkout.Api.Shipping;\n\npublic sealed class ShippingQuoteService(ICarrierCatalog catalog, IRateClient rates)\n{\n    public async Task<ShippingQuote> CheapestAsync(Cart cart, Address destination, CancellationToken ct)\n    {\n        var carriers = await catalog.ForCountryAsync(destination.Country, ct);\n${first ? `        // Carriers that deliver to the destination's postcode zone (remote zones have none configured yet).\n        var eligible = carriers.Where(c => c.Zones.Contains(destination.Zone)).ToList();\n        var quotes = await Task.WhenAll(eligible.Select(c => rates.QuoteAsync(c, cart, destination, ct)));\n        return quotes.OrderBy(q => q.Amount).First();\n` : `        var quotes = await Task.WhenAll(carriers.Select(c => rates.QuoteAsync(c, cart, destination, ct)));\n        return quotes.OrderBy(q => q.Amount).FirstOrDefault() ?? ShippingQuote.Flat(destination.Country);\n`}    }\n}\n`
const csproj = (swash) => `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net8.0</TargetFramework>\n    <Nullable>enable</Nullable>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Swashbuckle.AspNetCore" Version="${swash}" />\n    <PackageReference Include="Npgsql.EntityFrameworkCore.PostgreSQL" Version="8.0.2" />\n  </ItemGroup>\n</Project>\n`
const base = {
  'src/Checkout.Api/Checkout.Api.csproj': csproj('6.5.0'),
  'src/Checkout.Api/Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddControllers();\nvar app = builder.Build();\napp.UseExceptionHandler("/error");\napp.MapControllers();\napp.Run();\n',
  'src/Checkout.Api/Shipping/ShippingQuoteService.cs': svc(false),
  'src/Checkout.Api/Controllers/QuoteController.cs': 'namespace Checkout.Api.Controllers;\n\n[ApiController, Route("api/quote")]\npublic sealed class QuoteController(ShippingQuoteService quotes) : ControllerBase\n{\n    [HttpPost]\n    public Task<ShippingQuote> Post(QuoteRequest request, CancellationToken ct) => quotes.CheapestAsync(request.Cart, request.Destination, ct);\n}\n',
  'README.md': '# checkout-api\n\nASP.NET Core 8 service behind the storefront.\n',
}
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'checkout-api: initial import', author: people.dana, at: '2024-01-08T09:00:00Z', files: base},
  {subject: 'shipping: cache the carrier catalog per country', author: people.eli, at: '2024-04-23T13:10:00Z', files: {'src/Checkout.Api/Shipping/CarrierCatalog.cs': 'namespace Checkout.Api.Shipping;\n\n// Cached for 10 minutes: the catalog changes a few times a month.\npublic sealed class CarrierCatalog : ICarrierCatalog { }\n'}},
  {subject: 'Bump Swashbuckle.AspNetCore from 6.5.0 to 6.6.1', author: people.bot, at: '2024-05-13T04:12:00Z', committedAt: '2024-05-14T09:40:00Z', files: {'src/Checkout.Api/Checkout.Api.csproj': csproj('6.6.1')}},
  {subject: 'shipping: only quote carriers that serve the destination zone', body: 'Rate calls to carriers that do not serve the zone come back as errors and slow the quote; filter first.', author: people.fay, at: '2024-05-13T16:45:00Z', committedAt: '2024-05-14T09:52:00Z', committer: people.merge, files: {'src/Checkout.Api/Shipping/ShippingQuoteService.cs': svc(true)}},
  {subject: 'docs: checkout runbook, quote endpoint section', author: people.ana, at: '2024-05-14T09:58:00Z', files: {'docs/runbook.md': docs('Checkout runbook')}},
  {subject: 'shipping: fall back to the flat rate when no carrier serves the zone', author: people.fay, at: '2024-05-14T11:20:00Z', files: {'src/Checkout.Api/Shipping/ShippingQuoteService.cs': svc(false)}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-05-10T15:00:00Z', service: 'checkout-api', version: '2024.05.10-1', sha: shaOf(repo, 'shipping: cache the carrier catalog per country'), kind: 'deploy', description: 'checkout-api 2024.05.10-1'},
  {time: deploy, service: 'checkout-api', version: '2024.05.14-1', sha: shaOf(repo, 'docs: checkout runbook, quote endpoint section'), kind: 'deploy', description: 'checkout-api 2024.05.14-1'},
])
