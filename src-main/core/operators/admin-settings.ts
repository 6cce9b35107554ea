/**
 * An admin's settings change: refused to anyone else, refused without `confirm` when it would stop or delete
 * history (switching it off, or a cap below the rows kept, which prunes them), and written to the audit log
 * with every changed value, so a change that hid something can be traced to who made it.
 */
import type { MethodArgs, SettingKey, SettingsValues } from '../../contract'
import { ConflictError } from '../errors'
import type { Settings } from '../settings'
import type { Operators } from './operators'

export class AdminSettings {
  constructor(
    private readonly settings: Settings,
    private readonly operators: Operators,
    /** History rows kept now. */
    private readonly keptRows: () => number,
  ) {}

  set(input: MethodArgs<'setSettings'>): SettingsValues {
    const { confirm, ...values } = input
    this.operators.requireAdmin('change settings')
    const loss = this.historyLoss(values)
    if (loss && confirm !== true) throw new ConflictError(`${loss}; send the change again with confirm to go ahead`)
    const before = this.settings.all()
    this.settings.update(values)
    const changes = (Object.keys(values) as SettingKey[])
      .filter((key) => JSON.stringify(before[key]) !== JSON.stringify(values[key]))
      .map((key) => ({ key, from: before[key], to: values[key] }))
    if (changes.length > 0) this.operators.auditChange('settings changed', { changes, ...(loss ? { loss } : {}) })
    return this.settings.all()
  }

  /** What this change would cost the history, in words; null when nothing. */
  private historyLoss(values: Partial<SettingsValues>): string | null {
    if (values['history.store'] === false && this.settings.get('history.store'))
      return 'Switching the history off stops recording scans'
    const cap = values['history.maxResults']
    const kept = this.keptRows()
    if (cap !== undefined && cap > 0 && cap < kept && cap !== this.settings.get('history.maxResults'))
      return `Capping the history at ${cap} rows deletes ${kept - cap} of the ${kept} kept`
    return null
  }
}
