/**
 * A label printer on 127.0.0.1 for tests: it keeps every job it is sent and answers status queries the way the
 * real printer does: a Zebra answers ~HS with its three STX…ETX strings, a Brother QL answers ESC i S with its
 * 32-byte status. What it reports (paper out, label length, loaded media) is set by the test.
 */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net'

export interface ZebraState {
  paperOut?: boolean
  paused?: boolean
  headOpen?: boolean
  /** The label length the printer measured, in dots. */
  labelLengthDots: number
}

export interface BrotherState {
  widthMm: number
  /** 0 for continuous tape. */
  lengthMm: number
  continuous: boolean
  /** Error information bytes 1 and 2 (bit flags as the printer sends them). */
  error1?: number
  error2?: number
}

export class FakeLabelPrinter {
  private constructor(
    private readonly server: Server,
    readonly port: number,
    /** The bytes of every connection that sent something other than a status query: the jobs. */
    readonly jobs: Buffer[],
  ) {}

  static async zebra(state: ZebraState): Promise<FakeLabelPrinter> {
    return FakeLabelPrinter.listen((received, socket) => {
      if (!received.toString('latin1').includes('~HS')) return false
      const f = (b: boolean | undefined): string => (b ? '1' : '0')
      const length = String(state.labelLengthDots).padStart(4, '0')
      socket.write(
        `\x02030,${f(state.paperOut)},${f(state.paused)},${length},000,0,0,0,000,0,0,0\x03\r\n` +
          `\x02001,0,${f(state.headOpen)},0,0,2,6,0,00000000,1,000\x03\r\n` +
          `\x021234,0\x03\r\n`,
      )
      return true
    })
  }

  static async brother(state: BrotherState): Promise<FakeLabelPrinter> {
    return FakeLabelPrinter.listen((received, socket) => {
      const at = received.indexOf(Buffer.from([0x1b, 0x69, 0x53]))
      // A status request alone; inside a job the same bytes would not appear (raster lines are framed).
      if (at < 0 || received.length > 250) return false
      const reply = Buffer.alloc(32)
      reply.set([0x80, 0x20, 0x42, 0x34, 0x41, 0x30, 0x30, 0x00])
      reply[8] = state.error1 ?? 0
      reply[9] = state.error2 ?? 0
      reply[10] = state.widthMm
      reply[11] = state.continuous ? 0x0a : 0x0b
      reply[17] = state.lengthMm
      reply[18] = 0x00
      socket.write(reply)
      return true
    })
  }

  /** `answer` replies to a status query and returns true; a connection it never answers is a job. */
  private static listen(answer: (received: Buffer, socket: Socket) => boolean): Promise<FakeLabelPrinter> {
    const jobs: Buffer[] = []
    const server = createServer((socket) => {
      let received = Buffer.alloc(0)
      let answered = false
      socket.on('data', (chunk: Buffer) => {
        received = Buffer.concat([received, chunk])
        if (!answered) answered = answer(received, socket)
      })
      socket.on('end', () => {
        if (!answered && received.length) jobs.push(received)
        socket.end()
      })
      socket.on('error', () => {})
    })
    return new Promise((resolve) =>
      server.listen(0, '127.0.0.1', () => {
        resolve(new FakeLabelPrinter(server, (server.address() as AddressInfo).port, jobs))
      }),
    )
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()))
  }
}

/** A port nothing listens on: opened, noted and closed again. */
export async function closedPort(): Promise<number> {
  const server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()))
  const port = (server.address() as AddressInfo).port
  await new Promise<void>((resolve) => server.close(() => resolve()))
  return port
}
