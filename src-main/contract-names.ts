/**
 * The names of the contract's methods and events, and their IPC channels, without their schemas: what the
 * sandboxed preload and the web host's bridge need, kept free of zod so the preload stays a few KB.
 * contract/index.ts checks at compile time that this list and its method tables name exactly the same methods.
 */
export const methodNames = [
  'scan',
  'getItem',
  'search',
  'locationTree',
  'history',
  'info',
  'link',
  'unlink',
  'getSettings',
  'setSettings',
  'plugins',
  'historyQuery',
  'historyStats',
  'historyExport',
  'purgeHistory',
  'operators',
  'signIn',
  'signOut',
  'setPin',
  'sessionStart',
  'sessionCurrent',
  'sessionAdd',
  'sessionRemoveRow',
  'sessionUpdateRow',
  'sessionClear',
  'sessionDrop',
  'sessionCommit',
  'stockAction',
  'undo',
  'devices',
  'suppliers',
  'createSupplierPart',
  'calibrateWedge',
  'labelTemplates',
  'labelPreview',
  'labelPdf',
  'printLabels',
  'printerStatus',
  'inventreeStatus',
  'inventreeConnect',
  'inventreeDisconnect',
  'inventreeSync',
  'inventreeOutbox',
  'inventreeResolve',
  'cancelJob',
  'stationHealth',
  'backups',
  'backupNow',
  'restoreBackup',
] as const

export const eventNames = [
  'scanResult',
  'deviceStatus',
  'scanDropped',
  'settingsChanged',
  'syncStatus',
  'jobProgress',
  'stationHealth',
] as const

export type MethodName = (typeof methodNames)[number]
export type EventName = (typeof eventNames)[number]

/** Channel names on ipcMain, prefixed so nothing else on the bus can collide with the contract. */
export const channelFor = (name: MethodName | EventName): string => `station:${name}`
