import {rng, writeJson, writeJsonl, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20230607)
const memChange = '2023-06-07T13:25:00Z'
const perMin = (d) => { const h = d.getUTCHours() + d.getUTCMinutes() / 60; return 18 + (h > 13.6 ? 20 : 0) + 6 * Math.sin(h / 3) }
const events = []
const ev = (t, message) => events.push({timestamp: t, message, ingestionTime: t + r.int(40, 900)})
let warm = 0
for (let t = Date.parse('2023-06-07T09:00:00Z'); t < Date.parse('2023-06-07T15:00:00Z');) {
  const d = new Date(t)
  const rid = `${r.hex(8)}-${r.hex(4)}-${r.hex(4)}-${r.hex(4)}-${r.hex(12)}`
  const mem = minutesSince(d, memChange) >= 0 ? 1024 : 512
  const cold = warm-- <= 0
  if (cold) warm = r.int(15, 60)
  const timeout = r.chance(cold ? 0.12 : 0.011)
  const init = cold ? ` Init Duration: ${(380 + r() * 120).toFixed(2)} ms` : ''
  ev(t, `START RequestId: ${rid} Version: $LATEST\n`)
  const photo = `p_${r.hex(10)}`
  if (timeout) {
    ev(t + 900, `${new Date(t + 900).toISOString()}\t${rid}\tINFO\tresizing ${photo} (${r.int(38, 64)} MP)\n`)
    ev(t + 6010, `${new Date(t + 6010).toISOString()} ${rid} Task timed out after 6.01 seconds\n\n`)
    ev(t + 6012, `END RequestId: ${rid}\n`)
    ev(t + 6013, `REPORT RequestId: ${rid}\tDuration: 6006.${r.int(10, 99)} ms\tBilled Duration: 6000 ms\tMemory Size: ${mem} MB\tMax Memory Used: ${r.int(300, mem - 20)} MB${init}\t\n`)
  } else {
    const dur = (mem === 1024 ? 0.6 : 1) * (300 + r() * 900)
    ev(t + 20, `${new Date(t + 20).toISOString()}\t${rid}\tINFO\tresized ${photo} to 3 sizes\n`)
    ev(t + Math.round(dur), `END RequestId: ${rid}\n`)
    ev(t + Math.round(dur) + 1, `REPORT RequestId: ${rid}\tDuration: ${dur.toFixed(2)} ms\tBilled Duration: ${Math.ceil(dur)} ms\tMemory Size: ${mem} MB\tMax Memory Used: ${r.int(150, 260)} MB${init}\t\n`)
  }
  t += Math.max(1, Math.round(60000 / perMin(d) * (0.5 + r())))
}
events.sort((a, b) => a.timestamp - b.timestamp)
writeJson(out(dir, 'logs/cloudwatch-thumbnailer.json'), {events, nextForwardToken: `f/${r.int(1e15, 9e15)}${r.int(1e15, 9e15)}/s`, nextBackwardToken: `b/${r.int(1e15, 9e15)}${r.int(1e15, 9e15)}/s`})
const tpl = (mem) => `AWSTemplateFormatVersion: "2010-09-09"\nTransform: AWS::Serverless-2016-10-31\nResources:\n  Thumbnailer:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: python3.10\n      Handler: app.handler\n      Timeout: 6\n      MemorySize: ${mem}\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'thumbnailer: resize uploads into three sizes', author: people.fay, at: '2023-01-16T10:00:00Z', files: {'template.yaml': tpl(512), 'app.py': 'from PIL import Image\n\n\ndef handler(event, context):\n    for size in (160, 640, 1280):\n        pass\n', 'README.md': '# thumbnailer\n'}},
  {subject: 'thumbnailer: keep EXIF orientation', author: people.dana, at: '2023-06-06T15:00:00Z', files: {'app.py': 'from PIL import Image, ImageOps\n\n\ndef handler(event, context):\n    img = ImageOps.exif_transpose(Image.open(event["path"]))\n'}},
  {subject: 'thumbnailer: raise memory to 1024 MB', author: people.eli, at: '2023-06-07T13:20:00Z', body: 'More memory also means more CPU for Pillow.', files: {'template.yaml': tpl(1024)}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2023-06-06T15:30:00Z', service: 'thumbnailer', version: '41', sha: shaOf(repo, 'thumbnailer: keep EXIF orientation'), kind: 'deploy', description: 'thumbnailer version 41'},
  {time: memChange, service: 'thumbnailer', version: '42', sha: shaOf(repo, 'thumbnailer: raise memory to 1024 MB'), kind: 'config', description: 'thumbnailer version 42 (MemorySize 1024)'},
])
