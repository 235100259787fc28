/**
 * Replace every known secret value (tokens, routing keys, webhook URLs) in a text with `***`.
 * Applied to every message, error and dry-run request that leaves the integrations layer, as a
 * guard behind building messages without secrets in the first place.
 */
export function maskSecrets(text: string, secrets: readonly string[]): string {
  let masked = text
  // Longest first, so a token that contains another secret is replaced whole.
  for (const secret of [...secrets].sort((a, b) => b.length - a.length)) {
    if (secret.length < 3) continue
    masked = masked.split(secret).join('***')
    const encoded = encodeURIComponent(secret)
    if (encoded !== secret) masked = masked.split(encoded).join('***')
  }
  return masked
}

