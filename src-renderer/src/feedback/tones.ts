/**
 * Scan feedback sounds, generated with WebAudio (no sound files): one per severity, each with its own pitch AND
 * rhythm, so they are told apart without looking, and without perfect pitch.
 *   success  two short rising high beeps
 *   warning  two short equal mid beeps (a duplicate, an over-receipt, not on the order, not found)
 *   error    three fast low buzzes (square wave)
 * Electron lets them play without a prior click (window.ts: autoplayPolicy 'no-user-gesture-required'); a browser
 * may keep the AudioContext suspended until the first click, and then nothing plays (no error).
 */
import type { FeedbackSeverity } from './signals'

interface Note {
  freq: number
  ms: number
  gapMs: number
  wave: OscillatorType
}

export const TONES: Record<FeedbackSeverity, Note[]> = {
  success: [
    { freq: 1320, ms: 70, gapMs: 30, wave: 'sine' },
    { freq: 1760, ms: 90, gapMs: 0, wave: 'sine' },
  ],
  warning: [
    { freq: 880, ms: 60, gapMs: 60, wave: 'sine' },
    { freq: 880, ms: 60, gapMs: 0, wave: 'sine' },
  ],
  error: [
    { freq: 220, ms: 90, gapMs: 40, wave: 'square' },
    { freq: 220, ms: 90, gapMs: 40, wave: 'square' },
    { freq: 220, ms: 90, gapMs: 0, wave: 'square' },
  ],
}

let context: AudioContext | null = null

function audio(): AudioContext | null {
  if (context) return context
  const Ctor = (globalThis as { AudioContext?: typeof AudioContext }).AudioContext
  if (!Ctor) return null
  try {
    context = new Ctor()
  } catch {
    return null
  }
  return context
}

/**
 * The oscillator gain for the 'feedback.volume' setting (0–100): the ear hears loudness logarithmically, so the
 * setting maps to gain on a curve, with 60 (the default) near 0.2 and 100 at 0.5, short of clipping chords.
 */
export const toneGain = (volume: number): number => (volume <= 0 ? 0 : 0.5 * (volume / 100) ** 1.8)

export function playTone(tone: FeedbackSeverity, volume = 0.2): void {
  if (volume <= 0) return
  const ctx = audio()
  if (!ctx) return
  if (ctx.state === 'suspended') void ctx.resume().catch(() => undefined)
  let t = ctx.currentTime + 0.01
  for (const note of TONES[tone]) {
    const osc = ctx.createOscillator()
    const gain = ctx.createGain()
    osc.type = note.wave
    osc.frequency.value = note.freq
    // Short ramps: no clicks at the start and end of each note.
    gain.gain.setValueAtTime(0, t)
    gain.gain.linearRampToValueAtTime(volume, t + 0.005)
    gain.gain.setValueAtTime(volume, t + note.ms / 1000 - 0.01)
    gain.gain.linearRampToValueAtTime(0, t + note.ms / 1000)
    osc.connect(gain).connect(ctx.destination)
    osc.start(t)
    osc.stop(t + note.ms / 1000 + 0.01)
    t += (note.ms + note.gapMs) / 1000
  }
}
