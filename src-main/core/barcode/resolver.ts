/**
 * Runs the plugin chain in order. The first plugin whose answer names exactly one existing item wins; an answer
 * naming several existing items ends the scan as ambiguous (the station never silently picks one). A plugin that
 * throws is recorded and skipped: one bad plugin never breaks a scan.
 */
import type { ItemRef, ModelType } from '../../contract'
import type { BarcodeMatch, BarcodePlugin, PluginAnswer, ScanText } from './plugin'

export interface FoundItem {
  model: ModelType
  item: ItemRef
}

export interface Resolution {
  plugin: string | null
  match: FoundItem | null
  /** Set when one plugin's answer named several existing items. */
  ambiguous: FoundItem[] | null
  /** The answer that decided the scan, or the first plugin that recognised the data when nothing matched. */
  answer: (PluginAnswer & { plugin: string }) | null
  /** Every plugin asked, in order, with what it said; stored in the scan history. */
  tried: string[]
}

/** The item a match names, or null when the model is not stocked here or the item does not exist. */
export type ItemLookup = (match: BarcodeMatch) => FoundItem | null

export function resolve(input: ScanText, plugins: readonly BarcodePlugin[], lookup: ItemLookup): Resolution {
  const tried: string[] = []
  let recognised: Resolution['answer'] = null
  for (const plugin of plugins) {
    let answer: PluginAnswer | null
    try {
      answer = plugin.scan(input)
    } catch (err) {
      tried.push(`${plugin.name}:failed(${err instanceof Error ? err.message.slice(0, 80) : 'error'})`)
      continue
    }
    if (!answer) {
      tried.push(`${plugin.name}:no`)
      continue
    }
    const found = dedupe(answer.matches.map(lookup).filter((f): f is FoundItem => f !== null))
    if (found.length === 1) {
      tried.push(`${plugin.name}:match`)
      return {
        plugin: plugin.name,
        match: found[0]!,
        ambiguous: null,
        answer: { ...answer, plugin: plugin.name },
        tried,
      }
    }
    if (found.length > 1) {
      tried.push(`${plugin.name}:ambiguous(${found.length})`)
      return { plugin: plugin.name, match: null, ambiguous: found, answer: { ...answer, plugin: plugin.name }, tried }
    }
    // Recognised but naming nothing that exists: later plugins still get their chance, and the history shows why.
    tried.push(
      `${plugin.name}:${answer.matches.length ? `missing(${answer.matches.map((m) => `${m.model}:${m.pk}`).join(',')})` : 'recognised'}`,
    )
    recognised ??= { ...answer, plugin: plugin.name }
  }
  return { plugin: null, match: null, ambiguous: null, answer: recognised, tried }
}

function dedupe(found: FoundItem[]): FoundItem[] {
  const seen = new Set<string>()
  return found.filter((f) => {
    const key = `${f.model}:${f.item.pk}`
    if (seen.has(key)) return false
    seen.add(key)
    return true
  })
}
