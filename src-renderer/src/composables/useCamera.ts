/**
 * The camera: the list of video inputs, the chosen one remembered in localStorage, the stream on a <video>, and
 * the torch where the camera's track reports one.
 */
import { onBeforeUnmount, ref, shallowRef } from 'vue'

const STORAGE_KEY = 'scanStation.cameraId'

export function useCamera() {
  const devices = ref<MediaDeviceInfo[]>([])
  const deviceId = ref<string>(localStorage.getItem(STORAGE_KEY) ?? '')
  const stream = shallowRef<MediaStream | null>(null)
  const label = ref('')
  const torchAvailable = ref(false)
  const torchOn = ref(false)
  const error = ref<string | null>(null)

  function track(): MediaStreamTrack | null {
    return stream.value?.getVideoTracks()[0] ?? null
  }

  async function refreshDevices(): Promise<void> {
    if (!navigator.mediaDevices?.enumerateDevices) return
    const all = await navigator.mediaDevices.enumerateDevices()
    devices.value = all.filter((d) => d.kind === 'videoinput')
  }

  function stop(): void {
    stream.value?.getTracks().forEach((t) => t.stop())
    stream.value = null
    torchAvailable.value = false
    torchOn.value = false
  }

  /** Opens the chosen camera (or the default one) on `video`. */
  async function start(video: HTMLVideoElement): Promise<boolean> {
    stop()
    error.value = null
    if (!navigator.mediaDevices?.getUserMedia) {
      error.value = 'This window has no camera access (navigator.mediaDevices is missing).'
      return false
    }
    const video_: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 } }
    if (deviceId.value) video_.deviceId = { exact: deviceId.value }
    else video_.facingMode = { ideal: 'environment' }
    try {
      let media: MediaStream
      try {
        media = await navigator.mediaDevices.getUserMedia({ video: video_, audio: false })
      } catch (err) {
        // The remembered camera may have been unplugged: fall back to any camera.
        if (!deviceId.value) throw err
        media = await navigator.mediaDevices.getUserMedia({ video: true, audio: false })
      }
      stream.value = media
      const t = track()!
      label.value = t.label || 'webcam'
      const settings = t.getSettings()
      if (settings.deviceId) deviceId.value = settings.deviceId
      const caps = (t.getCapabilities?.() ?? {}) as MediaTrackCapabilities & { torch?: boolean }
      torchAvailable.value = caps.torch === true
      video.srcObject = media
      video.muted = true
      video.playsInline = true
      await video.play()
      await refreshDevices() // labels are only visible once permission is granted
      return true
    } catch (err) {
      error.value = cameraTrouble(err)
      stop()
      return false
    }
  }

  /** Switches to another camera and remembers it. */
  async function choose(id: string, video: HTMLVideoElement): Promise<boolean> {
    deviceId.value = id
    if (id) localStorage.setItem(STORAGE_KEY, id)
    else localStorage.removeItem(STORAGE_KEY)
    return start(video)
  }

  async function setTorch(on: boolean): Promise<void> {
    const t = track()
    if (!t || !torchAvailable.value) return
    try {
      await t.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] })
      torchOn.value = on
    } catch (err) {
      error.value = err instanceof Error ? err.message : String(err)
    }
  }

  onBeforeUnmount(stop)

  return {
    devices,
    deviceId,
    stream,
    label,
    torchAvailable,
    torchOn,
    error,
    start,
    stop,
    choose,
    setTorch,
    refreshDevices,
  }
}

/**
 * getUserMedia's errors as a sentence for the desk: a computer without a camera is a normal desk (it has
 * scanners), not an error with an exception's name.
 */
export function cameraTrouble(err: unknown): string {
  const name = err instanceof Error ? err.name : ''
  switch (name) {
    case 'NotFoundError':
    case 'OverconstrainedError':
      return 'No camera is connected to this computer. Scan with a barcode scanner, or plug in a webcam and press Start.'
    case 'NotAllowedError':
    case 'SecurityError':
      return 'The camera is not allowed for this station. Allow it in the system or browser settings, then press Start.'
    case 'NotReadableError':
    case 'AbortError':
      return 'The camera is in use by another program, or it stopped answering. Close the other program, then press Start.'
    default:
      return err instanceof Error ? `The camera did not start: ${err.message || err.name}` : String(err)
  }
}
