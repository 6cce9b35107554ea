/**
 * A history row's `pluginsTried` ("InvenTreeBarcode:no GS1Barcode:failed(Bad input) DigiKey:match", written by
 * src-main/core/barcode/resolver.ts) as one step per plugin. A failure message may hold spaces, so a step ends
 * where the next `Name:` begins, not at the first space.
 */
export interface PluginStep {
  plugin: string
  answer: string
}

export function parsePluginsTried(text: string): PluginStep[] {
  const steps: PluginStep[] = []
  const re = /(\S+?):(.*?)(?=\s+\S+?:(?:no|match|recognised|ambiguous|missing|failed)\b|\s*$)/gs
  for (const m of text.trim().matchAll(re)) steps.push({ plugin: m[1]!, answer: m[2]!.trim() })
  return steps
}

const answers: Record<string, string> = {
  no: 'not recognised',
  match: 'matched',
  recognised: 'recognised, nothing matched',
}

/** The answer in words: "no" → "not recognised", "failed(x)" → "failed: x". */
export function answerWords(answer: string): string {
  const known = answers[answer]
  if (known) return known
  const m = /^(\w+)\((.*)\)$/s.exec(answer)
  if (!m) return answer
  if (m[1] === 'failed') return `failed: ${m[2]}`
  if (m[1] === 'ambiguous') return `${m[2]} items matched`
  if (m[1] === 'missing') return `named items not in the database (${m[2]})`
  return answer
}
