/**
 * What the reasons Kubernetes writes (event reasons, container waiting and termination reasons,
 * node conditions) say about an incident, one entry each: how severe a record of it is for the
 * log analysis, and what it means in a sentence. Reasons are matched exactly (they are
 * identifiers); a reason not listed keeps the severity its event type gives (Warning → warning).
 * Each entry carries a real-shaped line where it appears, and a near miss it must not be.
 */
export type ReasonLevel = 'error' | 'warn'

export interface KubernetesReason {
  id: string
  level: ReasonLevel
  meaning: string
  examples: {match: readonly string[]; nonMatch: readonly string[]}
}

export const KUBERNETES_REASONS: readonly KubernetesReason[] = [
  {id: 'OOMKilled', level: 'error', meaning: 'the container was killed for exceeding its memory limit', examples: {match: ['Last State: Terminated, Reason: OOMKilled, Exit Code: 137'], nonMatch: ['OOMKilling']}},
  {id: 'OOMKilling', level: 'error', meaning: 'the kernel OOM killer killed a process on the node', examples: {match: ['Warning  OOMKilling  node/ip-10-0-1-7  Memory cgroup out of memory: Killed process 4121 (java)'], nonMatch: ['OOMKilled']}},
  {id: 'Error', level: 'error', meaning: 'the container exited with a non-zero code', examples: {match: ['Last State: Terminated, Reason: Error, Exit Code: 1'], nonMatch: ['ErrImagePull']}},
  {id: 'ContainerCannotRun', level: 'error', meaning: 'the container runtime could not start the container', examples: {match: ['Reason: ContainerCannotRun, Message: exec: "/app/start": permission denied'], nonMatch: ['ContainerCreating']}},
  {id: 'CrashLoopBackOff', level: 'error', meaning: 'the container keeps crashing and Kubernetes waits longer between restarts', examples: {match: ['State: Waiting, Reason: CrashLoopBackOff'], nonMatch: ['BackOff']}},
  {id: 'BackOff', level: 'error', meaning: 'Kubernetes backs off restarting a failed container (or pulling its image)', examples: {match: ['Warning  BackOff  2m (x25 over 7m)  kubelet  Back-off restarting failed container api in pod checkout-7d9f8b6c5-x2x9q'], nonMatch: ['CrashLoopBackOff']}},
  {id: 'ImagePullBackOff', level: 'error', meaning: 'the image cannot be pulled and Kubernetes backs off retrying', examples: {match: ['State: Waiting, Reason: ImagePullBackOff'], nonMatch: ['ErrImagePull']}},
  {id: 'ErrImagePull', level: 'error', meaning: 'pulling the image failed (wrong tag, no access, registry down)', examples: {match: ['Warning  Failed  kubelet  Error: ErrImagePull', 'State: Waiting, Reason: ErrImagePull'], nonMatch: ['ImagePullBackOff']}},
  {id: 'InvalidImageName', level: 'error', meaning: 'the image reference cannot be parsed', examples: {match: ['State: Waiting, Reason: InvalidImageName'], nonMatch: ['ErrImagePull']}},
  {id: 'CreateContainerConfigError', level: 'error', meaning: 'the container cannot be created from its configuration (a missing Secret or ConfigMap key)', examples: {match: ['Warning  Failed  kubelet  Error: secret "db-credentials" not found (CreateContainerConfigError)'], nonMatch: ['CreateContainerError']}},
  {id: 'CreateContainerError', level: 'error', meaning: 'the runtime failed to create the container', examples: {match: ['State: Waiting, Reason: CreateContainerError'], nonMatch: ['CreateContainerConfigError']}},
  {id: 'RunContainerError', level: 'error', meaning: 'the runtime failed to start the container', examples: {match: ['State: Waiting, Reason: RunContainerError'], nonMatch: ['ContainerCannotRun']}},
  {id: 'Failed', level: 'error', meaning: 'a kubelet action failed (image pull, container start, config)', examples: {match: ['Warning  Failed  12s  kubelet  Error: ImagePullBackOff'], nonMatch: ['FailedScheduling']}},
  {id: 'Unhealthy', level: 'error', meaning: 'a liveness or readiness probe failed', examples: {match: ['Warning  Unhealthy  kubelet  Readiness probe failed: HTTP probe failed with statuscode: 503'], nonMatch: ['Healthy']}},
  {id: 'FailedScheduling', level: 'error', meaning: 'no node could take the pod (resources, affinity, taints)', examples: {match: ['Warning  FailedScheduling  default-scheduler  0/3 nodes are available: 3 Insufficient memory.'], nonMatch: ['Scheduled']}},
  {id: 'FailedMount', level: 'error', meaning: 'a volume could not be mounted', examples: {match: ['Warning  FailedMount  kubelet  MountVolume.SetUp failed for volume "config" : configmap "checkout-config" not found'], nonMatch: ['SuccessfulMountVolume']}},
  {id: 'FailedAttachVolume', level: 'error', meaning: 'a volume could not be attached to the node', examples: {match: ['Warning  FailedAttachVolume  attachdetach-controller  AttachVolume.Attach failed for volume "pvc-7f1e"'], nonMatch: ['SuccessfulAttachVolume']}},
  {id: 'FailedCreatePodSandBox', level: 'error', meaning: 'the pod sandbox (network) could not be created', examples: {match: ['Warning  FailedCreatePodSandBox  kubelet  Failed to create pod sandbox: rpc error: code = Unknown desc = failed to setup network for sandbox'], nonMatch: ['SandboxChanged']}},
  {id: 'FailedCreate', level: 'error', meaning: 'a controller could not create its pods (quota, admission, invalid spec)', examples: {match: ['Warning  FailedCreate  replicaset-controller  Error creating: pods "checkout-7d9f8b6c5-" is forbidden: exceeded quota'], nonMatch: ['SuccessfulCreate']}},
  {id: 'Evicted', level: 'error', meaning: 'the kubelet evicted the pod to reclaim a node resource', examples: {match: ['Warning  Evicted  kubelet  The node was low on resource: memory.'], nonMatch: ['Preempted']}},
  {id: 'NodeNotReady', level: 'error', meaning: 'the node stopped reporting ready', examples: {match: ['Warning  NodeNotReady  node-controller  Node is not ready'], nonMatch: ['NodeReady']}},
  {id: 'SystemOOM', level: 'error', meaning: 'the node ran out of memory and the kernel killed processes', examples: {match: ['Warning  SystemOOM  kubelet  System OOM encountered, victim process: java, pid: 4121'], nonMatch: ['OOMKilled']}},
  {id: 'EvictionThresholdMet', level: 'warn', meaning: 'the node crossed an eviction threshold and starts reclaiming', examples: {match: ['Warning  EvictionThresholdMet  kubelet  Attempting to reclaim memory'], nonMatch: ['Evicted']}},
  {id: 'DeadlineExceeded', level: 'error', meaning: 'a Job or pod ran past its deadline', examples: {match: ['Warning  DeadlineExceeded  job-controller  Job was active longer than specified deadline'], nonMatch: ['Completed']}},
  {id: 'BackoffLimitExceeded', level: 'error', meaning: 'a Job failed more times than its backoff limit', examples: {match: ['Warning  BackoffLimitExceeded  job-controller  Job has reached the specified backoff limit'], nonMatch: ['BackOff']}},
  {id: 'FailedKillPod', level: 'warn', meaning: 'the kubelet could not stop a pod', examples: {match: ['Warning  FailedKillPod  kubelet  error killing pod: failed to "KillPodSandbox"'], nonMatch: ['Killing']}},
  {id: 'NetworkNotReady', level: 'error', meaning: 'the node network plugin is not ready', examples: {match: ['Warning  NetworkNotReady  kubelet  network is not ready: container runtime network not ready'], nonMatch: ['NodeReady']}},
  {id: 'MemoryPressure', level: 'warn', meaning: 'the node is short of memory', examples: {match: ['MemoryPressure   True    KubeletHasInsufficientMemory   kubelet has insufficient memory available'], nonMatch: ['PIDPressure']}},
  {id: 'DiskPressure', level: 'warn', meaning: 'the node is short of disk', examples: {match: ['DiskPressure     True    KubeletHasDiskPressure   kubelet has disk pressure'], nonMatch: ['MemoryPressure']}},
  {id: 'PIDPressure', level: 'warn', meaning: 'the node is short of process ids', examples: {match: ['PIDPressure      True    KubeletHasInsufficientPID   kubelet has insufficient PID available'], nonMatch: ['DiskPressure']}},
]

const BY_ID = new Map(KUBERNETES_REASONS.map((reason) => [reason.id, reason]))

/** The catalogue entry of a reason, matched exactly. */
export function kubernetesReason(id: string | null | undefined): KubernetesReason | null {
  return id ? (BY_ID.get(id) ?? null) : null
}
