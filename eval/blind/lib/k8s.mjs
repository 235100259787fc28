// Kubernetes objects in the shapes `kubectl get … -o json|yaml` prints, for the blind cases'
// --k8s inputs: pods with their container states, core/v1 events, lists, and a YAML printer.

/** A Pod with one container. `status` fields follow core/v1 ContainerStatus. */
export function pod({name, namespace, app, image, node, created, restarts = 0, ready = true, state, lastState, limits, requests, phase = 'Running', ownerHash, container = app, ports}) {
  const hash = ownerHash ?? name.split('-').slice(-2, -1)[0]
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name, namespace, creationTimestamp: created, labels: {app, 'pod-template-hash': hash},
      ownerReferences: [{apiVersion: 'apps/v1', kind: 'ReplicaSet', name: `${app}-${hash}`, controller: true, blockOwnerDeletion: true, uid: uid(name)}],
      uid: uid(name + '/pod'),
    },
    spec: {
      containers: [{name: container, image, ...(ports ? {ports} : {}), resources: {...(limits ? {limits} : {}), ...(requests ? {requests} : {})}}],
      nodeName: node, restartPolicy: 'Always',
    },
    status: {
      phase,
      conditions: [
        {type: 'Initialized', status: 'True', lastTransitionTime: created},
        {type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: created, ...(ready ? {} : {reason: 'ContainersNotReady', message: `containers with unready status: [${container}]`})},
        {type: 'ContainersReady', status: ready ? 'True' : 'False', lastTransitionTime: created},
        {type: 'PodScheduled', status: 'True', lastTransitionTime: created},
      ],
      hostIP: '10.0.' + (name.length % 200) + '.' + (name.charCodeAt(0) % 250),
      startTime: created,
      containerStatuses: [{
        name: container, image, imageID: image.includes('@') ? image : `${image.split(':')[0]}@sha256:${hex64(name)}`,
        containerID: `containerd://${hex64(name + '/c')}`,
        ready, started: ready, restartCount: restarts,
        state: state ?? {running: {startedAt: created}},
        ...(lastState ? {lastState} : {lastState: {}}),
      }],
    },
  }
}

/** A core/v1 Event as `kubectl get events -o json` lists it. */
export function event({namespace, kind = 'Pod', name, reason, message, type = 'Normal', first, last, count = 1, component = 'kubelet', host, fieldPath}) {
  const id = `${name}.${hex64(name + reason + first).slice(0, 16)}`
  return {
    apiVersion: 'v1',
    kind: 'Event',
    metadata: {name: id, namespace, creationTimestamp: first, uid: uid(id)},
    involvedObject: {kind, namespace, name, apiVersion: kind === 'Pod' ? 'v1' : kind === 'HorizontalPodAutoscaler' ? 'autoscaling/v2' : 'apps/v1', uid: uid(name + '/pod'), ...(fieldPath ? {fieldPath} : {})},
    reason, message, type, count,
    source: {component, ...(host ? {host} : {})},
    firstTimestamp: first, lastTimestamp: last ?? first,
    eventTime: null, reportingComponent: component === 'kubelet' ? 'kubelet' : component, reportingInstance: host ?? '',
  }
}

export const list = (items) => ({apiVersion: 'v1', kind: 'List', metadata: {resourceVersion: ''}, items})

/** YAML the way kubectl prints it: block style, keys in order, strings quoted when needed. */
export function toYaml(value) {
  return emit(value, 0).replace(/^\n/, '') + '\n'
}

function emit(v, indent) {
  const pad = ' '.repeat(indent)
  if (Array.isArray(v)) {
    if (v.length === 0) return ' []'
    return v.map((x) => {
      if (x && typeof x === 'object' && !Array.isArray(x) && Object.keys(x).length > 0) {
        const inner = emit(x, indent + 2).replace(/^\n/, '')
        return `\n${pad}- ${inner.slice(indent + 2)}`
      }
      return `\n${pad}-${emit(x, indent + 2)}`
    }).join('')
  }
  if (v && typeof v === 'object') {
    const keys = Object.keys(v)
    if (keys.length === 0) return ' {}'
    return keys.map((k) => `\n${pad}${scalarKey(k)}:${emit(v[k], indent + 2)}`).join('')
  }
  return ' ' + scalar(v)
}

const scalarKey = (k) => (/^[A-Za-z0-9_.\/-]+$/.test(k) ? k : JSON.stringify(k))

function scalar(v) {
  if (v === null || v === undefined) return 'null'
  if (typeof v === 'number' || typeof v === 'boolean') return String(v)
  const s = String(v)
  if (s.includes('\n')) return '|-\n' + s.split('\n').map((l) => '      ' + l).join('\n')
  const special = /^[\s]|[\s]$|^[-?:,\[\]{}#&*!|>'"%@`]|: | #|^(true|false|null|yes|no|on|off|y|n|~)$/i
  const numberLike = /^[-+]?(\d[\d_]*\.?\d*|\.\d+)([eE][-+]?\d+)?$|^0x[0-9a-f]+$|^0o?[0-7]+$/i
  const timeLike = /^\d{4}-\d\d-\d\d/
  if (s === '' || special.test(s) || numberLike.test(s) || timeLike.test(s)) return JSON.stringify(s)
  return s
}

/** Stable fake identifiers derived from a name (no randomness, so the bytes never change). */
function hex64(seed) {
  let h = 2166136261
  let out = ''
  for (let round = 0; out.length < 64; round++) {
    for (const ch of seed + round) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, 64)
}

const uid = (seed) => {
  const h = hex64(seed)
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20, 32)}`
}
