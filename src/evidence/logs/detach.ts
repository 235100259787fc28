/**
 * A flat copy of (the first `max` characters of) a string. Lines are slices of the read buffer,
 * and so is anything sliced from them: whatever outlives the line — a template token, a
 * map key, a sample — must be copied, or it keeps its whole buffer alive, which over a large file
 * means memory without bound.
 */
export const detach = (text: string, max = text.length): string => (' ' + text.slice(0, max)).slice(1)
