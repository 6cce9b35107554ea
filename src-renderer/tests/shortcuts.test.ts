import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { mountApp, unmountAll } from './mountApp'
import { callsOf, installRealStation } from './support/realStation'

afterEach(unmountAll)

const press = (key: string, init: KeyboardEventInit = {}, target: EventTarget = document.body): void => {
  target.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...init }))
}

describe('keyboard shortcuts at the desk', () => {
  it('F2 opens the scan dialog; "/" and Ctrl+K put the cursor in the search box', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/')
    const dialog = wrapper.get<HTMLDialogElement>('dialog[aria-labelledby="quick-scan-title"]')
    expect(dialog.element.open).toBe(false)
    press('F2')
    await flushPromises()
    expect(dialog.element.open).toBe(true)
    await dialog.get('button[aria-label="Close"]').trigger('click')
    await flushPromises()

    press('/')
    expect(document.activeElement?.getAttribute('data-testid')).toBe('search-input')
    ;(document.activeElement as HTMLElement).blur()
    press('k', { ctrlKey: true })
    expect(document.activeElement?.getAttribute('data-testid')).toBe('search-input')
    // Typed into a field, "/" is a character, not a shortcut.
    const typed = new KeyboardEvent('keydown', { key: '/', bubbles: true, cancelable: true })
    document.activeElement!.dispatchEvent(typed)
    expect(typed.defaultPrevented).toBe(false)
  })

  it("Ctrl+Z outside a field undoes the scan page's last action", async () => {
    const real = installRealStation()
    const session = await real.call('sessionStart', { kind: 'scan' })
    for (const data of ['INV-SI4', 'INV-SL32'])
      await real.call('sessionAdd', { session: session.id, data, source: 'wedge' })
    const { wrapper } = await mountApp('/scan')
    await wrapper.get('[data-testid="select-all"]').setValue(true)
    await wrapper.get('[data-testid="action-move"]').trigger('click')
    await flushPromises()
    expect(wrapper.get('[data-testid="action-summary-text"]').text()).toMatch(/^Moved 1 stock item/)

    press('z', { ctrlKey: true })
    await flushPromises()
    expect(callsOf(real, 'undo')).toHaveLength(1)
    expect(wrapper.get('[data-testid="action-summary-text"]').text()).toMatch(/^Undid: Moved 1 stock item/)
  })
})
