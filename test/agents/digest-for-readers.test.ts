import {describe, expect, it} from 'vitest'

import {digestFor} from '../../src/agents/digest-for.js'
import {readAlert} from '../../src/evidence/alerts/read-alert.js'
import type {EvidenceBundle} from '../../src/evidence/evidence-bundle.js'
import {buildKubernetesEvidence} from '../../src/evidence/kubernetes/kubernetes-evidence.js'
import {readKubernetesText} from '../../src/evidence/kubernetes/read-kubernetes-file.js'
import {alertmanagerWebhook} from '../evidence/alerts/alert-samples.js'
import {podsJson} from '../evidence/kubernetes/kubectl-samples.js'

describe('a specialist digest with Kubernetes and alert evidence', () => {
  it('shows the alert and the containers in trouble with the ids to cite', () => {
    const {digest, items} = buildKubernetesEvidence([{path: 'pods.json', facts: readKubernetesText(JSON.stringify(podsJson), 'pods.json', null)}], {redactIps: false})
    const bundle: EvidenceBundle = {
      schemaVersion: 1,
      window: {onset: null, onsetSource: null, declaredAt: null},
      logs: null,
      git: null,
      deploys: null,
      metrics: null,
      postgres: null,
      health: null,
      kubernetes: digest,
      alert: readAlert(alertmanagerWebhook, 'alert.json'),
      items,
      limitations: [],
    }
    const shown = JSON.parse(digestFor('infrastructure', bundle))
    expect(shown.alert).toMatchObject({id: 'ev-alert-1', title: 'KubePodCrashLooping: Pod is crash looping.', severity: 'label severity=critical'})
    expect(shown.kubernetes.containers).toEqual([expect.objectContaining({id: 'ev-k8s-1', pod: 'shop/checkout-7d9f8b6c5-x2x9q', container: 'api', restarts: 5, reason: 'CrashLoopBackOff', lastTermination: expect.objectContaining({reason: 'OOMKilled', exitCode: 137})})])
  })
})
