import {modificationTime} from '../logs/analyze-source.js'
import type {TimeReference} from '../logs/source-reader.js'
import {buildKubernetesEvidence, type KubernetesEvidence, type KubernetesInput} from './kubernetes-evidence.js'
import {KubernetesInputError, readKubernetesFile} from './read-kubernetes-file.js'

/**
 * Reads every --k8s file and builds the Kubernetes evidence. Relative ages (describe, tables) count
 * back from the incident's reference (--started-at, the alert), else from the file's modification
 * time (when the output was saved). The files were checked before the incident folder was made; one
 * that fails now (changed since, removed) is a limitation, not a crash. Objects the Kubernetes API
 * answered (live sources, already read) join them as `live`.
 */
export async function collectKubernetes(
  paths: readonly string[],
  reference: TimeReference | null,
  options: {redactIps: boolean; live?: readonly KubernetesInput[]},
): Promise<KubernetesEvidence & {limitations: string[]}> {
  const inputs: KubernetesInput[] = []
  const limitations: string[] = []
  for (const path of paths) {
    const at = reference?.at ?? (await modificationTime(path))?.at ?? null
    try {
      inputs.push({path, facts: await readKubernetesFile(path, at)})
    } catch (error) {
      if (!(error instanceof KubernetesInputError)) throw error
      limitations.push(`${path}: not read: the file ${error.message}.`)
    }
  }
  return {...buildKubernetesEvidence([...inputs, ...(options.live ?? [])], options), limitations}
}
