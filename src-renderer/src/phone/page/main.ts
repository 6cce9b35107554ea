/**
 * The phone page the phone link serves: pairing (with the QR code's one-time secret), then a full-screen camera
 * whose frames the station's decode worker reads (1D and 2D), torch and zoom where the camera has them, one scan
 * per tap or continuous, and the desk's verdict as a tone, a vibration and the last results. Scans go through
 * the outbox, so none is lost while the phone is out of reach.
 */
import { centreRect } from '../../../../src-shared/decode/image'
import { LiveScanner, liveQuaggaPass } from '../../../../src-shared/decode/live'
import { PhoneOutbox, type QueuedScan, type ScanAnswer } from '../../../../src-shared/phone/outbox'
import { playTone } from '../../feedback/tones'
import { truncate, visibleControlChars } from '../../lib/visibleControlChars'
import { createDecodeClient } from '../../scanner/decodeClient'
import { connectLink } from './link'
import './phone.css'

const QUEUE_KEY = 'scanStationPhone.queue'
const root = document.getElementById('phone')!

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  text = '',
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag)
  for (const [key, value] of Object.entries(attrs)) node.setAttribute(key, value)
  if (text) node.textContent = text
  return node
}

// ---- pairing -------------------------------------------------------------------------------------------------

async function pairScreen(secret: string, fingerprint: string): Promise<void> {
  root.replaceChildren()
  const form = el('form', { class: 'pair', 'data-testid': 'phone-pair-form' })
  form.append(
    el('h1', {}, 'Pair with the desk'),
    el('p', {}, 'Check that this fingerprint is the one the desk shows beside the QR code:'),
    el('code', { 'data-testid': 'phone-fingerprint' }, fingerprint || '(none given)'),
  )
  const label = el('label', {}, 'Name of this phone')
  const name = el('input', { name: 'name', required: '', maxlength: '60', 'data-testid': 'phone-name' })
  name.value = localStorage.getItem('scanStationPhone.name') ?? ''
  label.append(name)
  const error = el('p', { role: 'alert', 'data-testid': 'phone-pair-error' })
  const button = el('button', { type: 'submit', 'data-testid': 'phone-pair' }, 'Pair')
  form.append(label, button, error)
  root.append(form)
  form.addEventListener('submit', (event) => {
    event.preventDefault()
    void (async () => {
      button.disabled = true
      const response = await fetch('/pair', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ secret, name: name.value }),
      })
      const body = (await response.json()) as { name?: string; error?: string }
      button.disabled = false
      if (!response.ok) {
        error.textContent = body.error ?? `Pairing failed (${response.status})`
        return
      }
      localStorage.setItem('scanStationPhone.name', body.name ?? name.value)
      // The secret is used up: the address bar keeps the plain page, which the token cookie now opens.
      history.replaceState(null, '', '/')
      scanScreen()
    })()
  })
}

// ---- scanning ------------------------------------------------------------------------------------------------

const SIGNAL: Record<ScanAnswer['outcome'], { tone: 'success' | 'warning' | 'error'; vibrate: number[] }> = {
  matched: { tone: 'success', vibrate: [60] },
  duplicate: { tone: 'warning', vibrate: [40, 60, 40] },
  warning: { tone: 'warning', vibrate: [40, 60, 40] },
  unknown: { tone: 'warning', vibrate: [120, 80, 120] },
  error: { tone: 'error', vibrate: [300] },
}

function scanScreen(): void {
  root.replaceChildren()
  const video = el('video', { autoplay: '', muted: '', playsinline: '', 'data-testid': 'phone-video' })
  const frameBox = el('div', { class: 'box' })
  const status = el('p', { class: 'status', 'data-testid': 'phone-status' }, 'Connecting to the desk…')
  const queued = el('span', { 'data-testid': 'phone-queued' }, '0')
  const controls = el('div', { class: 'controls' })
  const scanButton = el('button', { 'data-testid': 'phone-scan' }, 'Scan')
  const continuousLabel = el('label', {}, ' Continuous')
  const continuous = el('input', { type: 'checkbox', role: 'switch', 'data-testid': 'phone-continuous' })
  continuousLabel.prepend(continuous)
  const torch = el('button', { 'data-testid': 'phone-torch', hidden: '' }, 'Torch')
  const zoom = el('input', { type: 'range', 'data-testid': 'phone-zoom', hidden: '', 'aria-label': 'Zoom' })
  controls.append(scanButton, continuousLabel, torch, zoom)
  const hint = el('p', { class: 'status', 'data-testid': 'phone-hint' }, 'Press Scan, or switch on Continuous')
  const results = el('ol', { class: 'results', 'data-testid': 'phone-results' })
  const queueLine = el('p', { class: 'queue' }, 'Waiting to send: ')
  queueLine.append(queued)
  root.append(video, frameBox, status, controls, hint, queueLine, results)

  const showAnswer = (answer: ScanAnswer): void => {
    const row = el('li', { 'data-outcome': answer.outcome, 'data-testid': 'phone-result' })
    row.append(
      el('strong', {}, answer.outcome),
      ' ',
      el('span', {}, truncate(visibleControlChars(answer.data), 80)),
      ' ',
      el('small', {}, answer.message),
    )
    results.prepend(row)
    while (results.children.length > 8) results.lastElementChild?.remove()
    const signal = SIGNAL[answer.outcome]
    playTone(signal.tone)
    navigator.vibrate?.(signal.vibrate)
    queued.textContent = String(outbox.pending().length)
  }

  const outbox = new PhoneOutbox(
    {
      load: () => JSON.parse(localStorage.getItem(QUEUE_KEY) ?? '[]') as QueuedScan[],
      save: (queue) => localStorage.setItem(QUEUE_KEY, JSON.stringify(queue)),
    },
    showAnswer,
    () => crypto.randomUUID(),
  )
  queued.textContent = String(outbox.pending().length)

  connectLink({
    up: (send, name) => {
      status.textContent = `Paired as ${name}: connected to the desk`
      status.dataset['state'] = 'up'
      outbox.connected(send)
    },
    down: (reason) => {
      status.textContent = reason
      status.dataset['state'] = 'down'
      outbox.disconnected()
    },
    answer: (answer) => outbox.answered(answer),
    refused: () => {
      status.textContent = 'The desk revoked this phone: scan a new pairing QR code at the desk.'
      status.dataset['state'] = 'revoked'
      outbox.disconnected()
    },
  })

  void startCamera(video, torch, zoom, status)
  let client = createDecodeClient()
  // The decoder's wasm loads on the first frame decoded: it is loaded now, while the desk is in reach, so a
  // phone that walks out of the Wi-Fi still reads labels (and queues them).
  void client
    .decode({ data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64 })
    .then(() => (root.dataset['decoder'] = 'ready'))
    .catch(() => (root.dataset['decoder'] = 'failed'))
  // A 1D read is confirmed on a later frame; one label (a bag's DataMatrix and its 1D codes) is one scan.
  const live = new LiveScanner({ repeatWindowMs: 2000 })
  let framesTaken = 0
  const canvas = document.createElement('canvas')
  let armed = false
  scanButton.addEventListener('click', () => {
    // A tap asks for what is in view now: the bag scanned a moment ago again is a second scan (the desk flags it).
    live.reset()
    armed = true
    hint.textContent = 'Scanning: hold the label inside the box'
  })

  const loop = async (): Promise<void> => {
    for (;;) {
      const frame = grab(video, canvas)
      if (frame && (armed || continuous.checked)) {
        try {
          const takenAt = performance.now()
          const result = live.frame((await client.read(frame, 'fast', liveQuaggaPass(framesTaken++))).symbols, takenAt)
          if (result) {
            armed = false
            hint.textContent = continuous.checked
              ? 'Continuous: every new label is sent'
              : 'Press Scan for the next label'
            outbox.add(result.text)
            queued.textContent = String(outbox.pending().length)
          }
        } catch (err) {
          hint.textContent = `Decoder error: ${err instanceof Error ? err.message : String(err)}`
          // A decoder that could not load its wasm stays broken: a new worker tries again.
          client.terminate()
          client = createDecodeClient()
          await new Promise((resolve) => setTimeout(resolve, 1000))
        }
      }
      await new Promise((resolve) => setTimeout(resolve, frame ? 40 : 150))
    }
  }
  void loop()
}

function grab(
  video: HTMLVideoElement,
  canvas: HTMLCanvasElement,
): { data: Uint8ClampedArray; width: number; height: number } | null {
  if (video.readyState < 2 || !video.videoWidth) return null
  const box = centreRect(video.videoWidth, video.videoHeight, 0.8)
  const scale = Math.min(1, 960 / Math.max(box.width, box.height))
  const width = Math.max(1, Math.round(box.width * scale))
  const height = Math.max(1, Math.round(box.height * scale))
  canvas.width = width
  canvas.height = height
  const ctx = canvas.getContext('2d', { willReadFrequently: true })
  if (!ctx) return null
  ctx.drawImage(video, box.x, box.y, box.width, box.height, 0, 0, width, height)
  return { data: ctx.getImageData(0, 0, width, height).data, width, height }
}

type Caps = MediaTrackCapabilities & { torch?: boolean; zoom?: { min: number; max: number; step: number } }

async function startCamera(
  video: HTMLVideoElement,
  torch: HTMLButtonElement,
  zoom: HTMLInputElement,
  status: HTMLElement,
): Promise<void> {
  if (!navigator.mediaDevices?.getUserMedia) {
    status.textContent = 'This browser gives no camera here: open the page over HTTPS'
    return
  }
  try {
    const media = await navigator.mediaDevices.getUserMedia({
      video: { facingMode: { ideal: 'environment' }, width: { ideal: 1280 }, height: { ideal: 720 } },
      audio: false,
    })
    video.srcObject = media
    video.muted = true
    await video.play()
    const track = media.getVideoTracks()[0]!
    const caps = (track.getCapabilities?.() ?? {}) as Caps
    if (caps.torch) {
      torch.hidden = false
      let on = false
      torch.addEventListener('click', () => {
        on = !on
        void track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] })
        torch.setAttribute('aria-pressed', String(on))
      })
    }
    if (caps.zoom) {
      zoom.hidden = false
      zoom.min = String(caps.zoom.min)
      zoom.max = String(caps.zoom.max)
      zoom.step = String(caps.zoom.step || 0.1)
      zoom.addEventListener('input', () => {
        void track.applyConstraints({ advanced: [{ zoom: Number(zoom.value) } as MediaTrackConstraintSet] })
      })
    }
  } catch (err) {
    status.textContent = `No camera: ${err instanceof Error ? err.message : String(err)}`
  }
}

const params = new URLSearchParams(location.search)
const secret = params.get('pair')
// The QR code carries the fingerprint as bare hex; shown as browsers show it, in pairs with colons.
const fingerprint =
  (params.get('fp') ?? '')
    .toUpperCase()
    .match(/[0-9A-F]{2}/g)
    ?.join(':') ?? ''
if (secret) void pairScreen(secret, fingerprint)
else scanScreen()
