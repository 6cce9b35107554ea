/**
 * Hands each new camera frame to one decode loop. With requestVideoFrameCallback a loop wakes as soon as the camera
 * presents a frame it has not decoded yet (no fixed sleep: a slow decode is followed at once by the next frame),
 * and two loops never take the same frame, which would not be a new exposure for the next-frame confirmation.
 * Without it (older engines), a loop polls at the display's pace.
 */
type FrameCallback = (now: number, meta: { presentedFrames: number }) => void
type FrameVideo = HTMLVideoElement & { requestVideoFrameCallback?: (cb: FrameCallback) => number }

export interface FrameClock {
  /** Resolves when a frame no loop has taken yet is on the video. */
  next(): Promise<void>
}

export function createFrameClock(video: HTMLVideoElement): FrameClock {
  const v = video as FrameVideo
  let taken = -1
  const presented = (): Promise<number> =>
    new Promise((resolve) => {
      if (v.requestVideoFrameCallback) v.requestVideoFrameCallback((_now, meta) => resolve(meta.presentedFrames))
      else setTimeout(() => resolve(taken + 1), 16)
    })
  return {
    async next() {
      for (;;) {
        const frame = await presented()
        // Equal: another loop took this frame. (A new stream on the element counts its frames from 0 again.)
        if (frame !== taken) {
          taken = frame
          return
        }
      }
    },
  }
}
