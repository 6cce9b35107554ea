/**
 * The footer's connection badge, one row per state: its own background, text and dot colours, read by the badge
 * (through CSS custom properties) and by the contrast test, so the two cannot drift apart. The badge paints its
 * own background, so one pair serves the light and the dark theme. Each state also has its own word, so none is
 * told by colour alone.
 */
import type { SyncState } from '../../../src-main/contract'

export interface BadgeStyle {
  background: string
  text: string
  dot: string
}

/** `local`: a desk that is not connected and has nothing waiting for a server: it keeps its own inventory. */
export type FooterState = SyncState | 'local'

export const SYNC_STYLES: Record<FooterState, BadgeStyle> = {
  local: { background: '#eceff1', text: '#263238', dot: '#607d8b' },
  not_connected: { background: '#eceff1', text: '#263238', dot: '#607d8b' },
  idle: { background: '#e8f5e9', text: '#1b5e20', dot: '#2e7d32' },
  syncing: { background: '#e3f2fd', text: '#0d47a1', dot: '#1565c0' },
  offline: { background: '#fff3e0', text: '#5d3200', dot: '#e65100' },
  token_refused: { background: '#ffebee', text: '#b71c1c', dot: '#c62828' },
}

/** Parked rows need a person: amber with dark text, as the scan signal's warnings (white on amber is unreadable). */
export const PARKED_STYLE: BadgeStyle = { background: '#ffb300', text: '#1f1400', dot: '#1f1400' }

export const badgeVars = (s: BadgeStyle): Record<string, string> => ({
  '--badge-bg': s.background,
  '--badge-fg': s.text,
  '--badge-dot': s.dot,
})
