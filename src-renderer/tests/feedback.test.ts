import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises, type VueWrapper } from '@vue/test-utils'
import { nextTick } from 'vue'
import { mountApp, unmountAll } from './mountApp'
import { installRealStation, type RealStation } from './support/realStation'
import { contrastRatio, hue, relativeLuminance } from './support/contrast'
import { digikey, MOUSER_STM32, RESISTOR } from './support/demoLabels'
import { useFeedbackStore } from '../src/feedback/feedback'
import { FEEDBACK_LABELS, type FeedbackKind } from '../src/feedback/signals'

afterEach(unmountAll)

const KINDS = Object.keys(FEEDBACK_LABELS) as FeedbackKind[]

function badge(wrapper: VueWrapper) {
  const el = wrapper.get<HTMLElement>('[data-testid="scan-signal"]')
  return {
    kind: el.attributes('data-kind'),
    severity: el.attributes('data-severity'),
    tone: el.attributes('data-tone'),
    text: el.text(),
    background: el.element.style.getPropertyValue('--signal-bg'),
    color: el.element.style.getPropertyValue('--signal-fg'),
    border: el.element.style.getPropertyValue('--signal-border'),
  }
}

async function device(real: RealStation, data: string): Promise<void> {
  real.deviceScan(data)
  await flushPromises()
}

describe('the scan signal badge', () => {
  it('reads at AA contrast in every outcome, with its own icon and word, amber for warnings', async () => {
    installRealStation()
    const { wrapper } = await mountApp('/')
    // The strip holds its place before any scan: a badge appearing in it moves and covers nothing.
    expect(wrapper.get('[data-testid="scan-signal-strip"]').text()).toBe('Ready to scan')
    const feedback = useFeedbackStore()
    const seen = new Set<string>()

    for (const kind of KINDS) {
      feedback.signal(kind)
      await nextTick()
      const b = badge(wrapper)
      expect(b.kind).toBe(kind)
      expect(contrastRatio(b.color, b.background), kind).toBeGreaterThanOrEqual(4.5)
      expect(b.text).toContain(FEEDBACK_LABELS[kind].word)
      seen.add(b.text)
      if (b.severity === 'warning') {
        expect(hue(b.background), kind).toBeGreaterThanOrEqual(30)
        expect(hue(b.background), kind).toBeLessThanOrEqual(50)
        expect(relativeLuminance(b.color), `${kind}: dark text`).toBeLessThan(0.05)
        expect(b.border).toBe('dashed')
      }
      if (b.severity === 'error') expect(hue(b.background) < 15 || hue(b.background) > 345).toBe(true)
      if (b.severity === 'success') {
        expect(hue(b.background)).toBeGreaterThan(90)
        expect(hue(b.background)).toBeLessThan(150)
      }
    }
    // Icon and word together tell every outcome apart.
    expect(seen.size).toBe(KINDS.length)
    expect(KINDS.filter((k) => FEEDBACK_LABELS[k].severity === 'warning')).toEqual(
      expect.arrayContaining(['duplicate', 'over', 'notOnOrder']),
    )
    expect(FEEDBACK_LABELS.error.severity).toBe('error')
    expect(FEEDBACK_LABELS.matched.severity).toBe('success')
  })
})

describe('the workflow decides what is signalled', () => {
  it('warns of a duplicate on the scan page, even long after the first scan', async () => {
    const real = installRealStation()
    // Scanned earlier, before this window opened: the page's session knows it, the signal's own memory does not.
    const session = await real.call('sessionStart', { kind: 'scan' })
    await real.call('sessionAdd', { session: session.id, data: 'INV-SI1', source: 'wedge' })
    const { wrapper } = await mountApp('/scan')

    await device(real, 'INV-SI2')
    expect(badge(wrapper)).toMatchObject({ kind: 'matched', tone: 'success' })

    await device(real, 'INV-SI1')
    expect(wrapper.findAll('[data-testid="row-flag"]')[0]!.text()).toContain('Duplicate')
    expect(badge(wrapper)).toMatchObject({ kind: 'duplicate', severity: 'warning', tone: 'warning' })
  })

  it('warns of an over-receipt, a line not on the order and an unknown item in receiving', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/receive?order=1')

    await device(real, digikey(...RESISTOR, 10, 'LOT-A'))
    expect(badge(wrapper)).toMatchObject({ kind: 'matched', tone: 'success' })

    await device(real, digikey(...RESISTOR, 5, 'LOT-C'))
    expect(badge(wrapper)).toMatchObject({ kind: 'over', severity: 'warning', tone: 'warning' })
    expect(badge(wrapper).text).toContain('Over-receipt')

    await device(real, MOUSER_STM32)
    expect(badge(wrapper)).toMatchObject({ kind: 'notOnOrder', tone: 'warning' })

    await device(real, 'NOPE-123')
    expect(badge(wrapper)).toMatchObject({ kind: 'notFound', tone: 'warning' })
  })
})

describe('a scan while a dialog is open', () => {
  it('closes the quick-scan dialog and opens the item', async () => {
    const real = installRealStation()
    const { wrapper, router } = await mountApp('/')
    await wrapper.get('[data-testid="quick-scan-button"]').trigger('click')
    await flushPromises()
    const dialog = wrapper.get<HTMLDialogElement>('dialog')
    expect(dialog.element.open).toBe(true)

    await device(real, 'INV-SI5')

    expect(dialog.element.open).toBe(false)
    expect(router.currentRoute.value.fullPath).toBe('/stockitem/5')
    expect(badge(wrapper).kind).toBe('matched')
  })

  it('closes the sign-in dialog and shows what matched nothing', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')
    await wrapper.get('[data-testid="sign-in-button"]').trigger('click')
    await flushPromises()
    const dialog = wrapper.get<HTMLDialogElement>('[data-testid="sign-in-dialog"]')
    expect(dialog.element.open).toBe(true)

    await device(real, '4006381333931')

    expect(dialog.element.open).toBe(false)
    expect(wrapper.get('[data-testid="scan-feedback"]').text()).toContain('4006381333931')
    expect(badge(wrapper).kind).toBe('notFound')
  })
})
