import {emptyFacts, objectName, parseAge, type KubernetesFacts} from './kubernetes-facts.js'

/**
 * What responders paste from a terminal: `kubectl describe pod|node` (one or several blocks),
 * `kubectl get events` and `kubectl get pods` tables. Their Events tables and RESTARTS column give
 * ages, not times (`2m (x25 over 7m)`, `5 (40s ago)`): those are counted back from `referenceMs`
 * (when the output was taken: --started-at, the alert, or the file's modification time) and marked
 * approximate. Describe output's own times (`Started:`, `Finished:`, RFC 1123) are exact.
 *
 * Shapes: https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/,
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_describe/,
 * https://kubernetes.io/docs/reference/kubectl/generated/kubectl_events/
 */
export type KubectlTextKind = 'describe' | 'events-table' | 'pods-table'

/** Which kubectl text `text` is, from its first non-blank line; null when none. */
export function kubectlTextKind(text: string): KubectlTextKind | null {
  const first = text.split('\n').find((line) => line.trim() !== '') ?? ''
  if (/^Name:\s+\S/.test(first)) return 'describe'
  if (/^(?:NAMESPACE\s+)?LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\s*$/.test(first)) return 'events-table'
  if (/^(?:NAMESPACE\s+)?NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\b/.test(first)) return 'pods-table'
  return null
}

export function readKubectlText(text: string, origin: string, referenceMs: number | null): KubernetesFacts {
  const kind = kubectlTextKind(text)
  const lines = text.split('\n').map((line) => line.replace(/\r$/, ''))
  if (kind === 'describe') return readDescribe(lines, origin, referenceMs)
  if (kind === 'events-table') return readEventsTable(lines, origin, referenceMs)
  if (kind === 'pods-table') return readPodsTable(lines, origin, referenceMs)
  return emptyFacts('describe')
}

const indentOf = (line: string) => line.length - line.trimStart().length

/** `Key:   value` at any indent: the key and the value (empty when the value is nested below). */
function keyValue(line: string): {key: string; value: string} | null {
  const match = /^\s*([A-Za-z][\w .-]*?):(?:\s+(.*))?$/.exec(line)
  return match ? {key: match[1], value: (match[2] ?? '').trim()} : null
}

/** Describe output's times: `Tue, 19 Nov 2024 10:01:15 +0000`. */
function describeTime(value: string | undefined): string | null {
  if (!value) return null
  const ms = Date.parse(value)
  return Number.isNaN(ms) ? null : new Date(ms).toISOString()
}

function readDescribe(lines: string[], origin: string, referenceMs: number | null): KubernetesFacts {
  const facts = emptyFacts('describe')
  let start = -1
  const blocks: Array<[number, number]> = []
  lines.forEach((line, i) => {
    if (/^Name:\s+\S/.test(line)) {
      if (start >= 0) blocks.push([start, i])
      start = i
    }
  })
  if (start >= 0) blocks.push([start, lines.length])
  for (const [from, to] of blocks) {
    facts.objects++
    readDescribeBlock(lines, from, to, origin, referenceMs, facts)
  }
  return facts
}

function readDescribeBlock(lines: string[], from: number, to: number, origin: string, referenceMs: number | null, facts: KubernetesFacts): void {
  const top = new Map<string, {value: string; line: number}>()
  for (let i = from; i < to; i++) {
    const kv = indentOf(lines[i]) === 0 ? keyValue(lines[i]) : null
    if (kv && !top.has(kv.key)) top.set(kv.key, {value: kv.value, line: i})
  }
  const name = top.get('Name')!.value
  const namespace = top.get('Namespace')?.value ?? null
  const isPod = top.has('Containers')
  const kind = isPod ? 'Pod' : top.has('Kubelet Version') || top.has('Roles') || top.has('System Info') ? 'Node' : (top.get('Kind')?.value ?? 'Object')
  if (isPod) readDescribeContainers(lines, top.get('Containers')!.line + 1, to, {pod: name, namespace, node: top.get('Node')?.value.split('/')[0] ?? null, origin}, facts)
  if (kind === 'Node' && top.has('Conditions')) readNodeConditionsTable(lines, top.get('Conditions')!.line + 1, to, name, origin, facts)
  if (top.has('Events')) readEventsRows(lines, top.get('Events')!.line + 1, to, {origin, referenceMs, object: objectName(kind, namespace, name)}, facts)
}

function readDescribeContainers(lines: string[], from: number, to: number, pod: {pod: string; namespace: string | null; node: string | null; origin: string}, facts: KubernetesFacts): void {
  let i = from
  while (i < to && (lines[i].trim() === '' || indentOf(lines[i]) > 0)) {
    const header = /^ {2}([\w.-]+):\s*$/.exec(lines[i])
    if (!header) {
      i++
      continue
    }
    const start = i
    const fields: Array<{indent: number; key: string; value: string}> = []
    for (i++; i < to && (lines[i].trim() === '' || indentOf(lines[i]) > 2); i++) {
      const kv = keyValue(lines[i])
      if (kv) fields.push({indent: indentOf(lines[i]), ...kv})
    }
    // `State:` and `Last State:` own the indented keys under them (Reason, Exit Code, Started, Finished).
    const section = (name: string) => {
      const at = fields.findIndex((f) => f.key === name)
      if (at < 0) return null
      const own = new Map<string, string>()
      for (let k = at + 1; k < fields.length && fields[k].indent > fields[at].indent; k++) own.set(fields[k].key, fields[k].value)
      return {value: fields[at].value, own}
    }
    const state = section('State')
    const last = section('Last State')
    const terminated = state?.value === 'Terminated' ? state : last?.value === 'Terminated' ? last : null
    const field = (key: string) => fields.find((f) => f.key === key)?.value
    facts.containers.push({
      namespace: pod.namespace,
      pod: pod.pod,
      container: header[1],
      node: pod.node,
      ready: field('Ready') === undefined ? null : field('Ready') === 'True',
      restartCount: field('Restart Count') === undefined ? null : Number(field('Restart Count')),
      state: state?.value === 'Running' ? 'running' : state?.value === 'Waiting' ? 'waiting' : state?.value === 'Terminated' ? 'terminated' : null,
      stateReason: state?.own.get('Reason') ?? null,
      termination: terminated
        ? {
            reason: terminated.own.get('Reason') ?? null,
            exitCode: terminated.own.has('Exit Code') ? Number(terminated.own.get('Exit Code')) : null,
            startedAt: describeTime(terminated.own.get('Started')),
            finishedAt: describeTime(terminated.own.get('Finished')),
            message: terminated.own.get('Message') ?? null,
          }
        : null,
      notReadySince: null,
      approximate: false,
      source: {file: pod.origin, line: start + 1},
    })
  }
}

/** A table whose columns start where its header's words start: each row cut at those offsets, the last column to the end. */
function tableColumns(header: string): Array<{name: string; start: number}> {
  return [...header.matchAll(/\S+(?: \S+)*/g)].map((match) => ({name: match[0], start: match.index!}))
}

function cells(row: string, columns: Array<{name: string; start: number}>): Record<string, string> {
  const out: Record<string, string> = {}
  columns.forEach((column, k) => {
    const end = k + 1 < columns.length ? columns[k + 1].start : row.length
    out[column.name] = row.slice(column.start, end).trim()
  })
  return out
}

function readNodeConditionsTable(lines: string[], from: number, to: number, node: string, origin: string, facts: KubernetesFacts): void {
  const headerAt = lines.findIndex((line, i) => i >= from && i < to && /^\s+Type\s+Status\b/.test(line))
  if (headerAt < 0) return
  const columns = tableColumns(lines[headerAt])
  for (let i = headerAt + 1; i < to && lines[i].trim() !== '' && indentOf(lines[i]) > 0; i++) {
    if (/^\s*-+\s/.test(lines[i])) continue
    const row = cells(lines[i], columns)
    facts.nodeConditions.push({node, type: row.Type, status: row.Status, reason: row.Reason || null, message: row.Message || null, since: describeTime(row.LastTransitionTime), source: {file: origin, line: i + 1}})
  }
}

/** `2m (x25 over 7m)` → last seen 2 m ago, 25 times over the last 7 m. */
function parseEventAge(text: string): {lastAgoMs: number; count: number; firstAgoMs: number} | null {
  const match = /^(\S+)(?:\s+\(x(\d+) over (\S+)\))?$/.exec(text.trim())
  if (!match) return null
  const last = parseAge(match[1])
  if (last === null) return null
  const over = match[3] ? parseAge(match[3]) : null
  return {lastAgoMs: last, count: match[2] ? Number(match[2]) : 1, firstAgoMs: over ?? last}
}

function readEventsRows(lines: string[], from: number, to: number, context: {origin: string; referenceMs: number | null; object: string}, facts: KubernetesFacts): void {
  const headerAt = lines.findIndex((line, i) => i >= from && i < to && /^\s+Type\s+Reason\s+Age\s+From\s+Message/.test(line))
  if (headerAt < 0) return
  const columns = tableColumns(lines[headerAt])
  for (let i = headerAt + 1; i < to && lines[i].trim() !== ''; i++) {
    if (/^\s*-+\s/.test(lines[i])) continue
    const row = cells(lines[i], columns)
    const age = parseEventAge(row.Age)
    const at = (ago: number | undefined) => (context.referenceMs === null || ago === undefined ? null : new Date(context.referenceMs - ago).toISOString())
    facts.events.push({type: row.Type, reason: row.Reason, object: context.object, message: row.Message, count: age?.count ?? 1, firstAt: at(age?.firstAgoMs), lastAt: at(age?.lastAgoMs), approximate: true, source: {file: context.origin, line: i + 1}})
  }
}

function readEventsTable(lines: string[], origin: string, referenceMs: number | null): KubernetesFacts {
  const facts = emptyFacts('table')
  const headerAt = lines.findIndex((line) => line.trim() !== '')
  const columns = tableColumns(lines[headerAt])
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue
    const row = cells(lines[i], columns)
    facts.objects++
    const age = parseEventAge(row['LAST SEEN'])
    const [kind, ...rest] = row.OBJECT.split('/')
    const at = (ago: number | undefined) => (referenceMs === null || ago === undefined ? null : new Date(referenceMs - ago).toISOString())
    facts.events.push({
      type: row.TYPE,
      reason: row.REASON,
      object: objectName(kind.charAt(0).toUpperCase() + kind.slice(1), row.NAMESPACE || null, rest.join('/')),
      message: row.MESSAGE,
      count: age?.count ?? 1,
      firstAt: at(age?.firstAgoMs),
      lastAt: at(age?.lastAgoMs),
      approximate: true,
      source: {file: origin, line: i + 1},
    })
  }
  return facts
}

function readPodsTable(lines: string[], origin: string, referenceMs: number | null): KubernetesFacts {
  const facts = emptyFacts('table')
  const headerAt = lines.findIndex((line) => line.trim() !== '')
  const columns = tableColumns(lines[headerAt])
  for (let i = headerAt + 1; i < lines.length; i++) {
    if (lines[i].trim() === '') continue
    const row = cells(lines[i], columns)
    facts.objects++
    // RESTARTS is `5` or `5 (40s ago)`; READY is `0/1`; STATUS a phase or a container's reason.
    const restarts = /^(\d+)(?:\s+\((\S+) ago\))?/.exec(row.RESTARTS)
    const lastRestartAgo = restarts?.[2] ? parseAge(restarts[2]) : null
    const [readyNow, readyOf] = row.READY.split('/').map(Number)
    const status = row.STATUS
    const running = status === 'Running' || status === 'Completed' || status === 'Succeeded'
    facts.containers.push({
      namespace: row.NAMESPACE || null,
      pod: row.NAME,
      container: '*',
      node: null,
      ready: Number.isFinite(readyOf) ? readyNow === readyOf : null,
      restartCount: restarts ? Number(restarts[1]) : null,
      state: running ? 'running' : /^(?:OOMKilled|Error|Completed|ContainerCannotRun|DeadlineExceeded|Evicted)$/.test(status) ? 'terminated' : 'waiting',
      stateReason: running ? null : status,
      termination:
        lastRestartAgo !== null && referenceMs !== null
          ? {reason: null, exitCode: null, startedAt: null, finishedAt: new Date(referenceMs - lastRestartAgo).toISOString(), message: null}
          : null,
      notReadySince: null,
      approximate: true,
      source: {file: origin, line: i + 1},
    })
  }
  return facts
}
