import { afterEach, describe, expect, it, vi } from 'vitest'
import { Station } from '../../src-main/core/station'
import { silentLogger } from '../../src-main/core/log/logger'
import { damageMiddle } from '../../src-main/tests/support/damage'
import { signInAdmin } from '../../src-main/tests/support/station'
import { tempDbPath } from '../../src-main/tests/support/temp-db'
import { quickScan } from './support/quickScan'
import { mountApp, unmountAll } from './mountApp'
import { installRealStation } from './support/realStation'

afterEach(unmountAll)

describe('the station banner', () => {
  it('names a damaged database and its newest good backup, answers nothing from it, and restores the backup', async () => {
    const dbPath = tempDbPath()
    const seeded = Station.open({ dbPath, logger: silentLogger, startUserPlugins: false })
    await signInAdmin(seeded)
    const backup = await seeded.backupNow()
    seeded.close()
    damageMiddle(dbPath)

    const real = installRealStation({ station: { dbPath, logger: silentLogger } })
    const { wrapper } = await mountApp('/')
    const banner = wrapper.get('[data-testid="station-banner"]')
    expect(banner.text()).toContain(`The database ${dbPath} is damaged`)
    expect(banner.text()).toContain(`The newest good backup is ${backup.path}`)
    // Nothing that reads the database is shown beside the banner.
    expect(wrapper.text()).not.toContain('Recent scans')

    await wrapper.get('[data-testid="restore-newest"]').trigger('click')
    await vi.waitFor(() => expect(wrapper.find('[data-testid="restore-outcome"]').exists()).toBe(true))
    expect(wrapper.get('[data-testid="restore-outcome"]').text()).toContain(`Restored ${backup.file}`)
    expect(wrapper.find('[data-testid="station-banner"]').exists()).toBe(false)
    await vi.waitFor(() => expect(wrapper.text()).toContain('Recent scans'))
    // The scans after the restore are answered from the backup.
    const scan = await real.call('scan', { data: 'INV-SI7', source: 'manual' })
    expect(scan).toMatchObject({ outcome: 'matched', stockitem: { pk: 7 } })
  })

  it('says why a scan was not saved when a write fails, and clears once a scan goes through', async () => {
    const real = installRealStation()
    const { wrapper } = await mountApp('/')
    const full =
      'Cannot write to /data/station.db: the disk is full. Free space on that disk; the station answers again as soon as there is room.'
    // A full disk cannot be made under an in-memory station: its reply is injected, as main would send it.
    real.fail('scan', 'storage', full)
    await quickScan(wrapper, 'INV-SI7')
    expect(wrapper.get('[data-testid="station-banner"]').text()).toContain(full)

    real.override('scan', null)
    await quickScan(wrapper, 'INV-SI7')
    expect(wrapper.find('[data-testid="station-banner"]').exists()).toBe(false)
  })
})
