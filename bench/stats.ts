/** Small helpers for printing benchmark figures. */
export function percentile(sortedMs: number[], p: number): number {
  if (sortedMs.length === 0) return NaN
  return sortedMs[Math.min(sortedMs.length - 1, Math.floor((p / 100) * sortedMs.length))]!
}

export const fmt = (n: number, digits = 1): string => n.toLocaleString('en-US', { maximumFractionDigits: digits })

export function line(label: string, value: string): void {
  process.stdout.write(`${label.padEnd(58)} ${value}\n`)
}

/** A table's title, and what its figures mean in one short line. */
export function heading(text: string, meaning?: string): void {
  process.stdout.write(`\n== ${text}\n`)
  if (meaning) process.stdout.write(`   ${meaning}\n`)
}

/** Figures side by side (e.g. a replica and a local database), each right-aligned in its column. */
export const columns = (...values: string[]): string => values.map((v) => v.padStart(18)).join('')

/** Median of a few runs: this machine is shared and noisy, one run can be off by a fifth. */
export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]!
}

export const RUNS = 3
