import { describe, expect, it } from 'vitest'
import { createRepeatFilter } from './repeatFilter'

describe('repeat filter', () => {
  it('counts the same code decoded twice in a row once', () => {
    const accept = createRepeatFilter(2000)
    expect(accept('A', 0)).toBe(true)
    expect(accept('A', 300)).toBe(false)
    expect(accept('A', 2000)).toBe(false) // still in view: each sighting extends the window
    expect(accept('A', 4500)).toBe(true) // gone for longer than the window: a new scan
  })

  it('takes a different code at once, and the first again after it', () => {
    const accept = createRepeatFilter(2000)
    expect(accept('A', 0)).toBe(true)
    expect(accept('B', 100)).toBe(true)
    expect(accept('A', 200)).toBe(true)
  })
})
