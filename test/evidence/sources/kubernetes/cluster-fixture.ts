/**
 * A shop namespace as the Kubernetes API lists it: the checkout Deployment's rollout history (an
 * old revision, the image rollout minutes before the onset, an environment-only change after it),
 * a StatefulSet's revisions, a ConfigMap edited before the onset, a pod OOM-killed and restarting,
 * and its events. Shapes from the API reference (ReplicaSet, ControllerRevision, Pod, Event).
 */
const labels = {app: 'checkout-api', 'app.kubernetes.io/part-of': 'shop'}
const owner = (kind: string, name: string) => [{apiVersion: 'apps/v1', kind, name, uid: `${name}-uid`, controller: true}]

const template = (image: string, pool: string) => ({
  metadata: {labels},
  spec: {
    containers: [
      {
        name: 'app',
        image,
        env: [
          {name: 'DB_POOL_SIZE', value: pool},
          {name: 'PAYMENTS_API_KEY', value: 'sk_live_51HqLyjWDarjtT1zdp7dcXSECRET'},
        ],
        envFrom: [{configMapRef: {name: 'checkout-config'}}],
        resources: {limits: {memory: '1Gi'}},
      },
    ],
  },
})

const replicaSet = (hash: string, revision: number, created: string, image: string, pool: string) => ({
  metadata: {
    name: `checkout-api-${hash}`,
    namespace: 'shop',
    labels: {...labels, 'pod-template-hash': hash},
    creationTimestamp: created,
    annotations: {'deployment.kubernetes.io/revision': String(revision), 'kubectl.kubernetes.io/last-applied-configuration': '{"apiVersion":"apps/v1","kind":"Deployment","spec":{"template":{"spec":{"containers":[{"env":[{"name":"PAYMENTS_API_KEY","value":"sk_live_51HqLyjWDarjtT1zdp7dcXSECRET"}]}]}}}}'},
    ownerReferences: owner('Deployment', 'checkout-api'),
    managedFields: [{manager: 'kube-controller-manager', operation: 'Update', apiVersion: 'apps/v1', time: created, fieldsType: 'FieldsV1', fieldsV1: {'f:status': {}}}],
  },
  spec: {replicas: revision === 7 ? 3 : 0, template: template(image, pool)},
  status: {replicas: revision === 7 ? 3 : 0},
})

export const CLUSTER = {
  replicasets: [
    replicaSet('5c9f7d8b4', 5, '2026-11-18T09:12:00Z', 'registry.example.com/checkout-api:2.4.0', '20'),
    replicaSet('7d9f8c6b5', 6, '2026-11-20T11:52:00Z', 'registry.example.com/checkout-api:3f9c2e1', '20'),
    replicaSet('6f4d9b7c8', 7, '2026-11-20T12:31:00Z', 'registry.example.com/checkout-api:3f9c2e1', '40'),
  ],
  controllerrevisions: [
    {metadata: {name: 'orders-db-6c4b8', namespace: 'shop', labels, creationTimestamp: '2026-11-01T08:00:00Z', ownerReferences: owner('StatefulSet', 'orders-db')}, revision: 1, data: {spec: {template: template('postgres:16.4', '0')}}},
    {metadata: {name: 'orders-db-7b9d2', namespace: 'shop', labels, creationTimestamp: '2026-11-20T10:05:00Z', ownerReferences: owner('StatefulSet', 'orders-db')}, revision: 2, data: {spec: {template: template('postgres:16.5', '0')}}},
  ],
  configmaps: [
    {metadata: {name: 'checkout-config', namespace: 'shop', labels, creationTimestamp: '2026-09-01T10:00:00Z', managedFields: [{manager: 'kubectl-client-side-apply', operation: 'Update', time: '2026-09-01T10:00:00Z'}, {manager: 'kubectl-edit', operation: 'Update', time: '2026-11-20T11:55:00Z'}]}, data: {REFUND_MODE: 'partial'}},
    {metadata: {name: 'kube-root-ca.crt', namespace: 'shop', creationTimestamp: '2026-01-01T00:00:00Z'}, data: {'ca.crt': '-----BEGIN CERTIFICATE-----'}},
  ],
  pods: [
    {
      metadata: {name: 'checkout-api-7d9f8c6b5-x2x9z', namespace: 'shop', labels: {...labels, 'pod-template-hash': '7d9f8c6b5'}, creationTimestamp: '2026-11-20T11:52:10Z'},
      spec: {nodeName: 'node-a', containers: template('registry.example.com/checkout-api:3f9c2e1', '20').spec.containers},
      status: {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'app',
            ready: false,
            restartCount: 4,
            state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 1m20s restarting failed container=app'}},
            lastState: {terminated: {exitCode: 137, reason: 'OOMKilled', startedAt: '2026-11-20T12:04:11Z', finishedAt: '2026-11-20T12:06:40Z'}},
            image: 'registry.example.com/checkout-api:3f9c2e1',
          },
        ],
      },
    },
  ],
  events: [
    {
      metadata: {name: 'checkout-api-7d9f8c6b5-x2x9z.17f8a', namespace: 'shop'},
      involvedObject: {kind: 'Pod', namespace: 'shop', name: 'checkout-api-7d9f8c6b5-x2x9z'},
      reason: 'BackOff',
      message: 'Back-off restarting failed container app in pod checkout-api-7d9f8c6b5-x2x9z_shop',
      type: 'Warning',
      count: 12,
      firstTimestamp: '2026-11-20T12:02:30Z',
      lastTimestamp: '2026-11-20T12:09:50Z',
    },
  ],
}
