import type {KubernetesInput} from '../../kubernetes/kubernetes-evidence.js'
import {readKubernetesObjects} from '../../kubernetes/read-kubernetes-objects.js'
import type {SavedAnswer} from '../answer-store.js'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

/**
 * The saved pod and event lists, read by the Kubernetes readers as `kubectl get … -o json` output
 * (the API leaves `kind` off list items; kubectl, and so the readers, expect it). With a label
 * selector, events are kept when they concern the selected pods or the ReplicaSets, Deployments and
 * StatefulSets that own them: events cannot be selected by label. Pure: the caller reads the files.
 */
export function kubernetesInputs(answers: ReadonlyArray<{answer: SavedAnswer; body: unknown}>, selected: boolean): {inputs: KubernetesInput[]; problems: string[]} {
  const itemsOf = (role: string) => answers.filter((a) => a.answer.role === role).flatMap((a) => (isObject(a.body) && Array.isArray(a.body.items) ? (a.body.items as unknown[]).filter(isObject) : []))
  const names = new Set<string>()
  for (const item of [...itemsOf('pods'), ...itemsOf('replicasets'), ...itemsOf('controllerrevisions')]) {
    const metadata = isObject(item.metadata) ? item.metadata : {}
    if (typeof metadata.name === 'string') names.add(metadata.name)
    for (const owner of Array.isArray(metadata.ownerReferences) ? metadata.ownerReferences : []) if (isObject(owner) && typeof owner.name === 'string') names.add(owner.name)
  }
  const concerned = (event: Json) => !selected || (isObject(event.involvedObject) && names.has(String(event.involvedObject.name)))
  const inputs: KubernetesInput[] = []
  const problems: string[] = []
  for (const {answer, body} of answers) {
    const kind = answer.role === 'pods' ? 'Pod' : answer.role === 'events' ? 'Event' : null
    if (kind === null || !isObject(body) || !Array.isArray(body.items)) continue
    const items = (body.items as unknown[]).filter(isObject).filter((item) => kind !== 'Event' || concerned(item))
    try {
      inputs.push({path: answer.file, facts: readKubernetesObjects({...body, items: items.map((item) => ({kind, ...item}))}, answer.file)})
    } catch (error) {
      problems.push(`${answer.file}: not read (${(error as Error).message}).`)
    }
  }
  return {inputs, problems}
}
