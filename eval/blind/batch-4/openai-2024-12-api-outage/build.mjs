import {rng, every, writeEvents, writeJsonl, accessLine, out} from '../../lib/gen.mjs'
import {buildRepo, shaOf} from '../../lib/git.mjs'
import {people, pythonService} from '../../lib/skeleton.mjs'
const dir = process.argv[2]
const r = rng(20241211)
const down = new Date('2024-12-11T23:16:00Z').getTime()
const partial = new Date('2024-12-12T01:20:00Z').getTime()
const up = new Date('2024-12-12T03:38:00Z').getTime()
const failP = (d) => d.getTime() < down ? 0 : d.getTime() < partial ? 0.97 : d.getTime() < up ? 0.45 : 0
// structlog JSONRenderer: "event" is the message, "timestamp" ISO with µs, exceptions as a formatted string.
const sl = (d, level, logger, event, extra = {}) => JSON.stringify({event, level, logger, timestamp: d.toISOString().replace('Z', `${r.int(100, 999)}Z`), ...extra})
const errors = [
  ['openai.InternalServerError', 'Error code: 503', 'openai/_base_client.py", line 1061, in _request\n    raise self._make_status_error_from_response(err.response) from None'],
  ['openai.APIConnectionError', 'Connection error.', 'openai/_base_client.py", line 1013, in _request\n    raise APIConnectionError(request=request) from err'],
  ['openai.APITimeoutError', 'Request timed out.', 'openai/_base_client.py", line 1004, in _request\n    raise APITimeoutError(request=request) from err'],
]
const app = every(r, '2024-12-11T21:30:00Z', '2024-12-12T04:30:00Z', 1500, (d) => {
  const conv = `c_${r.hex(10)}`
  if (r.chance(failP(d))) {
    const [cls, msg, frame] = r.pick(errors)
    return sl(d, 'error', 'support_bot.llm', 'llm call failed after retries', {conversation: conv, model: 'gpt-4o-mini', attempts: 3, exception: `Traceback (most recent call last):\n  File "/app/support_bot/llm.py", line 58, in answer\n    resp = await client.chat.completions.create(model=model, messages=messages, timeout=20)\n  File "/app/.venv/lib/python3.12/site-packages/${frame}\n${cls}: ${msg}`})
  }
  return sl(d, 'info', 'support_bot.llm', 'llm call ok', {conversation: conv, model: 'gpt-4o-mini', latency_ms: r.int(700, 3200), prompt_tokens: r.int(400, 2400), completion_tokens: r.int(40, 400)})
})
const widget = every(r, '2024-12-11T21:30:00Z', '2024-12-12T04:30:00Z', 700, (d) => {
  if (r.chance(0.4)) return accessLine(r, d, {path: r.pick(['/widget.js', '/api/config', '/healthz']), status: 200})
  const fail = r.chance(failP(d))
  return accessLine(r, d, {method: 'POST', path: '/api/chat', status: fail ? 502 : 200, bytes: fail ? 166 : r.int(400, 3000), rt: fail ? 20 + r() * 45 : 0.8 + r() * 2.5})
})
writeEvents(out(dir, 'logs/support-bot.jsonl'), app)
writeEvents(out(dir, 'logs/nginx-access.log'), widget)
const base = pythonService('support_bot')
const reqs = (v) => `fastapi==0.115.5\nuvicorn==0.32.1\nopenai==${v}\nstructlog==24.4.0\nhttpx==0.27.2\n`
const repo = buildRepo(out(dir, 'repo'), [
  {subject: 'support-bot: answer help-centre questions with the OpenAI API', author: people.chen, at: '2024-08-20T10:00:00Z', files: {...base, 'requirements.txt': reqs('1.54.4'), 'support_bot/llm.py': 'from openai import AsyncOpenAI\n\nclient = AsyncOpenAI(max_retries=2)\n'}},
  {subject: 'Bump openai from 1.54.4 to 1.57.2', author: people.bot, at: '2024-12-10T04:00:00Z', files: {'requirements.txt': reqs('1.57.2')}},
  {subject: 'chat: stream partial answers to the widget', author: people.fay, at: '2024-12-11T21:50:00Z', files: {'support_bot/stream.py': 'async def stream(resp):\n    async for chunk in resp:\n        yield chunk.choices[0].delta.content or ""\n'}},
  {subject: 'chat: answer from the FAQ cache when the model is unavailable', author: people.chen, at: '2024-12-12T00:30:00Z', files: {'support_bot/fallback.py': '# Serve the closest FAQ entry when the model call fails.\n'}},
])
writeJsonl(out(dir, 'deploys.jsonl'), [
  {time: '2024-12-10T09:30:00Z', service: 'support-bot', version: '0.31.0', sha: shaOf(repo, 'Bump openai from 1.54.4 to 1.57.2'), kind: 'deploy', description: 'support-bot 0.31.0'},
  {time: '2024-12-11T22:40:00Z', service: 'support-bot', version: '0.32.0', sha: shaOf(repo, 'chat: stream partial answers to the widget'), kind: 'deploy', description: 'support-bot 0.32.0'},
])
