/**
 * What the scan signal shows for each outcome, in one table read by the badge (through CSS custom properties) and
 * by the test that measures its contrast, so the two cannot drift apart.
 *
 * Every kind differs by word and icon, and its severity by colour and border shape as well, so it is told apart
 * without colour vision. The badge paints its own background, so one text/background pair serves light and dark
 * themes alike.
 */
export type FeedbackKind = 'matched' | 'notFound' | 'error' | 'duplicate' | 'over' | 'notOnOrder'

/** Success: the scan did what was meant. Warning: it landed but needs a look. Error: it did nothing. */
export type FeedbackSeverity = 'success' | 'warning' | 'error'

export interface SeverityStyle {
  background: string
  text: string
  /** CSS border style: the shape differs as well as the colour. */
  border: 'solid' | 'dashed' | 'double'
}

export const SEVERITY_STYLES: Record<FeedbackSeverity, SeverityStyle> = {
  success: { background: '#1b5e20', text: '#ffffff', border: 'solid' },
  // Amber with dark text: white on amber is unreadable.
  warning: { background: '#ffb300', text: '#1f1400', border: 'dashed' },
  error: { background: '#b71c1c', text: '#ffffff', border: 'double' },
}

export const FEEDBACK_LABELS: Record<FeedbackKind, { icon: string; word: string; severity: FeedbackSeverity }> = {
  matched: { icon: '✔', word: 'Matched', severity: 'success' },
  notFound: { icon: '?', word: 'Not found', severity: 'warning' },
  duplicate: { icon: '2×', word: 'Duplicate', severity: 'warning' },
  over: { icon: '▲', word: 'Over-receipt', severity: 'warning' },
  notOnOrder: { icon: '⊘', word: 'Not on this order', severity: 'warning' },
  error: { icon: '✖', word: 'Error', severity: 'error' },
}

export function severityOf(kind: FeedbackKind): FeedbackSeverity {
  return FEEDBACK_LABELS[kind].severity
}
