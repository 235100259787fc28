import {writeText, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const boot = [
  'Starting price-scraper worker (pid 1)',
  'Traceback (most recent call last):',
  '  File "/usr/local/bin/price-scraper", line 5, in <module>',
  '    from price_scraper.main import run',
  '  File "/app/price_scraper/main.py", line 3, in <module>',
  '    from price_scraper.fetch import Fetcher',
  '  File "/app/price_scraper/fetch.py", line 4, in <module>',
  '    import cfscrape',
  '  File "/usr/local/lib/python3.11/site-packages/cfscrape/__init__.py", line 19, in <module>',
  '    from urllib3.util.ssl_ import create_urllib3_context, DEFAULT_CIPHERS',
  "ImportError: cannot import name 'DEFAULT_CIPHERS' from 'urllib3.util.ssl_' (/usr/local/lib/python3.11/site-packages/urllib3/util/ssl_.py)",
]
writeText(out(dir, 'logs/worker-stdout.log'), [...boot, ...boot, ...boot].join('\n') + '\n')
writeText(out(dir, 'k8s/describe-pod.txt'), `Name:             price-scraper-5d8c7b9f4-jx2lw
Namespace:        pricing
Priority:         0
Service Account:  price-scraper
Node:             ip-10-3-14-88.ec2.internal/10.3.14.88
Start Time:       Fri, 05 May 2023 10:02:11 +0000
Labels:           app=price-scraper
                  pod-template-hash=5d8c7b9f4
Status:           Running
IP:               10.3.14.201
Controlled By:    ReplicaSet/price-scraper-5d8c7b9f4
Containers:
  worker:
    Container ID:   containerd://9a1b2c3d4e5f
    Image:          registry.example.com/pricing/price-scraper:8f3e1a2
    Image ID:       registry.example.com/pricing/price-scraper@sha256:4c4b5a
    Port:           <none>
    Host Port:      <none>
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       Error
      Exit Code:    1
      Started:      Fri, 05 May 2023 10:21:40 +0000
      Finished:     Fri, 05 May 2023 10:21:41 +0000
    Ready:          False
    Restart Count:  8
    Limits:
      memory:  512Mi
    Requests:
      cpu:        100m
      memory:     256Mi
    Environment:  <none>
Conditions:
  Type              Status
  Initialized       True
  Ready             False
  ContainersReady   False
  PodScheduled      True
Events:
  Type     Reason     Age                   From               Message
  ----     ------     ----                  ----               -------
  Normal   Scheduled  20m                   default-scheduler  Successfully assigned pricing/price-scraper-5d8c7b9f4-jx2lw to ip-10-3-14-88.ec2.internal
  Normal   Pulled     20m                   kubelet            Successfully pulled image "registry.example.com/pricing/price-scraper:8f3e1a2" in 3.112s (3.112s including waiting)
  Normal   Created    18m (x5 over 20m)     kubelet            Created container worker
  Normal   Started    18m (x5 over 20m)     kubelet            Started container worker
  Warning  BackOff    2m (x86 over 20m)     kubelet            Back-off restarting failed container worker in pod price-scraper-5d8c7b9f4-jx2lw_pricing(0b5e0a43-6b0f-4a7e-9d3c-1f2e3d4c5b6a)
`)
const base = pythonService('price_scraper')
buildRepo(out(dir, 'repo'), [
  {subject: 'price-scraper: fetch competitor prices', author: people.eli, at: '2023-02-01T10:00:00Z', files: {...base, 'requirements.txt': base['requirements.txt'] + 'cfscrape==2.1.1\n', 'price_scraper/fetch.py': 'import logging\n\nimport cfscrape\n\n\nclass Fetcher:\n    def __init__(self):\n        self.session = cfscrape.create_scraper()\n'}},
  {subject: 'README: document the schedule', author: people.ben, at: '2023-05-04T15:00:00Z', files: {'README.md': '# price-scraper\n\nRuns every 15 minutes.\n'}},
  {subject: 'Run the scraper every 10 minutes', author: people.dana, at: '2023-05-05T08:30:00Z', files: {'deploy/cronjob.yaml': 'schedule: "*/10 * * * *"\n'}},
  {subject: 'requirements: allow urllib3 2.x', author: people.eli, at: '2023-05-05T09:50:00Z', body: 'requests 2.30 accepts urllib3 2; drop our <2 pin.', files: {'requirements.txt': (base['requirements.txt'] + 'cfscrape==2.1.1\n').replace('urllib3==1.26.18', 'urllib3>=1.26,<3')}},
])
