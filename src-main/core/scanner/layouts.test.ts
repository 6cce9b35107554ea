import { describe, expect, it } from 'vitest'
import { type KeyEvent } from '../../../src-shared/keyboard/keys'
import { altCodeChar, CALIBRATION_LABEL, calibrate, calibrateAll, decodeKeys, keyEventsFor } from './layouts'
import { runHost, scannerTrace } from './traces'
import { WedgeDetector } from './wedge-detector'

const JSON_LABEL = '{"stockitem": 1}'
const base = { shift: false, control: false, alt: false, meta: false, isAutoRepeat: false }
const down = (key: string, code: string, mods: Partial<KeyEvent> = {}): KeyEvent => ({
  ...base,
  ...mods,
  type: 'keyDown',
  key,
  code,
})

describe('layout profiles', () => {
  it('a US scanner on a UK host: the host says @ for Shift+Quote, the physical code says "', () => {
    const events = keyEventsFor(JSON_LABEL, 'us', 'uk')
    // What the focused field would have shown: the host's keys.
    const hostText = events
      .filter((e) => e.type === 'keyDown' && e.key.length === 1)
      .map((e) => e.key)
      .join('')
    expect(hostText).toBe('{@stockitem@: 1}')
    expect(decodeKeys(events, 'us')).toBe(JSON_LABEL)
  })

  it('a US scanner on a German host: Z/Y swapped, - on ß, decoded from codes', () => {
    const events = keyEventsFor('INV-SI5 zy', 'us', 'de')
    const hostText = events
      .filter((e) => e.type === 'keyDown' && e.key.length === 1)
      .map((e) => e.key)
      .join('')
    expect(hostText).toBe('INVßSI5 yz')
    expect(decodeKeys(events, 'us')).toBe('INV-SI5 zy')
  })

  it('UK, German and French profiles restore {"stockitem": 1} typed by a scanner set to that layout', () => {
    for (const layout of ['uk', 'de', 'fr'] as const) {
      const events = keyEventsFor(JSON_LABEL, layout, layout)
      expect(decodeKeys(events, layout)).toBe(JSON_LABEL)
      expect(decodeKeys(events, 'host')).toBe(JSON_LABEL) // scanner and host agree: the key is right too
      expect(decodeKeys(events, 'us')).not.toBe(JSON_LABEL) // the wrong profile garbles it
      // and through the detector, at scanner speed
      const run = runHost(
        new WedgeDetector({ layout }),
        scannerTrace(JSON_LABEL, { msPerKey: 3, terminator: 'Enter', scannerLayout: layout }),
      )
      expect(run.scans.map((s) => s.data)).toEqual([JSON_LABEL])
    }
  })

  it('UK keystrokes: " is Shift+2, @ is Shift+Quote, # is its own key', () => {
    const events = [
      down('"', 'Digit2', { shift: true }),
      down('@', 'Quote', { shift: true }),
      down('#', 'Backslash'),
      down('\\', 'IntlBackslash'),
    ]
    expect(decodeKeys(events, 'uk')).toBe('"@#\\')
    expect(decodeKeys(events, 'us')).toBe('@"\\\\')
  })

  it('German AltGr layer (tracked from the AltGraph key, or flagged on the event, or Ctrl+Alt on Windows)', () => {
    const tracked = [
      down('AltGraph', 'AltRight'),
      down('@', 'KeyQ'),
      { ...down('AltGraph', 'AltRight'), type: 'keyUp' as const },
      down('q', 'KeyQ'),
    ]
    expect(decodeKeys(tracked, 'de')).toBe('@q')
    expect(decodeKeys([down('{', 'Digit7', { altGraph: true })], 'de')).toBe('{')
    expect(decodeKeys([down('~', 'BracketRight', { control: true, alt: true })], 'de')).toBe('~')
  })

  it('dead keys: ^ then Space is ^, ^ then e is ê', () => {
    expect(decodeKeys([down('Dead', 'Backquote'), down(' ', 'Space'), down('1', 'Digit1')], 'de')).toBe('^1')
    expect(decodeKeys([down('Dead', 'BracketLeft'), down('e', 'KeyE')], 'fr')).toBe('ê')
    expect(decodeKeys([down('Dead', 'BracketLeft'), down('q', 'KeyA')], 'fr')).toBe('^q') // no q̂ precomposed: both stay
  })

  it('every printable ASCII character round-trips through each layout', () => {
    let ascii = ''
    for (let c = 32; c < 127; c++) ascii += String.fromCharCode(c)
    for (const layout of ['us', 'uk', 'de', 'fr'] as const)
      expect(decodeKeys(keyEventsFor(ascii, layout, 'us'), layout)).toBe(ascii)
  })

  it('Alt codes: ASCII, Windows-1252 with a leading 0, CP437 without', () => {
    expect(altCodeChar('029')).toBe('\x1d')
    expect(altCodeChar('30')).toBe('\x1e')
    expect(altCodeChar('0128')).toBe('€')
    expect(altCodeChar('0233')).toBe('é')
    expect(altCodeChar('130')).toBe('é')
    expect(altCodeChar('65')).toBe('A')
  })
})

describe('calibration', () => {
  it('the test label picks the scanner layout, whatever the host', () => {
    for (const scanner of ['us', 'uk', 'de', 'fr'] as const) {
      for (const host of ['us', 'uk', 'de', 'fr'] as const) {
        const events = [...keyEventsFor(CALIBRATION_LABEL, scanner, host), down('Enter', 'Enter')]
        expect(calibrate(CALIBRATION_LABEL, events), `${scanner} scanner on ${host} host`).toBe(scanner)
      }
    }
  })

  it('host profile matches when scanner and host agree, and only then', () => {
    expect(calibrateAll(CALIBRATION_LABEL, keyEventsFor(CALIBRATION_LABEL, 'de', 'de'))).toEqual(['de', 'host'])
    expect(calibrateAll(CALIBRATION_LABEL, keyEventsFor(CALIBRATION_LABEL, 'us', 'uk'))).toEqual(['us'])
  })

  it('null when nothing decodes the label (a misread or a wrong label)', () => {
    expect(calibrate(CALIBRATION_LABEL, keyEventsFor('something else'))).toBeNull()
  })
})
