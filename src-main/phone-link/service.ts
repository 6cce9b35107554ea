/**
 * The phone link as a host service: it listens only while the admin has it enabled, on the address chosen, and
 * is the Station's PhoneLinkControl (the Station asks it to apply a change). A failure to listen (the address is
 * gone, the port is taken) is reported in the admin's panel, not thrown: the desk works on without it.
 */
import { networkInterfaces } from 'node:os'
import { dirname } from 'node:path'
import type { PhoneLinkConfig } from '../core/phone/phone-registry'
import type { Service } from '../core/services'
import type { Station } from '../core/station'
import type { PhoneLinkControl, PhoneLinkProvider } from '../core/station-options'
import { linkCertificate } from './certificate'
import { startPhoneLinkServer, type PhoneLinkServer } from './server'

export function machineAddresses(): string[] {
  const found: string[] = []
  for (const list of Object.values(networkInterfaces())) {
    for (const entry of list ?? []) {
      // A link-local IPv6 address needs its zone, which no URL a phone opens can carry.
      if (entry.family === 'IPv6' && entry.address.startsWith('fe80')) continue
      found.push(entry.address)
    }
  }
  return [...new Set(found)]
}

export class PhoneLinkService implements Service, PhoneLinkControl {
  readonly name = 'phone link'
  private server: PhoneLinkServer | null = null
  private fingerprint = ''
  private problem: string | null = null
  private station: Station | null = null
  /** One change at a time: a second apply waits for the first to finish listening or closing. */
  private queue: Promise<void> = Promise.resolve()

  constructor(
    private readonly stationOf: () => Station,
    private readonly rendererDir: string,
  ) {}

  /** Hand this to the Station's options: it answers once the service runs. */
  readonly provider: PhoneLinkProvider = { current: () => (this.station ? this : null) }

  async boot(): Promise<void> {
    this.station = this.stationOf()
    await this.apply(this.station.phoneLinkConfig())
  }

  async shutdown(): Promise<void> {
    await this.apply({ enabled: false, address: '', port: 0 })
    this.station = null
  }

  apply(config: PhoneLinkConfig): Promise<void> {
    this.queue = this.queue.then(() => this.applyNow(config))
    return this.queue
  }

  private async applyNow(config: PhoneLinkConfig): Promise<void> {
    const previous = this.server
    this.server = null
    await previous?.close()
    this.problem = null
    const station = this.station
    if (!config.enabled || !station) return
    try {
      const certificate = await linkCertificate(dirname(station.dbPath), config.address)
      this.server = await startPhoneLinkServer({
        station,
        address: config.address,
        port: config.port,
        rendererDir: this.rendererDir,
        certificate,
      })
      this.fingerprint = certificate.fingerprint
    } catch (err) {
      this.problem = `Cannot listen on ${config.address}:${config.port}: ${err instanceof Error ? err.message : String(err)}`
      station.logger.error('phone link did not start', { message: this.problem })
    }
  }

  status(): { listening: { origin: string; fingerprint: string } | null; problem: string | null } {
    return {
      listening: this.server ? { origin: this.server.origin, fingerprint: this.fingerprint } : null,
      problem: this.problem,
    }
  }

  addresses(): string[] {
    return machineAddresses()
  }

  disconnect(phoneId: number): void {
    this.server?.disconnect(phoneId)
  }
}
