/**
 * The suppliers whose labels the station reads, with what on a label points at each of them. DigiKey, Mouser and
 * TME all print ISO/IEC 15434 labels with the same fields, so the plugin that reads a label first must not be the
 * one that decides whose label it is: these signs do.
 */
import type { SupplierIdentity } from './supplier-evidence'

export const DIGIKEY: SupplierIdentity = {
  plugin: 'DigiKeyBarcode',
  supplier: 'DigiKey',
  // DigiKey's own part numbers end in -ND ("296-LM358DRCT-ND").
  signs: { sku: /-ND$/i },
}

export const MOUSER: SupplierIdentity = {
  plugin: 'MouserBarcode',
  supplier: 'Mouser',
  signs: {
    // A manufacturer number, a dash, the MPN ("511-STM32F103C8T6"); DigiKey's start alike but end in -ND.
    sku: /^\d{2,4}-(?!.*-ND$)/i,
    // Mouser's older labels put a '>' before the ISO/IEC 15434 header; nobody else does.
    header: /^>\[\)>/,
  },
}

export const TME: SupplierIdentity = { plugin: 'TMEBarcode', supplier: 'TME', signs: {} }

export const LCSC: SupplierIdentity = { plugin: 'LCSCBarcode', supplier: 'LCSC', signs: {} }
