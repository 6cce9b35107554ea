import type { RouteRecordRaw } from 'vue-router'

/** The InvenTree connection's settings (loaded on demand). */
export const inventreeRoutes: RouteRecordRaw[] = [
  {
    path: '/settings/inventree',
    name: 'inventree-settings',
    component: () => import('./views/InventreeSettingsView.vue'),
  },
]
