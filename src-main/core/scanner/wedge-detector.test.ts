import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { isModifierKey, type KeyEvent } from '../../../src-shared/keyboard/keys'
import { decodeKeys, keyEventsFor } from './layouts'
import { humanTrace, runHost, scannerTrace, seededRandom, timeEvents, type TimedKey } from './traces'
import { WEDGE_PRESETS, WedgeDetector, type WedgeOptions } from './wedge-detector'

const GS = '\x1d'
const RS = '\x1e'
const EOT = '\x04'

const keyDowns = (events: KeyEvent[]): KeyEvent[] => events.filter((e) => e.type === 'keyDown' && !isModifierKey(e))

/** Typing is released unchanged: the page got every key-down, in the original order, and nothing was scanned. */
function expectReleasedUnchanged(trace: TimedKey[], options: Partial<WedgeOptions>, text?: string): void {
  const run = runHost(new WedgeDetector(options), trace)
  expect(run.scans).toEqual([])
  expect(keyDowns(run.page)).toEqual(keyDowns(trace.map((k) => k.ev)))
  expect(new Set(run.page).size).toBe(run.page.length) // nothing delivered twice
  if (text !== undefined) expect(decodeKeys(run.page, 'us').replace(/\r$/, '')).toBe(text)
}

const labels = ['{"stockitem": 1}', 'INV-SI5', '4006381333931', `[)>${RS}06${GS}PABC-123${GS}1PXYZ${GS}Q10${RS}${EOT}`]

describe('scanners are recognised exactly', () => {
  for (const ms of [1, 5, 20]) {
    for (const terminator of ['Enter', 'Tab', null] as const) {
      it(`${ms} ms per key, terminator ${terminator}`, () => {
        for (const [i, label] of labels.entries()) {
          const trace = scannerTrace(label, { msPerKey: ms, terminator, random: seededRandom(i + ms) })
          const run = runHost(new WedgeDetector(), trace)
          expect(run.scans.map((s) => s.data)).toEqual([label])
          expect(run.scans[0].terminator).toBe(terminator)
          expect(run.page.filter((e) => !isModifierKey(e))).toEqual([]) // nothing but a Shift reached the focused field
        }
      })
    }
  }

  for (const terminator of ['Enter', null] as const) {
    it(`90 ms per key (slow preset), terminator ${terminator}`, () => {
      for (const [i, label] of labels.entries()) {
        const trace = scannerTrace(label, { msPerKey: 90, jitterMs: 5, terminator, random: seededRandom(i + 90) })
        const run = runHost(new WedgeDetector(WEDGE_PRESETS.slow), trace)
        expect(run.scans.map((s) => s.data)).toEqual([label])
        expect(run.page.filter((e) => !isModifierKey(e))).toEqual([])
      }
    })
  }

  it('90 ms per key is NOT a scan under the standard preset (it needs the slow preset) and is released as typing', () => {
    const trace = scannerTrace('INV-SI5', { msPerKey: 90, terminator: 'Enter' })
    expectReleasedUnchanged(trace, WEDGE_PRESETS.standard, 'INV-SI5')
  })

  it('reports key count and mean interval', () => {
    const run = runHost(
      new WedgeDetector(),
      scannerTrace('ABCDEFGH', { msPerKey: 5, jitterMs: 0, terminator: 'Enter' }),
    )
    expect(run.scans).toEqual([{ data: 'ABCDEFGH', terminator: 'Enter', keyCount: 8, meanIntervalMs: 5 }])
  })

  it('two scans back to back stay two scans', () => {
    const a = scannerTrace('INV-SI5', { msPerKey: 3, terminator: 'Enter', start: 1000 })
    const b = scannerTrace('INV-SL12', { msPerKey: 3, terminator: 'Enter', start: 1200 })
    const run = runHost(new WedgeDetector(), [...a, ...b])
    expect(run.scans.map((s) => s.data)).toEqual(['INV-SI5', 'INV-SL12'])
  })

  it('two scans without terminator separated by a pause stay two scans', () => {
    const a = scannerTrace('INV-SI5', { msPerKey: 3, terminator: null, start: 1000 })
    const b = scannerTrace('INV-SL12', { msPerKey: 3, terminator: null, start: 1100 })
    const run = runHost(new WedgeDetector(), [...a, ...b])
    expect(run.scans.map((s) => s.data)).toEqual(['INV-SI5', 'INV-SL12'])
  })

  it('without the host timer, the next key still ends a silent scan', () => {
    const d = new WedgeDetector()
    for (const { ev, t } of scannerTrace('INV-SI5', { msPerKey: 2, terminator: null, start: 0 })) d.key(ev, t)
    const next = keyEventsFor('x')[0]
    const r = d.key(next, 500)
    expect(r.scans.map((s) => s.data)).toEqual(['INV-SI5'])
    expect(r.swallow).toBe(true) // 'x' starts a new undecided burst: held
  })
})

describe('people are never taken for scanners', () => {
  const words = ['hello', 'INV-SI5', 'Receiving bay 3', '{"stockitem": 1}', 'quantity 12', 'abcdefghijklmnopqrstuvwxyz']

  for (const preset of ['standard', 'slow'] as const) {
    it(`typing at 60–200 ms per key with jitter (${preset} preset)`, () => {
      const random = seededRandom(42)
      for (let trial = 0; trial < 300; trial++) {
        const text = words[trial % words.length]
        const trace = humanTrace(text, { minMs: 60, maxMs: 200, enter: trial % 2 === 0, random })
        expectReleasedUnchanged(trace, WEDGE_PRESETS[preset], text)
      }
    })

    it(`a steady person (base 60–200 ms, ±30 % jitter) (${preset} preset)`, () => {
      const random = seededRandom(7)
      for (let trial = 0; trial < 300; trial++) {
        const base = 60 + random() * 140
        const text = words[trial % words.length]
        const trace = humanTrace(text, { minMs: base * 0.7, maxMs: base * 1.3, enter: true, random })
        expectReleasedUnchanged(trace, WEDGE_PRESETS[preset], text)
      }
    })
  }

  it("fast typists' bursts of 2–4 keys at 10–30 ms, with pauses, and with Enter", () => {
    const random = seededRandom(99)
    const chunks = ['th', 'the', 'ing ', 'an', 'er', 'ion', 'st', 'and ']
    for (let trial = 0; trial < 200; trial++) {
      const trace: TimedKey[] = []
      let t = 1000
      let text = ''
      const n = 2 + Math.floor(random() * 6)
      for (let i = 0; i < n; i++) {
        const chunk = chunks[Math.floor(random() * chunks.length)]
        const part = timeEvents(
          keyEventsFor(chunk),
          t,
          () => 10 + random() * 20,
          () => 30 + random() * 60,
        )
        trace.push(...part)
        text += chunk
        t = part.at(-1)!.t + 120 + random() * 300
      }
      if (trial % 2 === 0) {
        // and an Enter rolled quickly after the last burst
        const enter = timeEvents(
          [
            {
              type: 'keyDown',
              key: 'Enter',
              code: 'Enter',
              shift: false,
              control: false,
              alt: false,
              meta: false,
              isAutoRepeat: false,
            },
            {
              type: 'keyUp',
              key: 'Enter',
              code: 'Enter',
              shift: false,
              control: false,
              alt: false,
              meta: false,
              isAutoRepeat: false,
            },
          ],
          trace.filter((k) => k.ev.type === 'keyDown').at(-1)!.t + 15,
          () => 0,
          () => 40,
        )
        trace.push(...enter)
        trace.sort((a, b) => a.t - b.t)
      }
      expectReleasedUnchanged(trace, WEDGE_PRESETS.standard, text)
    }
  })

  it('holds a typed key no longer than the input delay (standard preset)', () => {
    const run = runHost(new WedgeDetector(), humanTrace('hello world', { minMs: 60, maxMs: 200 }))
    expect(run.maxHoldMs).toBeLessThanOrEqual(WEDGE_PRESETS.standard.maxIntervalMs)
  })

  it('property: any text typed at human speeds is released unchanged (standard preset)', () => {
    const printable = fc.string({
      unit: fc.constantFrom(
        ...' abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_=+[]{};:\'",.<>/?\\|`~!@#$%^&*()',
      ),
      minLength: 1,
      maxLength: 40,
    })
    fc.assert(
      fc.property(
        printable,
        fc.array(fc.integer({ min: 60, max: 200 }), { minLength: 40, maxLength: 40 }),
        fc.boolean(),
        (text, intervals, enter) => {
          let i = 0
          const events = keyEventsFor(text)
          if (enter)
            events.push({
              type: 'keyDown',
              key: 'Enter',
              code: 'Enter',
              shift: false,
              control: false,
              alt: false,
              meta: false,
              isAutoRepeat: false,
            })
          const trace = timeEvents(
            events,
            1000,
            () => intervals[i++ % intervals.length],
            () => 50,
          )
          expectReleasedUnchanged(trace, WEDGE_PRESETS.standard, text)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('navigation keys and shortcuts end a burst and keep their order', () => {
    const base = { shift: false, control: false, alt: false, meta: false, isAutoRepeat: false }
    const ab = keyEventsFor('ab')
    const bs: KeyEvent = { ...base, type: 'keyDown', key: 'Backspace', code: 'Backspace' }
    const trace: TimedKey[] = [
      { ev: ab[0], t: 0 },
      { ev: ab[2], t: 10 },
      { ev: bs, t: 20 },
    ]
    const run = runHost(new WedgeDetector(), trace)
    expect(run.page.filter((e) => e.type === 'keyDown').map((e) => e.key)).toEqual(['a', 'b', 'Backspace'])
  })

  it('auto-repeat (a held key) is typing', () => {
    const base = {
      type: 'keyDown' as const,
      key: 'a',
      code: 'KeyA',
      shift: false,
      control: false,
      alt: false,
      meta: false,
    }
    const trace: TimedKey[] = [{ ev: { ...base, isAutoRepeat: false }, t: 0 }]
    for (let i = 1; i < 20; i++) trace.push({ ev: { ...base, isAutoRepeat: true }, t: 500 + i * 20 })
    expectReleasedUnchanged(trace, WEDGE_PRESETS.standard)
  })
})

describe('swallowing and releasing', () => {
  it('a scan never reaches the page, key-ups included, even those arriving after the scan', () => {
    const d = new WedgeDetector()
    const events = keyEventsFor('INV-SL12') // no letter twice: each key-up matches one key-down
    const downs = events.filter((e) => e.type === 'keyDown')
    const ups = events.filter((e) => e.type === 'keyUp' && !isModifierKey(e))
    let t = 0
    // The first Shift press passes (a lone modifier types nothing); everything after it is held.
    for (const e of downs) expect(d.key(e, (t += 2)).swallow).toBe(e !== downs[0])
    const enter: KeyEvent = {
      type: 'keyDown',
      key: 'Enter',
      code: 'Enter',
      shift: false,
      control: false,
      alt: false,
      meta: false,
      isAutoRepeat: false,
    }
    const r = d.key(enter, (t += 2))
    expect(r.scans.map((s) => s.data)).toEqual(['INV-SL12'])
    expect(r.swallow).toBe(true)
    for (const e of [...ups, { ...enter, type: 'keyUp' as const }]) expect(d.key(e, (t += 1)).swallow).toBe(true)
  })

  it('a single typed key is held, then released by the timer', () => {
    const d = new WedgeDetector()
    const [down, up] = keyEventsFor('a')
    expect(d.key(down, 0)).toEqual({ swallow: true, release: [], scans: [] })
    expect(d.nextDeadline()).toBe(30)
    expect(d.tick(29)).toEqual({ release: [], scans: [] })
    expect(d.tick(30)).toEqual({ release: [down], scans: [] })
    expect(d.key(up, 80).swallow).toBe(false) // its real key-up passes once the key-down was replayed
  })

  it('Enter alone passes straight through', () => {
    const d = new WedgeDetector()
    const enter: KeyEvent = {
      type: 'keyDown',
      key: 'Enter',
      code: 'Enter',
      shift: false,
      control: false,
      alt: false,
      meta: false,
      isAutoRepeat: false,
    }
    expect(d.key(enter, 0)).toEqual({ swallow: false, release: [], scans: [] })
  })

  it('when held keys are released, a key that would pass is appended to the release and swallowed', () => {
    const d = new WedgeDetector()
    const [a] = keyEventsFor('a')
    d.key(a, 0)
    const left: KeyEvent = {
      type: 'keyDown',
      key: 'ArrowLeft',
      code: 'ArrowLeft',
      shift: false,
      control: false,
      alt: false,
      meta: false,
      isAutoRepeat: false,
    }
    expect(d.key(left, 5)).toEqual({ swallow: true, release: [a, left], scans: [] })
  })

  it('flush ends a pending burst', () => {
    const d = new WedgeDetector()
    for (const { ev, t } of scannerTrace('INV-SI5', { msPerKey: 2, start: 0 })) d.key(ev, t)
    expect(d.flush(20).scans.map((s) => s.data)).toEqual(['INV-SI5'])
    expect(d.nextDeadline()).toBeNull()
  })
})

describe('control characters', () => {
  const base = { shift: false, control: false, alt: false, meta: false, isAutoRepeat: false }
  const ctrl = (key: string, code: string, shift = false): KeyEvent[] => [
    { ...base, type: 'keyDown', key: 'Control', code: 'ControlLeft', control: true },
    { ...base, type: 'keyDown', key, code, control: true, shift },
    { ...base, type: 'keyUp', key, code, control: true, shift },
    { ...base, type: 'keyUp', key: 'Control', code: 'ControlLeft' },
  ]
  const scanOf = (events: KeyEvent[], options: Partial<WedgeOptions> = {}): string[] =>
    runHost(
      new WedgeDetector(options),
      timeEvents(events, 0, () => 3),
    ).scans.map((s) => s.data)

  it('GS from Ctrl+] (and from Ctrl++ on a German host: same physical key)', () => {
    const label = [...keyEventsFor('PABC'), ...ctrl(']', 'BracketRight'), ...keyEventsFor('Q10')]
    expect(scanOf(label)).toEqual([`PABC${GS}Q10`])
    const german = [
      ...keyEventsFor('PABC', 'us', 'de'),
      ...ctrl('+', 'BracketRight'),
      ...keyEventsFor('Q10', 'us', 'de'),
    ]
    expect(scanOf(german)).toEqual([`PABC${GS}Q10`])
  })

  it('RS from Ctrl+^ and Ctrl+6, EOT from Ctrl+D', () => {
    const label = [
      ...keyEventsFor('[)>'),
      ...ctrl('^', 'Digit6', true),
      ...keyEventsFor('06'),
      ...ctrl('6', 'Digit6'),
      ...keyEventsFor('X'),
      ...ctrl('d', 'KeyD'),
    ]
    expect(scanOf(label)).toEqual([`[)>${RS}06${RS}X${EOT}`])
  })

  it('Alt+numpad 029 → GS, 030 → RS, 4 → EOT', () => {
    const alt = (digits: string): KeyEvent[] => [
      { ...base, type: 'keyDown', key: 'Alt', code: 'AltLeft', alt: true },
      ...[...digits].flatMap((d): KeyEvent[] => [
        { ...base, type: 'keyDown', key: d, code: `Numpad${d}`, alt: true },
        { ...base, type: 'keyUp', key: d, code: `Numpad${d}`, alt: true },
      ]),
      { ...base, type: 'keyUp', key: 'Alt', code: 'AltLeft' },
    ]
    const label = [...keyEventsFor('PABC'), ...alt('029'), ...keyEventsFor('Q10'), ...alt('030'), ...alt('4')]
    expect(scanOf(label)).toEqual([`PABC${GS}Q10${RS}${EOT}`])
  })

  it('characters a layout cannot type arrive as Alt codes (keyEventsFor) and decode back', () => {
    const text = `[)>${RS}06${GS}1Pé€${EOT}`
    expect(scanOf(keyEventsFor(text, 'de'), { layout: 'de' })).toEqual([text])
  })

  it('a full ISO 15434 supplier label survives the detector', () => {
    const label = `[)>${RS}06${GS}K${GS}1K12345678${GS}10K13572468${GS}P296-1234-ND${GS}1PSN74HC595N${GS}Q25${GS}11ZPICK${RS}${EOT}`
    expect(
      runHost(new WedgeDetector(), scannerTrace(label, { msPerKey: 2, terminator: 'Enter' })).scans.map((s) => s.data),
    ).toEqual([label])
  })
})

describe('prefix and suffix', () => {
  it('strips a configured prefix and suffix', () => {
    const run = runHost(
      new WedgeDetector({ prefix: '~', suffix: '#' }),
      scannerTrace('~INV-SI5#', { msPerKey: 2, terminator: 'Enter' }),
    )
    expect(run.scans.map((s) => s.data)).toEqual(['INV-SI5'])
  })

  it('a fast burst without the prefix is typing, and passes without waiting', () => {
    const trace = scannerTrace('INV-SI5', { msPerKey: 2, terminator: 'Enter' })
    expectReleasedUnchanged(trace, { prefix: '~' }, 'INV-SI5')
    expect(runHost(new WedgeDetector({ prefix: '~' }), trace).maxHoldMs).toBe(0)
  })

  it('requireTerminator: a silent burst is typing', () => {
    expectReleasedUnchanged(
      scannerTrace('INV-SI5', { msPerKey: 2, terminator: null }),
      { requireTerminator: true },
      'INV-SI5',
    )
  })
})
