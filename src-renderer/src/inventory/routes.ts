import type { RouteRecordRaw } from 'vue-router'

/** The station's own inventory: edit screens, an order's lines, import and export (loaded on demand). */
export const inventoryRoutes: RouteRecordRaw[] = [
  { path: '/inventory', name: 'inventory', component: () => import('./views/InventoryView.vue') },
  {
    path: '/inventory/order/:pk(\\d+)',
    name: 'inventory-order',
    component: () => import('./views/OrderView.vue'),
    props: (route) => ({ pk: Number(route.params.pk) }),
  },
  { path: '/inventory/import', name: 'inventory-import', component: () => import('./views/ImportView.vue') },
]
