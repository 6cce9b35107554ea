/**
 * The bytes of a scan as hex, for the history drawer: the logged `dataHex` when main kept it (raw bytes that are
 * not valid UTF-8), otherwise the UTF-8 encoding of the data, which is what main hashed and matched.
 */
export function dataBytesHex(data: string, dataHex: string | null): string[] {
  if (dataHex) return (dataHex.toLowerCase().match(/[0-9a-f]{2}/g) ?? []) as string[]
  return Array.from(new TextEncoder().encode(data), (b) => b.toString(16).padStart(2, '0'))
}

/** Hex bytes in lines of 16 with their offset, like a hex dump ("0000  5b 29 3e 1e …"). */
export function hexDumpLines(bytes: string[], perLine = 16): { offset: string; hex: string }[] {
  const lines: { offset: string; hex: string }[] = []
  for (let i = 0; i < bytes.length; i += perLine) {
    lines.push({ offset: i.toString(16).padStart(4, '0'), hex: bytes.slice(i, i + perLine).join(' ') })
  }
  return lines
}
