/**
 * The phone's outbox: every scan is queued with an id the phone made, kept (in the phone's storage) until the desk
 * has answered it, and sent one at a time in the order scanned. A scan whose answer was lost with the connection
 * is sent again with the same id; the desk recognises the id and answers without scanning it twice.
 */

export interface QueuedScan {
  id: string
  data: string
}

/** The desk's answer to one scan, as the phone link sends it. */
export interface ScanAnswer {
  id: string
  data: string
  outcome: 'matched' | 'unknown' | 'duplicate' | 'warning' | 'error'
  message: string
  resent: boolean
}

export interface OutboxStorage {
  load(): QueuedScan[]
  save(queue: QueuedScan[]): void
}

export class PhoneOutbox {
  private queue: QueuedScan[]
  private send: ((scan: QueuedScan) => void) | null = null
  /** The id sent and not yet answered: the next scan waits for it, so the desk receives them in order. */
  private inFlight: string | null = null
  private counter = 0

  constructor(
    private readonly storage: OutboxStorage,
    private readonly onAnswer: (answer: ScanAnswer) => void,
    private readonly makeId: () => string,
  ) {
    this.queue = storage.load()
  }

  /** Queues a scan; it goes at once while connected. */
  add(data: string): QueuedScan {
    const scan = { id: `${this.makeId()}-${++this.counter}`, data }
    this.queue.push(scan)
    this.storage.save(this.queue)
    this.pump()
    return scan
  }

  /** The link is up: the oldest unanswered scan goes (again) first. */
  connected(send: (scan: QueuedScan) => void): void {
    this.send = send
    this.inFlight = null
    this.pump()
  }

  /** The link dropped: what was in flight is sent again on the next connection. */
  disconnected(): void {
    this.send = null
    this.inFlight = null
  }

  /** The desk answered a scan: it leaves the queue, and the next one goes. */
  answered(answer: ScanAnswer): void {
    const index = this.queue.findIndex((scan) => scan.id === answer.id)
    if (index < 0) return
    this.queue.splice(index, 1)
    this.storage.save(this.queue)
    if (this.inFlight === answer.id) this.inFlight = null
    this.onAnswer(answer)
    this.pump()
  }

  pending(): readonly QueuedScan[] {
    return this.queue
  }

  private pump(): void {
    const head = this.queue[0]
    if (!this.send || !head || this.inFlight !== null) return
    this.inFlight = head.id
    this.send(head)
  }
}
