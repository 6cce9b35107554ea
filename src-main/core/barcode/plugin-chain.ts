/**
 * The plugins a scan is resolved through: the built-in ones (the registered formats' plugins and the linked
 * barcode lookup), then the user's own from the plugins folder, with the admin's order and switches applied.
 * The chain is rebuilt when a `plugins.*` setting changes, never per scan.
 */
import type { PluginInfo } from '../../contract'
import type { Db } from '../db/connection'
import type { Settings } from '../settings'
import { externalBarcodePlugin } from './external-plugin'
import type { BarcodeFormat, FormatDeps, ReadContext } from './formats/format'
import { barcodeFormats } from './formats/index'
import { readOncePerScan } from './formats/read-once'
import type { BarcodePlugin } from './plugin'
import { SupplierCatalog } from './supplier/catalog'
import { fileName, UserPluginHost } from './user-plugins'

export interface PluginChainOptions {
  /** Folder of user plugins; empty for none. */
  pluginsDir: string
  /** Longest a user plugin may take per scan. */
  pluginTimeoutMs?: number
}

/** What the formats' plugins resolve against: one station's database, settings and catalogue. */
export function formatDeps(db: Db, settings: Settings): FormatDeps {
  const catalog = new SupplierCatalog(db)
  const context: ReadContext = {
    get prefix() {
      return settings.get('barcode.prefix')
    },
    recognises: (fields) => catalog.recognises(fields),
  }
  return { db, settings, catalog, context, read: readOncePerScan(context) }
}

export class PluginChain {
  private readonly builtIn: BarcodePlugin[]
  private user: BarcodePlugin[] = []
  private readonly pluginsDir: string
  private readonly host: UserPluginHost
  private chain: BarcodePlugin[] = []
  private readonly unsubscribe: () => void

  constructor(
    db: Db,
    private readonly settings: Settings,
    options: PluginChainOptions,
  ) {
    const deps = formatDeps(db, settings)
    const pluginsOf = (list: readonly BarcodeFormat[]): BarcodePlugin[] => list.flatMap((f) => f.plugins(deps))
    this.builtIn = [
      ...pluginsOf(barcodeFormats.filter((f) => f.own)),
      externalBarcodePlugin(db),
      ...pluginsOf(barcodeFormats.filter((f) => !f.own)),
    ]
    this.pluginsDir = options.pluginsDir
    this.host = new UserPluginHost(options.pluginsDir, { timeoutMs: options.pluginTimeoutMs })
    this.rebuild()
    this.unsubscribe = settings.onChange((key) => {
      if (key.startsWith('plugins.')) this.rebuild()
    })
  }

  /** Loads the user plugins into their worker (a service the host boots) and adds them to the chain. */
  startUser(): void {
    this.user = this.pluginsDir ? this.host.start() : []
    this.rebuild()
  }

  stopUser(): void {
    this.host.stop()
    this.user = []
    this.rebuild()
  }

  /** The enabled plugins in resolution order. */
  get active(): readonly BarcodePlugin[] {
    return this.chain
  }

  /** Built-in plugins first, then the user's; an admin's order and switches applied on top. */
  private rebuild(): void {
    const disabled = new Set(this.settings.get('plugins.disabled'))
    this.chain = this.ordered([...this.builtIn, ...this.user]).filter((p) => !disabled.has(p.name))
  }

  private ordered(all: BarcodePlugin[]): BarcodePlugin[] {
    const order = this.settings.get('plugins.order')
    const rank = (p: BarcodePlugin): number => {
      const i = order.indexOf(p.name)
      return i < 0 ? order.length + all.indexOf(p) : i
    }
    return [...all].sort((a, b) => rank(a) - rank(b))
  }

  /** Every plugin in resolution order, disabled ones in the place they would take; failed user plugins last. */
  list(): PluginInfo[] {
    const disabled = new Set(this.settings.get('plugins.disabled'))
    const builtIn = new Set(this.builtIn)
    const problems = new Map(this.host.loaded.filter((p) => p.name && p.problem).map((p) => [p.name!, p.problem!]))
    const listed = this.ordered([...this.builtIn, ...this.user]).map((p, order) => ({
      name: p.name,
      order,
      description: p.description,
      enabled: !disabled.has(p.name),
      builtIn: builtIn.has(p),
      ...(p.supplier ? { supplier: p.supplier } : {}),
      ...(problems.has(p.name) ? { problem: problems.get(p.name)! } : {}),
    }))
    const failed = this.host.loaded
      .filter((p) => p.error)
      .map((p, i) => ({
        name: fileName(p.file),
        order: listed.length + i,
        description: 'User plugin',
        enabled: false,
        builtIn: false,
        error: p.error!,
      }))
    return [...listed, ...failed]
  }

  stop(): void {
    this.unsubscribe()
    this.host.stop()
  }
}
