import type {KubernetesContainer, KubernetesEvent, KubernetesNodeCondition} from './kubernetes-digest.js'

/** What one Kubernetes input says, before evidence ids are given: the common output of every reader. */
export interface KubernetesFacts {
  kind: 'objects' | 'describe' | 'table'
  objects: number
  containers: Array<Omit<KubernetesContainer, 'evidenceId'>>
  events: Array<Omit<KubernetesEvent, 'evidenceId'>>
  nodeConditions: Array<Omit<KubernetesNodeCondition, 'evidenceId'>>
}

export const emptyFacts = (kind: KubernetesFacts['kind']): KubernetesFacts => ({kind, objects: 0, containers: [], events: [], nodeConditions: []})

/** `Pod/shop/checkout-7d9f` (namespace left out when unknown or cluster-scoped). */
export const objectName = (kind: string, namespace: string | null | undefined, name: string): string => `${kind}/${namespace ? `${namespace}/` : ''}${name}`

/**
 * A relative age as kubectl prints it (`34s`, `2m`, `3h5m`, `5d`, `2d3h`), in ms; null for
 * `<unknown>` or anything else.
 */
export function parseAge(text: string): number | null {
  const trimmed = text.trim()
  if (!/^(?:\d+[dhms])+$/.test(trimmed)) return null
  let ms = 0
  for (const [, value, unit] of trimmed.matchAll(/(\d+)([dhms])/g)) ms += Number(value) * {d: 86_400_000, h: 3_600_000, m: 60_000, s: 1000}[unit as 'd' | 'h' | 'm' | 's']
  return ms
}
