import type { RouteRecordRaw } from 'vue-router'

/** The workflow pages; router.ts lists them before its item and catch-all routes. */
export const workflowRoutes: RouteRecordRaw[] = [
  { path: '/scan', name: 'scan-page', component: () => import('./views/ScanPageView.vue') },
  {
    path: '/receive',
    name: 'receive',
    component: () => import('./views/ReceiveView.vue'),
    props: (route) => {
      const order =
        typeof route.query.order === 'string' && /^\d+$/.test(route.query.order) ? Number(route.query.order) : null
      return { order: order && order > 0 ? order : null }
    },
  },
  {
    path: '/putaway/:location(\\d+)',
    name: 'putaway',
    component: () => import('./views/PutawayView.vue'),
    props: (route) => ({ location: Number(route.params.location) }),
  },
  { path: '/commands', name: 'commands', component: () => import('./views/CommandSheetView.vue') },
]
