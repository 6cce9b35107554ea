import { describe, expect, it } from 'vitest'
import { dispatch } from '../../dispatch'
import { Station } from '../station'
import { tempDbPath } from '../../tests/support/temp-db'

describe('labels through the contract', () => {
  it('lists templates, previews a verified label as SVG and returns a PDF', async () => {
    const station = Station.open({ dbPath: tempDbPath() })
    const templates = await dispatch(station, 'labelTemplates', { model: 'stockitem' })
    expect(templates.ok && Array.isArray(templates.value) && templates.value.length).toBeGreaterThan(1)
    const preview = await dispatch(station, 'labelPreview', { model: 'stockitem', pk: 3 })
    expect(preview).toMatchObject({
      ok: true,
      value: { verified: true, reason: null, svg: expect.stringContaining('<svg') },
    })
    const pdf = await dispatch(station, 'labelPdf', {
      items: [
        { model: 'stockitem', pk: 3 },
        { model: 'stockitem', pk: 4 },
      ],
    })
    expect(
      pdf.ok &&
        pdf.value !== null &&
        'pdfBase64' in pdf.value &&
        Buffer.from(pdf.value.pdfBase64, 'base64').subarray(0, 5).toString(),
    ).toBe('%PDF-')
  })

  it('refuses to print without the desktop app, and names a missing item', async () => {
    const station = Station.open({ dbPath: tempDbPath() })
    expect(await dispatch(station, 'printLabels', { items: [{ model: 'part', pk: 1 }] })).toMatchObject({
      ok: false,
      error: { code: 'conflict', message: expect.stringMatching(/desktop app/) },
    })
    expect(await dispatch(station, 'labelPdf', { items: [{ model: 'part', pk: 9999 }] })).toMatchObject({
      ok: false,
      error: { code: 'not_found' },
    })
  })
})
