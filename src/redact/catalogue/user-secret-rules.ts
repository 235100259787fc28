import {z} from 'zod'

import {CatalogueEntryId, RegexFlags, regexProblem} from '../../config/user-entry-fields.js'

import type {SecretRule} from './secret-rules.js'

/**
 * Detectors users add from the config file (`secretRules`): a company's own token format. Plain
 * data, validated when the config is read: the regex must compile, its examples must hold and a
 * keyword must occur in each match example, or the config is refused naming the entry, before
 * any evidence is read. They run before the built-in rules, and the placeholder names their id
 * (`[REDACTED:acme-token]`).
 */
export const UserSecretRuleSchema = z
  .object({
    id: CatalogueEntryId,
    description: z.string().default(''),
    /** A JavaScript regular expression; the whole match is replaced. */
    pattern: z.string().min(1),
    flags: RegexFlags,
    /** Substrings (any case) of which one must occur for the pattern to be tried; none: always tried. */
    keywords: z.array(z.string().min(1)).default([]),
    examples: z.object({match: z.array(z.string()).min(1, 'give at least one real-shaped example'), nonMatch: z.array(z.string()).default([])}),
  })
  .strict()
  .superRefine((entry, ctx) => {
    const problem = regexProblem(entry.pattern, entry.flags)
    if (problem) {
      ctx.addIssue({code: 'custom', path: ['pattern'], message: `does not compile: ${problem}`})
      return
    }
    const rule = secretRuleOf(entry)
    const matches = (text: string) => new RegExp(rule.pattern.source, rule.pattern.flags.replace('g', '')).test(text)
    for (const text of entry.examples.match) {
      if (!matches(text)) ctx.addIssue({code: 'custom', path: ['examples', 'match'], message: `the pattern does not match its example "${text}"`})
      else if (rule.keywords.length > 0 && !rule.keywords.some((keyword) => text.toLowerCase().includes(keyword))) ctx.addIssue({code: 'custom', path: ['keywords'], message: `no keyword occurs in the example "${text}"`})
    }
    for (const text of entry.examples.nonMatch) if (matches(text)) ctx.addIssue({code: 'custom', path: ['examples', 'nonMatch'], message: `the pattern matches its non-example "${text}"`})
  })
export type UserSecretRule = z.infer<typeof UserSecretRuleSchema>

export function secretRuleOf(entry: UserSecretRule): SecretRule {
  return {
    id: entry.id,
    description: entry.description,
    keywords: entry.keywords.map((keyword) => keyword.toLowerCase()),
    pattern: new RegExp(entry.pattern, `${entry.flags}g`),
    kind: entry.id,
    examples: {match: entry.examples.match, noMatch: entry.examples.nonMatch},
  }
}
