import {UserError} from '../../errors/errors.js'
import {redact} from '../../redact/redact.js'
import {runGitCapped} from './run-git.js'

// Trailers name people; the investigation is blameless.
const PERSON_TRAILERS = /^(signed-off-by|co-authored-by|reviewed-by|acked-by|tested-by|reported-by|helped-by|cc):.*$/gim

/** Git output read past the cut, so a secret straddling the cut is redacted whole before it is cut. */
const READ_PAST_CUT = 4

/**
 * The patch of one commit for a specialist to read: subject, body, stat and diff, without author
 * lines, redacted and then cut at `maxBytes` characters (with a note saying so).
 */
export async function commitDiff(repo: string, sha: string, maxBytes: number): Promise<string> {
  // The sha comes from a model's tool call: only a hex object name may reach git's argv.
  if (!/^[0-9a-f]{4,64}$/i.test(sha)) throw new UserError(`Not a commit sha: ${JSON.stringify(sha.slice(0, 80))}`)
  const {text, truncated} = await runGitCapped(
    repo,
    // The stat lists paths whole: git's default cuts a long one at the left (`…/KEY=\"…`), which
    // drops the part the rules recognise a secret by before redaction can see it.
    ['show', '--no-color', '--no-ext-diff', '--diff-merges=first-parent', '--stat=100000,100000', '--stat-graph-width=20', '--patch', '--format=commit %H%nDate: %cI%n%n%B', sha, '--'],
    maxBytes * READ_PAST_CUT,
  )
  const clean = redact(text.replace(PERSON_TRAILERS, '').replace(/\n{3,}/g, '\n\n'))
  if (!truncated && clean.length <= maxBytes) return clean
  return `${clean.slice(0, maxBytes)}\n[diff truncated at ${maxBytes} characters]`
}
