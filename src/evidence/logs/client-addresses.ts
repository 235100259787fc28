import {detach} from './detach.js'

/**
 * Client addresses of a log with their line counts and failed-line counts (errors and warnings,
 * which is where 4xx and failed logins land), exact up to a cap on distinct addresses. IPv4
 * addresses, nearly all of them in practice, are packed into 32-bit numbers in an open-addressing
 * table with the counts in parallel arrays: a Set of strings hashed a fresh string per line and
 * was an eighth of the whole analysis time.
 */
export interface AddressCounts {
  address: string
  count: number
  failures: number
}

export interface AddressesState {
  /** Packed IPv4 address, line count, failed-line count: three numbers per address. */
  v4: number[]
  other: Array<[string, {count: number; failures: number}]>
}

const EMPTY = 0
const MAX_ADDRESS_CHARS = 200
const INITIAL_SLOTS = 1024
// Multiplicative (Fibonacci) hashing: the top bits of packed × 2^32/φ pick the slot.
const FIBONACCI = 0x9e3779b1

export class ClientAddresses {
  private slots = new Uint32Array(INITIAL_SLOTS)
  private counts = new Uint32Array(INITIAL_SLOTS)
  private failures = new Uint32Array(INITIAL_SLOTS)
  private shift = 32 - Math.log2(INITIAL_SLOTS)
  private v4Count = 0
  // 0.0.0.0 packs to the empty-slot marker, so it is counted apart.
  private zero: {count: number; failures: number} | null = null
  private readonly other = new Map<string, {count: number; failures: number}>()

  constructor(readonly cap: number) {}

  get size(): number {
    return this.v4Count + (this.zero ? 1 : 0) + this.other.size
  }

  /** Counts one line from `address`; false when the address is new but the cap is reached (not counted). */
  add(address: string, failed: boolean): boolean {
    const packed = packIpv4(address)
    return packed < 0 ? this.addOther(address, 1, failed ? 1 : 0) : this.addPacked(packed, 1, failed ? 1 : 0)
  }

  private addPacked(packed: number, count: number, failures: number): boolean {
    if (packed === EMPTY) {
      if (!this.zero) {
        if (this.size >= this.cap) return false
        this.zero = {count: 0, failures: 0}
      }
      this.zero.count += count
      this.zero.failures += failures
      return true
    }
    const mask = this.slots.length - 1
    for (let i = Math.imul(packed, FIBONACCI) >>> this.shift; ; i = (i + 1) & mask) {
      const slot = this.slots[i]
      if (slot === EMPTY) {
        if (this.size >= this.cap) return false
        this.slots[i] = packed
        this.v4Count++
      } else if (slot !== packed) {
        continue
      }
      this.counts[i] += count
      this.failures[i] += failures
      if (this.v4Count * 2 > this.slots.length) this.grow()
      return true
    }
  }

  private addOther(address: string, count: number, failures: number): boolean {
    // Capped before the lookup (a forwarded-for chain can be long), so lookup and key agree.
    const key = address.length > MAX_ADDRESS_CHARS ? address.slice(0, MAX_ADDRESS_CHARS) : address
    let counts = this.other.get(key)
    if (!counts) {
      if (this.size >= this.cap) return false
      counts = {count: 0, failures: 0}
      this.other.set(detach(key), counts)
    }
    counts.count += count
    counts.failures += failures
    return true
  }

  private grow(): void {
    const {slots, counts, failures} = this
    this.slots = new Uint32Array(slots.length * 2)
    this.counts = new Uint32Array(slots.length * 2)
    this.failures = new Uint32Array(slots.length * 2)
    this.shift--
    this.v4Count = 0
    for (let i = 0; i < slots.length; i++) if (slots[i] !== EMPTY) this.addPacked(slots[i], counts[i], failures[i])
  }

  /** Every address with its counts, in no particular order. */
  *entries(): IterableIterator<AddressCounts> {
    for (let i = 0; i < this.slots.length; i++) {
      if (this.slots[i] !== EMPTY) yield {address: unpackIpv4(this.slots[i]), count: this.counts[i], failures: this.failures[i]}
    }
    if (this.zero) yield {address: '0.0.0.0', ...this.zero}
    for (const [address, counts] of this.other) yield {address, ...counts}
  }

  /** The `n` addresses with the most failed lines, then the most lines (ties by address, for stable output). */
  top(n: number): AddressCounts[] {
    const top: AddressCounts[] = []
    for (const entry of this.entries()) {
      if (top.length === n && !ranksAbove(entry, top[n - 1])) continue
      const at = top.findIndex((other) => ranksAbove(entry, other))
      top.splice(at < 0 ? top.length : at, 0, entry)
      if (top.length > n) top.pop()
    }
    return top
  }

  /** How many addresses appear on at least one failed line. */
  get withFailures(): number {
    let total = this.zero && this.zero.failures > 0 ? 1 : 0
    for (let i = 0; i < this.slots.length; i++) if (this.slots[i] !== EMPTY && this.failures[i] > 0) total++
    for (const counts of this.other.values()) if (counts.failures > 0) total++
    return total
  }

  exportState(): AddressesState {
    const v4: number[] = []
    for (let i = 0; i < this.slots.length; i++) if (this.slots[i] !== EMPTY) v4.push(this.slots[i], this.counts[i], this.failures[i])
    if (this.zero) v4.push(EMPTY, this.zero.count, this.zero.failures)
    return {v4, other: [...this.other]}
  }

  /** Adds another table's addresses and counts; false when some did not fit under the cap. */
  merge(state: AddressesState): boolean {
    let fitted = true
    for (let i = 0; i < state.v4.length; i += 3) fitted = this.addPacked(state.v4[i], state.v4[i + 1], state.v4[i + 2]) && fitted
    for (const [address, counts] of state.other) fitted = this.addOther(address, counts.count, counts.failures) && fitted
    return fitted
  }
}

const ranksAbove = (a: AddressCounts, b: AddressCounts): boolean =>
  a.failures !== b.failures ? a.failures > b.failures : a.count !== b.count ? a.count > b.count : a.address < b.address

/** `a.b.c.d` as an unsigned 32-bit number, or -1 when the text is not exactly a dotted quad. */
export function packIpv4(text: string): number {
  const length = text.length
  if (length < 7 || length > 15) return -1
  let packed = 0
  let octet = 0
  let digits = 0
  let dots = 0
  for (let i = 0; i < length; i++) {
    const c = text.charCodeAt(i)
    if (c >= 48 && c <= 57) {
      // `010` is not `10` everywhere (some parsers read octal): such text is kept as written.
      if (digits === 1 && octet === 0) return -1
      octet = octet * 10 + (c - 48)
      if (++digits > 3 || octet > 255) return -1
    } else if (c === 46 && digits > 0 && dots < 3) {
      packed = packed * 256 + octet
      octet = 0
      digits = 0
      dots++
    } else {
      return -1
    }
  }
  if (dots !== 3 || digits === 0) return -1
  return packed * 256 + octet
}

const unpackIpv4 = (packed: number): string => `${packed >>> 24}.${(packed >>> 16) & 255}.${(packed >>> 8) & 255}.${packed & 255}`
