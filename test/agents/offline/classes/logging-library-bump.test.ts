import {describe, expect, it} from 'vitest'

import {rootCauseAnalyst} from '../../../../src/agents/offline/specialists/root-cause-analyst.js'
import {bundleOf, INCIDENT, shaOf} from '../bundle-builder.js'

// Shapes: Serilog's request-logging middleware (SourceContext Serilog.AspNetCore.RequestLoggingMiddleware,
// https://github.com/serilog/serilog-aspnetcore) and SqlClient's pool timeout
// (https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/sql-server-connection-pooling).
const POOL_TIMEOUT =
  'System.InvalidOperationException: Timeout expired.  The timeout period elapsed prior to obtaining a connection from the pool.  This may have occurred because all pooled connections were in use and max pool size was reached.'
const CULPRIT = 'reports: stream the CSV export through SqlDataReader'
const BUMP = 'deps: bump Serilog.AspNetCore from 6.0.1 to 6.1.0'

describe('a logging library bump shipped beside the real culprit', () => {
  it('names the change the failing frames point at, not the logger that wrote the lines', () => {
    const bundle = bundleOf({
      templates: [
        {
          template: 'HTTP <*> <*> responded 500 in <*> ms',
          samples: [
            `{"@t":"2026-10-06T10:15:03.112Z","@mt":"HTTP {RequestMethod} {RequestPath} responded {StatusCode} in {Elapsed:0.0000} ms","@l":"Error","RequestMethod":"GET","RequestPath":"/api/orders/42","StatusCode":500,"Elapsed":15012.3,"SourceContext":"Serilog.AspNetCore.RequestLoggingMiddleware","@x":"${POOL_TIMEOUT}"}`,
          ],
          count: 800,
        },
        {
          template: 'Microsoft.AspNetCore.Server.Kestrel: Connection id <*>, Request id <*>: An unhandled exception was thrown by the application.',
          count: 200,
        },
      ],
      exceptions: [
        {
          type: 'System.InvalidOperationException',
          message: POOL_TIMEOUT.replace('System.InvalidOperationException: ', ''),
          frames: [
            'Microsoft.Data.SqlClient.ConnectionPool.DbConnectionPool.TryGetConnection',
            '/src/Shop.Api/Reports/CsvExportService.cs',
            '/src/Shop.Api/Controllers/ReportsController.cs',
          ],
          count: 800,
        },
      ],
      commits: [
        {subject: CULPRIT, files: ['src/Shop.Api/Reports/CsvExportService.cs'], minutesBefore: 25},
        {subject: BUMP, files: ['src/Shop.Api/Shop.Api.csproj'], minutesBefore: 24, kind: 'dependency-upgrade', packages: ['Serilog.AspNetCore']},
      ],
    })
    const findings = rootCauseAnalyst(bundle, INCIDENT).findings
    expect(findings[0]).toMatchObject({category: 'code-change', change: {sha: shaOf(bundle, CULPRIT)}})
    expect(findings.find((f) => f.change?.sha === shaOf(bundle, BUMP))).toBeUndefined()
  })
})

describe('a logging library bump that fails itself', () => {
  it('is still tied to an exception that names it', () => {
    const bundle = bundleOf({
      exceptions: [{type: 'java.lang.NoClassDefFoundError', message: 'org/slf4j/impl/StaticLoggerBinder (slf4j-api 2.0 found no provider)', frames: ['com.acme.shop.Main'], count: 40}],
      templates: [{template: 'Exception in thread "main" java.lang.NoClassDefFoundError: org/slf4j/impl/StaticLoggerBinder'}],
      commits: [{subject: 'Bump slf4j-api from 1.7.36 to 2.0.9', files: ['pom.xml'], minutesBefore: 10, kind: 'dependency-upgrade', packages: ['slf4j-api']}],
    })
    expect(rootCauseAnalyst(bundle, INCIDENT).findings[0]).toMatchObject({category: 'dependency-upgrade', change: {subject: 'Bump slf4j-api from 1.7.36 to 2.0.9'}})
  })
})
