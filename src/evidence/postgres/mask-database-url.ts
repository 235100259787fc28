import {maskSecrets} from '../../redact/mask-known-secrets.js'

/**
 * The database URL as it may appear anywhere we print or save: scheme, host, port and database,
 * never the user, password or query parameters (which can carry `password=` or `sslkey=`).
 */
export function maskDatabaseUrl(databaseUrl: string): string {
  try {
    const url = new URL(databaseUrl)
    const port = url.port === '' ? '' : `:${url.port}`
    return `${url.protocol}//${url.hostname}${port}${url.pathname}`
  } catch {
    return 'the database URL'
  }
}

/** Removes every credential-bearing part of `databaseUrl` from a message (a driver error, say). */
export function scrubDatabaseUrl(message: string, databaseUrl: string): string {
  const clean = message.split(databaseUrl).join(maskDatabaseUrl(databaseUrl))
  try {
    const url = new URL(databaseUrl)
    return maskSecrets(clean, [url.password, decodeURIComponent(url.password), url.search.slice(1)])
  } catch {
    return clean // an unparseable URL has no parts to look for beyond the whole string
  }
}
