import {rng, every, writeEvents, writeCsvMetrics, writeJsonl, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230321)
const deploy = '2023-03-21T10:15:00Z'
const leaked = (d) => { const m = minutesSince(d, deploy); return m < 0 ? 0 : Math.min(88, Math.floor(m * 1.75)) }
const active = (d) => Math.min(100, 12 + leaked(d) + Math.round(r() * 3))
const full = (d) => 12 + leaked(d) >= 99
const clefTime = (d) => d.toISOString().replace('Z', `${String(r.int(0, 9999)).padStart(4, '0')}Z`)
const poolEx = 'System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.\r\n   at Microsoft.Data.SqlClient.ConnectionPool.DbConnectionPool.TryGetConnection(DbConnection owningObject, UInt32 waitForMultipleObjectsTimeout, Boolean allowCreate, Boolean onlyOneCheckConnection, DbConnectionOptions userOptions, DbConnectionInternal& connection)\r\n   at Microsoft.Data.ProviderBase.DbConnectionFactory.TryGetConnection(DbConnection owningConnection, TaskCompletionSource`1 retry, DbConnectionOptions userOptions, DbConnectionInternal oldConnection, DbConnectionInternal& connection)\r\n   at Microsoft.Data.SqlClient.SqlConnection.TryOpen(TaskCompletionSource`1 retry, SqlConnectionOverrides overrides)\r\n   at Microsoft.Data.SqlClient.SqlConnection.OpenAsync(CancellationToken cancellationToken)\r\n   at Invoicing.Api.Data.InvoiceRepository.GetAsync(Guid id, CancellationToken ct) in /src/Invoicing.Api/Data/InvoiceRepository.cs:line 37'
const paths = ['/api/invoices', '/api/invoices/{id}', '/api/customers/{id}/invoices', '/api/payments']
const logs = every(r, '2023-03-21T09:30:00Z', '2023-03-21T12:00:00Z', 800, (d) => {
  const path = r.pick(paths).replace('{id}', r.hex(8))
  if (full(d) && r.chance(0.9)) return JSON.stringify({'@t': clefTime(d), '@mt': 'HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms', '@l': 'Error', '@x': poolEx, RequestMethod: 'GET', RequestPath: path, StatusCode: 500, Elapsed: 15000 + r() * 40, SourceContext: 'Serilog.AspNetCore.RequestLoggingMiddleware', RequestId: `0HMP${r.hex(8).toUpperCase()}:0000000${r.int(1, 9)}`})
  return JSON.stringify({'@t': clefTime(d), '@mt': 'HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms', RequestMethod: 'GET', RequestPath: path, StatusCode: 200, Elapsed: 4 + r() * 60, SourceContext: 'Serilog.AspNetCore.RequestLoggingMiddleware', RequestId: `0HMP${r.hex(8).toUpperCase()}:0000000${r.int(1, 9)}`})
})
logs.push(...every(r, '2023-03-21T09:30:00Z', '2023-03-21T12:00:00Z', 30000, (d) => {
  const ok = !full(d)
  return JSON.stringify({'@t': clefTime(d), '@mt': ok ? 'CSV export {ExportId} wrote {Rows} rows in {Elapsed} ms' : 'CSV export {ExportId} failed', ...(ok ? {} : {'@l': 'Error', '@x': poolEx.replace('InvoiceRepository.GetAsync(Guid id, CancellationToken ct) in /src/Invoicing.Api/Data/InvoiceRepository.cs:line 37', 'CsvExport.WriteAsync(Stream output, CancellationToken ct) in /src/Invoicing.Api/Reports/CsvExport.cs:line 22')}), ExportId: r.hex(6), Rows: r.int(2000, 40000), Elapsed: r.int(400, 3000), SourceContext: 'Invoicing.Api.Reports.CsvExport'})
}))
writeEvents(out(dir, 'logs/invoicing.clef'), logs)
writeCsvMetrics(out(dir, 'metrics/sqlclient-counters.csv'), '2023-03-20T12:00:00Z', '2023-03-21T12:00:00Z', 60000, {
  sqlclient_active_hard_connections: active,
  sqlclient_number_of_free_connections: (d) => Math.max(0, 100 - active(d)),
  http_requests_per_second: () => 38 + r() * 6,
  http_5xx_per_second: (d) => (full(d) ? 30 + r() * 6 : r() * 0.05),
})
const csproj = (serilog) => `<Project Sdk="Microsoft.NET.Sdk.Web">\n  <PropertyGroup>\n    <TargetFramework>net7.0</TargetFramework>\n  </PropertyGroup>\n  <ItemGroup>\n    <PackageReference Include="Microsoft.Data.SqlClient" Version="5.1.0" />\n    <PackageReference Include="Serilog.AspNetCore" Version="${serilog}" />\n  </ItemGroup>\n</Project>\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'invoicing-api: invoices and payments on SQL Server', author: people.chen, at: '2022-10-03T10:00:00Z', files: {
    'src/Invoicing.Api/Invoicing.Api.csproj': csproj('6.0.1'),
    'src/Invoicing.Api/appsettings.json': '{\n  "ConnectionStrings": {\n    "Invoicing": "Server=sql-prod;Database=invoicing;Max Pool Size=100;Connect Timeout=15"\n  }\n}\n',
    'src/Invoicing.Api/Data/InvoiceRepository.cs': 'using Microsoft.Data.SqlClient;\n\nnamespace Invoicing.Api.Data;\n\npublic class InvoiceRepository\n{\n    public async Task<Invoice?> GetAsync(Guid id, CancellationToken ct)\n    {\n        await using var conn = new SqlConnection(_cs);\n        await conn.OpenAsync(ct);\n        // ...\n        return null;\n    }\n}\n',
    'README.md': '# invoicing-api\n',
  }},
  {subject: 'invoices: show the due date in the list', author: people.fay, at: '2023-03-20T15:00:00Z', files: {'src/Invoicing.Api/Dtos/InvoiceListItem.cs': 'namespace Invoicing.Api.Dtos;\n\npublic record InvoiceListItem(Guid Id, string Number, decimal Total, DateOnly DueDate);\n'}},
  {subject: 'deps: bump Serilog.AspNetCore from 6.0.1 to 6.1.0', author: people.bot, at: '2023-03-21T08:30:00Z', files: {'src/Invoicing.Api/Invoicing.Api.csproj': csproj('6.1.0')}},
  {subject: 'reports: stream the CSV export through SqlDataReader', author: people.dana, at: '2023-03-21T09:40:00Z', body: 'Avoids loading 40k rows into memory for big customers.', files: {'src/Invoicing.Api/Reports/CsvExport.cs': 'using Microsoft.Data.SqlClient;\n\nnamespace Invoicing.Api.Reports;\n\npublic class CsvExport\n{\n    public async Task WriteAsync(Stream output, CancellationToken ct)\n    {\n        var conn = new SqlConnection(_cs);\n        await conn.OpenAsync(ct);\n        var cmd = new SqlCommand("SELECT Number, Total, DueDate FROM Invoices WHERE CustomerId = @c", conn);\n        cmd.Parameters.AddWithValue("@c", _customerId);\n        var reader = await cmd.ExecuteReaderAsync(ct);\n        var writer = new StreamWriter(output);\n        while (await reader.ReadAsync(ct))\n        {\n            await writer.WriteLineAsync($"{reader.GetString(0)},{reader.GetDecimal(1)},{reader.GetDateTime(2):yyyy-MM-dd}");\n        }\n        await writer.FlushAsync();\n    }\n}\n'}},
  {subject: 'docs: export API examples', author: people.ben, at: '2023-03-21T09:55:00Z', files: {'docs/export.md': '# Export\n\n`GET /api/reports/invoices.csv?customer=...`\n'}},
  {subject: 'reports: dispose the reader and the connection after the export', author: people.dana, at: '2023-03-21T12:10:00Z', files: {'src/Invoicing.Api/Reports/CsvExport.cs': 'using Microsoft.Data.SqlClient;\n\nnamespace Invoicing.Api.Reports;\n\npublic class CsvExport\n{\n    public async Task WriteAsync(Stream output, CancellationToken ct)\n    {\n        await using var conn = new SqlConnection(_cs);\n        await conn.OpenAsync(ct);\n        await using var cmd = new SqlCommand("SELECT Number, Total, DueDate FROM Invoices WHERE CustomerId = @c", conn);\n        await using var reader = await cmd.ExecuteReaderAsync(ct);\n    }\n}\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2023-03-20T16:00:00Z', service: 'invoicing-api', version: '2023.03.20-1', sha: shaOf(repo, 'invoices: show the due date in the list'), kind: 'deploy', description: 'invoicing-api 2023.03.20-1'},
  {time: deploy, service: 'invoicing-api', version: '2023.03.21-1', sha: shaOf(repo, 'docs: export API examples'), kind: 'deploy', description: 'invoicing-api 2023.03.21-1'},
])
