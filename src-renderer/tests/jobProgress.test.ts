import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { callsOf, installRealStation } from './support/realStation'
import PrintLabelsButton from '../src/components/PrintLabelsButton.vue'

beforeAll(() => import('../../src-main/core/labels'), 30_000)
afterEach(() => vi.restoreAllMocks())

const until = (check: () => void) => vi.waitFor(check, { timeout: 60_000, interval: 20 })

/** Enough labels that the worker is still checking them when Cancel is clicked. */
const items = Array.from({ length: 60 }, (_, i) => ({ model: 'stockitem' as const, pk: (i % 6) + 1 }))

describe('a label job’s progress bar', () => {
  it('fills as the worker checks the labels, and Cancel stops the job with nothing downloaded', async () => {
    const clicks = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    const real = installRealStation()
    const wrapper = mount(PrintLabelsButton, {
      props: { items },
      global: { plugins: [createPinia()] },
      attachTo: document.body,
    })
    await until(() =>
      expect(wrapper.get<HTMLSelectElement>('[data-testid="label-template"]').element.value).toBe('stockitem-62x29'),
    )
    expect(wrapper.find('[data-testid="job-progress"]').exists()).toBe(false)

    await wrapper.get('[data-testid="label-pdf"]').trigger('click')
    await until(() =>
      expect(wrapper.get('[data-testid="job-progress-label"]').text()).toMatch(
        /^Checking each label reads back: [1-9]\d* of 60$/,
      ),
    )
    const bar = wrapper.get<HTMLProgressElement>('[data-testid="job-progress-bar"]').element
    expect(bar.max).toBe(60)
    expect(bar.value).toBeGreaterThan(0)
    expect(wrapper.get('[data-testid="label-pdf"]').attributes('disabled')).toBeDefined()

    await wrapper.get('[data-testid="job-cancel"]').trigger('click')
    await until(() => expect(wrapper.find('[data-testid="label-message"]').exists()).toBe(true))

    expect(wrapper.get('[data-testid="label-message"]').text()).toContain('Cancelled: no labels were made.')
    expect(wrapper.find('[data-testid="label-error"]').exists()).toBe(false)
    expect(wrapper.find('[data-testid="job-progress"]').exists()).toBe(false)
    expect(clicks).not.toHaveBeenCalled()
    const [started] = callsOf(real, 'labelPdf') as { jobId: string }[]
    expect(callsOf(real, 'cancelJob')).toEqual([{ jobId: started!.jobId }])
    expect(wrapper.get('[data-testid="label-pdf"]').attributes('disabled')).toBeUndefined()
    wrapper.unmount()
  }, 120_000)

  it('ignores progress reported for a job it did not start', async () => {
    const real = installRealStation()
    const wrapper = mount(PrintLabelsButton, {
      props: { items: items.slice(0, 1) },
      global: { plugins: [createPinia()] },
      attachTo: document.body,
    })
    real.emit('jobProgress', { jobId: 'someone-else', kind: 'labelPdf', phase: 'verify', done: 3, total: 9 })
    await wrapper.vm.$nextTick()
    expect(wrapper.find('[data-testid="job-progress"]').exists()).toBe(false)
    wrapper.unmount()
  })
})
