import { describe, expect, it } from 'vitest'
import type { Logger } from './log/logger'
import { ServiceBootError, ServiceHost, type Service } from './services'

/** A logger that keeps what it was told, to check that failures are reported. */
function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = []
  const add = (level: string) => (message: string) => lines.push(`${level} ${message}`)
  return { lines, info: add('info'), warn: add('warn'), error: add('error'), close: () => Promise.resolve() }
}

function service(name: string, events: string[], fail: { boot?: boolean; shutdown?: boolean } = {}): Service {
  return {
    name,
    boot: async () => {
      await Promise.resolve()
      if (fail.boot) throw new Error(`${name} broke`)
      events.push(`boot ${name}`)
    },
    shutdown: () => {
      if (fail.shutdown) throw new Error(`${name} stuck`)
      events.push(`shutdown ${name}`)
    },
  }
}

describe('ServiceHost', () => {
  it('boots in the order added and shuts down in reverse', async () => {
    const events: string[] = []
    const host = new ServiceHost(recordingLogger()).add(
      service('database', events),
      service('plugins', events),
      service('scanners', events),
      service('web', events),
    )
    await host.boot()
    await host.shutdown()
    expect(events).toEqual([
      'boot database',
      'boot plugins',
      'boot scanners',
      'boot web',
      'shutdown web',
      'shutdown scanners',
      'shutdown plugins',
      'shutdown database',
    ])
  })

  it('shuts the others down when one fails to, and logs the failure', async () => {
    const events: string[] = []
    const logger = recordingLogger()
    const host = new ServiceHost(logger).add(
      service('database', events),
      service('scanners', events, { shutdown: true }),
      service('web', events),
    )
    await host.boot()
    await expect(host.shutdown()).resolves.toBeUndefined()
    expect(events.filter((e) => e.startsWith('shutdown'))).toEqual(['shutdown web', 'shutdown database'])
    expect(logger.lines).toContain('error scanners did not shut down cleanly')
  })

  it('runs without an optional service that fails to boot, and does not shut it down', async () => {
    const events: string[] = []
    const logger = recordingLogger()
    const host = new ServiceHost(logger).add(
      service('database', events),
      { ...service('serial', events, { boot: true }), optional: true },
      service('web', events),
    )
    await host.boot()
    expect(host.running('serial')).toBe(false)
    expect(host.running('web')).toBe(true)
    await host.shutdown()
    expect(events).toEqual(['boot database', 'boot web', 'shutdown web', 'shutdown database'])
    expect(logger.lines).toContain('warn serial did not start; running without it')
  })

  it('stops the boot at a required service that fails, shutting down what had started', async () => {
    const events: string[] = []
    const host = new ServiceHost(recordingLogger()).add(
      service('database', events),
      service('plugins', events),
      service('web', events, { boot: true }),
      service('after', events),
    )
    const failure = await host.boot().catch((err: unknown) => err)
    expect(failure).toBeInstanceOf(ServiceBootError)
    expect((failure as ServiceBootError).service).toBe('web')
    expect(events).toEqual(['boot database', 'boot plugins', 'shutdown plugins', 'shutdown database'])
  })

  it('shuts down once however often it is asked, and a service booting meanwhile is stopped too', async () => {
    const events: string[] = []
    let release!: () => void
    const slow: Service = {
      name: 'slow',
      boot: () => new Promise<void>((r) => (release = r)).then(() => void events.push('boot slow')),
      shutdown: () => void events.push('shutdown slow'),
    }
    const host = new ServiceHost(recordingLogger()).add(service('database', events), slow, service('web', events))
    const booting = host.boot()
    await new Promise((r) => setTimeout(r, 0))
    const first = host.shutdown()
    const second = host.shutdown()
    release()
    await Promise.all([booting, first, second])
    expect(events).toEqual(['boot database', 'shutdown database', 'boot slow', 'shutdown slow'])
  })
})
