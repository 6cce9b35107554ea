/** Scanning: resolve barcode data, link and unlink external barcodes, and the plugin chain that resolves them. */
import { z } from 'zod'
import {
  MAX_SCAN_INPUT,
  scanSources,
  type LinkResult,
  type ModelType,
  type PluginInfo,
  type ScanResult,
} from '../domain'
import { ModelTypeSchema, PkSchema, returns, type MethodSpec } from './define'

export const scanMethods = {
  /** Resolve barcode data, log it, and return the InvenTree-shaped result. */
  scan: {
    input: z.strictObject({
      data: z.string().max(MAX_SCAN_INPUT),
      source: z.enum(scanSources),
      device: z.string().max(200).optional(),
      /**
       * AIM symbology identifier of the symbol read (`]E0` UPC/EAN-13, `]E4` EAN-8, ...), when the reader knows it:
       * eight digits are a UPC-E or an EAN-8 only the symbology tells apart.
       */
      symbologyId: z
        .string()
        .regex(/^\][A-Za-z][0-9A-Za-z]$/)
        .optional(),
    }),
    output: returns<ScanResult>(),
  },
  /** Link an external barcode (one printed by someone else) to an item. */
  link: {
    input: z.strictObject({ model: ModelTypeSchema, pk: PkSchema, data: z.string().min(1).max(4096) }),
    output: returns<LinkResult>(),
  },
  /** Remove an item's external barcode. */
  unlink: {
    input: z.strictObject({ model: ModelTypeSchema, pk: PkSchema }),
    output: returns<{ model: ModelType; pk: number; removed: string }>(),
  },
  /** The barcode plugins in resolution order, with their state. */
  plugins: { input: z.strictObject({}), output: returns<PluginInfo[]>() },
} satisfies Record<string, MethodSpec>
