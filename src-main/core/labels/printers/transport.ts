/**
 * Getting bytes to a label printer: a raw TCP socket (port 9100, what Zebra and Brother network printers listen on)
 * or a raw CUPS queue through `lp`. Every wait has a deadline, so an unplugged printer is an error a person sees
 * within seconds, never a print button that spins.
 */
import { spawn } from 'node:child_process'
import { connect, type Socket } from 'node:net'
import { ConflictError } from '../../errors'

/** The printer could not be reached or did not answer: the message says which and what to check. */
export class PrinterUnreachableError extends ConflictError {}

export interface TcpTarget {
  host: string
  port: number
  /** How long to wait for the connection and for each answer, ms. */
  timeoutMs?: number
}

const DEFAULT_TIMEOUT_MS = 3000

function reason(err: NodeJS.ErrnoException, where: string): string {
  switch (err.code) {
    case 'ECONNREFUSED':
      return `${where} refused the connection: is it switched on, and is raw printing on port ${where.split(':').pop()} enabled?`
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `${where}: no such host; check the printer's address in Settings`
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return `${where} is not reachable from this computer: check the network cable or Wi-Fi`
    default:
      return `${where}: ${err.message}`
  }
}

function open(target: TcpTarget): Promise<Socket> {
  const where = `${target.host}:${target.port}`
  const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return new Promise((resolve, reject) => {
    const socket = connect({ host: target.host, port: target.port })
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new PrinterUnreachableError(`No answer from the printer at ${where} within ${timeoutMs / 1000} s`))
    }, timeoutMs)
    socket.once('connect', () => {
      clearTimeout(timer)
      socket.removeAllListeners('error')
      resolve(socket)
    })
    socket.once('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(new PrinterUnreachableError(`Cannot reach the printer: ${reason(err, where)}`))
    })
  })
}

/**
 * Sends `request` and collects the reply until `complete` says it is whole; rejects when it is not whole within
 * the timeout (a printer that is busy, or that is not the kind configured, answers partly or not at all).
 */
export async function tcpQuery(
  target: TcpTarget,
  request: Buffer,
  complete: (reply: Buffer) => boolean,
): Promise<Buffer> {
  const socket = await open(target)
  const where = `${target.host}:${target.port}`
  const timeoutMs = target.timeoutMs ?? DEFAULT_TIMEOUT_MS
  return new Promise((resolve, reject) => {
    let reply = Buffer.alloc(0)
    const done = (err: Error | null): void => {
      clearTimeout(timer)
      socket.destroy()
      if (err) reject(err)
      else resolve(reply)
    }
    const timer = setTimeout(
      () =>
        done(
          new PrinterUnreachableError(
            reply.length === 0
              ? `The printer at ${where} accepted the connection but did not answer its status query within ${timeoutMs / 1000} s: is it the kind of printer chosen in Settings?`
              : `The printer at ${where} sent an incomplete status reply (${reply.length} bytes) within ${timeoutMs / 1000} s`,
          ),
        ),
      timeoutMs,
    )
    socket.on('data', (chunk: Buffer) => {
      reply = Buffer.concat([reply, chunk])
      if (complete(reply)) done(null)
    })
    socket.on('error', (err: NodeJS.ErrnoException) => done(new PrinterUnreachableError(reason(err, where))))
    socket.on('close', () => {
      if (!complete(reply))
        done(new PrinterUnreachableError(`The printer at ${where} closed the connection before answering`))
    })
    socket.write(request)
  })
}

/** Sends a job and waits until the printer has taken all of it (the socket flushed and closed cleanly). */
export async function tcpSend(target: TcpTarget, job: Buffer): Promise<void> {
  const socket = await open(target)
  const where = `${target.host}:${target.port}`
  const timeoutMs = Math.max(target.timeoutMs ?? DEFAULT_TIMEOUT_MS, 10_000)
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new PrinterUnreachableError(`The printer at ${where} stopped taking the job after ${timeoutMs / 1000} s`))
    }, timeoutMs)
    socket.on('error', (err: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      reject(new PrinterUnreachableError(`Sending the job failed: ${reason(err, where)}`))
    })
    // The printer closes its side once it has read the whole job; a printer that keeps the connection open
    // has still had every byte once the socket flushed, so that wait is capped.
    socket.once('close', () => {
      clearTimeout(timer)
      resolve()
    })
    socket.end(job, () => {
      setTimeout(() => socket.destroy(), 2000).unref()
    })
  })
}

/** `lp` is missing (CUPS is not installed, or this is Windows). */
export class CupsMissingError extends ConflictError {
  constructor() {
    super(
      'Printing to a CUPS queue needs the `lp` command, which is not on this computer (CUPS runs on Linux and macOS); choose the Zebra’s network address instead',
    )
  }
}

/** Sends a job to a raw CUPS queue with `lp -d QUEUE -o raw`; resolves with lp's request id line. */
export function cupsSend(queue: string, job: Buffer, lp = 'lp'): Promise<string> {
  return new Promise((resolve, reject) => {
    // No shell: the queue name goes to lp as one argument (and the contract allows only [A-Za-z0-9_.@-] in it).
    const child = spawn(lp, ['-d', queue, '-o', 'raw'], { stdio: ['pipe', 'pipe', 'pipe'] })
    let out = ''
    let err = ''
    child.stdout.on('data', (d: Buffer) => (out += d.toString()))
    child.stderr.on('data', (d: Buffer) => (err += d.toString()))
    child.on('error', (e: NodeJS.ErrnoException) => reject(e.code === 'ENOENT' ? new CupsMissingError() : e))
    child.on('close', (code) =>
      code === 0
        ? resolve(out.trim())
        : reject(new ConflictError(`CUPS refused the job for queue "${queue}": ${err.trim() || `lp exited ${code}`}`)),
    )
    child.stdin.on('error', () => {})
    child.stdin.end(job)
  })
}
