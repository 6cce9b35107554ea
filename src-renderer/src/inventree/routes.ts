import type { RouteRecordRaw } from 'vue-router'

/** The InvenTree connection's settings and the Sync queue (loaded on demand). */
export const inventreeRoutes: RouteRecordRaw[] = [
  {
    path: '/settings/inventree',
    name: 'inventree-settings',
    component: () => import('./views/InventreeSettingsView.vue'),
  },
  { path: '/sync', name: 'sync', component: () => import('./views/SyncView.vue') },
]
