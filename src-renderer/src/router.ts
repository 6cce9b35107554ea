import { createRouter, createWebHashHistory, type RouterHistory } from 'vue-router'
import type { ModelType } from '../../src-main/contract'
import { modelTypes } from './lib/models'
import HomeView from './views/HomeView.vue'
import SearchView from './views/SearchView.vue'
import ItemView from './views/ItemView.vue'
import HistoryView from './views/HistoryView.vue'
import NotFoundView from './views/NotFoundView.vue'
import SettingsView from './views/SettingsView.vue'
import { workflowRoutes } from './workflows/routes'

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
      { path: '/history', name: 'history', component: HistoryView },
      { path: '/settings', name: 'settings', component: SettingsView },
      // Keyboard-wedge layout calibration (loaded on demand; linked from the settings page).
      { path: '/calibrate', name: 'calibrate', component: () => import('./views/CalibrateView.vue') },
      // Loaded on demand: the page starts the decode worker and the camera.
      { path: '/camera', name: 'camera', component: () => import('./views/CameraView.vue') },
      // Scan page, receiving, put-away and the command sheet (src-renderer/src/workflows).
      ...workflowRoutes,
      {
        path: `/:model(${modelTypes.join('|')})/:pk(\\d+)`,
        name: 'item',
        component: ItemView,
        // The path pattern has already restricted both params, so these conversions cannot produce junk.
        props: (route) => ({ model: route.params.model as ModelType, pk: Number(route.params.pk) }),
      },
      { path: '/:pathMatch(.*)*', name: 'not-found', component: NotFoundView },
    ],
  })
}
