import type { RouteRecordRaw } from 'vue-router'
import HistoryView from './views/HistoryView.vue'

/** The scan-history review page. */
export const historyRoutes: RouteRecordRaw[] = [{ path: '/history', name: 'history', component: HistoryView }]
