/** Every method of the contract: the feature tables joined into one. */
import { backupMethods } from './backups'
import { deviceMethods } from './devices'
import { historyMethods } from './history'
import { inventreeMethods } from './inventree'
import { inventoryMethods } from './inventory'
import { itemMethods } from './items'
import { jobMethods } from './jobs'
import { labelMethods } from './labels'
import { operatorMethods } from './operators'
import { phoneMethods } from './phone'
import { scanMethods } from './scan'
import { sessionMethods } from './sessions'
import { settingsMethods } from './settings'
import { supplierMethods } from './suppliers'

export const methods = {
  ...scanMethods,
  ...itemMethods,
  ...historyMethods,
  ...settingsMethods,
  ...operatorMethods,
  ...sessionMethods,
  ...deviceMethods,
  ...labelMethods,
  ...supplierMethods,
  ...inventreeMethods,
  ...jobMethods,
  ...backupMethods,
  ...inventoryMethods,
  ...phoneMethods,
}
