import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { quickScan } from './support/quickScan'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation, type RealStation } from './support/realStation'
import { CAPACITOR, digikey, MOUSER_STM32, RESISTOR } from './support/demoLabels'

afterEach(unmountAll)

/** Bin C2 of the demo stores. */
const BIN_C2 = { pk: 32, barcode: 'INV-SL32' }

/** An open scan-page session holding these scans, as a user left it before a restart. */
async function scanSession(real: RealStation, scans: string[]): Promise<number> {
  const session = await real.call('sessionStart', { kind: 'scan' })
  for (const data of scans) await real.call('sessionAdd', { session: session.id, data, source: 'wedge' })
  return session.id
}

const itemName = async (real: RealStation, pk: number) =>
  (await real.call('scan', { data: `INV-SI${pk}`, source: 'api' })) as { stockitem: { name: string } }
const locationOf = async (real: RealStation, pk: number) =>
  (await real.call('getItem', { model: 'stockitem', pk })).fields.find((f) => f.label === 'Location')?.value

describe('the scan page', () => {
  it('takes a claimed device scan as a row instead of opening the item, and releases scans when left', async () => {
    const real = installRealStation()
    const { wrapper, router } = await mountApp('/scan')
    expect(wrapper.find('[data-testid="session-empty"]').exists()).toBe(true)
    const session = (await real.call('sessionCurrent', { kind: 'scan' }))!.id

    const scanned = real.deviceScan('INV-SI5')
    await flushPromises()

    expect(callsOf(real, 'sessionAdd')).toEqual([{ session, scanId: scanned.result_id }])
    expect(router.currentRoute.value.fullPath).toBe('/scan')
    const rows = wrapper.findAll('[data-testid="session-row"]')
    expect(rows).toHaveLength(1)
    const { stockitem } = await itemName(real, 5)
    expect(rows[0]!.text()).toContain(stockitem.name)
    expect(wrapper.get('[data-testid="session-message"]').text()).toBe(`Added ${stockitem.name}`)
    await vi.waitFor(() => expect(window.__scanPageStats?.lastScanToRowMs).toBeTypeOf('number'))

    // Quick scan is claimed too: the dialog's scan becomes a row.
    await quickScan(wrapper, 'INV-SI3')
    expect(callsOf(real, 'sessionAdd')).toHaveLength(2)
    expect(router.currentRoute.value.fullPath).toBe('/scan')
    expect(wrapper.findAll('[data-testid="session-row"]')).toHaveLength(2)

    // Away from the page, a scan opens its item again.
    await router.push('/')
    await flushPromises()
    real.deviceScan('INV-SI5')
    await flushPromises()
    expect(router.currentRoute.value.fullPath).toBe('/stockitem/5')
  })

  it('adds an unlogged scan by its in-memory result id, never by sending its data to be resolved again', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    await real.call('setSettings', { 'history.store': false, confirm: true })
    await mountApp('/scan')
    const session = (await real.call('sessionCurrent', { kind: 'scan' }))!.id

    const scanned = real.deviceScan('INV-SI5')
    await flushPromises()

    expect(scanned.scan_id).toBeNull()
    expect(callsOf(real, 'sessionAdd')).toEqual([{ session, scanId: scanned.result_id }])
    const rows = (await real.call('sessionCurrent', { kind: 'scan' }))!.rows
    expect(rows.map((r) => [r.pk, r.data])).toEqual([[5, 'INV-SI5']])
  })

  it('restores the open session with its rows, flags in words and the target location', async () => {
    const real = installRealStation()
    await scanSession(real, ['INV-SI1', 'INV-SI1', 'NOPE', BIN_C2.barcode])
    const { wrapper } = await mountApp('/scan')

    const rows = wrapper.findAll('[data-testid="session-row"]')
    expect(rows).toHaveLength(3)
    // Newest first.
    expect(rows[0]!.get('[data-testid="row-flag"]').text()).toContain('Unknown')
    expect(rows[0]!.find('[data-testid="row-select"]').exists()).toBe(false)
    expect(rows[1]!.get('[data-testid="row-flag"]').text()).toContain('Duplicate')
    expect(rows[2]!.get('[data-testid="row-quantity"]').text()).toBe('1273 pcs')
    expect(wrapper.get('[data-testid="target-location"]').text()).toBe('Bin C2')
    expect(wrapper.get('[data-testid="session-row-count"]').text()).toBe('3 rows')
  })

  it('moves the selected stock items to the scanned location, shows the summary and undoes it', async () => {
    const real = installRealStation()
    const session = await scanSession(real, ['INV-SI4', 'INV-SI6', 'NOPE', BIN_C2.barcode])
    const before = [await locationOf(real, 4), await locationOf(real, 6)]
    const { wrapper } = await mountApp('/scan')

    expect(wrapper.get<HTMLButtonElement>('[data-testid="action-move"]').element.disabled).toBe(true)
    await wrapper.get('[data-testid="select-all"]').setValue(true)
    expect(wrapper.get('[data-testid="selected-count"]').text()).toBe('2')
    await wrapper.get('[data-testid="action-move"]').trigger('click')
    await flushPromises()

    expect(callsOf(real, 'stockAction')).toEqual([{ action: 'move', items: [4, 6], session, location: BIN_C2.pk }])
    expect(wrapper.get('[data-testid="action-summary-text"]').text()).toBe('Moved 2 stock items to Bin C2')
    expect([await locationOf(real, 4), await locationOf(real, 6)]).toEqual(['Bin C2', 'Bin C2'])
    const refreshes = callsOf(real, 'sessionCurrent').length
    expect(refreshes).toBeGreaterThan(0)

    await wrapper.get('[data-testid="action-undo"]').trigger('click')
    await flushPromises()
    expect(callsOf(real, 'undo')).toHaveLength(1)
    expect(wrapper.get('[data-testid="action-summary-text"]').text()).toMatch(/^Undid: Moved 2 stock items to Bin C2/)
    expect(wrapper.find('[data-testid="action-undo"]').exists()).toBe(false)
    expect(callsOf(real, 'sessionCurrent').length).toBeGreaterThan(refreshes)
    expect([await locationOf(real, 4), await locationOf(real, 6)]).toEqual(before)
  })

  it('counts, adds and removes with the typed quantity', async () => {
    const real = installRealStation()
    const session = await scanSession(real, ['INV-SI4'])
    const { wrapper } = await mountApp('/scan')
    await wrapper.get('[data-testid="row-select"]').setValue(true)
    await wrapper.get('[data-testid="action-quantity"]').setValue('7')
    await wrapper.get('[data-testid="action-count"]').trigger('click')
    await flushPromises()
    expect(callsOf(real, 'stockAction')).toEqual([{ action: 'count', items: [4], session, quantity: 7 }])
    expect((await real.call('getItem', { model: 'stockitem', pk: 4 })).subtitle).toMatch(/— 7 /)
  })
})

describe('receiving', () => {
  /** A receipt for PO-0001 with every kind of flag, as the desk left it. */
  async function receipt(real: RealStation): Promise<number> {
    const session = await real.call('sessionStart', { kind: 'receive', purchaseOrder: 1 })
    const add = (data: string) => real.call('sessionAdd', { session: session.id, data, source: 'wedge' })
    await add(digikey(...RESISTOR, 10, 'LOT-A'))
    await add(digikey(...CAPACITOR, 20, 'LOT-B'))
    await add(digikey(...CAPACITOR, 20, 'LOT-B'))
    await add(digikey(...RESISTOR, 5, 'LOT-C'))
    await add(digikey('296-9999-ND', 'NEW-MPN', 3, 'LOT-D'))
    await add(MOUSER_STM32)
    return session.id
  }

  it('shows ordered, scanned and remaining per line and every flag in words, and commits', async () => {
    const real = installRealStation()
    await receipt(real)
    const { wrapper } = await mountApp('/receive?order=1')

    expect(wrapper.get('[data-testid="receive-order"]').text()).toBe('PO-0001')
    const shown = wrapper.findAll('[data-testid="receipt-line"]')
    expect(shown).toHaveLength(5)
    expect(shown[1]!.get('[data-testid="line-ordered"]').text()).toBe('25')
    expect(shown[1]!.get('[data-testid="line-scanned"]').text()).toBe('20')
    expect(shown[1]!.get('[data-testid="line-remaining"]').text()).toBe('5')
    // Ten ordered, fifteen scanned: the line says it is over, never that it is complete.
    expect(shown[0]!.get('[data-testid="line-remaining"]').text()).toBe('▲ 5 over (ordered 10)')

    const flags = wrapper.findAll('[data-testid="receipt-row"] [data-testid="row-flag"]').map((f) => f.text())
    expect(flags).toEqual(['2× Duplicate package', '▲ Over-receipt', '? Unknown item', '✕ Not on this order'])
    expect(wrapper.text()).toMatch(/Over-receipt: .*ordered 10/)

    // The unknown label shows what was scanned, its separators made visible.
    const unknown = wrapper.findAll('[data-testid="receipt-row"]').find((r) => r.attributes('data-flag') === 'unknown')!
    expect(unknown.get('[data-testid="receipt-row-data"]').text()).toBe(
      'Scanned: [)>␞06␝P296-9999-ND␝1PNEW-MPN␝KPO-0001␝9D2346␝1TLOT-D␝Q3␞␄',
    )
    expect(unknown.get('[data-testid="receipt-row-destination"]').text()).toBe('not received')
    // The duplicate names the package it repeats.
    const duplicate = wrapper
      .findAll('[data-testid="receipt-row"]')
      .find((r) => r.attributes('data-flag') === 'duplicate')!
    expect(duplicate.text()).toContain(`DigiKey ${CAPACITOR[0]}`)

    // Flagged rows: the commit asks first, and nothing is received until the answer.
    await wrapper.get('[data-testid="receive-commit"]').trigger('click')
    await flushPromises()
    const dialog = wrapper.get('[data-testid="commit-confirm"]')
    expect((dialog.element as HTMLDialogElement).open).toBe(true)
    expect(dialog.get('[data-testid="commit-confirm-question"]').text()).toBe(
      '4 rows are flagged: 1 row over the order (received all the same); 1 duplicate package, 1 unknown item, 1 item not on this order (not received). Commit anyway?',
    )
    expect(dialog.findAll('[data-testid="commit-confirm-row"]').map((r) => r.text().replace(/\s+/g, ' '))).toEqual([
      `2× Duplicate package: DigiKey ${CAPACITOR[0]} — not received`,
      `▲ Over-receipt: DigiKey ${RESISTOR[0]} × 5 — received`,
      '? Unknown item: Unknown barcode — not received',
      expect.stringMatching(/^✕ Not on this order: .* — not received$/),
    ])
    expect(wrapper.findAll('[data-testid="created-stockitem"]')).toHaveLength(0)
    await dialog.get('[data-testid="commit-confirm-yes"]').trigger('click')
    await flushPromises()
    expect(callsOf(real, 'sessionCommit').at(-1)).toMatchObject({ confirm: true })
    expect((dialog.element as HTMLDialogElement).open).toBe(false)

    const created = wrapper.findAll('[data-testid="created-stockitem"]')
    expect(created).toHaveLength(3)
    const first = Number(created[0]!.attributes('href')!.replace('/stockitem/', ''))
    expect(await real.call('scan', { data: digikey(...RESISTOR, 10, 'LOT-A'), source: 'api' })).toMatchObject({
      stockitem: { pk: first },
    })
    // The summary names each part, its supplier part number and where it went.
    expect(wrapper.findAll('[data-testid="created-row"]').map((r) => r.text().replace(/\s+/g, ' '))).toEqual([
      `Resistor 10kΩ 0805 (${RESISTOR[0]}): 10 pcs at Receiving Bench — stock item #${first}`,
      expect.stringMatching(new RegExp(`^.+ \\(${CAPACITOR[0]}\\): 20 pcs at Receiving Bench — stock item #\\d+$`)),
      `Resistor 10kΩ 0805 (${RESISTOR[0]}): 5 pcs at Receiving Bench — stock item #${first + 2}`,
    ])

    // Undone: the stock is gone and the receipt is back, to be fixed.
    await wrapper.get('[data-testid="receipt-undo"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="receive-message"]').text()).toMatch(
      /^Undid: Received 3 packages on PO-0001: .* The receipt is open again\.$/,
    )
    expect(wrapper.find('[data-testid="receipt-created"]').exists()).toBe(false)
    expect(wrapper.findAll('[data-testid="receipt-row"]')).toHaveLength(6)
    expect(await real.call('scan', { data: digikey(...RESISTOR, 10, 'LOT-A'), source: 'api' })).toMatchObject({
      match: { model: 'supplierpart' },
    })
  })

  it('lists the placed orders to pick from, and gives each row the destination scanned before it', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/receive')
    await flushPromises()
    const orders = wrapper.findAll('[data-testid="open-order"]')
    expect(orders.length).toBeGreaterThan(1)
    expect(orders[0]!.text()).toMatch(/^PO-0001DigiKey/)
    await orders[1]!.get('[data-testid="open-order-choose"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="receive-order"]').text()).toBe('PO-0002')

    real.deviceScan(MOUSER_STM32)
    await flushPromises()
    real.deviceScan(BIN_C2.barcode)
    await flushPromises()
    expect(wrapper.get('[data-testid="receive-destination"]').text()).toContain('Bin C2')
    // Another bag of the same line (its own lot, so its own label).
    real.deviceScan(`${MOUSER_STM32}\u001d1TLOT-2`)
    await flushPromises()
    const destinations = wrapper.findAll('[data-testid="receipt-row-destination"]').map((d) => d.text())
    expect(destinations).toHaveLength(2)
    expect(destinations[0]).not.toContain('Bin C2')
    expect(destinations[1]).toBe('Bin C2')
    // The clerk may send a bag already listed there, one row at a time, on purpose.
    const rows = wrapper.findAll('[data-testid="receipt-row"]')
    expect(rows[1]!.find('[data-testid="receipt-row-send-here"]').exists()).toBe(false)
    await rows[0]!.get('[data-testid="receipt-row-send-here"]').trigger('click')
    await flushPromises()
    expect(wrapper.findAll('[data-testid="receipt-row-destination"]').map((d) => d.text())).toEqual([
      'Bin C2',
      'Bin C2',
    ])
  })

  it('prints each received bag on commit when the desk is set to, with its remembered template', async () => {
    const real = installRealStation()
    await real.call('signIn', { badge: 'OP-9000', pin: '9000' })
    await real.call('setSettings', { 'receiving.printOnCommit': true, 'receiving.labelTemplate': 'stockitem-50x25' })
    await real.call('signOut', {})
    const { wrapper } = await mountApp('/receive?order=1')
    await flushPromises()
    real.deviceScan(digikey(...RESISTOR, 4, 'LOT-P'))
    await flushPromises()
    real.deviceScan(digikey(...CAPACITOR, 5, 'LOT-Q'))
    await flushPromises()
    real.deviceScan('CMD:COMMIT')
    await flushPromises()

    const created = wrapper.findAll('[data-testid="created-stockitem"]')
    expect(created).toHaveLength(2)
    const pks = created.map((a) => Number(a.attributes('href')!.replace('/stockitem/', '')))
    expect(callsOf(real, 'printLabels')).toEqual([
      { items: pks.map((pk) => ({ model: 'stockitem', pk })), template: 'stockitem-50x25' },
    ])
    // This host has no printer: the receipt stands, and the page says the labels are not printed and why.
    await vi.waitFor(() =>
      expect(wrapper.get('[data-testid="receipt-print-status"]').attributes('data-state')).toBe('failed'),
    )
    expect(wrapper.get('[data-testid="receipt-print-status"]').text()).toMatch(
      /^Labels not printed: Printing needs the desktop app/,
    )
    expect(wrapper.get('[data-testid="receive-message"]').text()).toMatch(/^Received 2 packages: /)
  })

  it('restores an open receipt after a restart, sends claimed scans to it and shows the message of a command', async () => {
    const real = installRealStation()
    const session = await real.call('sessionStart', { kind: 'receive', purchaseOrder: 1 })
    await real.call('sessionAdd', { session: session.id, data: digikey(...RESISTOR, 10, 'LOT-A') })
    await real.call('sessionAdd', { session: session.id, data: digikey(...CAPACITOR, 20, 'LOT-B') })
    const { wrapper, router } = await mountApp('/receive')
    expect(callsOf(real, 'sessionStart')).toEqual([])
    expect(wrapper.findAll('[data-testid="receipt-row"]')).toHaveLength(2)
    expect(wrapper.get<HTMLInputElement>('[data-testid="receipt-row-quantity"]').element.value).toBe('10')

    const undo = real.deviceScan('CMD:UNDO')
    await flushPromises()
    expect(callsOf(real, 'sessionAdd')).toEqual([{ session: session.id, scanId: undo.result_id }])
    expect(wrapper.get('[data-testid="receive-message"]').text()).toMatch(/^Removed the last scan/)
    expect(wrapper.findAll('[data-testid="receipt-row"]')).toHaveLength(1)
    expect(router.currentRoute.value.fullPath).toBe('/receive')
  })
})

describe('item pages', () => {
  it('offer put-away on a location and Receive on a placed order', async () => {
    installRealStation()
    const { wrapper, router } = await mountApp(`/stocklocation/${BIN_C2.pk}`)
    expect(wrapper.get('[data-testid="putaway-link"]').attributes('href')).toBe(`/putaway/${BIN_C2.pk}`)
    await router.push('/purchaseorder/1')
    await flushPromises()
    expect(wrapper.get('[data-testid="receive-order-link"]').attributes('href')).toBe('/receive?order=1')
  })

  it('put-away moves each scanned stock item at once and says why other scans were ignored', async () => {
    const real = installRealStation()
    const { wrapper, router } = await mountApp(`/putaway/${BIN_C2.pk}`)
    real.deviceScan('INV-SI5')
    await flushPromises()
    real.deviceScan('INV-PA2')
    await flushPromises()

    expect(callsOf(real, 'stockAction')).toEqual([{ action: 'move', items: [5], location: BIN_C2.pk }])
    expect(await locationOf(real, 5)).toBe('Bin C2')
    expect(router.currentRoute.value.fullPath).toBe(`/putaway/${BIN_C2.pk}`)
    const entries = wrapper.findAll('[data-testid="putaway-entry"]')
    expect(entries.map((e) => e.attributes('data-state'))).toEqual(['ignored', 'moved'])
    expect(entries[0]!.text()).toContain('a part is not a stock item')
    await wrapper.get('[data-testid="putaway-undo"]').trigger('click')
    await flushPromises()
    expect(callsOf(real, 'undo')).toHaveLength(1)
    expect(wrapper.findAll('[data-testid="putaway-entry"]')[1]!.attributes('data-state')).toBe('undone')
    expect(await locationOf(real, 5)).not.toBe('Bin C2')
  })

  it('the command sheet shows every command barcode with its label', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/commands')
    await flushPromises()
    const codes = wrapper.findAll('[data-testid="command-barcode"]').map((c) => c.attributes('data-command'))
    expect(codes).toEqual([
      'CMD:COMMIT',
      'CMD:CONFIRM',
      'CMD:UNDO',
      'CMD:CLEAR',
      'CMD:DROP',
      ...[1, 2, 5, 10, 25, 50, 100, 250, 500, 1000].map((n) => `CMD:QTY:${n}`),
    ])
    expect(wrapper.findAll('[data-testid="command-barcode"] .qr')).toHaveLength(codes.length)

    // A scanner that reads only 1D codes gets the same commands as Code 128.
    await wrapper.get('[data-testid="command-code128"]').setValue(true)
    await vi.waitFor(() => expect(wrapper.findAll('.code128 svg')).toHaveLength(codes.length))
    expect(wrapper.get('[data-command="CMD:QTY:25"] [role="img"]').attributes('aria-label')).toBe(
      'Code 128 of CMD:QTY:25',
    )
    expect(wrapper.findAll('[data-testid="command-barcode"] .qr')).toHaveLength(0)
    localStorage.clear()
  })
})
