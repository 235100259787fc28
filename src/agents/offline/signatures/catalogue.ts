import {AUTH_SIGNATURES, RATE_LIMIT_SIGNATURES} from './access-control.js'
import {compileSignature, type CompiledSignature} from './compile-signature.js'
import {DB_POOL_SIGNATURES} from './db-pool.js'
import {DOTNET_SIGNATURES} from './dotnet.js'
import {ELASTICSEARCH_SIGNATURES} from './elasticsearch.js'
import {GO_SIGNATURES} from './go.js'
import {HTTP_CLIENT_SIGNATURES} from './http-client.js'
import {JVM_SIGNATURES} from './jvm.js'
import {KUBERNETES_SIGNATURES} from './kubernetes.js'
import {KAFKA_SIGNATURES, RABBITMQ_SIGNATURES} from './messaging.js'
import {MYSQL_SIGNATURES} from './mysql.js'
import {DNS_SIGNATURES, TLS_SIGNATURES} from './network.js'
import {NODE_SIGNATURES} from './node.js'
import {PHP_SIGNATURES} from './php.js'
import {POSTGRESQL_SIGNATURES} from './postgresql.js'
import {PROXY_SIGNATURES} from './proxy.js'
import {PYTHON_SIGNATURES} from './python.js'
import {REDIS_SIGNATURES} from './redis.js'
import {RUBY_SIGNATURES} from './ruby.js'
import {RUST_SIGNATURES} from './rust.js'
import {SignatureEntrySchema, type SignatureInput} from './signature-schema.js'
import {NETWORK_SIGNATURES} from './routing.js'
import {SHELL_SIGNATURES, STARTUP_SIGNATURES} from './startup.js'
import {SYSTEM_SIGNATURES} from './system.js'

/**
 * Every built-in entry, by ecosystem file. Order matters only for ties: a more specific entry
 * (a driver's own wording) comes before the generic one of the same failure class.
 */
export const BUILT_IN_SIGNATURES: readonly SignatureInput[] = [
  ...JVM_SIGNATURES,
  ...GO_SIGNATURES,
  ...NODE_SIGNATURES,
  ...PYTHON_SIGNATURES,
  ...DOTNET_SIGNATURES,
  ...RUBY_SIGNATURES,
  ...PHP_SIGNATURES,
  ...RUST_SIGNATURES,
  ...POSTGRESQL_SIGNATURES,
  ...MYSQL_SIGNATURES,
  ...REDIS_SIGNATURES,
  ...KAFKA_SIGNATURES,
  ...RABBITMQ_SIGNATURES,
  ...ELASTICSEARCH_SIGNATURES,
  ...DB_POOL_SIGNATURES,
  ...HTTP_CLIENT_SIGNATURES,
  ...PROXY_SIGNATURES,
  ...KUBERNETES_SIGNATURES,
  ...TLS_SIGNATURES,
  ...DNS_SIGNATURES,
  ...NETWORK_SIGNATURES,
  ...SYSTEM_SIGNATURES,
  ...RATE_LIMIT_SIGNATURES,
  ...AUTH_SIGNATURES,
  ...STARTUP_SIGNATURES,
  ...SHELL_SIGNATURES,
]

let compiled: readonly CompiledSignature[] | null = null

/** The built-in catalogue, parsed and compiled once. */
export function builtInCatalogue(): readonly CompiledSignature[] {
  compiled ??= BUILT_IN_SIGNATURES.map((entry) => compileSignature(SignatureEntrySchema.parse(entry)))
  return compiled
}
