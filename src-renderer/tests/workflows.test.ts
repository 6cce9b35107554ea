import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import type { ScanResult, SessionRow, SessionView } from '../../src-main/contract'
import { demoItem, installFakeStation, ok, stockItemMatch } from './fakeStation'
import { binC2, header, line, receiptRow, stockRow, unknownRow, view } from './fakeSessions'
import { mountApp, unmountAll } from './mountApp'

afterEach(unmountAll)

function withScanId(result: ScanResult, scanId: number): ScanResult {
  return { ...result, scan_id: scanId, result_id: scanId }
}

async function quickScan(wrapper: VueWrapper, data: string): Promise<void> {
  await wrapper.get('[data-testid="quick-scan-button"]').trigger('click')
  await flushPromises()
  const input = wrapper.get<HTMLInputElement>('[data-testid="quick-scan-input"]')
  await input.setValue(data)
  await input.trigger('keydown', { key: 'Enter' })
  await flushPromises()
}

/** A scan page session held by the fake: sessionAdd turns scan ids into stock-item rows. */
function scanSessionFake(initial: SessionView) {
  let session = initial
  let nextRow = Math.max(0, ...initial.rows.map((r) => r.id)) + 1
  return installFakeStation({
    scan: ({ data }) => ok(withScanId(stockItemMatch(data, Number(data.replace('INV-SI', ''))), 500)),
    getItem: () => ok(demoItem),
    sessionStart: () => ok(session),
    sessionCurrent: () => ok(session),
    sessionAdd: (input) => {
      const pk = input.scanId !== undefined ? input.scanId - 500 + 7 : 9
      const row: SessionRow = stockRow(nextRow++, pk)
      session = { ...session, rows: [...session.rows, row], rowCount: session.rowCount + 1 }
      const { rows: _rows, ...h } = session
      void _rows
      return ok({ row, message: `Added ${row.name}`, session: h })
    },
    stockAction: ({ action, items }) =>
      ok({ actionId: 42, kind: action, items: items.length, summary: `Moved ${items.length} stock items to Bin C2` }),
    undo: ({ actionId }) =>
      ok({ actionId: actionId ?? 0, kind: 'undo', items: 2, summary: 'Undid: Moved 2 stock items to Bin C2' }),
  })
}

describe('the scan page', () => {
  it('takes a claimed device scan as a row instead of opening the item, and releases scans when left', async () => {
    const fake = scanSessionFake(view([]))
    const { wrapper, router } = await mountApp('/scan')
    expect(wrapper.find('[data-testid="session-empty"]').exists()).toBe(true)

    fake.emit('scanResult', withScanId(stockItemMatch('INV-SI5', 5), 501))
    await flushPromises()

    expect(fake.calls).toContainEqual({ method: 'sessionAdd', input: { session: 1, scanId: 501 } })
    expect(router.currentRoute.value.fullPath).toBe('/scan')
    const rows = wrapper.findAll('[data-testid="session-row"]')
    expect(rows).toHaveLength(1)
    expect(rows[0]!.text()).toContain('Stock item 8')
    expect(wrapper.get('[data-testid="session-message"]').text()).toBe('Added Stock item 8')
    await vi.waitFor(() => expect(window.__scanPageStats?.lastScanToRowMs).toBeTypeOf('number'))

    // Quick scan is claimed too: the dialog's scan becomes a row.
    await quickScan(wrapper, 'INV-SI3')
    expect(fake.calls).toContainEqual({ method: 'sessionAdd', input: { session: 1, scanId: 500 } })
    expect(router.currentRoute.value.fullPath).toBe('/scan')
    expect(wrapper.findAll('[data-testid="session-row"]')).toHaveLength(2)

    // Away from the page, a scan opens its item again.
    await router.push('/')
    await flushPromises()
    fake.emit('scanResult', stockItemMatch('INV-SI5', 5))
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/stockitem/5')
  })

  it('adds an unlogged scan by its in-memory result id, never by sending its data to be resolved again', async () => {
    const fake = scanSessionFake(view([]))
    await mountApp('/scan')
    fake.emit('scanResult', { ...stockItemMatch('INV-SI5', 5), scan_id: null, result_id: -3 })
    await flushPromises()
    const adds = fake.calls.filter((c) => c.method === 'sessionAdd')
    expect(adds).toEqual([{ method: 'sessionAdd', input: { session: 1, scanId: -3 } }])
  })

  it('restores the open session with its rows, flags in words and the target location', async () => {
    scanSessionFake(
      view(
        [
          stockRow(1, 1),
          stockRow(2, 1, { flag: 'duplicate', note: 'Stock item 1 was already scanned' }),
          unknownRow(3, 'NOPE'),
        ],
        { location: binC2 },
      ),
    )
    const { wrapper } = await mountApp('/scan')

    const rows = wrapper.findAll('[data-testid="session-row"]')
    expect(rows).toHaveLength(3)
    // Newest first.
    expect(rows[0]!.get('[data-testid="row-flag"]').text()).toContain('Unknown')
    expect(rows[0]!.find('[data-testid="row-select"]').exists()).toBe(false)
    expect(rows[1]!.get('[data-testid="row-flag"]').text()).toContain('Duplicate')
    expect(rows[2]!.get('[data-testid="row-quantity"]').text()).toBe('10 pcs')
    expect(wrapper.get('[data-testid="target-location"]').text()).toBe('Bin C2')
    expect(wrapper.get('[data-testid="session-row-count"]').text()).toBe('3 rows')
  })

  it('moves the selected stock items to the scanned location, shows the summary and undoes it', async () => {
    const fake = scanSessionFake(view([stockRow(1, 4), stockRow(2, 6), unknownRow(3, 'NOPE')], { location: binC2 }))
    const { wrapper } = await mountApp('/scan')

    expect(wrapper.get<HTMLButtonElement>('[data-testid="action-move"]').element.disabled).toBe(true)
    await wrapper.get('[data-testid="select-all"]').setValue(true)
    expect(wrapper.get('[data-testid="selected-count"]').text()).toBe('2')
    await wrapper.get('[data-testid="action-move"]').trigger('click')
    await flushPromises()

    expect(fake.calls).toContainEqual({
      method: 'stockAction',
      input: { action: 'move', items: [4, 6], session: 1, location: 20 },
    })
    expect(wrapper.get('[data-testid="action-summary-text"]').text()).toBe('Moved 2 stock items to Bin C2')
    const refreshes = fake.calls.filter((c) => c.method === 'sessionCurrent').length
    expect(refreshes).toBeGreaterThan(0)

    await wrapper.get('[data-testid="action-undo"]').trigger('click')
    await flushPromises()
    expect(fake.calls).toContainEqual({ method: 'undo', input: { actionId: 42 } })
    expect(wrapper.get('[data-testid="action-summary-text"]').text()).toBe('Undid: Moved 2 stock items to Bin C2')
    expect(wrapper.find('[data-testid="action-undo"]').exists()).toBe(false)
    expect(fake.calls.filter((c) => c.method === 'sessionCurrent').length).toBeGreaterThan(refreshes)
  })

  it('counts, adds and removes with the typed quantity', async () => {
    const fake = scanSessionFake(view([stockRow(1, 4)]))
    const { wrapper } = await mountApp('/scan')
    await wrapper.get('[data-testid="row-select"]').setValue(true)
    await wrapper.get('[data-testid="action-quantity"]').setValue('7')
    await wrapper.get('[data-testid="action-count"]').trigger('click')
    await flushPromises()
    expect(fake.calls).toContainEqual({
      method: 'stockAction',
      input: { action: 'count', items: [4], session: 1, quantity: 7 },
    })
  })
})

describe('receiving', () => {
  const lines = [
    line(1, 'DK-1', { ordered: 10, scanned: 15, remaining: 0 }),
    line(2, 'DK-2', { ordered: 50, scanned: 20, remaining: 30, receivedBefore: 0 }),
  ]
  const rows = [
    receiptRow(1, 1, { quantity: 10 }),
    receiptRow(2, 2, { quantity: 20 }),
    receiptRow(3, 2, {
      flag: 'duplicate',
      note: 'This package was already scanned in this receipt; it is not counted twice',
    }),
    receiptRow(4, 1, { quantity: 5, flag: 'over', note: 'Over-receipt: DK-1 ordered 10, this makes 15' }),
    receiptRow(5, null, {
      flag: 'unknown',
      name: 'Unknown barcode',
      url: null,
      note: 'Unknown item: no supplier part matches this label',
    }),
    receiptRow(6, null, { flag: 'not_on_order', note: 'SKU-x is not on this order' }),
  ]
  const po = { pk: 1, name: 'PO-0001', url: '/purchaseorder/1' }

  it('shows ordered, scanned and remaining per line and every flag in words, and commits', async () => {
    const receipt = view(rows, { kind: 'receive', purchaseOrder: po, lines })
    const fake = installFakeStation({
      sessionStart: () => ok(receipt),
      sessionCurrent: () => ok(receipt),
      sessionCommit: () =>
        ok({
          ...header({ kind: 'receive', status: 'committed', purchaseOrder: po }),
          created: [{ stockitem: 91, quantity: 10, location: 3 }],
        }),
    })
    const { wrapper } = await mountApp('/receive?order=1')

    expect(fake.calls).toContainEqual({ method: 'sessionStart', input: { kind: 'receive', purchaseOrder: 1 } })
    expect(wrapper.get('[data-testid="receive-order"]').text()).toBe('PO-0001')
    const shown = wrapper.findAll('[data-testid="receipt-line"]')
    expect(shown).toHaveLength(2)
    expect(shown[1]!.get('[data-testid="line-ordered"]').text()).toBe('50')
    expect(shown[1]!.get('[data-testid="line-scanned"]').text()).toBe('20')
    expect(shown[1]!.get('[data-testid="line-remaining"]').text()).toBe('30')
    expect(shown[0]!.get('[data-testid="line-remaining"]').text()).toContain('complete')

    const flags = wrapper.findAll('[data-testid="receipt-row"] [data-testid="row-flag"]').map((f) => f.text())
    expect(flags).toEqual(['⧉ Duplicate package', '▲ Over-receipt', '? Unknown item', '✕ Not on this order'])
    expect(wrapper.text()).toContain('Over-receipt: DK-1 ordered 10, this makes 15')

    await wrapper.get('[data-testid="receive-commit"]').trigger('click')
    await flushPromises()
    const created = wrapper.get('[data-testid="created-stockitem"]')
    expect(created.attributes('href')).toBe('/stockitem/91')
    expect(wrapper.get('[data-testid="receipt-created"]').text()).toContain('10 at Receiving Bench')
  })

  it('restores an open receipt after a restart, sends claimed scans to it and shows the message of a command', async () => {
    let receipt = view(rows.slice(0, 2), { kind: 'receive', purchaseOrder: po, lines })
    const fake = installFakeStation({
      sessionCurrent: () => ok(receipt),
      sessionAdd: () => {
        receipt = { ...receipt, rows: receipt.rows.slice(0, 1), rowCount: 1 }
        const { rows: _r, ...h } = receipt
        void _r
        return ok({ row: null, message: 'Removed the last scan: SKU-2', session: h, command: { name: 'undo' } })
      },
    })
    const { wrapper, router } = await mountApp('/receive')
    expect(fake.calls.some((c) => c.method === 'sessionStart')).toBe(false)
    expect(wrapper.findAll('[data-testid="receipt-row"]')).toHaveLength(2)
    expect(wrapper.get<HTMLInputElement>('[data-testid="receipt-row-quantity"]').element.value).toBe('10')

    fake.emit('scanResult', {
      outcome: 'command',
      match: null,
      success: 'Command: undo',
      plugin: 'StationCommand',
      command: { name: 'undo' },
      barcode_data: 'CMD:UNDO',
      barcode_hash: 'h',
      scan_id: 77,
      result_id: 77,
    })
    await flushPromises()
    expect(fake.calls).toContainEqual({ method: 'sessionAdd', input: { session: 1, scanId: 77 } })
    expect(wrapper.get('[data-testid="receive-message"]').text()).toBe('Removed the last scan: SKU-2')
    expect(wrapper.findAll('[data-testid="receipt-row"]')).toHaveLength(1)
    expect(router.currentRoute.value.fullPath).toBe('/receive')
  })
})

describe('item pages', () => {
  it('offer put-away on a location and Receive on a placed order', async () => {
    installFakeStation({
      getItem: ({ model, pk }) =>
        ok({
          ...demoItem,
          model,
          pk,
          fields:
            model === 'purchaseorder' ? [{ label: 'Status', value: 'placed' }] : [{ label: 'Structural', value: 'no' }],
          sections: [],
        }),
    })
    const { wrapper, router } = await mountApp('/stocklocation/20')
    expect(wrapper.get('[data-testid="putaway-link"]').attributes('href')).toBe('/putaway/20')
    await router.push('/purchaseorder/1')
    await flushPromises()
    expect(wrapper.get('[data-testid="receive-order-link"]').attributes('href')).toBe('/receive?order=1')
  })

  it('put-away moves each scanned stock item at once and says why other scans were ignored', async () => {
    const fake = installFakeStation({
      getItem: () => ok({ ...demoItem, model: 'stocklocation', pk: 20, title: 'Bin C2' }),
      stockAction: ({ items }) =>
        ok({ actionId: 9, kind: 'move', items: 1, summary: `Moved 1 stock item to Bin C2 (#${items[0]})` }),
      undo: () => ok({ actionId: 9, kind: 'undo', items: 1, summary: 'Undid: Moved 1 stock item to Bin C2' }),
    })
    const { wrapper, router } = await mountApp('/putaway/20')
    fake.emit('scanResult', stockItemMatch('INV-SI5', 5))
    await flushPromises()
    fake.emit('scanResult', {
      outcome: 'matched',
      match: { model: 'part', pk: 2, via: 'internal' },
      part: { pk: 2, name: 'Resistor', url: '/part/2' },
      success: 'Match found for barcode data',
      plugin: 'InvenTreeBarcode',
      barcode_data: 'INV-PA2',
      barcode_hash: 'h',
      scan_id: 3,
      result_id: 3,
    })
    await flushPromises()

    expect(fake.calls).toContainEqual({ method: 'stockAction', input: { action: 'move', items: [5], location: 20 } })
    expect(router.currentRoute.value.fullPath).toBe('/putaway/20')
    const entries = wrapper.findAll('[data-testid="putaway-entry"]')
    expect(entries.map((e) => e.attributes('data-state'))).toEqual(['ignored', 'moved'])
    expect(entries[0]!.text()).toContain('a part is not a stock item')
    await wrapper.get('[data-testid="putaway-undo"]').trigger('click')
    await flushPromises()
    expect(fake.calls).toContainEqual({ method: 'undo', input: { actionId: 9 } })
    expect(wrapper.findAll('[data-testid="putaway-entry"]')[1]!.attributes('data-state')).toBe('undone')
  })

  it('the command sheet shows every command barcode with its label', async () => {
    installFakeStation()
    const { wrapper } = await mountApp('/commands')
    await flushPromises()
    const codes = wrapper.findAll('[data-testid="command-barcode"]').map((c) => c.attributes('data-command'))
    expect(codes).toEqual([
      'CMD:COMMIT',
      'CMD:UNDO',
      'CMD:CLEAR',
      'CMD:DROP',
      ...[1, 2, 5, 10, 25, 50, 100, 250, 500, 1000].map((n) => `CMD:QTY:${n}`),
    ])
  })
})
