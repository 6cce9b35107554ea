/**
 * Runs the plugin chain in order and stops at the first plugin whose match points at an item that exists.
 * A plugin that throws is recorded and skipped: one bad plugin never breaks a scan.
 */
import type { ItemRef, ModelType } from '../../contract'
import type { BarcodeMatch, BarcodePlugin } from './plugin'

export interface Resolution {
  plugin: string | null
  match: { model: ModelType; item: ItemRef } | null
  /** Every plugin asked, in order, with what it said; stored in the scan history. */
  tried: string[]
}

/** The item a match names, or null when the model is not stocked here or the item does not exist. */
export type ItemLookup = (match: BarcodeMatch) => { model: ModelType; item: ItemRef } | null

export function resolve(data: string, plugins: readonly BarcodePlugin[], lookup: ItemLookup): Resolution {
  const tried: string[] = []
  for (const plugin of plugins) {
    let match: BarcodeMatch | null
    try {
      match = plugin.scan(data)
    } catch (err) {
      tried.push(`${plugin.name}:threw(${err instanceof Error ? err.message.slice(0, 80) : 'error'})`)
      continue
    }
    if (!match) {
      tried.push(`${plugin.name}:no`)
      continue
    }
    const found = lookup(match)
    if (found) {
      tried.push(`${plugin.name}:match`)
      return { plugin: plugin.name, match: found, tried }
    }
    // Recognised but pointing at nothing (a deleted item, a sales order this station does not keep):
    // later plugins still get their chance, and the history shows why this one did not answer.
    tried.push(`${plugin.name}:missing(${match.model}:${match.pk})`)
  }
  return { plugin: null, match: null, tried }
}
