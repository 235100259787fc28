import type {Symptom} from '../../../incident/vocabulary.js'

/**
 * Which symptoms an alert's words name: its name (alertname, title) and the text of its labels and
 * summary are matched against each entry; every entry that matches adds its symptom. Patterns are
 * written for the names alerting rules use in practice (kube-prometheus's KubePodCrashLooping,
 * HighErrorRate, p99 latency, TargetDown, PostgreSQL exporter alerts …).
 */
export interface AlertSymptom {
  id: string
  symptom: Symptom
  pattern: RegExp
  examples: {match: readonly string[]; nonMatch: readonly string[]}
}

export const ALERT_SYMPTOMS: readonly AlertSymptom[] = [
  {
    id: 'error-rate',
    symptom: 'high-error-rate',
    pattern: /error[\s_-]?(?:rate|ratio|budget|spike)|errors?\b|5xx|\bfail(?:ure|ing|ed)?[\s_-]?(?:rate|ratio|requests?)|burn[\s_-]?rate|HighErrorRate|ErrorBudget/i,
    examples: {match: ['HighErrorRate', 'checkout 5xx ratio above 5%', 'SLOErrorBudgetBurn', 'payment failure rate'], nonMatch: ['HighLatency', 'DiskFull']},
  },
  {
    id: 'latency',
    symptom: 'slow-performance',
    pattern: /latenc|slow|p9[59]|p99\.9|response[\s_-]?time|duration|timeouts?\b|apdex/i,
    examples: {match: ['HighRequestLatency', 'p99 latency above 2s', 'APIResponseTimeSlow', 'Apdex below target'], nonMatch: ['HighErrorRate']},
  },
  {
    id: 'unavailable',
    symptom: 'service-unavailable',
    pattern: /\bdown\b|Down$|unavailable|unreachable|not[\s_-]?ready|probe[\s_-]?fail|ProbeFailure|blackbox|outage|no[\s_-]?healthy|TargetDown|HealthCheck/i,
    examples: {match: ['TargetDown', 'BlackBox Probe Failure: https://shop.example.com', 'KubeDeploymentReplicasMismatch: no healthy replicas', 'checkout-api is down'], nonMatch: ['Download queue long']},
  },
  {
    id: 'kubernetes-infrastructure',
    symptom: 'infrastructure-issues',
    pattern: /CrashLoop|OOM|Kube[A-Z]|\bpod\b|container|node[\s_-]|NodeNotReady|\bcpu\b|memory|disk|filesystem|inode|volume|throttl|evict/i,
    examples: {match: ['KubePodCrashLooping', 'ContainerOOMKilled', 'NodeFilesystemSpaceFillingUp', 'High memory usage', 'CPUThrottlingHigh'], nonMatch: ['HighErrorRate']},
  },
  {
    id: 'database',
    symptom: 'database-issues',
    pattern: /postgres|\bpg[\s_-]|mysql|mariadb|database|\bdb\b|replication[\s_-]?lag|deadlock|connection[\s_-]?pool|too[\s_-]?many[\s_-]?connections|redis|mongo/i,
    examples: {match: ['PostgresqlReplicationLag', 'MysqlTooManyConnections', 'checkout db connection pool exhausted'], nonMatch: ['HighErrorRate']},
  },
  {
    id: 'security',
    symptom: 'security-incident',
    pattern: /brute[\s_-]?force|credential|login[\s_-]?fail|auth(?:entication)?[\s_-]?fail|intrusion|suspicious|\bwaf\b|\bddos\b|unauthori[sz]ed|breach|malware/i,
    examples: {match: ['LoginFailuresSpike', 'SuspiciousAuthActivity', 'WAF blocked requests surge', 'Possible brute force on sshd'], nonMatch: ['HighErrorRate']},
  },
  {
    id: 'data',
    symptom: 'data-corruption',
    pattern: /corrupt|checksum|data[\s_-]?loss|integrity|inconsisten/i,
    examples: {match: ['BackupChecksumMismatch', 'data integrity check failed'], nonMatch: ['HighErrorRate']},
  },
]
