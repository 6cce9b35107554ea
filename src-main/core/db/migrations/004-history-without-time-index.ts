/**
 * The scan log loses its timestamp index: ids rise with time, so the history review finds a date range by a
 * binary search over ids (core/history/query.ts), and every scan saves an index update on insert.
 */
export const historyWithoutTimeIndex = `
DROP INDEX IF EXISTS scan_timestamp;
`
