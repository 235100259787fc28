import {rng, every, at, writeEvents, accessLine, fmt, minutesSince, out} from '../../lib/gen.mjs'
import {buildRepo} from '../../lib/git.mjs'
import {people, javaService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20200203)
const exp = '2020-02-03T14:00:00Z'
const chat = [
  ...every(r, '2020-02-03T13:20:00Z', '2020-02-03T14:20:00Z', 700, (d) => {
    const m = minutesSince(d, exp)
    const th = `chat-exec-${r.int(1, 200)}`
    if (m < 0) return `${fmt.javaSpace(d)} INFO  [${th}] c.e.chat.MessageController - POST /v1/conversations/${r.hex(8)}/messages 201 in ${r.int(20, 120)}ms`
    if (m < 3) return r.chance(0.5)
      ? [`${fmt.javaSpace(d)} ERROR [${th}] c.e.chat.auth.TokenValidator - service token validation failed for caller presence-service`, 'java.security.cert.CertificateExpiredException: NotAfter: Mon Feb 03 14:00:00 UTC 2020', '\tat java.base/sun.security.x509.CertificateValidity.valid(CertificateValidity.java:277)', '\tat java.base/sun.security.x509.X509CertImpl.checkValidity(X509CertImpl.java:675)', '\tat com.example.chat.auth.TokenValidator.verifySigner(TokenValidator.java:58)']
      : `${fmt.javaSpace(d)} WARN  [${th}] c.e.chat.auth.TokenClient - token refresh from auth-token-service returned 401, retrying (attempt ${r.int(1, 5)})`
    return r.chance(0.7)
      ? `${fmt.javaSpace(d)} ERROR [http-nio-8080-Acceptor] c.e.chat.web.Server - Thread pool exhausted: rejected request (active=200, queue=2000/2000)`
      : `${fmt.javaSpace(d)} WARN  [${th}] c.e.chat.auth.TokenClient - token refresh from auth-token-service returned 401, retrying (attempt ${r.int(1, 5)})`
  }),
  at('2020-02-03T14:00:02Z', [`${fmt.javaSpace(new Date('2020-02-03T14:00:02Z'))} ERROR [chat-exec-17] c.e.chat.auth.TokenValidator - service token validation failed for caller web-client-gateway`, 'java.security.cert.CertificateExpiredException: NotAfter: Mon Feb 03 14:00:00 UTC 2020', '\tat java.base/sun.security.x509.CertificateValidity.valid(CertificateValidity.java:277)', '\tat com.example.chat.auth.TokenValidator.verifySigner(TokenValidator.java:58)']),
]
writeEvents(out(dir, 'logs/chat-service.log'), chat)
const edge = every(r, '2020-02-03T13:20:00Z', '2020-02-03T14:20:00Z', 250, (d) => {
  const m = minutesSince(d, exp)
  const status = m >= 3 ? (r.chance(0.8) ? 503 : 200) : m >= 0 ? (r.chance(0.3) ? 401 : 200) : 200
  return accessLine(r, d, {method: r.chance(0.6) ? 'POST' : 'GET', path: r.pick(['/v1/conversations/x/messages', '/v1/presence', '/v1/users/me']), status})
})
writeEvents(out(dir, 'logs/edge-access.log'), edge)
buildRepo(out(dir, 'repo'), [
  {subject: 'chat-service: validate service tokens', author: people.ana, at: '2019-09-01T10:00:00Z', files: {...javaService('com.example.chat', 'chat-service'), 'src/main/java/com/example/chat/auth/TokenValidator.java': 'package com.example.chat.auth;\n\npublic class TokenValidator {\n    void verifySigner(java.security.cert.X509Certificate signer) throws Exception { signer.checkValidity(); }\n}\n'}},
  {subject: 'docs: token rotation overview', author: people.ben, at: '2020-02-03T10:00:00Z', files: {'docs/tokens.md': '# Service tokens\n\nSigned by the auth signing certificate.\n'}},
  {subject: 'presence: batch presence updates every 5s', author: people.chen, at: '2020-02-03T13:40:00Z', files: {'src/main/java/com/example/chat/presence/PresenceBatcher.java': 'package com.example.chat.presence;\n\npublic class PresenceBatcher {\n    static final long FLUSH_MS = 5000;\n}\n'}},
])
