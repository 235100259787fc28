/**
 * A mined template as prose quotes it: each run of `<*>` (the miner's mask for a variable part,
 * with the spaces or separators between masks) becomes "…", so a sentence never shows the
 * placeholder ("Received disconnect from <*> <*> No more …" reads "Received disconnect from … No
 * more …"). The evidence list keeps the `<*>` form, with a real line beside it.
 */
export function readableTemplate(text: string): string {
  return text.replace(MASK_RUN, '…')
}

const MASK_RUN = /<\*>(?:[\s:;,./=|-]*<\*>)*/g
