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
  let clean = message.split(databaseUrl).join(maskDatabaseUrl(databaseUrl))
  try {
    const url = new URL(databaseUrl)
    for (const secret of [url.password, decodeURIComponent(url.password), url.search.slice(1)]) {
      if (secret.length >= 3) clean = clean.split(secret).join('***')
    }
  } catch {
    // An unparseable URL has no parts to look for beyond the whole string, handled above.
  }
  return clean
}
