import type {RootCauseCategory} from '../../../incident/vocabulary.js'

/**
 * What kind of failure a signature reports. The class, not the wording, is what the engine reasons
 * with: its root-cause category when no change explains it, whether it is a cause by nature or an
 * effect of something upstream (a pool running dry, a breaker opening, a 502 at the edge), how
 * strongly it names a cause on its own, and which configuration keys and change words it answers to.
 */
export const FAILURE_CLASSES = [
  'out-of-memory',
  'disk-full',
  'cpu-throttling',
  'fd-exhaustion',
  'kernel-table-full',
  'pool-exhausted',
  'db-saturation',
  'db-writes-stopped',
  'lock-contention',
  'query-timeout',
  'connection-refused',
  'dns-failure',
  'connection-reset',
  'timeout',
  'deadline',
  'upstream-5xx',
  'dependency-unavailable',
  'circuit-open',
  'retries-exhausted',
  'rate-limited',
  'tls-expired',
  'tls-invalid',
  'auth-rejected',
  'signing-key-unknown',
  'protocol-mismatch',
  'missing-config',
  'invalid-config',
  'limit-exceeded',
  'script-error',
  'code-defect',
  'missing-dependency',
  'package-unavailable',
  'schema-mismatch',
  'image-pull',
  'scheduling',
  'eviction',
  'node-failure',
  'node-not-ready',
  'saturation',
  'crash-loop',
  'probe-failure',
  'edge-5xx',
  'exploit-attempt',
] as const
export type FailureClass = (typeof FAILURE_CLASSES)[number]

export interface FailureClassInfo {
  /** The cause's nature when no change explains it. */
  category: RootCauseCategory
  /** `effect`: usually the consequence of an earlier failure; it names a cause only when alone. */
  role: 'origin' | 'effect'
  /**
   * Confidence when this class alone, new at the onset, accounts for the errors. Below 0.4 it
   * never names a cause by itself (a TypeError says a defect exists, not which change made it).
   */
  strength: number
  /** Words (see text-tokens CONCEPTS) a change must share to explain this class. */
  concepts: readonly string[]
  /** The specialists whose scope it falls in, besides the root-cause analyst. */
  scope: ReadonlyArray<'backend-reliability' | 'database' | 'performance' | 'infrastructure' | 'security'>
  /** One sentence for the hypothesis; `{c}` is replaced by " (component)" when one is known. */
  says: string
}

export const FAILURE_CLASS_INFO: Readonly<Record<FailureClass, FailureClassInfo>> = {
  'out-of-memory': {category: 'resource-exhaustion', role: 'origin', strength: 0.75, concepts: ['memory'], scope: ['infrastructure', 'performance'], says: 'Processes ran out of memory{c} and were killed or failed allocations'},
  'disk-full': {category: 'resource-exhaustion', role: 'origin', strength: 0.75, concepts: ['disk'], scope: ['infrastructure'], says: 'A disk filled up{c}: writes fail with no space left on the device'},
  'cpu-throttling': {category: 'resource-exhaustion', role: 'origin', strength: 0.5, concepts: ['cpu'], scope: ['performance', 'infrastructure'], says: 'CPU ran out{c}: containers were throttled at their limit'},
  'fd-exhaustion': {category: 'resource-exhaustion', role: 'origin', strength: 0.6, concepts: ['files'], scope: ['infrastructure', 'performance'], says: 'Processes ran out of file descriptors{c} (too many open files)'},
  // A node's kernel table filled up (connection tracking, neighbours): the packets it drops are the
  // symptom a network view sees, but what ran out is a per-node limit sized for less traffic, and the
  // fix is capacity (raise the table, spread the connections), so a senior SRE files it under exhaustion.
  'kernel-table-full': {category: 'resource-exhaustion', role: 'origin', strength: 0.65, concepts: ['capacity'], scope: ['infrastructure', 'performance'], says: 'A kernel table on the nodes filled up{c}: new connections were dropped'},
  'pool-exhausted': {category: 'resource-exhaustion', role: 'effect', strength: 0.45, concepts: ['pool'], scope: ['performance', 'database'], says: 'A client connection pool was exhausted{c}: callers time out waiting for a connection'},
  'db-saturation': {category: 'database-saturation', role: 'origin', strength: 0.7, concepts: ['pool', 'database'], scope: ['database', 'performance', 'backend-reliability'], says: 'The database refused connections{c}: its connection slots were used up'},
  // The database refuses writes to protect its data: a finite space (transaction IDs) ran out
  // because vacuum fell behind. Exhaustion of a resource, not a database overloaded by its callers
  // (database-saturation is connections and locks), whatever the application sent it.
  'db-writes-stopped': {category: 'resource-exhaustion', role: 'origin', strength: 0.75, concepts: ['database'], scope: ['database', 'backend-reliability'], says: 'The database stopped accepting writes to protect its data{c} (transaction ID wraparound: vacuum fell behind)'},
  'lock-contention': {category: 'database-saturation', role: 'origin', strength: 0.55, concepts: ['database', 'lock'], scope: ['database', 'performance'], says: 'Database sessions blocked each other{c}: lock waits timed out or deadlocked'},
  'query-timeout': {category: 'database-saturation', role: 'effect', strength: 0.45, concepts: ['database', 'timeout'], scope: ['database', 'performance'], says: 'Database statements were cancelled at their timeout{c}'},
  'connection-refused': {category: 'external-dependency', role: 'origin', strength: 0.65, concepts: ['host'], scope: ['backend-reliability', 'infrastructure'], says: 'A dependency refused connections{c}: nothing was listening where the service connects'},
  'dns-failure': {category: 'network', role: 'origin', strength: 0.7, concepts: ['dns', 'host'], scope: ['infrastructure', 'backend-reliability'], says: 'Name resolution failed{c}: lookups return no such host or time out'},
  'connection-reset': {category: 'network', role: 'origin', strength: 0.45, concepts: ['network', 'host'], scope: ['infrastructure', 'backend-reliability'], says: 'Connections were reset or broken mid-request{c}'},
  timeout: {category: 'external-dependency', role: 'origin', strength: 0.55, concepts: ['timeout', 'host'], scope: ['backend-reliability', 'infrastructure', 'performance'], says: 'Calls timed out{c}'},
  // A call that ran past its deadline says the callee was slow, not where: a dependency when it names
  // one, else nothing (a nightly batch's deadlines are not the network's by themselves).
  deadline: {category: 'external-dependency', role: 'origin', strength: 0.55, concepts: ['timeout', 'host'], scope: ['backend-reliability', 'performance'], says: 'Calls ran past their deadline{c}'},
  'upstream-5xx': {category: 'external-dependency', role: 'origin', strength: 0.65, concepts: ['host'], scope: ['backend-reliability', 'infrastructure'], says: 'An upstream dependency answered with server errors{c}'},
  'dependency-unavailable': {category: 'external-dependency', role: 'origin', strength: 0.6, concepts: ['host'], scope: ['backend-reliability', 'infrastructure'], says: 'A dependency was unavailable{c}: no healthy instance, broker or node answered'},
  'circuit-open': {category: 'external-dependency', role: 'effect', strength: 0.5, concepts: ['host'], scope: ['backend-reliability'], says: 'A circuit breaker opened{c} after calls to a dependency kept failing'},
  'retries-exhausted': {category: 'external-dependency', role: 'effect', strength: 0.35, concepts: ['host'], scope: ['backend-reliability'], says: 'Calls exhausted their retries{c}'},
  'rate-limited': {category: 'traffic-surge', role: 'origin', strength: 0.55, concepts: ['rate'], scope: ['performance', 'backend-reliability'], says: 'Requests were rate limited{c} (HTTP 429 / throttling)'},
  'tls-expired': {category: 'certificate-expiry', role: 'origin', strength: 0.8, concepts: ['tls'], scope: ['infrastructure', 'backend-reliability'], says: 'A TLS certificate expired or is not yet valid{c}: connections fail certificate verification'},
  // A certificate the clients no longer trust is a certificate problem whatever broke the chain (an
  // expired intermediate or root, a rotation to an unknown CA); a change that touched TLS still
  // takes it over through its tls concept.
  'tls-invalid': {category: 'certificate-expiry', role: 'origin', strength: 0.6, concepts: ['tls'], scope: ['infrastructure', 'backend-reliability'], says: 'TLS verification failed{c}: the certificate is untrusted, expired somewhere in its chain or for another name'},
  'auth-rejected': {category: 'config-change', role: 'origin', strength: 0.45, concepts: ['auth'], scope: ['security', 'backend-reliability'], says: 'A dependency rejected the service’s credentials{c}'},
  // Tokens signed with a key the validators cannot find (the identity provider rotated or removed
  // it): the provider's change as the service sees it; a change of ours that touched the keys or
  // the JWKS address takes it over through its auth words.
  'signing-key-unknown': {category: 'external-dependency', role: 'origin', strength: 0.6, concepts: ['auth'], scope: ['security', 'backend-reliability'], says: 'Tokens no longer verify{c}: they are signed with a key the service does not hold (a rotated or removed signing key)'},
  // Client and server stopped agreeing on a protocol (MySQL 8's caching_sha2_password for an old
  // driver): one side was upgraded, so the upgrade is the cause when one shipped before it.
  'protocol-mismatch': {category: 'dependency-upgrade', role: 'origin', strength: 0.6, concepts: ['upgrade'], scope: ['backend-reliability', 'database'], says: 'Client and server no longer speak the same protocol{c}: one side was upgraded past what the other supports'},
  'missing-config': {category: 'config-change', role: 'origin', strength: 0.7, concepts: ['config'], scope: ['backend-reliability', 'infrastructure'], says: 'Required configuration is missing{c}: the process cannot start or serve without it'},
  'invalid-config': {category: 'config-change', role: 'origin', strength: 0.6, concepts: ['config'], scope: ['backend-reliability', 'infrastructure'], says: 'Configuration could not be parsed or holds an invalid value{c}'},
  'limit-exceeded': {category: 'config-change', role: 'origin', strength: 0.45, concepts: ['limit'], scope: ['backend-reliability'], says: 'A configured size or count limit was exceeded{c}'},
  'script-error': {category: 'code-change', role: 'origin', strength: 0.65, concepts: ['script'], scope: ['backend-reliability', 'infrastructure'], says: 'A job script failed to run{c}: the shell reports a syntax error or a missing command'},
  'code-defect': {category: 'code-change', role: 'origin', strength: 0.25, concepts: ['code'], scope: ['backend-reliability'], says: 'The code fails on a defect{c} (a nil/undefined value, a panic or an unhandled case)'},
  'missing-dependency': {category: 'dependency-upgrade', role: 'origin', strength: 0.35, concepts: ['dependency'], scope: ['backend-reliability'], says: 'A library class, method or module the code needs is missing{c}'},
  // A package the build fetches is gone from its registry (unpublished, yanked): the registry's
  // change as the build sees it. A change of ours that pinned the missing version names the package
  // the errors name, and takes it over by that.
  'package-unavailable': {category: 'external-dependency', role: 'origin', strength: 0.6, concepts: ['dependency'], scope: ['backend-reliability', 'infrastructure'], says: 'A package the build needs is no longer in its registry{c} (unpublished or yanked)'},
  'schema-mismatch': {category: 'database-migration', role: 'origin', strength: 0.3, concepts: ['database'], scope: ['database', 'backend-reliability'], says: 'Queries no longer fit the database schema{c}'},
  'image-pull': {category: 'config-change', role: 'origin', strength: 0.6, concepts: ['image'], scope: ['infrastructure'], says: 'Containers cannot start: their image cannot be pulled{c}'},
  scheduling: {category: 'resource-exhaustion', role: 'origin', strength: 0.55, concepts: ['capacity'], scope: ['infrastructure', 'performance'], says: 'Pods cannot be scheduled{c}: the cluster lacks the resources they request'},
  eviction: {category: 'resource-exhaustion', role: 'origin', strength: 0.6, concepts: ['memory', 'disk'], scope: ['infrastructure'], says: 'Pods were evicted under node resource pressure{c}'},
  'node-failure': {category: 'network', role: 'origin', strength: 0.45, concepts: ['node'], scope: ['infrastructure'], says: 'A node or its storage failed{c}'},
  // NotReady says the kubelet stopped reporting, not why (its network, its runtime, the machine, a
  // restart): alone, and above all when the node comes back, the honest answer is "unknown"; the
  // failure that made it (a partition, a full disk, a kernel lockup) names the cause when present.
  'node-not-ready': {category: 'unknown', role: 'effect', strength: 0.3, concepts: ['node'], scope: ['infrastructure'], says: 'A node stopped reporting Ready{c}'},
  saturation: {category: 'resource-exhaustion', role: 'effect', strength: 0.45, concepts: ['capacity'], scope: ['performance', 'infrastructure'], says: 'Workers or queues were saturated{c}: work was rejected or timed out in line'},
  'crash-loop': {category: 'unknown', role: 'effect', strength: 0.2, concepts: [], scope: ['infrastructure'], says: 'Containers keep crashing and restarting{c}'},
  'probe-failure': {category: 'unknown', role: 'effect', strength: 0.2, concepts: [], scope: ['infrastructure'], says: 'Health probes fail{c}'},
  'edge-5xx': {category: 'unknown', role: 'effect', strength: 0.2, concepts: [], scope: ['backend-reliability'], says: 'The proxy in front answered with gateway errors{c}'},
  // An exploit payload is hostile by itself, whatever the volume: no change of ours writes one into a request.
  'exploit-attempt': {category: 'security-attack', role: 'origin', strength: 0.7, concepts: [], scope: ['security'], says: 'Requests carried exploit payloads{c}: someone is attacking the service'},
}
