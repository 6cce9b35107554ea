import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router'
import HomeView from './views/HomeView.vue'
import SearchView from './views/SearchView.vue'
import NotFoundView from './views/NotFoundView.vue'
import SettingsView from './views/SettingsView.vue'
import { workflowRoutes } from './workflows/routes'
import { historyRoutes } from './history/routes'
import { itemRoutes } from './items/routes'
import { inventreeRoutes } from './inventree/routes'
import { inventoryRoutes } from './inventory/routes'

// Hash history because the app is loaded from file:// under Electron and from a token URL under the web host;
// neither can serve a deep path.
export function createAppRouter(history: RouterHistory = createWebHashHistory()) {
  return createRouter({
    history,
    routes: [
      { path: '/', name: 'home', component: HomeView },
      {
        path: '/search',
        name: 'search',
        component: SearchView,
        props: (route) => ({ q: typeof route.query.q === 'string' ? route.query.q : '' }),
      },
      ...historyRoutes,
      { path: '/settings', name: 'settings', component: SettingsView },
      // The InvenTree server's connection and the Sync queue (src-renderer/src/inventree).
      ...inventreeRoutes,
      // Keyboard-wedge layout calibration (loaded on demand; linked from the settings page).
      { path: '/calibrate', name: 'calibrate', component: () => import('./views/CalibrateView.vue') },
      // Loaded on demand: the page starts the decode worker and the camera.
      { path: '/camera', name: 'camera', component: () => import('./views/CameraView.vue') },
      // Scan page, receiving, put-away and the command sheet (src-renderer/src/workflows).
      ...workflowRoutes,
      ...itemRoutes,
      ...inventoryRoutes,
      { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
    ],
  })
}
