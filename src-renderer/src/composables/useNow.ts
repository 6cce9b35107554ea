import { onBeforeUnmount, onMounted, ref, type Ref } from 'vue'

/** The time, moved on every `everyMs` while the component is mounted: for "2 min ago" that stays true. */
export function useNow(everyMs = 30_000): Ref<number> {
  const now = ref(Date.now())
  let timer: ReturnType<typeof setInterval> | null = null
  onMounted(() => {
    now.value = Date.now()
    timer = setInterval(() => (now.value = Date.now()), everyMs)
  })
  onBeforeUnmount(() => {
    if (timer) clearInterval(timer)
    timer = null
  })
  return now
}
