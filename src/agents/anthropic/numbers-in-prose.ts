/**
 * Numbers in generated prose must come from the RCA model: the prose may round them or show a
 * fraction as a percentage, but never introduce a figure of its own.
 */

// Thousands separators only in groups of exactly three digits, so "1,234" is one number and "3,4" two.
const NUMBER = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/g

export function numbersIn(text: string): string[] {
  return (text.match(NUMBER) ?? []).map((raw) => raw.replace(/,/g, ''))
}

/** The numbers in `prose` that cannot be traced to any number in `source`. */
export function untracedNumbers(prose: string, allowed: ReadonlySet<number>): string[] {
  const untraced: string[] = []
  for (const raw of numbersIn(prose)) {
    if (!isTraced(raw, allowed)) untraced.push(raw)
  }
  return [...new Set(untraced)]
}

export function allowedNumbers(source: string): Set<number> {
  return new Set(numbersIn(source).map(Number))
}

function isTraced(raw: string, allowed: ReadonlySet<number>): boolean {
  const value = Number(raw)
  if (allowed.has(value)) return true
  if (value === 0) return false
  const decimals = raw.includes('.') ? raw.split('.')[1].length : 0
  const roundsTo = (v: number) => v.toFixed(decimals) === value.toFixed(decimals)
  for (const v of allowed) {
    // 0.3812 may be written 0.38 or 38%; an integer source value may not be "rounded" into another.
    if (!Number.isInteger(v) && roundsTo(v)) return true
    if (v > 0 && v <= 1 && roundsTo(v * 100)) return true
  }
  return false
}
