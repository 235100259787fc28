import {z} from 'zod'

/**
 * The fields every user-added catalogue entry shares (severity markers, timestamp layouts, secret
 * rules), so the config file spells an id, a regex and its flags the same way in each catalogue
 * and a bad one is refused with the same message.
 */
export const CatalogueEntryId = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'use lower-case letters, digits and dashes')

export const RegexFlags = z.string().regex(/^[imsu]*$/, 'only the flags i, m, s and u').default('')

/** Why a user's pattern does not compile, or null when it does. */
export function regexProblem(pattern: string, flags: string): string | null {
  try {
    new RegExp(pattern, flags)
    return null
  } catch (error) {
    return (error as Error).message
  }
}
