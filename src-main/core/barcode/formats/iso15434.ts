/**
 * ECIA ISO/IEC 15434 labels, as DigiKey and Mouser print them (TME's plugin reads them too). A label whose
 * separators a wedge scanner dropped is recovered when exactly one split fits, the station's catalogue breaking
 * ties; otherwise the result says it splits several ways rather than guessing. Whose label it is comes from the
 * label itself (its order, its part number, its header), never from which supplier's plugin read it first.
 */
import { DIGIKEY, MOUSER, TME } from '../supplier/known-suppliers'
import { suppliersNamedOncePerScan } from '../supplier/supplier-evidence'
import { supplierPlugin, type SupplierRivals } from '../supplier/supplier-plugin'
import { looksLikeIso15434, parseIso15434, recoverIso15434 } from '../supplier/iso15434'
import type { FormatDeps, SupplierFormat } from './format'

const NAME = 'ECIA ISO/IEC 15434'

export const iso15434Format: SupplierFormat = {
  name: NAME,
  example: '[)>\u001E06\u001DP1276-CL21B104KBCNNNCCT-ND\u001D1PCL21B104KBCNNNC\u001DKPO-0001\u001DQ25\u001E\u0004',
  read(text, { recognises }) {
    const parsed = parseIso15434(text)
    if (parsed) return { format: NAME, fields: parsed.fields, notes: [] }
    if (!looksLikeIso15434(text)) return null
    const recovered = recoverIso15434(text, recognises)
    if (!recovered) return null
    if ('ambiguous' in recovered)
      return {
        format: NAME,
        fields: {},
        notes: [],
        problem: `The label's separators are missing and it splits ${recovered.ambiguous} ways; scan it with a scanner that sends GS characters`,
      }
    return {
      format: NAME,
      fields: recovered.fields,
      notes: ['label separators (GS/RS) were missing: fields recovered from the label layout'],
    }
  },
  report(text, { recognises }) {
    const parsed = parseIso15434(text)
    if (parsed) return { parser: NAME, fields: { ...parsed.fields } }
    if (!looksLikeIso15434(text)) return null
    const recovered = recoverIso15434(text, recognises)
    if (recovered && 'fields' in recovered)
      return { parser: `${NAME} (separators recovered)`, fields: { ...recovered.fields } }
    return {
      parser: NAME,
      problem: recovered
        ? `separators missing; ${recovered.ambiguous} possible readings`
        : 'separators missing; no reading fits',
    }
  },
  plugins: (deps) => [
    supplierPlugin({ ...DIGIKEY, formats: [iso15434Format] }, deps, iso15434Rivals(deps)),
    supplierPlugin({ ...MOUSER, formats: [iso15434Format] }, deps, iso15434Rivals(deps)),
  ],
}

/** Every supplier whose plugin reads these labels: the label's evidence decides which of them it belongs to. */
const ISO15434_SUPPLIERS = [DIGIKEY, MOUSER, TME]
const rivalsOf = new WeakMap<FormatDeps, SupplierRivals>()

/** One decision per scan, shared by every plugin that reads these labels for one station. */
export function iso15434Rivals(deps: FormatDeps): SupplierRivals {
  let rivals = rivalsOf.get(deps)
  if (!rivals) {
    rivals = { format: iso15434Format, named: suppliersNamedOncePerScan(ISO15434_SUPPLIERS, deps) }
    rivalsOf.set(deps, rivals)
  }
  return rivals
}
