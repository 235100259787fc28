import {describe, expect, it} from 'vitest'

import {SEVERITY_MARKERS} from '../../../../src/evidence/logs/catalogue/severity-markers.js'
import {DEFAULT_SEVERITY_MARKERS, SeverityMarkers} from '../../../../src/evidence/logs/content-severity.js'

describe('severity marker catalogue', () => {
  it('has unique ids and examples of both kinds for every entry', () => {
    expect(SEVERITY_MARKERS.length).toBeGreaterThan(10)
    expect(new Set(SEVERITY_MARKERS.map((m) => m.id)).size).toBe(SEVERITY_MARKERS.length)
  })

  for (const marker of SEVERITY_MARKERS) {
    describe(marker.id, () => {
      it('matches its own examples, each carrying one of its keywords', () => {
        expect(marker.examples.match.length).toBeGreaterThan(0)
        for (const text of marker.examples.match) {
          expect(marker.pattern.test(text), text).toBe(true)
          expect(marker.keywords.some((keyword) => text.includes(keyword)), `no keyword in: ${text}`).toBe(true)
        }
      })

      it('does not match its non-examples', () => {
        expect(marker.examples.nonMatch.length).toBeGreaterThan(0)
        for (const text of marker.examples.nonMatch) expect(marker.pattern.test(text), text).toBe(false)
      })

      it('decides its examples through the compiled gate at its level or above', () => {
        const atOrAbove = marker.level === 'error' ? ['error'] : ['warn', 'error']
        expect(marker.examples.match.length).toBeGreaterThan(0)
        for (const text of marker.examples.match) {
          const level = DEFAULT_SEVERITY_MARKERS.levelOf(text)
          expect(level, text).not.toBeNull()
          expect(atOrAbove, text).toContain(level)
        }
      })
    })
  }
})

describe('SeverityMarkers', () => {
  it('prefers an error marker over a warning one on the same line', () => {
    expect(DEFAULT_SEVERITY_MARKERS.markerOf('Failed password for root; then sshd[1]: fatal: Write failed')?.id).toBe('error-label')
  })

  it('returns null for lines naming no marker', () => {
    expect(DEFAULT_SEVERITY_MARKERS.levelOf('PacketResponder 1 for block blk_38865049064139660 terminating')).toBeNull()
    expect(DEFAULT_SEVERITY_MARKERS.levelOf('')).toBeNull()
  })

  it('tries markers without keywords on every line, before the built-in warnings', () => {
    const markers = new SeverityMarkers([
      {id: 'user-billing', description: 'billing failures', level: 'error', keywords: [], pattern: /charge declined/, examples: {match: [], nonMatch: []}},
      ...SEVERITY_MARKERS,
    ])
    expect(markers.markerOf('charge declined for order 7')?.id).toBe('user-billing')
    expect(markers.markerOf('Warning: charge declined')?.id).toBe('user-billing')
  })
})

describe('client addresses named by markers', () => {
  it('takes the source of failed logins from sshd and PAM lines', () => {
    const lines: Array<[string, string]> = [
      ['LabSZ sshd[24206]: Failed password for invalid user test9 from 52.80.34.196 port 36060 ssh2', '52.80.34.196'],
      ['LabSZ sshd[24200]: Invalid user webmaster from 173.234.31.186', '173.234.31.186'],
      ['reverse mapping checking getaddrinfo for ns.marryaldkfaczcz.com [173.234.31.186] failed - POSSIBLE BREAK-IN ATTEMPT!', '173.234.31.186'],
      ['pam_unix(sshd:auth): authentication failure; logname= uid=0 euid=0 tty=ssh ruser= rhost=112.95.230.3  user=root', '112.95.230.3'],
      ['sshd[1021]: Failed publickey for root from 2001:db8::7 port 50022 ssh2', '2001:db8::7'],
    ]
    expect(lines.length).toBe(5)
    for (const [line, ip] of lines) {
      const marker = DEFAULT_SEVERITY_MARKERS.markerOf(line)
      expect(marker, line).not.toBeNull()
      expect(SeverityMarkers.clientOf(marker!, line), line).toBe(ip)
    }
  })
})
