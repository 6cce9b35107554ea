/** "1 hour", "2 hours", "1,204 scans": a count with its noun in the right number, digits grouped. */
export function countOf(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en')} ${n === 1 ? one : many}`
}
