import { flushPromises, type VueWrapper } from '@vue/test-utils'

/** Opens the quick-scan dialog, types the data and presses Enter, as a person at the desk would. */
export async function quickScan(wrapper: VueWrapper, data: string): Promise<void> {
  await wrapper.get('[data-testid="quick-scan-button"]').trigger('click')
  await flushPromises()
  const input = wrapper.get<HTMLInputElement>('[data-testid="quick-scan-input"]')
  await input.setValue(data)
  await input.trigger('keydown', { key: 'Enter' })
  await flushPromises()
}
