/**
 * Scanner devices as main reports them: the current list (`devices()`), kept up to date by `deviceStatus` events,
 * and the latest scan an unplug cut off (`scanDropped`), for a toast.
 */
import { defineStore } from 'pinia'
import { computed, ref } from 'vue'
import type { DeviceStatus, EventPayloads } from '../../../src-main/contract'
import { call, onStationEvent } from '../api/station'

const TOAST_MS = 6000

export const useDevicesStore = defineStore('devices', () => {
  const devices = ref<DeviceStatus[]>([])
  const dropped = ref<(EventPayloads['scanDropped'] & { id: number }) | null>(null)
  let started = false
  let nextId = 1
  let timer: ReturnType<typeof setTimeout> | null = null

  const connected = computed(() => devices.value.filter((d) => d.state === 'connected'))
  const problems = computed(() => devices.value.filter((d) => d.state === 'error'))

  function upsert(status: DeviceStatus): void {
    const i = devices.value.findIndex((d) => d.id === status.id)
    if (i < 0) devices.value = [...devices.value, status]
    else devices.value = devices.value.map((d, j) => (j === i ? status : d))
  }

  function start(): void {
    if (started) return
    started = true
    onStationEvent('deviceStatus', upsert)
    onStationEvent('scanDropped', (payload) => {
      dropped.value = { ...payload, id: nextId++ }
      if (timer) clearTimeout(timer)
      timer = setTimeout(() => (dropped.value = null), TOAST_MS)
    })
    call('devices', {})
      .then((list) => list.forEach(upsert))
      .catch(() => undefined)
  }

  function dismissDropped(): void {
    dropped.value = null
  }

  return { devices, connected, problems, dropped, start, dismissDropped }
})
