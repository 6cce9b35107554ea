/**
 * Each history row and each stock action keeps the name of the desk that made it, as it was then: desks that share
 * an inventory (through an InvenTree server, or a database copied to the admin) can be told apart afterwards.
 * Rows from before this migration have no desk (NULL).
 */
export const deskName = `
ALTER TABLE scan ADD COLUMN desk TEXT;
ALTER TABLE stockaction ADD COLUMN desk TEXT;
`
