/**
 * Names in the order a person reads them: bin B2 before B10, "Shelf 9" before "Shelf 10", case and accents
 * aside. SQLite's ORDER BY compares text character by character, so lists of locations are sorted with this.
 */
export const naturalOrder: (a: string, b: string) => number = new Intl.Collator('en', {
  numeric: true,
  sensitivity: 'base',
}).compare
