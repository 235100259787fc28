import {detach} from './detach.js'

/**
 * The distinct client addresses of a log, counted exactly up to a cap. IPv4 addresses, nearly all
 * of them in practice, are packed into 32-bit numbers in an open-addressing table: a Set of
 * strings hashed a fresh string per line and was an eighth of the whole analysis time.
 */
export interface AddressesState {
  v4: number[]
  other: string[]
}

const EMPTY = 0
const INITIAL_SLOTS = 1024
// Multiplicative (Fibonacci) hashing: the top bits of packed × 2^32/φ pick the slot.
const FIBONACCI = 0x9e3779b1

export class DistinctAddresses {
  private slots = new Uint32Array(INITIAL_SLOTS)
  private shift = 32 - Math.log2(INITIAL_SLOTS)
  private v4Count = 0
  // 0.0.0.0 packs to the empty-slot marker, so it is remembered apart.
  private hasZero = false
  private readonly other = new Set<string>()

  constructor(readonly cap: number) {}

  get size(): number {
    return this.v4Count + (this.hasZero ? 1 : 0) + this.other.size
  }

  /** Counts `address`; false when it is new but the cap is reached (it is then not counted). */
  add(address: string): boolean {
    const packed = packIpv4(address)
    return packed < 0 ? this.addOther(address) : this.addPacked(packed)
  }

  addPacked(packed: number): boolean {
    if (packed === EMPTY) {
      if (this.hasZero) return true
      if (this.size >= this.cap) return false
      this.hasZero = true
      return true
    }
    const mask = this.slots.length - 1
    for (let i = Math.imul(packed, FIBONACCI) >>> this.shift; ; i = (i + 1) & mask) {
      const slot = this.slots[i]
      if (slot === packed) return true
      if (slot === EMPTY) {
        if (this.size >= this.cap) return false
        this.slots[i] = packed
        this.v4Count++
        if (this.v4Count * 2 > this.slots.length) this.grow()
        return true
      }
    }
  }

  private addOther(address: string): boolean {
    if (this.other.has(address)) return true
    if (this.size >= this.cap) return false
    this.other.add(detach(address, 200))
    return true
  }

  private grow(): void {
    const old = this.slots
    this.slots = new Uint32Array(old.length * 2)
    this.shift--
    const mask = this.slots.length - 1
    for (const packed of old) {
      if (packed === EMPTY) continue
      let i = Math.imul(packed, FIBONACCI) >>> this.shift
      while (this.slots[i] !== EMPTY) i = (i + 1) & mask
      this.slots[i] = packed
    }
  }

  exportState(): AddressesState {
    const v4 = [...this.slots].filter((packed) => packed !== EMPTY)
    if (this.hasZero) v4.push(EMPTY)
    return {v4, other: [...this.other]}
  }

  /** Adds another counter's addresses; false when some did not fit under the cap. */
  merge(state: AddressesState): boolean {
    let fitted = true
    for (const packed of state.v4) fitted = this.addPacked(packed) && fitted
    for (const address of state.other) fitted = this.addOther(address) && fitted
    return fitted
  }
}

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
