import { describe, expect, it } from 'vitest'
import { cameraTrouble } from '../src/composables/useCamera'

describe("a camera's trouble, told to the desk", () => {
  it('a computer without a camera gets a sentence that says what to do, not the exception', () => {
    const message = cameraTrouble(new DOMException('Requested device not found', 'NotFoundError'))
    expect(message).toMatch(/^No camera is connected to this computer\./)
    expect(message).not.toContain('NotFoundError')
  })

  it('a refused permission and a busy camera are told apart', () => {
    expect(cameraTrouble(new DOMException('Permission denied', 'NotAllowedError'))).toMatch(/not allowed/)
    expect(cameraTrouble(new DOMException('Could not start video source', 'NotReadableError'))).toMatch(/in use/)
    expect(cameraTrouble(new Error('odd'))).toBe('The camera did not start: odd')
  })
})
