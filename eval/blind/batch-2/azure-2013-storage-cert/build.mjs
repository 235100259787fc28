import {rng, every, writeEvents, writeText, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
import {readFileSync, rmSync, appendFileSync} from 'node:fs'
const dir = process.argv[2]
const r = rng(20130222)
const expiry = '2013-02-22T20:44:00Z'
const broken = (d) => minutesSince(d, expiry) >= 0
const serilogTime = (d) => `${d.toISOString().replace('T', ' ').replace('Z', '')} +00:00`
const trustFail = (op) => [
  'System.Net.WebException: The underlying connection was closed: Could not establish trust relationship for the SSL/TLS secure channel. ---> System.Security.Authentication.AuthenticationException: The remote certificate is invalid according to the validation procedure.',
  '   at System.Net.Security.SslState.StartSendAuthResetSignal(ProtocolToken message, AsyncProtocolRequest asyncRequest, Exception exception)',
  '   at System.Net.Security.SslState.CheckCompletionBeforeNextReceive(ProtocolToken message, AsyncProtocolRequest asyncRequest)',
  '   at System.Net.TlsStream.ProcessAuthentication(LazyAsyncResult result)',
  '   at System.Net.HttpWebRequest.GetRequestStream(TransportContext& context)',
  '   --- End of inner exception stack trace ---',
  `   at Microsoft.WindowsAzure.Storage.Core.Executor.Executor.ExecuteSync[T](StorageCommandBase\`1 cmd, IRetryPolicy policy, OperationContext operationContext)`,
  `   at Microsoft.WindowsAzure.Storage.Blob.CloudBlockBlob.${op}(Stream source, AccessCondition accessCondition, BlobRequestOptions options, OperationContext operationContext)`,
  '   at Photobook.Web.Storage.PhotoStore.Save(Guid photoId, Stream content) in c:\\build\\photobook\\src\\Photobook.Web\\Storage\\PhotoStore.cs:line 41',
]
const app = every(r, '2013-02-22T19:30:00Z', '2013-02-22T22:30:00Z', 2500, (d) => {
  const id = `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`
  if (broken(d) && r.chance(0.8)) {
    const op = r.pick(['UploadFromStream', 'UploadFromStream', 'FetchAttributes'])
    return [`${serilogTime(d)} [Error] Blob ${op === 'UploadFromStream' ? 'upload' : 'lookup'} failed for photo ${id} (container photos, account photobookprod.blob.core.windows.net)`, ...trustFail(op)]
  }
  if (r.chance(0.1)) return `${serilogTime(d)} [Warning] Slow request GET /albums/${r.int(100, 999)} took ${r.int(1200, 2600)} ms`
  return `${serilogTime(d)} [Information] ${r.chance(0.5) ? `Stored photo ${id} (${r.int(200, 4000)} KB) in container photos` : `Rendered album ${r.int(100, 999)} with ${r.int(5, 80)} photos`}`
})
writeEvents(out(dir, 'logs/photobook.log'), app)
const iis = every(r, '2013-02-22T19:30:00Z', '2013-02-22T22:30:00Z', 500, (d) => {
  const upload = r.chance(0.35)
  const path = upload ? '/photos/upload' : r.pick(['/albums/' + r.int(100, 999), '/photos/' + r.int(1e5, 9e5) + '/thumb', '/', '/account'])
  const storageHit = upload || path.endsWith('/thumb')
  const status = broken(d) && storageHit && r.chance(0.85) ? 500 : 200
  const stamp = d.toISOString().replace('T', ' ').replace(/\.\d{3}Z$/, '')
  return `${stamp} 10.26.114.22 ${upload ? 'POST' : 'GET'} ${path} - 443 - ${r.pick(['203.0.113', '198.51.100', '192.0.2'])}.${r.int(1, 254)} Mozilla/5.0+(Windows+NT+6.1;+WOW64;+Trident/6.0) ${status} 0 0 ${status === 500 ? r.int(80, 400) : r.int(20, 900)}`
})
const header = ['#Software: Microsoft Internet Information Services 8.0', '#Version: 1.0', '#Date: 2013-02-22 19:30:00', '#Fields: date time s-ip cs-method cs-uri-stem cs-uri-query s-port cs-username c-ip cs(User-Agent) sc-status sc-substatus sc-win32-status time-taken']
writeText(out(dir, 'logs/u_ex130222.log'), header.join('\r\n') + '\r\n')
writeEvents(out(dir, 'logs/u_ex130222.iis.tmp'), iis)
appendFileSync(out(dir, 'logs/u_ex130222.log'), readFileSync(out(dir, 'logs/u_ex130222.iis.tmp'), 'utf8').replaceAll('\n', '\r\n'))
rmSync(out(dir, 'logs/u_ex130222.iis.tmp'))
const store = (v) => `<?xml version="1.0" encoding="utf-8"?>\n<packages>\n  <package id="WindowsAzure.Storage" version="${v}" targetFramework="net45" />\n  <package id="Serilog" version="0.2.10" targetFramework="net45" />\n</packages>\n`
const photoStore = (scheme) => `using System;\nusing System.IO;\nusing Microsoft.WindowsAzure.Storage;\n\nnamespace Photobook.Web.Storage\n{\n    public class PhotoStore\n    {\n        // DefaultEndpointsProtocol=${scheme}\n        public void Save(Guid photoId, Stream content)\n        {\n            var blob = container.GetBlockBlobReference(photoId.ToString());\n            blob.UploadFromStream(content);\n        }\n    }\n}\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'Photobook: albums and uploads on blob storage', author: people.eli, at: '2012-11-05T10:00:00Z', files: {'src/Photobook.Web/packages.config': store('2.0.1'), 'src/Photobook.Web/Storage/PhotoStore.cs': photoStore('https'), 'README.md': '# Photobook\n\nASP.NET MVC 4 web role.\n'}},
  {subject: 'Bump WindowsAzure.Storage to 2.0.4', author: people.ben, at: '2013-02-19T11:00:00Z', files: {'src/Photobook.Web/packages.config': store('2.0.4')}},
  {subject: 'Upload: resize thumbnails to 320px', author: people.fay, at: '2013-02-22T18:20:00Z', files: {'src/Photobook.Web/Images/Thumbnailer.cs': 'namespace Photobook.Web.Images\n{\n    public static class Thumbnailer { public const int Width = 320; }\n}\n'}},
  {subject: 'Storage: fall back to the http endpoint when https fails', author: people.eli, at: '2013-02-22T22:10:00Z', files: {'src/Photobook.Web/Storage/PhotoStore.cs': photoStore('http')}},
])
