/** The history review filters by result (and a date range within it) over hundreds of thousands of rows. */
export const historyReview = `
CREATE INDEX scan_result_time ON scan(result, timestamp);
`
