import {rng, every, writeEvents, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20210930)
const onset = '2021-09-30T14:01:15Z'
const logs = every(r, '2021-09-30T13:00:00Z', '2021-09-30T15:00:00Z', 4000, (d, i) => {
  const ts = fmt.python(d)
  const order = 480000 + i
  if (minutesSince(d, onset) < 0) {
    return r.chance(0.02)
      ? `${ts} WARNING order_sync.client Partner API slow response for order ${order}: 2.41s`
      : `${ts} INFO order_sync.worker Synced order ${order} to partner (status=accepted)`
  }
  return [
    `${ts} ERROR order_sync.worker Failed to sync order ${order}`,
    'Traceback (most recent call last):',
    '  File "/usr/lib/python3/dist-packages/urllib3/connectionpool.py", line 699, in urlopen',
    '    httplib_response = self._make_request(',
    '  File "/usr/lib/python3/dist-packages/urllib3/connection.py", line 411, in connect',
    '    self.sock = ssl_wrap_socket(',
    "ssl.SSLCertVerificationError: [SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1129)",
    '',
    'During handling of the above exception, another exception occurred:',
    '',
    'Traceback (most recent call last):',
    '  File "/srv/order_sync/client.py", line 42, in push_order',
    '    resp = self.session.post(url, json=payload, timeout=10)',
    "requests.exceptions.SSLError: HTTPSConnectionPool(host='api.partner.example.com', port=443): Max retries exceeded with url: /v2/orders (Caused by SSLError(SSLCertVerificationError(1, '[SSL: CERTIFICATE_VERIFY_FAILED] certificate verify failed: certificate has expired (_ssl.c:1129)')))",
  ]
})
writeEvents(out(dir, 'logs/worker.log'), logs)
const base = pythonService('order_sync')
buildRepo(out(dir, 'repo'), [
  {subject: 'Order sync worker: initial version', author: people.eli, at: '2021-08-02T09:00:00Z', files: {...base, 'order_sync/client.py': 'import requests\n\n\nclass PartnerClient:\n    def __init__(self, base_url):\n        self.base_url = base_url\n        self.session = requests.Session()\n\n    def push_order(self, payload):\n        url = f"{self.base_url}/v2/orders"\n        resp = self.session.post(url, json=payload, timeout=10)\n        resp.raise_for_status()\n        return resp.json()\n'}},
  {subject: 'Bump boto3 from 1.18.40 to 1.18.50', author: people.bot, at: '2021-09-28T07:12:00Z', files: {'requirements.txt': base['requirements.txt'].replace('boto3==1.28.57', 'boto3==1.18.50')}},
  {subject: 'docs: describe the partner sandbox', author: people.fay, at: '2021-09-29T16:00:00Z', files: {'docs/partner-sandbox.md': '# Partner sandbox\n\nUse api.sandbox.partner.example.com with the test key.\n'}},
  {subject: 'Retry partner pushes with exponential backoff', author: people.eli, at: '2021-09-30T14:40:00Z', files: {'order_sync/retry.py': 'import time\n\n\ndef with_backoff(fn, attempts=5):\n    for i in range(attempts):\n        try:\n            return fn()\n        except Exception:\n            time.sleep(2 ** i)\n    return fn()\n'}},
])
