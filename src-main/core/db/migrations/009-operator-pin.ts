/**
 * An operator's PIN or password, as an Argon2id hash (core/operators/pin-hash.ts); NULL when none is set. An
 * admin without one cannot sign in until the first start's screen sets it.
 */
export const operatorPin = `
ALTER TABLE operator ADD COLUMN pin_hash TEXT;
`
