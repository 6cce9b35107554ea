/**
 * Parts carry a GTIN so GS1 labels and plain EAN/UPC codes resolve to them (one GTIN names one part); the
 * history records what kind of event a row is, since linking and unlinking barcodes is logged beside scans.
 */
export const gtin = `
ALTER TABLE part ADD COLUMN gtin TEXT;
CREATE UNIQUE INDEX part_gtin ON part(gtin) WHERE gtin IS NOT NULL;
ALTER TABLE scan ADD COLUMN action TEXT NOT NULL DEFAULT 'scan' CHECK (action IN ('scan', 'link', 'unlink'));
`
