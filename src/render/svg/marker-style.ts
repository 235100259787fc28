export const MARKER_KINDS = ['onset', 'detection', 'change', 'deploy', 'mitigation', 'recovery', 'resolved'] as const
export type MarkerKind = (typeof MARKER_KINDS)[number]

export interface MarkerStyle {
  color: string
  /** Dash pattern too, so the kinds stay apart in greyscale print and for colour-blind readers. */
  dash: string | null
  legend: string
}

export const MARKER_STYLES: Readonly<Record<MarkerKind, MarkerStyle>> = {
  onset: {color: '#b91c1c', dash: null, legend: 'Onset'},
  detection: {color: '#b45309', dash: '2 3', legend: 'Detection'},
  change: {color: '#7c3aed', dash: '3 2', legend: 'Change'},
  deploy: {color: '#1d4ed8', dash: '6 3', legend: 'Deploy'},
  mitigation: {color: '#047857', dash: '8 3 2 3', legend: 'Mitigation'},
  recovery: {color: '#15803d', dash: '1 3', legend: 'Recovery'},
  resolved: {color: '#0f766e', dash: '1 2', legend: 'Resolved'},
}
