/**
 * A camera sees the same label on many frames in a row: the same text counts once until it has been out of view
 * (not decoded) for `windowMs`. A different text is always new.
 */
export function createRepeatFilter(windowMs = 2000): (text: string, now: number) => boolean {
  let lastText: string | null = null
  let lastSeen = -Infinity
  return (text, now) => {
    const repeat = text === lastText && now - lastSeen < windowMs
    lastText = text
    lastSeen = now
    return !repeat
  }
}
