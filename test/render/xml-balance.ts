/**
 * A small well-formedness check for the SVG we generate (no comments, CDATA or processing
 * instructions): every element closes, in order. Returns the problem, or null when balanced.
 */
export function xmlBalanceProblem(xml: string): string | null {
  const stack: string[] = []
  for (const m of xml.matchAll(/<(\/?)([a-zA-Z][\w:-]*)((?:[^>"']|"[^"]*"|'[^']*')*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = m
    if (selfClosing) continue
    if (!closing) stack.push(name)
    else if (stack.pop() !== name) return `unexpected </${name}> at ${m.index}`
  }
  if (/<(?![a-zA-Z/])/.test(xml.replace(/<\/?[a-zA-Z][^>]*>/g, ''))) return 'stray "<" in text'
  return stack.length === 0 ? null : `unclosed <${stack.join('>, <')}>`
}
