import {UsageError} from '../../errors/errors.js'

/**
 * The key `--provider anthropic` needs. Checked up front so a missing key is a usage error
 * (exit 2) with how to fix it, rather than four specialists quietly falling back.
 */
export function assertAnthropicKey(env: Readonly<Record<string, string | undefined>>): string {
  const key = env.ANTHROPIC_API_KEY?.trim()
  if (key) return key
  throw new UsageError('ANTHROPIC_API_KEY is not set, and --provider anthropic needs it.', {
    suggestions: [
      'Create a key at https://console.anthropic.com/settings/keys, then: export ANTHROPIC_API_KEY=sk-ant-…',
      'Or run with --provider offline to use the built-in analysis.',
    ],
  })
}
