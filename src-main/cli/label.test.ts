import { spawnSync } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { decodeImage } from '../../src-shared/decode/pipeline'
import { setTemplateDirs } from '../core/labels/index'
import { defaultLabelsDir, loadTemplateFile } from '../core/labels/template'
import { Station } from '../core/station'
import { tempDbPath } from '../tests/support/temp-db'
import { loadImageFile, setupNodeDecoder } from '../core/decode/node'
import { labelCommand, type LabelIo } from './label'

function capture(): LabelIo & { stdout: string; stderr: string } {
  const io = {
    stdout: '',
    stderr: '',
    out: (t: string) => void (io.stdout += t),
    err: (t: string) => void (io.stderr += t),
  }
  return io
}

/** pdftoppm from poppler-utils; the Must-show check depends on it, so its absence fails loudly. */
function pdftoppm(args: string[]): void {
  const r = spawnSync('pdftoppm', args, { encoding: 'utf8' })
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'pdftoppm is not installed: install poppler-utils (apt-get install poppler-utils) to run the label re-scan check',
    )
  }
  if (r.status !== 0) throw new Error(`pdftoppm failed (${r.status}): ${r.stderr}`)
}

afterEach(() => setTemplateDirs([defaultLabelsDir()]))

describe('cli label', () => {
  it('Must-show: writes a stock item label PDF that pdftoppm renders, the station decodes, and scan resolves to that item', async () => {
    const db = tempDbPath()
    const out = join(dirname(db), 'stockitem-7.pdf')
    const io = capture()
    const started = performance.now()
    const code = await labelCommand(['--db', db, 'stockitem', '7', '--out', out], io)
    const elapsed = performance.now() - started
    expect(io.stderr).toBe('')
    expect(code).toBe(0)
    const summary = JSON.parse(io.stdout) as {
      template: string
      barcode: string
      verified: { decoded: string; ms: number }
    }
    expect(summary).toMatchObject({
      file: out,
      model: 'stockitem',
      pk: 7,
      template: 'stockitem-62x29',
      barcode: '{"stockitem": 7}',
    })
    // Timing (a figure, not a pass/fail): the first label also loads the decoder's wasm; a second one is warm.
    const warm = capture()
    await labelCommand(['--db', db, 'stockitem', '8', '--out', join(dirname(db), 'stockitem-8.pdf')], warm)
    const second = JSON.parse(warm.stdout) as { ms: number; verified: { ms: number } }
    console.log(
      `label stockitem: first ${Math.round(elapsed)} ms (verify ${summary.verified.ms} ms, decoder load included); warm ${second.ms} ms (verify ${second.verified.ms} ms)`,
    )
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-')

    // Rasterise the PDF itself with poppler, at 300 dpi, and read it with the station's decoder.
    const png = join(dirname(db), 'page')
    pdftoppm(['-r', '300', '-png', '-singlefile', out, png])
    setupNodeDecoder()
    const decoded = await decodeImage(loadImageFile(`${png}.png`), { effort: 'thorough' })
    expect(decoded).toMatchObject({ text: '{"stockitem": 7}', format: 'QRCode' })

    const station = Station.open({ dbPath: db })
    try {
      expect(decoded!.text).toBe(station.getItem({ model: 'stockitem', pk: 7 }).barcode.preferred)
      const result = station.scan({ data: decoded!.text, source: 'cli' })
      expect(result).toMatchObject({ stockitem: { pk: 7 }, success: 'Match found for barcode data' })
    } finally {
      station.close()
    }
  })

  it('reads back every built-in default template from its pdftoppm raster too (Code 128 and DataMatrix included)', async () => {
    const db = tempDbPath()
    setupNodeDecoder()
    for (const [model, template] of [
      ['stocklocation', 'stocklocation-62x29'],
      ['part', 'part-50x25'],
      ['purchaseorder', 'purchaseorder-4x6'],
    ] as const) {
      const out = join(dirname(db), `${template}.pdf`)
      const io = capture()
      expect(await labelCommand(['--db', db, model, '2', '--template', template, '--out', out], io), io.stderr).toBe(0)
      const { barcode } = JSON.parse(io.stdout) as { barcode: string }
      const dpi = loadTemplateFile(join(defaultLabelsDir(), `${template}.json`)).printer.dpi
      pdftoppm(['-r', String(dpi), '-png', '-singlefile', out, join(dirname(db), template)])
      expect((await decodeImage(loadImageFile(join(dirname(db), `${template}.png`))))?.text, template).toBe(barcode)
    }
  })

  it('exits 1 when the item is missing or the label is refused, 2 on usage errors', async () => {
    const db = tempDbPath()
    const out = join(dirname(db), 'x.pdf')
    let io = capture()
    expect(await labelCommand(['--db', db, 'stockitem', '99999', '--out', out], io)).toBe(1)
    expect(io.stderr).toMatch(/No stockitem with pk 99999/)
    expect(existsSync(out)).toBe(false)

    io = capture()
    expect(
      await labelCommand(['--db', db, 'part', '1', '--template', 'supplierpart-linked-62x29', '--out', out], io),
    ).toBe(1)
    expect(io.stderr).toMatch(/has no linked barcode/)

    // A user template with a QR too small for the printer: refused, nothing written.
    const dir = mkdtempSync(join(tmpdir(), 'scan-station-user-labels-'))
    try {
      const { name: _n, file: _f, ...spec } = loadTemplateFile(join(defaultLabelsDir(), 'stockitem-62x29.json'))
      writeFileSync(
        join(dir, 'tiny.json'),
        JSON.stringify({ ...spec, barcode: { ...spec.barcode, width: 2, height: 2, humanReadable: false } }),
      )
      setTemplateDirs([defaultLabelsDir(), dir])
      io = capture()
      expect(await labelCommand(['--db', db, 'stockitem', '1', '--template', 'tiny', '--out', out], io)).toBe(1)
      expect(io.stderr).toMatch(/^Label refused for stockitem 1 \(template tiny\): The station's decoder cannot read/)
      expect(existsSync(out)).toBe(false)
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ ...spec, page: { kind: 'roll', width: 62 } }))
      io = capture()
      expect(await labelCommand(['--db', db, 'stockitem', '1', '--template', 'bad', '--out', out], io)).toBe(2)
      expect(io.stderr).toMatch(/bad\.json: page\.height: /)
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }

    for (const args of [
      ['stockitem', '1'],
      ['stockitem', '--out', out],
      ['widget', '1', '--out', out],
      ['stockitem', 'one', '--out', out],
      ['stockitem', '1', '--out', out, '--colour', 'red'],
      ['company', '1', '--out', out],
    ]) {
      io = capture()
      expect(await labelCommand(['--db', db, ...args], io), args.join(' ')).toBe(2)
      expect(io.stderr).toMatch(/Usage: label|No label templates for company/)
    }
    io = capture()
    expect(await labelCommand(['--list', 'stocklocation'], io)).toBe(0)
    expect((JSON.parse(io.stdout) as { name: string }[]).map((t) => t.name)).toEqual([
      'a4-3x8-70x37',
      'stocklocation-4x6',
      'stocklocation-62x29',
    ])
  })
})
