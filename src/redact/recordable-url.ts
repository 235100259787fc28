import {redact} from './redact.js'

/**
 * A URL as it may be saved or printed: no user or password (they are credentials even when the
 * rules would not recognise them), and secret-looking query parameters redacted. Text that does
 * not parse as a URL is redacted as text.
 */
export function recordableUrl(text: string): string {
  let url: URL
  try {
    url = new URL(text)
  } catch {
    return redact(text)
  }
  url.username = ''
  url.password = ''
  return redact(url.toString())
}
