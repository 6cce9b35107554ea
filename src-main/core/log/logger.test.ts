import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { createFileLogger, LOG_FILE, logsDir } from './logger'

let dir: string
afterEach(() => rmSync(dir, { recursive: true, force: true }))

const lines = (file: string): Record<string, unknown>[] =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as Record<string, unknown>)

describe('the file logger', () => {
  it('writes JSON lines with the message, the level and the error, in logs/ of the data folder', async () => {
    dir = mkdtempSync(join(tmpdir(), 'scan-station-log-'))
    const logger = createFileLogger({ dir: logsDir(dir) })
    logger.error('station.scan failed', new Error('disk full'))
    logger.warn('serial did not start', { path: '/dev/ttyACM0' })
    await logger.close()
    const written = lines(join(dir, 'logs', LOG_FILE))
    expect(written).toHaveLength(2)
    expect(written[0]).toMatchObject({ level: 50, msg: 'station.scan failed', err: { message: 'disk full' } })
    expect(written[1]).toMatchObject({ level: 40, msg: 'serial did not start', details: { path: '/dev/ttyACM0' } })
  })

  it('rotates at its size limit and keeps the newest files', async () => {
    dir = mkdtempSync(join(tmpdir(), 'scan-station-log-'))
    const logger = createFileLogger({ dir, size: '1K', keep: 2 })
    for (let i = 0; i < 60; i++) {
      logger.info(`scan ${i} ${'x'.repeat(80)}`)
      // Let the stream see each write, as a station's log sees scans arrive over time.
      await new Promise((r) => setImmediate(r))
    }
    await logger.close()
    const files = readdirSync(dir).sort()
    expect(files).toEqual([LOG_FILE, `${LOG_FILE}.1`, `${LOG_FILE}.2`])
    for (const f of files) expect(readFileSync(join(dir, f)).length).toBeLessThan(2048)
    // The newest lines are in the live file; the oldest have been dropped.
    const live = lines(join(dir, LOG_FILE)).map((l) => l.msg)
    expect(String(live.at(-1))).toMatch(/^scan 59 /)
    const kept = files.flatMap((f) => lines(join(dir, f)).map((l) => l.msg))
    expect(kept.some((m) => String(m).startsWith('scan 0 '))).toBe(false)
  })

  it('never writes the web host token', async () => {
    dir = mkdtempSync(join(tmpdir(), 'scan-station-log-'))
    const logger = createFileLogger({ dir })
    logger.info('web host listening', { origin: 'http://127.0.0.1:5823', token: 'secret-token-value' })
    await logger.close()
    const text = readFileSync(join(dir, LOG_FILE), 'utf8')
    expect(text).toContain('http://127.0.0.1:5823')
    expect(text).not.toContain('secret-token-value')
    expect(existsSync(join(dir, `${LOG_FILE}.1`))).toBe(false)
  })
})
