/**
 * Where InvenTree's code answers differently from the schema it publishes. drf-spectacular documents every
 * CreateAPIView as "201 with the request serializer", but InvenTree's barcode views build their own answers and send
 * them with status 200: a scan answers the matched object, a link what was linked, an unlink a sentence. The gate
 * adds these answers to the operations as documented responses, so that they are validated too (the matched
 * object's `instance` against the model's own schema) instead of being counted as rejections.
 */
type Json = Record<string, unknown>

const matchedObject = (schema: string): Json => ({
  type: 'object',
  required: ['pk'],
  properties: {
    pk: { type: 'integer' },
    api_url: { type: 'string' },
    web_url: { type: 'string' },
    instance: { $ref: `#/components/schemas/${schema}` },
  },
})

/** The barcode models the stand-in holds, with the schema of each one's serializer. */
const MODELS: Record<string, string> = {
  manufacturerpart: 'ManufacturerPart',
  supplierpart: 'SupplierPart',
  purchaseorder: 'PurchaseOrder',
  part: 'Part',
  stockitem: 'StockItem',
  stocklocation: 'Location',
}

const text = { type: 'string' }

const ERRATA: Record<string, { status: string; description: string; schema: Json }> = {
  barcode_create: {
    status: '200',
    description: 'BarcodeScan: the matched object, the plugin that matched it and the scanned data',
    schema: {
      type: 'object',
      required: ['success', 'plugin', 'barcode_data', 'barcode_hash'],
      properties: {
        success: text,
        plugin: text,
        barcode_data: text,
        barcode_hash: text,
        ...Object.fromEntries(Object.entries(MODELS).map(([label, schema]) => [label, matchedObject(schema)])),
      },
    },
  },
  barcode_link_create: {
    status: '200',
    description: 'BarcodeAssign: the object the barcode was linked to',
    schema: {
      type: 'object',
      required: ['success', 'barcode_data', 'barcode_hash'],
      properties: {
        success: text,
        barcode_data: text,
        barcode_hash: text,
        ...Object.fromEntries(
          Object.keys(MODELS).map((label) => [
            label,
            { type: 'object', required: ['pk'], properties: { pk: { type: 'integer' } } },
          ]),
        ),
      },
    },
  },
  barcode_unlink_create: {
    status: '200',
    description: 'BarcodeUnassign: a sentence naming the model',
    schema: { type: 'object', required: ['success'], properties: { success: text } },
  },
}

/** Adds InvenTree's real answers to the operations of a loaded schema document (in place). */
export function applyErrata(doc: Json): void {
  for (const pathItem of Object.values((doc.paths ?? {}) as Record<string, Record<string, Json>>)) {
    for (const operation of Object.values(pathItem)) {
      const erratum = ERRATA[String(operation?.operationId)]
      if (!erratum) continue
      const responses = (operation.responses ??= {}) as Json
      responses[erratum.status] = {
        description: `${erratum.description} (InvenTree's code; not in its published schema)`,
        content: { 'application/json': { schema: erratum.schema } },
      }
    }
  }
}
