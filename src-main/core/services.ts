/**
 * The lifecycle of a host's services (the database and Station, user plugin workers, scanner devices, the web
 * server), owned in one place: booted in the order added, shut down in reverse, so a service never outlives what it
 * uses. One failure is isolated: it is logged and the others still shut down; an optional service (serial, HID)
 * that fails to boot is logged and skipped, and the station runs without it.
 */
import type { Logger } from './log/logger'

export interface Service {
  readonly name: string
  /** A failed boot of an optional service is logged and skipped; a required one stops the boot. */
  readonly optional?: boolean
  boot(): void | Promise<void>
  shutdown(): void | Promise<void>
}

export class ServiceBootError extends Error {
  constructor(
    readonly service: string,
    cause: unknown,
  ) {
    super(`${service} could not start: ${cause instanceof Error ? cause.message : String(cause)}`, { cause })
  }
}

export class ServiceHost {
  private readonly services: Service[] = []
  private readonly booted: Service[] = []
  private shuttingDown: Promise<void> | null = null

  constructor(private readonly logger: Logger) {}

  /** Adds services to boot after those already added. */
  add(...services: Service[]): this {
    this.services.push(...services)
    return this
  }

  /** True when this service booted (an optional one may not have). */
  running(name: string): boolean {
    return this.booted.some((s) => s.name === name)
  }

  /**
   * Boots every service in order. When a required one fails, those already booted are shut down (in reverse)
   * and a ServiceBootError is thrown.
   */
  async boot(): Promise<void> {
    for (const service of this.services) {
      if (this.shuttingDown) return
      try {
        await service.boot()
        this.logger.info(`started ${service.name}`)
        // A shutdown asked for while this service was booting has already run: stop this one too.
        if (this.shuttingDown) return await this.stop(service)
        this.booted.push(service)
      } catch (err) {
        if (service.optional) {
          this.logger.warn(`${service.name} did not start; running without it`, err)
          continue
        }
        this.logger.error(`${service.name} could not start`, err)
        await this.shutdown()
        throw new ServiceBootError(service.name, err)
      }
    }
  }

  /** Shuts down what booted, last first; a failing shutdown is logged and the rest still run. Idempotent. */
  shutdown(): Promise<void> {
    this.shuttingDown ??= (async () => {
      while (this.booted.length) await this.stop(this.booted.pop()!)
    })()
    return this.shuttingDown
  }

  private async stop(service: Service): Promise<void> {
    try {
      await service.shutdown()
      this.logger.info(`stopped ${service.name}`)
    } catch (err) {
      this.logger.error(`${service.name} did not shut down cleanly`, err)
    }
  }
}
