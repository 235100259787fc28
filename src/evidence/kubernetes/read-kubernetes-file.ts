import {readFile} from 'node:fs/promises'

import {parseJsonText, parseYamlText} from '../../errors/syntax-problem.js'
import {DocumentShapeError} from '../logs/exports/json-path.js'
import type {KubernetesFacts} from './kubernetes-facts.js'
import {isKubernetesDocument, readKubernetesObjects} from './read-kubernetes-objects.js'
import {kubectlTextKind, readKubectlText} from './read-kubectl-text.js'

/**
 * One --k8s file, whatever kubectl printed into it: JSON or YAML objects (`get -o json|yaml`,
 * several YAML documents too), `describe` text, or a `get events|pods` table. What it is comes from
 * its content. A file that is none of them, or a broken one, is a KubernetesInputError naming
 * the problem (and for objects, the JSON path), raised before anything is written.
 */
export class KubernetesInputError extends Error {}

export async function readKubernetesFile(path: string, referenceMs: number | null): Promise<KubernetesFacts> {
  let text: string
  try {
    text = (await readFile(path, 'utf8')).replace(/^\uFEFF/, '')
  } catch (error) {
    throw new KubernetesInputError(`cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  return readKubernetesText(text, path, referenceMs)
}

export function readKubernetesText(text: string, origin: string, referenceMs: number | null): KubernetesFacts {
  const start = text.trimStart()
  if (start === '') throw new KubernetesInputError('is empty')
  try {
    if (start.startsWith('{') || start.startsWith('[')) {
      const document = parseJsonText(start)
      if (!document.ok) throw new KubernetesInputError(`is not valid JSON (${document.problem})`)
      return objectsOf(document.value, origin)
    }
    if (kubectlTextKind(start) !== null) return readKubectlText(text, origin, referenceMs)
    if (/^(?:---|apiVersion:|kind:|items:|metadata:)/m.test(start.split('\n', 1)[0])) return objectsOf(parseYaml(start), origin)
  } catch (error) {
    if (error instanceof DocumentShapeError) throw new KubernetesInputError(`is not valid Kubernetes ${error.kind === 'Kubernetes object' ? 'objects' : error.kind}: at ${error.path}: ${error.problem}`)
    throw error
  }
  throw new KubernetesInputError('is not Kubernetes objects (kubectl get -o json|yaml), kubectl describe output, or a kubectl get events|pods table')
}

function objectsOf(document: unknown, origin: string): KubernetesFacts {
  if (!isKubernetesDocument(document)) throw new KubernetesInputError('is JSON or YAML but holds no Kubernetes object (no kind, no items)')
  return readKubernetesObjects(document, origin)
}

function parseYaml(text: string): unknown {
  const parsed = parseYamlText(text)
  if (!parsed.ok) throw new KubernetesInputError(`is not valid YAML (${parsed.problem})`)
  const values = parsed.value.filter((value) => value !== null && value !== undefined)
  return values.length === 1 ? values[0] : values
}
