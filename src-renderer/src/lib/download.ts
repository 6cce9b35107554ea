/**
 * Saving what the Station returns (CSV text, a PDF as base64) as a file: a Blob behind a temporary
 * `<a download>`, clicked and removed. Works the same under Electron and in the web host's browser.
 */
export function downloadBlob(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob)
  const a = document.createElement('a')
  a.href = url
  a.download = filename
  a.style.display = 'none'
  document.body.append(a)
  try {
    a.click()
  } finally {
    a.remove()
    // The download has started by now; revoking later gives slow browsers time to read the blob.
    setTimeout(() => URL.revokeObjectURL(url), 10_000)
  }
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}

/** `2026-01-02T10:04` style stamp for file names (local time, no characters a file system dislikes). */
export function fileStamp(date = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0')
  return `${date.getFullYear()}${p(date.getMonth() + 1)}${p(date.getDate())}-${p(date.getHours())}${p(date.getMinutes())}`
}
