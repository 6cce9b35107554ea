import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { NotFoundError } from '../errors'
import type { Station } from '../station'
import { dbOf, openTestStation, setSettingsAsAdmin } from '../../tests/support/station'
import { checkLabel, labelPdf, labelsPdf, LabelRefusedError, listTemplates, previewSvg, templateStore } from './index'
import { fitText, labelData, layoutLabel, measurer, PT_PER_MM, whyTemplateDoesNotFit } from './layout'
import { renderPdf } from './render'
import {
  defaultLabelsDir,
  labelModels,
  loadTemplateFile,
  parseTemplate,
  TemplateError,
  TemplateStore,
  type LabelTemplate,
} from './template'
import { verifyLayout } from './verify'

let station: Station
let dir: string

beforeAll(() => {
  station = openTestStation({ dbPath: ':memory:' })
  // Linked external barcodes for the templates that print the linked one.
  station.link({ model: 'supplierpart', pk: 1, data: 'DK-296-1234-ND' })
  station.link({ model: 'stockitem', pk: 1, data: 'CARTON-000417' })
  station.link({ model: 'part', pk: 1, data: '4006381333931' })
  dir = mkdtempSync(join(tmpdir(), 'scan-station-templates-'))
})
afterAll(() => {
  station.close()
  rmSync(dir, { recursive: true, force: true })
})

const pageCount = (pdf: Buffer): number => (pdf.toString('latin1').match(/\/Type \/Page\b/g) ?? []).length
const builtIn = (name: string): LabelTemplate => loadTemplateFile(join(defaultLabelsDir(), `${name}.json`))
/** A built-in template with some fields changed, as a file in the temp folder. */
function variant(
  name: string,
  base: string,
  change: (t: Record<string, unknown> & { barcode: Record<string, unknown> }) => void,
): LabelTemplate {
  const { name: _n, file: _f, ...spec } = builtIn(base)
  const copy = JSON.parse(JSON.stringify(spec)) as Record<string, unknown> & { barcode: Record<string, unknown> }
  change(copy)
  const file = join(dir, `${name}.json`)
  writeFileSync(file, JSON.stringify(copy))
  return loadTemplateFile(file)
}

describe('label templates', () => {
  it('ship for every model type, with a default each, and all load cleanly', () => {
    const { templates, errors } = templateStore().loadAll()
    expect(errors).toEqual([])
    for (const model of labelModels) {
      expect(
        templates.some((t) => t.models.includes(model)),
        model,
      ).toBe(true)
      expect(
        templates.filter((t) => t.defaultFor.includes(model)),
        model,
      ).toHaveLength(1)
    }
    const sizes = templates.map((t) =>
      t.page.kind === 'roll' ? `${t.page.width}x${t.page.height}` : `${t.page.paper} ${t.page.columns}x${t.page.rows}`,
    )
    expect(sizes).toEqual(expect.arrayContaining(['62x29', '50x25', '101.6x152.4', 'A4 3x8']))
    expect(listTemplates('stocklocation').map((t) => t.name)).toContain('stocklocation-4x6')
  })

  it('every template renders and verifies for every model type it names', async () => {
    for (const t of listTemplates()) {
      for (const model of t.models) {
        const { layout, verification } = await checkLabel(station.labelSource(), { model, pk: 1, template: t.name })
        expect(verification, `${t.name} / ${model}`).toMatchObject({ ok: true })
        if (verification.ok) expect(verification.decoded.text).toBe(layout.data)
        const pdf = await labelPdf(station.labelSource(), { model, pk: 1, template: t.name })
        expect(pdf.subarray(0, 5).toString()).toBe('%PDF-')
        // Vectors, not a raster image; text in an embedded font.
        expect(pdf.toString('latin1')).not.toMatch(/\/Subtype \/Image/)
        expect(pdf.toString('latin1')).toMatch(/\/FontFile2/)
        // Nothing leaves its box, nothing leaves the label.
        for (const text of layout.texts) {
          for (const line of text.lines) {
            expect(line.x).toBeGreaterThanOrEqual(text.box.x - 1e-6)
            expect(line.x + line.width).toBeLessThanOrEqual(text.box.x + text.box.w + 1e-6)
            expect(line.baseline).toBeLessThanOrEqual(text.box.y + text.box.h + 1e-6)
          }
        }
        for (const r of layout.barcode.rects) {
          expect(r.x).toBeGreaterThanOrEqual(0)
          expect(r.x + r.w).toBeLessThanOrEqual(layout.width + 1e-6)
          expect(r.y + r.h).toBeLessThanOrEqual(layout.height + 1e-6)
        }
      }
    }
  })

  it('prints the internal barcode by default and the linked one when the template says so', async () => {
    const internal = await checkLabel(station.labelSource(), { model: 'supplierpart', pk: 1 })
    expect(internal.layout.data).toBe('{"supplierpart": 1}')
    const linked = await checkLabel(station.labelSource(), {
      model: 'supplierpart',
      pk: 1,
      template: 'supplierpart-linked-62x29',
    })
    expect(linked.layout.data).toBe('DK-296-1234-ND')
    expect(linked.verification.ok).toBe(true)
    await expect(
      labelPdf(station.labelSource(), { model: 'supplierpart', pk: 2, template: 'supplierpart-linked-62x29' }),
    ).rejects.toThrow(NotFoundError)
    await expect(
      labelPdf(station.labelSource(), { model: 'supplierpart', pk: 2, template: 'supplierpart-linked-62x29' }),
    ).rejects.toThrow(/has no linked barcode/)
  })

  it("prints a stored time as the desk's local date and time, not UTC", () => {
    dbOf(station).prepare('UPDATE purchaseorder SET created_at = ? WHERE id = 1').run('2026-12-03T23:30:00.000Z')
    const template = templateStore().get('purchaseorder-4x6', 'purchaseorder')
    const printed = (): string[] =>
      layoutLabel(template, labelData(station.labelSource(), 'purchaseorder', 1)).texts.flatMap((t) =>
        t.lines.map((l) => l.text),
      )
    const zone = process.env.TZ
    try {
      // A desk in Berlin: half past eleven UTC is already half past midnight, the next day.
      process.env.TZ = 'Europe/Berlin'
      expect(printed()).toContain('Created 2026-12-04 00:30')
      process.env.TZ = 'America/New_York'
      expect(printed()).toContain('Created 2026-12-03 18:30')
    } finally {
      if (zone === undefined) delete process.env.TZ
      else process.env.TZ = zone
    }
    expect(printed().some((text) => text.includes('T23:30'))).toBe(false)
  })

  it('tells why a template cannot label an item: its type, a linked barcode it lacks, a field it has not', () => {
    const item = labelData(station.labelSource(), 'stockitem', 2)
    expect(whyTemplateDoesNotFit(builtIn('stockitem-62x29'), item)).toBeNull()
    expect(whyTemplateDoesNotFit(builtIn('part-62x29'), item)).toBe('it is for part')
    expect(whyTemplateDoesNotFit(builtIn('supplierpart-linked-62x29'), item)).toMatch(/linked barcode/)
    const colour = variant('colour', 'stockitem-62x29', (t) => {
      ;(t.texts as { text: string }[])[1]!.text = 'Colour {field:Colour}'
    })
    expect(whyTemplateDoesNotFit(colour, item)).toBe('it prints the field "Colour"')
  })

  it('follows the station settings: short form, and the text under the barcode', async () => {
    await setSettingsAsAdmin(station, { 'barcode.form': 'short', 'barcode.showText': false })
    try {
      const l = layoutLabel(
        templateStore().get(undefined, 'stockitem'),
        labelData(station.labelSource(), 'stockitem', 3),
      )
      expect(l.data).toBe('INV-SI3')
      expect(l.barcodeText).toBeNull()
    } finally {
      await setSettingsAsAdmin(station, { 'barcode.form': 'json', 'barcode.showText': true })
    }
    const l = layoutLabel(templateStore().get(undefined, 'stockitem'), labelData(station.labelSource(), 'stockitem', 3))
    expect(l.data).toBe('{"stockitem": 3}')
    expect(l.barcodeText?.lines[0]?.text).toBe('{"stockitem": 3}')
  })

  it('a template with a bad field is refused with an error naming the file and the field', () => {
    const good = JSON.parse(JSON.stringify(builtIn('stockitem-62x29'))) as Record<string, unknown> & {
      texts: Record<string, unknown>[]
      barcode: Record<string, unknown>
    }
    delete good.name
    delete good.file
    const bad = (mutate: (t: typeof good) => void): string => {
      const t = JSON.parse(JSON.stringify(good)) as typeof good
      mutate(t)
      try {
        parseTemplate(JSON.stringify(t), 'broken.json')
      } catch (err) {
        expect(err).toBeInstanceOf(TemplateError)
        return (err as Error).message
      }
      throw new Error('template was accepted')
    }
    expect(bad((t) => (t.texts[1]!.fontSize = 'big'))).toMatch(/^Label template broken\.json: texts\[1\]\.fontSize: /)
    expect(bad((t) => (t.barcode.symbology = 'pdf417'))).toMatch(/barcode\.symbology: .*"qr"/)
    expect(bad((t) => (t.texts[0]!.colour = 'red'))).toMatch(/texts\[0\]: .*colour/)
    expect(bad((t) => (t.texts[0]!.text = '{titel}'))).toMatch(/texts\[0\]\.text: unknown placeholder \{titel\}/)
    expect(bad((t) => (t.texts[0]!.x = 1))).toMatch(/texts\[0\]: overlaps the barcode box/)
    expect(bad((t) => (t.barcode.width = 70))).toMatch(
      /barcode\.width: x \+ width = 71 mm runs off the 62 mm wide label/,
    )
    expect(bad((t) => (t.models = ['salesorder']))).toMatch(/models\[0\]/)
    expect(bad((t) => (t.page = { kind: 'sheet', paper: 'A4', width: 70, height: 37, columns: 4, rows: 8 }))).toMatch(
      /page\.columns: 4 columns of 70 mm need 280 mm; A4 is 210 mm wide/,
    )
    expect(() => parseTemplate('{ "title": ', 'torn.json')).toThrow(/Label template torn\.json: not valid JSON/)

    // A field name that only the item can check is caught at layout, naming the element.
    const typo = variant('typo', 'stockitem-62x29', (t) => ((t.texts as { text: string }[])[2]!.text = '{field:Bach}'))
    expect(() => layoutLabel(typo, labelData(station.labelSource(), 'stockitem', 1))).toThrow(
      /typo texts\[2\]\.text: stockitem has no field "Bach" \(its fields: Part, Location, Quantity, Batch/,
    )
    // A broken file in a templates folder shows up in loadAll's errors and is refused by name.
    writeFileSync(join(dir, 'broken.json'), JSON.stringify({ ...good, texts: [{ ...good.texts[0], height: -1 }] }))
    const store = new TemplateStore([defaultLabelsDir(), dir])
    expect(
      store
        .loadAll()
        .errors.map((e) => e.message)
        .join('\n'),
    ).toMatch(/broken\.json: texts\[0\]\.height: /)
    expect(() => store.get('broken', 'stockitem')).toThrow(/texts\[0\]\.height/)
    expect(() => store.get('nope', 'stockitem')).toThrow(/No label template named "nope"/)
    expect(() => store.get('purchaseorder-4x6', 'stockitem')).toThrow(/is for purchaseorder, not stockitem/)
  })

  it('verification refuses a QR squeezed to 3 mm, one below a printer dot, and a Code 128 too long for the label', async () => {
    // 3 mm at 300 dpi: one dot a module. The decoder reads the perfect raster, but one dot is below the printer's minimum.
    const squeezed = variant('squeezed', 'stockitem-62x29', (t) =>
      Object.assign(t.barcode, { width: 3, height: 3, humanReadable: false }),
    )
    const a = await verifyLayout(layoutLabel(squeezed, labelData(station.labelSource(), 'stockitem', 1)))
    expect(a).toMatchObject({ ok: false })
    if (!a.ok)
      expect(a.reason).toMatch(
        /too small to print reliably: its modules are 0\.08 mm = 1 printer dots at 300 dpi .* at least 5\.59 mm square/,
      )

    // 3 mm at 203 dpi: under one dot a module, so the print loses modules and the decoder cannot read it.
    const dots = variant('squeezed-203', 'stockitem-62x29', (t) => {
      Object.assign(t.barcode, { width: 3, height: 3, humanReadable: false })
      t.printer = { dpi: 203, minModuleDots: 1 }
    })
    const b = await verifyLayout(layoutLabel(dots, labelData(station.labelSource(), 'stockitem', 1)))
    expect(b).toMatchObject({ ok: false })
    if (!b.ok)
      expect(b.reason).toMatch(
        /decoder cannot read this label's QR code back from a 203 dpi print: its modules are 0\.09 mm = 0\.73 printer dots/,
      )

    // A long supplier barcode as Code 128 on a 62 mm label.
    station.link({
      model: 'supplierpart',
      pk: 3,
      data: 'LOT-2026-11-27-DIGIKEY-296-1234-1-ND-REEL-000417-QTY-5000-PO-84213377',
    })
    const long = await checkLabel(station.labelSource(), {
      model: 'supplierpart',
      pk: 3,
      template: 'supplierpart-linked-62x29',
    })
    expect(long.verification.ok).toBe(false)
    if (!long.verification.ok) expect(long.verification.reason).toMatch(/Code 128/)
    const refused = labelPdf(station.labelSource(), {
      model: 'supplierpart',
      pk: 3,
      template: 'supplierpart-linked-62x29',
    })
    await expect(refused).rejects.toThrow(LabelRefusedError)
    await expect(refused).rejects.toThrow(/Label refused for supplierpart 3 \(template supplierpart-linked-62x29\): /)
  })

  it('fits text by shrinking, then by an ellipsis, never past its box', () => {
    const m = measurer()
    const box = {
      x: 0,
      y: 0,
      width: 30,
      height: 5,
      fontSize: 12,
      minFontSize: 6,
      bold: false,
      align: 'left' as const,
      maxLines: 1,
    }
    const fits = fitText('Short', box, m)
    expect(fits).toMatchObject({ fontSize: 12, truncated: false })
    const shrunk = fitText('Somewhat longer text', box, m)
    expect(shrunk.fontSize).toBeLessThan(12)
    expect(shrunk.fontSize).toBeGreaterThanOrEqual(6)
    expect(shrunk.truncated).toBe(false)
    const cut = fitText('A very long description that cannot possibly fit in thirty millimetres', box, m)
    expect(cut).toMatchObject({ fontSize: 6, truncated: true })
    expect(cut.lines[0]!.text.endsWith('…')).toBe(true)
    expect(cut.lines[0]!.width).toBeLessThanOrEqual(30)
    const wrapped = fitText('Resistor 10kΩ 0805 thick film', { ...box, height: 10, maxLines: 2 }, m)
    expect(wrapped.lines).toHaveLength(2)
    expect(wrapped.lines[1]!.baseline).toBeLessThanOrEqual(10)
    // A box too short for the asked size caps the size.
    expect(fitText('Tall', { ...box, height: 2 }, m).fontSize).toBeCloseTo((2 * PT_PER_MM) / 1.17, 5)
  })

  it('batches: one label a page on rolls, a filled grid on A4 sheets', async () => {
    const items = Array.from({ length: 5 }, (_, i) => ({ model: 'stockitem' as const, pk: i + 1 }))
    expect(pageCount(await labelsPdf(station.labelSource(), items))).toBe(5)
    const sheet = Array.from({ length: 26 }, (_, i) => ({ model: 'part' as const, pk: i + 1 }))
    expect(pageCount(await labelsPdf(station.labelSource(), sheet, 'a4-3x8-70x37'))).toBe(2)
    // Starting after 22 used labels, 3 labels spill onto a second sheet.
    const t = templateStore().get('a4-3x8-70x37', 'part')
    const layouts = [1, 2, 3].map((pk) => layoutLabel(t, labelData(station.labelSource(), 'part', pk)))
    expect(pageCount(await renderPdf(t, layouts, { skip: 22 }))).toBe(2)
  })

  it('previews one label as SVG drawn from the same layout', () => {
    const svg = previewSvg(station.labelSource(), { model: 'stockitem', pk: 2 })
    expect(svg).toMatch(/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="62mm" height="29mm" viewBox="0 0 62 29"/)
    expect(svg).toContain('data-barcode="{&#34;stockitem&#34;: 2}"')
    expect(svg).toMatch(/<path d="M[\d.]+ [\d.]+h/)
    expect(svg).toContain('textLength=')
    expect(svg).not.toContain('<image')
  })
})
