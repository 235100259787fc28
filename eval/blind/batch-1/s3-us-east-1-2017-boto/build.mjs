import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20170228)
const onset = '2017-02-28T17:37:00Z'
const logs = every(r, '2017-02-28T16:30:00Z', '2017-02-28T18:30:00Z', 2500, (d) => {
  const key = `uploads/2017/02/28/${r.hex(16)}.jpg`
  if (minutesSince(d, onset) < 0) return `${fmt.python(d)} INFO [image_worker.tasks] processed ${key} -> thumbs/${key.split('/').pop()} in ${r.int(200, 900)}ms`
  const op = r.pick(['PutObject', 'GetObject'])
  const code = r.chance(0.8) ? ['503', 'Service Unavailable'] : ['SlowDown', 'Please reduce your request rate.']
  return [
    `${fmt.python(d)} ERROR [image_worker.tasks] failed to process ${key}`,
    'Traceback (most recent call last):',
    '  File "/app/image_worker/tasks.py", line 58, in process',
    `    ${op === 'PutObject' ? 's3.put_object(Bucket=BUCKET, Key=thumb_key, Body=buf)' : 'obj = s3.get_object(Bucket=BUCKET, Key=key)'}`,
    '  File "/usr/local/lib/python3.6/site-packages/botocore/client.py", line 253, in _api_call',
    '    return self._make_api_call(operation_name, kwargs)',
    '  File "/usr/local/lib/python3.6/site-packages/botocore/client.py", line 544, in _make_api_call',
    '    raise error_class(parsed_response, operation_name)',
    `botocore.exceptions.ClientError: An error occurred (${code[0]}) when calling the ${op} operation (reached max retries: 4): ${code[1]}`,
  ]
})
writeEvents(out(dir, 'logs/worker.log'), logs)
const base = pythonService('image_worker')
const tasks = (q) => `import io\n\nimport boto3\nfrom PIL import Image\n\ns3 = boto3.client("s3", region_name="us-east-1")\nBUCKET = "example-user-uploads"\n\n\ndef process(key):\n    obj = s3.get_object(Bucket=BUCKET, Key=key)\n    img = Image.open(obj["Body"])\n    img.thumbnail((320, 320))\n    buf = io.BytesIO()\n    img.save(buf, "JPEG", quality=${q})\n    thumb_key = "thumbs/" + key.rsplit("/", 1)[-1]\n    s3.put_object(Bucket=BUCKET, Key=thumb_key, Body=buf.getvalue())\n`
buildRepo(out(dir, 'repo'), [
  {subject: 'Image worker: thumbnails from S3 uploads', author: people.eli, at: '2017-01-20T10:00:00Z', files: {...base, 'image_worker/tasks.py': tasks(85)}},
  {subject: 'Lower thumbnail JPEG quality to 78', author: people.fay, at: '2017-02-28T15:30:00Z', files: {'image_worker/tasks.py': tasks(78)}},
  {subject: 'Queue uploads for retry when S3 is unavailable', author: people.eli, at: '2017-02-28T19:10:00Z', files: {'image_worker/retry_queue.py': 'import json\n\n\ndef enqueue(redis, key):\n    redis.rpush("s3-retry", json.dumps({"key": key}))\n'}},
])
