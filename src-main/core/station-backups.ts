/**
 * The Station's backups: listed, made on request and once a day while the database is open, picked and checked
 * for a restore, and named in the message of a station that cannot use its database.
 */
import type { BackupInfo, DatabaseProblem } from '../contract'
import { backupDatabase, checkFile, listBackups, newestGoodBackup } from './db/backups'
import type { DatabaseUnusable } from './db/checked-open'
import { ConflictError, NotFoundError } from './errors'
import type { Logger } from './log/logger'
import type { StationParts } from './station-parts'

const DAY_MS = 24 * 60 * 60 * 1000
/** How often an open station looks whether its daily backup is due. */
const DAILY_CHECK_MS = 60 * 60 * 1000

export class StationBackups {
  private timer: NodeJS.Timeout | null = null
  private running: Promise<unknown> = Promise.resolve()

  constructor(
    private readonly dbPath: string,
    private readonly nativeBinding: string | undefined,
    private readonly logger: Logger,
  ) {}

  list(): BackupInfo[] {
    return this.dbPath === ':memory:' ? [] : listBackups(this.dbPath)
  }

  now(db: StationParts['db'], keep: number): Promise<BackupInfo> {
    if (this.dbPath === ':memory:') throw new ConflictError('An in-memory station has no file to back up')
    const made = backupDatabase(db, this.dbPath, 'manual', keep)
    this.running = made.catch(() => undefined)
    return made
  }

  /** The backup a restore asked for by name, or the newest good one. */
  pick(file: string | undefined): BackupInfo {
    if (file === undefined) {
      const good = newestGoodBackup(this.dbPath, this.nativeBinding)
      if (!good) throw new NotFoundError(`No good backup of ${this.dbPath} in its backups folder`)
      return good
    }
    const found = this.list().find((b) => b.file === file)
    if (!found) throw new NotFoundError(`No backup named ${file} beside ${this.dbPath}`)
    return found
  }

  /** Refuses a backup that fails SQLite's quick check, before anything is closed or moved. */
  verify(backup: BackupInfo): void {
    const complaint = checkFile(backup.path, false, this.nativeBinding)
    if (complaint !== null)
      throw new ConflictError(`The backup ${backup.file} failed its check, so it was not restored: ${complaint}`)
  }

  /** The problem as the person sees it: for a damaged file, with the newest good backup to restore. */
  problem(why: DatabaseUnusable): DatabaseProblem {
    const needsBackup = why.kind === 'damaged' || why.kind === 'too_new'
    const backup = needsBackup && this.dbPath !== ':memory:' ? newestGoodBackup(this.dbPath, this.nativeBinding) : null
    const advice = !needsBackup
      ? ''
      : backup
        ? ` Nothing is answered from it. The newest good backup is ${backup.path} (${backup.createdAt}): restore it (the CLI's \`restore\` command, or Restore on the station's banner); the damaged file is kept aside.`
        : ` Nothing is answered from it, and there is no good backup in ${this.dbPath.replace(/[^/\\]+$/, '')}backups.`
    const reason = why.message.endsWith('.') ? why.message : `${why.message}.`
    return { kind: why.kind, message: `${reason}${advice}`, database: this.dbPath, newestGoodBackup: backup }
  }

  /** Makes the daily backup when the newest is a day old, now and every hour while `live` gives a database. */
  startDaily(live: () => StationParts | null): void {
    this.stopDaily()
    if (this.dbPath === ':memory:') return
    const due = (): void => {
      const parts = live()
      if (!parts || !parts.settings.get('backup.daily')) return
      const newest = this.list().find((b) => b.reason === 'daily')
      if (newest && Date.now() - Date.parse(newest.createdAt) < DAY_MS) return
      this.running = backupDatabase(parts.db, this.dbPath, 'daily', parts.settings.get('backup.keep')).then(
        (made) => this.logger.info('daily backup made', { file: made.path, bytes: made.bytes }),
        (err: unknown) => this.logger.error('daily backup failed', err),
      )
    }
    due()
    this.timer = setInterval(due, DAILY_CHECK_MS)
    this.timer.unref()
  }

  stopDaily(): void {
    if (this.timer) clearInterval(this.timer)
    this.timer = null
  }

  async settled(): Promise<void> {
    await this.running
  }
}
