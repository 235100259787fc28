/**
 * kubectl output in the shapes the Kubernetes documentation shows, written for these tests: a
 * checkout API crash-looping on OOMKilled. Each sample names the page its shape follows.
 */

/** `kubectl get pods -o json` — https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/#PodStatus */
export const podsJson = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {name: 'checkout-7d9f8b6c5-x2x9q', namespace: 'shop', labels: {app: 'checkout'}},
      spec: {nodeName: 'ip-10-0-1-7.ec2.internal', containers: [{name: 'api', image: 'registry.example.com/checkout:2.4.1'}]},
      status: {
        phase: 'Running',
        conditions: [
          {type: 'Initialized', status: 'True', lastProbeTime: null, lastTransitionTime: '2025-06-20T12:50:02Z'},
          {type: 'Ready', status: 'False', lastProbeTime: null, lastTransitionTime: '2025-06-20T13:08:41Z', reason: 'ContainersNotReady', message: 'containers with unready status: [api]'},
        ],
        containerStatuses: [
          {
            name: 'api',
            ready: false,
            restartCount: 5,
            image: 'registry.example.com/checkout:2.4.1',
            imageID: 'registry.example.com/checkout@sha256:4f8a',
            containerID: 'containerd://9c1d',
            started: false,
            state: {waiting: {reason: 'CrashLoopBackOff', message: 'back-off 2m40s restarting failed container=api pod=checkout-7d9f8b6c5-x2x9q_shop(1c7e)'}},
            lastState: {terminated: {exitCode: 137, reason: 'OOMKilled', startedAt: '2025-06-20T13:12:02Z', finishedAt: '2025-06-20T13:12:40Z', containerID: 'containerd://8b0e'}},
          },
          {name: 'envoy', ready: true, restartCount: 0, state: {running: {startedAt: '2025-06-20T12:50:05Z'}}, lastState: {}},
        ],
      },
    },
    {apiVersion: 'v1', kind: 'Pod', metadata: {name: 'cart-5c8d7b9f4-q7w2e', namespace: 'shop'}, spec: {}, status: {phase: 'Running', containerStatuses: [{name: 'cart', ready: true, restartCount: 0, state: {running: {startedAt: '2025-06-20T10:00:00Z'}}}]}},
  ],
  metadata: {resourceVersion: ''},
}

/** `kubectl get events -o json` (core/v1 Event) — https://kubernetes.io/docs/reference/kubernetes-api/cluster-resources/event-v1/ */
export const eventsJson = {
  apiVersion: 'v1',
  kind: 'List',
  items: [
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'checkout-7d9f8b6c5-x2x9q.17dab1', namespace: 'shop'},
      involvedObject: {kind: 'Pod', namespace: 'shop', name: 'checkout-7d9f8b6c5-x2x9q', fieldPath: 'spec.containers{api}'},
      reason: 'BackOff',
      message: 'Back-off restarting failed container api in pod checkout-7d9f8b6c5-x2x9q_shop(1c7e)',
      source: {component: 'kubelet', host: 'ip-10-0-1-7.ec2.internal'},
      firstTimestamp: '2025-06-20T13:05:10Z',
      lastTimestamp: '2025-06-20T13:14:02Z',
      count: 25,
      type: 'Warning',
      eventTime: null,
      reportingComponent: 'kubelet',
      reportingInstance: 'ip-10-0-1-7.ec2.internal',
    },
    {
      apiVersion: 'v1',
      kind: 'Event',
      metadata: {name: 'checkout-7d9f8b6c5-x2x9q.17dab0', namespace: 'shop'},
      involvedObject: {kind: 'Pod', namespace: 'shop', name: 'checkout-7d9f8b6c5-x2x9q'},
      reason: 'Pulled',
      message: 'Container image "registry.example.com/checkout:2.4.1" already present on machine',
      firstTimestamp: '2025-06-20T13:01:00Z',
      lastTimestamp: '2025-06-20T13:12:02Z',
      count: 6,
      type: 'Normal',
    },
    {
      apiVersion: 'events.k8s.io/v1',
      kind: 'Event',
      metadata: {name: 'ip-10-0-1-7.17dab2', namespace: 'default'},
      regarding: {kind: 'Node', name: 'ip-10-0-1-7.ec2.internal'},
      reason: 'OOMKilling',
      note: 'Memory cgroup out of memory: Killed process 4121 (java) total-vm:8123456kB, anon-rss:1012345kB',
      type: 'Warning',
      eventTime: '2025-06-20T13:12:39.812345Z',
      reportingController: 'kernel-monitor',
      reportingInstance: 'ip-10-0-1-7.ec2.internal',
      action: 'OOMKilling',
    },
  ],
}

/** `kubectl get pods -o yaml` — same objects, YAML */
export const podsYaml = `apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: Pod
  metadata:
    name: checkout-7d9f8b6c5-x2x9q
    namespace: shop
  spec:
    nodeName: ip-10-0-1-7.ec2.internal
  status:
    phase: Running
    containerStatuses:
    - name: api
      ready: false
      restartCount: 5
      state:
        waiting:
          reason: CrashLoopBackOff
      lastState:
        terminated:
          exitCode: 137
          reason: OOMKilled
          startedAt: "2025-06-20T13:12:02Z"
          finishedAt: "2025-06-20T13:12:40Z"
`

/** `kubectl describe pod` — https://kubernetes.io/docs/tasks/debug/debug-application/debug-pods/ */
export const describePod = `Name:             checkout-7d9f8b6c5-x2x9q
Namespace:        shop
Priority:         0
Service Account:  checkout
Node:             ip-10-0-1-7.ec2.internal/10.0.1.7
Start Time:       Fri, 20 Jun 2025 12:50:02 +0000
Labels:           app=checkout
                  pod-template-hash=7d9f8b6c5
Annotations:      <none>
Status:           Running
IP:               10.0.3.41
Controlled By:  ReplicaSet/checkout-7d9f8b6c5
Containers:
  api:
    Container ID:   containerd://9c1d
    Image:          registry.example.com/checkout:2.4.1
    Port:           8080/TCP
    Host Port:      0/TCP
    State:          Waiting
      Reason:       CrashLoopBackOff
    Last State:     Terminated
      Reason:       OOMKilled
      Exit Code:    137
      Started:      Fri, 20 Jun 2025 13:12:02 +0000
      Finished:     Fri, 20 Jun 2025 13:12:40 +0000
    Ready:          False
    Restart Count:  5
    Limits:
      memory:  512Mi
    Requests:
      cpu:        250m
      memory:     512Mi
    Environment:  <none>
  envoy:
    Container ID:   containerd://1a2b
    Image:          envoyproxy/envoy:v1.30.1
    State:          Running
      Started:      Fri, 20 Jun 2025 12:50:05 +0000
    Ready:          True
    Restart Count:  0
Conditions:
  Type              Status
  Initialized       True
  Ready             False
  ContainersReady   False
  PodScheduled      True
Volumes:
  kube-api-access-7x2lq:
    Type:                    Projected (a volume that contains injected data from multiple sources)
QoS Class:                   Burstable
Node-Selectors:              <none>
Tolerations:                 node.kubernetes.io/not-ready:NoExecute op=Exists for 300s
Events:
  Type     Reason     Age                 From               Message
  ----     ------     ----                ----               -------
  Normal   Scheduled  24m                 default-scheduler  Successfully assigned shop/checkout-7d9f8b6c5-x2x9q to ip-10-0-1-7.ec2.internal
  Normal   Pulled     2m (x6 over 13m)    kubelet            Container image "registry.example.com/checkout:2.4.1" already present on machine
  Warning  BackOff    10s (x25 over 9m)   kubelet            Back-off restarting failed container api in pod checkout-7d9f8b6c5-x2x9q_shop(1c7e)
`

/** `kubectl describe node` — https://kubernetes.io/docs/reference/node/node-status/ */
export const describeNode = `Name:               ip-10-0-1-7.ec2.internal
Roles:              <none>
Labels:             kubernetes.io/os=linux
CreationTimestamp:  Mon, 02 Jun 2025 08:00:00 +0000
Taints:             <none>
Unschedulable:      false
Conditions:
  Type             Status  LastHeartbeatTime                 LastTransitionTime                Reason                       Message
  ----             ------  -----------------                 ------------------                ------                       -------
  MemoryPressure   True    Fri, 20 Jun 2025 13:14:00 +0000   Fri, 20 Jun 2025 13:11:30 +0000   KubeletHasInsufficientMemory   kubelet has insufficient memory available
  DiskPressure     False   Fri, 20 Jun 2025 13:14:00 +0000   Mon, 02 Jun 2025 08:00:00 +0000   KubeletHasNoDiskPressure       kubelet has no disk pressure
  PIDPressure      False   Fri, 20 Jun 2025 13:14:00 +0000   Mon, 02 Jun 2025 08:00:00 +0000   KubeletHasSufficientPID        kubelet has sufficient PID available
  Ready            True    Fri, 20 Jun 2025 13:14:00 +0000   Mon, 02 Jun 2025 08:00:40 +0000   KubeletReady                   kubelet is posting ready status
Addresses:
  InternalIP:  10.0.1.7
Events:
  Type     Reason                Age   From     Message
  ----     ------                ----  ----     -------
  Warning  EvictionThresholdMet  3m    kubelet  Attempting to reclaim memory
`

/** `kubectl get events` (default table) — https://kubernetes.io/docs/reference/kubectl/generated/kubectl_events/ */
export const eventsTable = `LAST SEEN   TYPE      REASON      OBJECT                         MESSAGE
10s         Warning   BackOff     pod/checkout-7d9f8b6c5-x2x9q   Back-off restarting failed container api in pod checkout-7d9f8b6c5-x2x9q_shop(1c7e)
2m          Normal    Pulled      pod/checkout-7d9f8b6c5-x2x9q   Container image "registry.example.com/checkout:2.4.1" already present on machine
`

/** `kubectl get pods` (default table) — https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/ */
export const podsTable = `NAME                       READY   STATUS             RESTARTS      AGE
checkout-7d9f8b6c5-x2x9q   1/2     CrashLoopBackOff   5 (40s ago)   24m
cart-5c8d7b9f4-q7w2e       1/1     Running            0             4h
`
