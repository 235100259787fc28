import type {ClientAddresses} from './client-addresses.js'

export interface LoginFailuresByIp {
  /** Failed logins that name a client address, each attempt once. */
  total: number
  /** Addresses with at least one failed login. */
  ips: number
  /** The addresses with the most, most first (ties by address). */
  top: Array<{ip: string; attempts: number}>
}

/**
 * Failed logins per client address, each attempt counted once: sshd writes its own `Failed
 * password` line and PAM's `authentication failure;` line for the same attempt, so an address's
 * attempts are its own-line count, and its PAM count only when the program wrote no line of its
 * own (a PAM-only log). Null when no failed login named an address.
 */
export function loginFailuresByIp(tables: {attempt: ClientAddresses; pam: ClientAddresses}, n: number): LoginFailuresByIp | null {
  const attempts = new Map<string, number>()
  for (const {address, count} of tables.pam.entries()) attempts.set(address, count)
  for (const {address, count} of tables.attempt.entries()) attempts.set(address, count)
  if (attempts.size === 0) return null
  const ranked = [...attempts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
  return {
    total: ranked.reduce((sum, [, count]) => sum + count, 0),
    ips: ranked.length,
    top: ranked.slice(0, n).map(([ip, count]) => ({ip, attempts: count})),
  }
}
