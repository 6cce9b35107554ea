/**
 * The phone's connection to the desk: a WebSocket on the phone link (its token travels as the cookie set when it
 * paired), reconnecting with a growing pause while the network is away. The outbox decides what to send.
 */
import type { QueuedScan, ScanAnswer } from '../../../../src-shared/phone/outbox'

export interface LinkEvents {
  up(send: (scan: QueuedScan) => void, name: string): void
  down(reason: string): void
  answer(answer: ScanAnswer): void
  /** The desk refused this phone (revoked): no reconnecting. */
  refused(): void
}

export function connectLink(events: LinkEvents): { close(): void } {
  let ws: WebSocket | null = null
  let pause = 500
  let stopped = false
  let timer: ReturnType<typeof setTimeout> | null = null

  const open = (): void => {
    const socket = new WebSocket(`wss://${location.host}/phone-socket`)
    ws = socket
    socket.onmessage = (event: MessageEvent<string>) => {
      const message = JSON.parse(event.data) as {
        hello?: { name: string }
        scanned?: ScanAnswer
        refused?: { id: string | null; message: string }
      }
      if (message.hello) {
        pause = 500
        events.up((scan) => socket.send(JSON.stringify({ scan })), message.hello.name)
      } else if (message.scanned) events.answer(message.scanned)
      else if (message.refused?.id)
        events.answer({
          id: message.refused.id,
          data: '',
          outcome: 'error',
          message: message.refused.message,
          resent: false,
        })
    }
    socket.onclose = (event) => {
      ws = null
      if (stopped) return
      if (event.code === 4401) {
        stopped = true
        events.refused()
        return
      }
      events.down(navigator.onLine ? 'Reconnecting to the desk…' : 'Offline: scans are kept and sent when back')
      timer = setTimeout(open, pause)
      pause = Math.min(pause * 2, 5000)
    }
  }
  // Back online: try now rather than at the end of the pause.
  addEventListener('online', () => {
    if (ws || stopped) return
    if (timer) clearTimeout(timer)
    open()
  })
  open()
  return {
    close() {
      stopped = true
      ws?.close()
    },
  }
}
