import {rng, every, writeJson, writeJsonl, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20250612)
const down = '2025-06-12T17:51:00Z'
const back = '2025-06-12T20:25:00Z'
const broken = (d) => minutesSince(d, down) >= 0 && minutesSince(d, back) < 0
const project = 'media-prod'
const revision = (d) => (minutesSince(d, '2025-06-12T16:50:00Z') >= 0 ? 'media-api-00231-vow' : 'media-api-00230-kez')
const resource = (d) => ({labels: {configuration_name: 'media-api', location: 'us-central1', project_id: project, revision_name: revision(d), service_name: 'media-api'}, type: 'cloud_run_revision'})
const ts = (d, micros) => d.toISOString().replace(/\.(\d{3})Z$/, (_, ms) => `.${ms}${String(micros).padStart(3, '0')}Z`)
const entries = []
const add = (d, e) => entries.push({insertId: r.hex(14), ...e, receiveTimestamp: ts(new Date(d.getTime() + r.int(20, 400)), r.int(0, 999)), resource: resource(d), timestamp: ts(d, r.int(0, 999))})
const gcsTrace = (asset) => [
  'Traceback (most recent call last):',
  '  File "/app/media/uploads.py", line 58, in store_original',
  '    blob.upload_from_file(fh, content_type=content_type, timeout=30)',
  '  File "/usr/local/lib/python3.12/site-packages/google/cloud/storage/blob.py", line 2998, in upload_from_file',
  '    self._prep_and_do_upload(',
  '  File "/usr/local/lib/python3.12/site-packages/google/cloud/storage/blob.py", line 2824, in _prep_and_do_upload',
  '    _raise_from_invalid_response(exc)',
  '  File "/usr/local/lib/python3.12/site-packages/google/cloud/storage/blob.py", line 4882, in _raise_from_invalid_response',
  '    raise exceptions.from_http_status(response.status_code, message, response=response)',
  `google.api_core.exceptions.ServiceUnavailable: 503 POST https://storage.googleapis.com/upload/storage/v1/b/media-uploads-prod/o?uploadType=multipart: The service is currently unavailable.`,
].join('\n')
every(r, '2025-06-12T16:30:00Z', '2025-06-12T21:00:00Z', 2600, (d) => {
  const asset = `a_${r.hex(10)}`
  const trace = `projects/${project}/traces/${r.hex(32)}`
  const bad = broken(d) && r.chance(0.85)
  const isPub = r.chance(0.3)
  if (bad) {
    add(d, {jsonPayload: isPub
      ? {message: `publish asset.uploaded failed for ${asset}: 503 The service was unable to fulfill your request. Please try again. [code=8a75]`, logger: 'media.events', exception: 'google.api_core.exceptions.ServiceUnavailable: 503 The service was unable to fulfill your request. Please try again. [code=8a75]'}
      : {message: `upload failed for ${asset}: 503 POST https://storage.googleapis.com/upload/storage/v1/b/media-uploads-prod/o?uploadType=multipart: The service is currently unavailable.`, logger: 'media.uploads', exception: gcsTrace(asset)},
    labels: {instanceId: `00${r.hex(30)}`}, logName: `projects/${project}/logs/run.googleapis.com%2Fstderr`, severity: 'ERROR', trace})
  } else if (r.chance(0.4)) {
    add(d, {jsonPayload: {message: `stored ${asset} (${r.int(80, 9000)} KiB) and published asset.uploaded`, logger: 'media.uploads'}, labels: {instanceId: `00${r.hex(30)}`}, logName: `projects/${project}/logs/run.googleapis.com%2Fstdout`, severity: 'INFO', trace})
  }
  const status = bad ? (isPub ? 502 : 503) : 201
  add(new Date(d.getTime() + 5), {httpRequest: {latency: `${bad ? (0.2 + r() * 0.6).toFixed(6) : (0.3 + r() * 1.5).toFixed(6)}s`, protocol: 'HTTP/1.1', remoteIp: `${r.pick(['203.0.113', '198.51.100'])}.${r.int(1, 254)}`, requestMethod: 'POST', requestSize: String(r.int(90000, 9000000)), requestUrl: 'https://media-api-4kq2x7rmvq-uc.a.run.app/v1/uploads', responseSize: String(bad ? 212 : 386), serverIp: '216.239.34.53', status, userAgent: r.pick(['okhttp/4.12.0', 'MediaUploader/3.8 (iOS 18.5)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/137.0.0.0 Safari/537.36'])}, logName: `projects/${project}/logs/run.googleapis.com%2Frequests`, severity: status >= 500 ? 'ERROR' : 'INFO', trace})
  return null
})
entries.sort((a, b) => (a.timestamp < b.timestamp ? 1 : -1))
writeJson(out(dir, 'logs/gcp-media-api.json'), entries)
const base = pythonService('media')
const req = (v) => base['requirements.txt'].replace('boto3==1.28.57\n', `google-cloud-storage==${v}\ngoogle-cloud-pubsub==2.29.0\n`)
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'media-api: uploads to Cloud Storage, events to Pub/Sub', author: people.fay, at: '2025-02-10T10:00:00Z', files: {...base, 'requirements.txt': req('2.16.0'), 'media/uploads.py': 'from google.cloud import storage\n\nclient = storage.Client()\n\n\ndef store_original(asset_id, fh, content_type):\n    blob = client.bucket("media-uploads-prod").blob(f"originals/{asset_id}")\n    blob.upload_from_file(fh, content_type=content_type, timeout=30)\n'}},
  {subject: 'media: thumbnail JPEG quality 82', author: people.dana, at: '2025-06-12T15:00:00Z', files: {'media/thumbs.py': 'QUALITY = 82\n'}},
  {subject: 'deps: bump google-cloud-storage from 2.16.0 to 2.17.0', author: people.bot, at: '2025-06-12T16:40:00Z', body: 'Bumps google-cloud-storage from 2.16.0 to 2.17.0.', files: {'requirements.txt': req('2.17.0')}},
  {subject: 'media: retry uploads with exponential backoff and jitter', author: people.fay, at: '2025-06-12T19:10:00Z', files: {'media/retry.py': 'from google.api_core.retry import Retry\n\nUPLOAD_RETRY = Retry(initial=1.0, maximum=30.0, multiplier=2.0, timeout=120.0)\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2025-06-12T15:10:00Z', service: 'media-api', version: 'media-api-00230-kez', sha: shaOf(repo, 'media: thumbnail JPEG quality 82'), kind: 'deploy', description: 'Cloud Run revision media-api-00230-kez'},
  {time: '2025-06-12T16:50:00Z', service: 'media-api', version: 'media-api-00231-vow', sha: shaOf(repo, 'deps: bump google-cloud-storage from 2.16.0 to 2.17.0'), kind: 'deploy', description: 'Cloud Run revision media-api-00231-vow'},
])
