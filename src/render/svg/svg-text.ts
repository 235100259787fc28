/** Escapes text for SVG/XML content and attribute values. */
export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
}

/** Coordinates with one decimal: deterministic output and small files. */
export function num(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return Object.is(rounded, -0) ? '0' : String(rounded)
}

/** Cuts a label to `max` characters, marking the cut. */
export function truncateLabel(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

/** Rough width of a label in the charts' sans-serif font; good enough to keep labels apart. */
export function estimateTextWidth(text: string, fontSize: number): number {
  return text.length * fontSize * 0.6
}

/** Centred under its tick, unless that would cut the label at the edge of the drawing. */
export function tickLabelAnchor(x: number, label: string, fontSize: number, width: number): 'start' | 'middle' | 'end' {
  const half = estimateTextWidth(label, fontSize) / 2
  if (x + half > width - 2) return 'end'
  if (x - half < 2) return 'start'
  return 'middle'
}

export const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif"

/** The outer <svg> of every chart: accessible (role, label, title, description), white background. */
export function svgDocument(input: {className: string; width: number; height: number; title: string; description: string; body: string}): string {
  const {className, width, height, title, description, body} = input
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart ${className}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" role="img" aria-label="${escapeXml(description)}" font-family="${escapeXml(FONT_FAMILY)}">`,
    `<title>${escapeXml(title)}</title>`,
    `<desc>${escapeXml(description)}</desc>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    body,
    '</svg>',
    '',
  ].join('\n')
}
