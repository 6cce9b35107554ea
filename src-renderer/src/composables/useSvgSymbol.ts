import { ref, watch, type Ref, type WatchSource } from 'vue'
import { errorMessage } from '../api/station'

/**
 * A barcode drawn as SVG markup whenever its source changes: the markup, or the reason it cannot be drawn. A slower
 * render for an earlier source never overwrites the current one. `draw` returns null to draw nothing.
 */
export function useSvgSymbol<S>(
  source: WatchSource<S>,
  draw: (value: S) => Promise<string | null>,
): { svg: Ref<string>; error: Ref<string | null> } {
  const svg = ref('')
  const error = ref<string | null>(null)
  let generation = 0
  watch(
    source,
    async (value) => {
      const mine = ++generation
      try {
        const markup = await draw(value)
        if (mine !== generation) return
        svg.value = markup ?? ''
        error.value = null
      } catch (e) {
        if (mine !== generation) return
        svg.value = ''
        error.value = errorMessage(e)
      }
    },
    { immediate: true },
  )
  return { svg, error }
}
