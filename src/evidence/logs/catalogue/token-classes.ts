/**
 * The shapes of a token that make it a value rather than vocabulary, for template mining: a
 * message's values become `<*>` so that messages differing only in them are one template. One
 * entry per class, each with real-shaped examples a test runs. A token holding a digit is a value
 * anyway (mask-tokens.ts, with its exceptions: versioned names like `ssh2`, the key of
 * `key=value`); these classes matter most for values without a digit, which a has-a-digit rule
 * takes for words: `ord_auxrrbemqm`, `jane.doe@example.com`, a base64 session id.
 *
 * `test` sees the token without the punctuation that often clings to it (`(`, `,`, `;` …) and is
 * only asked about tokens longer than 5 characters, or holding `@ / : \` (see mask-tokens.ts).
 */
export interface TokenClass {
  id: string
  description: string
  test: (token: string) => boolean
  examples: {match: readonly string[]; nonMatch: readonly string[]}
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const HEX = /^(?:0x[0-9a-f]+|[0-9a-f]{8,})$/i
const EMAIL = /^[\w.+-]+@[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i
const URL = /^[a-z][a-z0-9+.-]{1,15}:\/\/\S+$/i
const PATH = /^(?:\/[^/\s]|\.{1,2}\/|~\/|[A-Za-z]:\\)/
const PREFIXED_ID = /^[a-z]{2,5}[_-]([A-Za-z0-9]{6,})$/
const LONG_ID = /^[A-Za-z0-9+/_-]{12,}={0,2}$/

const isVowel = (c: string) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y'

/**
 * Letters drawn at random rather than spelled: a digit among them, a run of four consonants or
 * more, or few vowels. English words rarely have either (`strengths` and `instructions` do, and
 * are then taken as ids, but only in an id's shape, behind a short prefix).
 */
export function looksRandom(text: string): boolean {
  let vowels = 0
  let run = 0
  let longest = 0
  let letters = 0
  for (const c of text.toLowerCase()) {
    if (c >= '0' && c <= '9') return true
    if (c < 'a' || c > 'z') run = 0
    else if (isVowel(c)) {
      letters++
      vowels++
      run = 0
    } else {
      letters++
      if (++run > longest) longest = run
    }
  }
  return longest >= 4 || vowels * 4 < letters
}

/**
 * Mixed case as base62 and base64 draw it: many lowercase runs of one or two letters between
 * capitals (`aZbYcXdW`), where CamelCase words have humps of three or more (`StackScrollAlgorithm`,
 * `PhoneIntfMgr`, `getTodayTotalDetailSteps`).
 */
function randomMixedCase(text: string): boolean {
  let runs = 0
  let short = 0
  let run = 0
  let capitals = 0
  let adjacentCapitals = 0
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0
    if (c >= 65 && c <= 90) {
      if (++capitals > 1) adjacentCapitals++
    } else capitals = 0
    if (c >= 97 && c <= 122) run++
    else if (run > 0) {
      runs++
      if (run <= 2) short++
      run = 0
    }
  }
  // Two capitals in a row, or many short runs: CamelCase (`isSimPinSecure`) has neither.
  return short >= 3 && short * 2 >= runs && (adjacentCapitals > 0 || short >= 5)
}

export const TOKEN_CLASSES: readonly TokenClass[] = [
  {
    id: 'uuid',
    description: 'A UUID in its 8-4-4-4-12 hex form',
    test: (token) => token.length === 36 && UUID.test(token),
    examples: {match: ['3f2b8c1e-1111-4a4a-9b9b-123456789abc', 'DEADBEEF-CAFE-BABE-FACE-FEEDC0FFEE00'], nonMatch: ['3f2b8c1e-1111-4a4a-9b9b', 'not-a-uuid-at-all-but-quite-long-xx']},
  },
  {
    id: 'hex-run',
    description: 'A run of 8 or more hex digits (trace and span ids, hashes, addresses), or 0x and hex digits',
    test: (token) => HEX.test(token) && (/\d/.test(token) || token.length >= 12 || token.startsWith('0x')),
    examples: {match: ['4bf92f3577b34da6a3ce929d0e0e4736', '00f067aa0ba902b7', '0xdeadbeef', 'deadbeefcafebabe'], nonMatch: ['deadbeef', 'accede', 'facade']},
  },
  {
    id: 'email',
    description: 'An e-mail address',
    test: (token) => token.includes('@') && EMAIL.test(token),
    examples: {match: ['jane.doe@example.com', 'ops+alerts@mail.example.org'], nonMatch: ['user@', '@channel', 'a@b']},
  },
  {
    id: 'url',
    description: 'A URL with a scheme',
    test: (token) => token.includes('://') && URL.test(token),
    examples: {match: ['https://cdn.example.com/v1/aZ9kQ.png', 'postgres://db.internal/orders', 's3://bucket/key'], nonMatch: ['https:', 'http//missing-colon', 'key://']},
  },
  {
    id: 'path',
    description: 'A file or URL path: absolute, relative (./, ../), in the home folder, or a Windows drive path',
    test: (token) => PATH.test(token),
    examples: {match: ['/var/lib/postgresql/data', './config.yaml', '../shared/x', '~/logs/app.log', 'C:\\Windows\\Temp'], nonMatch: ['/', 'and/or', 'ok']},
  },
  {
    id: 'prefixed-id',
    description: 'A short lowercase prefix, _ or -, and a random-looking body, as Stripe-style ids (ord_…, cus_…, usr-…), with or without digits',
    test: (token) => {
      const match = PREFIXED_ID.exec(token)
      return match !== null && looksRandom(match[1])
    },
    examples: {match: ['ord_auxrrbemqm', 'cus_8f7Ha2kLmqZx01', 'usr-kqzw3f9a1c', 'cli_xwvbrtplmk', 'pi_3NvQkZ2eZvKYlo2C'], nonMatch: ['max_connections', 'order_confirmation', 'shipping_update', 'not_null', 'pre-release']},
  },
  {
    id: 'base62-id',
    description: 'A long base62 or base64(url) id: 12 or more id characters, mixed case changing often, or holding a digit',
    test: (token) => token.length >= 12 && LONG_ID.test(token) && (/\d/.test(token) || randomMixedCase(token)),
    examples: {match: ['Xk3pQ9zLmN2wR7tY', 'dGhpcyBpcyBhIHRva2Vu', 'aZbYcXdWeVfUgT', 'QmFzZTY0SWQ_-xYz=='], nonMatch: ['ConnectionRefused', 'NullPointerException', 'authentication', 'WebSocketHandler', 'WindowsUpdateAgent', 'getTodayTotalDetailSteps', 'PopulateComponentFamiliesKey', 'StackScrollAlgorithm', 'getRunningAppProcesses', 'PhoneIntfMgr', 'isSimPinSecure', 'isBluetoothScoOn']},
  },
]
