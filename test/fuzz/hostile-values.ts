import {plantedSecrets, type PlantedSecret} from '../leak/planted-secrets.js'

/**
 * Seeded pickers of hostile values: secrets of every planted kind, terminal escapes, Markdown and
 * HTML, odd Unicode, numbers and times that break naive parsing. One seed names one exact stream
 * of values, so a failure is replayed with `npm run fuzz -- --seed N`.
 */
export class Hostile {
  readonly secrets: PlantedSecret[]
  /** The secrets this case planted: only these count as leaks. */
  readonly planted: PlantedSecret[] = []

  constructor(readonly random: () => number) {
    this.secrets = plantedSecrets(Math.floor(random() * 2 ** 31))
  }

  int(max: number): number {
    return Math.floor(this.random() * max)
  }

  chance(p: number): boolean {
    return this.random() < p
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]
  }

  /** A secret's text, recorded as planted. */
  secret(oneLine = true): string {
    const secret = this.pick(oneLine ? this.secrets.filter((s) => !s.multiline) : this.secrets)
    this.planted.push(secret)
    return secret.text
  }

  /** A one-line secret's bare value (for a URL parameter), recorded as planted. */
  secretValue(): string {
    const secret = this.pick(this.secrets.filter((s) => !s.multiline))
    this.planted.push(secret)
    return secret.value
  }

  escape(): string {
    return this.pick(ESCAPES)
  }

  markup(): string {
    return this.pick(MARKUP)
  }

  /** A line of text with some hostile parts mixed into ordinary words. */
  text(words = 6): string {
    const parts: string[] = []
    for (let i = 0; i < words; i++) {
      const roll = this.random()
      parts.push(roll < 0.12 ? this.secret() : roll < 0.24 ? this.escape() : roll < 0.36 ? this.markup() : roll < 0.42 ? this.pick(ODD_UNICODE) : this.pick(WORDS))
    }
    return parts.join(' ')
  }

  /** Like `text`, without secrets. */
  plainText(words = 6): string {
    return Array.from({length: words}, () => (this.chance(0.2) ? this.escape() : this.chance(0.2) ? this.markup() : this.pick(WORDS))).join(' ')
  }

  timestamp(): string {
    return this.chance(0.85) ? new Date(Date.UTC(2026, 10, 12, 13, this.int(120), this.int(60))).toISOString() : this.pick(ODD_TIMES)
  }

  number(): string {
    return this.chance(0.8) ? String(Math.round(this.random() * 1000) / 10) : this.pick(ODD_NUMBERS)
  }
}

const ESC = '\u001b'
const BEL = '\u0007'
export const ESCAPES = [
  `${ESC}]0;pwned${BEL}`,
  `${ESC}[2J${ESC}[H`,
  `${ESC}]8;;https://evil.example/${ESC}\\click${ESC}]8;;${ESC}\\`,
  `${ESC}[31mred${ESC}[0m`,
  `${ESC}P+q544e${ESC}\\`,
  `${ESC}[6n`,
  '\u009b2J',
  '\u009d0;title\u009c',
  'over\rwrite',
  'a\u0008b',
  'bidi\u202eevil\u202c',
  'nul\u0000byte',
  '\u007f',
]

export const MARKUP = [
  '# Injected heading',
  '<iframe src="https://evil.example/f"></iframe>',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '[login](https://evil.example/login)',
  '![track](https://evil.example/p.png)',
  'https://evil.example/bare',
  'www.evil.example',
  '| a | b |',
  '```',
  '{{title}}',
  '{{#x}}',
  '---',
  '> quote',
  '- item',
  '1. item',
  '&lt;script&gt;',
  '[ref]: https://evil.example/r',
]

const ODD_UNICODE = ['\uFEFF', '\u200B', 'é\u0301', '𝔘𝔫𝔦', '\uD800', '\uFFFD', '日本語', '🔥']
const WORDS = ['checkout', 'failed', 'insert', 'orders', 'timeout', 'upstream', 'retry', 'currency', 'null', 'value', 'db', 'ERROR', 'WARN', 'status=500', 'latency_ms=812']
const ODD_TIMES = ['', 'yesterday', '0', '-1', '1e400', '99999999999999', '2026-13-45T99:99:99Z', '2026-11-12T14:00:00', '1762956000', '1762956000000', 'NaN']
const ODD_NUMBERS = ['', 'NaN', 'Infinity', '-Infinity', '1e309', '-0', '0x1F', '1,5', '"7"', '   ', '9'.repeat(400)]
