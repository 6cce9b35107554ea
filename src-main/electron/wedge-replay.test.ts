import { describe, expect, it } from 'vitest'
import { keyEventsFor } from '../core/scanner/layouts'
import { keyEventFromInput, replayInputEvents } from './wedge-replay'

describe('Electron wedge replay', () => {
  it('turns before-input-event Input into key events, ignoring char events', () => {
    const base = { key: 'a', code: 'KeyA', shift: false, control: false, alt: false, meta: false, isAutoRepeat: false }
    expect(keyEventFromInput({ ...base, type: 'keyDown' })).toEqual({ ...base, type: 'keyDown' })
    expect(keyEventFromInput({ ...base, type: 'rawKeyDown', modifiers: ['capslock'] })).toEqual({
      ...base,
      type: 'keyDown',
      capsLock: true,
    })
    expect(keyEventFromInput({ ...base, type: 'char' })).toBeNull()
  })

  it('replays a character key as keyDown + char, its key-up alone, and shortcuts without char', () => {
    const [down, up] = keyEventsFor('A').filter((e) => e.key === 'A')
    expect(replayInputEvents(down)).toEqual([
      { type: 'keyDown', keyCode: 'A', modifiers: ['shift'] },
      { type: 'char', keyCode: 'A', modifiers: ['shift'] },
    ])
    expect(replayInputEvents(up)).toEqual([{ type: 'keyUp', keyCode: 'A', modifiers: ['shift'] }])
    const gs = keyEventsFor('\x1d').find((e) => e.code === 'BracketRight' && e.type === 'keyDown')!
    expect(replayInputEvents(gs)).toEqual([{ type: 'keyDown', keyCode: ']', modifiers: ['control'] }])
    const enter = {
      type: 'keyDown' as const,
      key: 'Enter',
      code: 'Enter',
      shift: false,
      control: false,
      alt: false,
      meta: false,
      isAutoRepeat: false,
    }
    expect(replayInputEvents(enter)).toEqual([{ type: 'keyDown', keyCode: 'Return', modifiers: [] }])
    const shift = keyEventsFor('A')[0]
    expect(replayInputEvents(shift)).toEqual([{ type: 'keyDown', keyCode: 'Shift', modifiers: ['shift'] }])
  })
})
