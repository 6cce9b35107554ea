import type { RouteRecordRaw } from 'vue-router'
import type { ModelType } from '../../../src-main/contract'
import { modelTypes } from '../../../src-shared/models'
import ItemView from './views/ItemView.vue'

/**
 * One item's page; its path pattern matches only known models, so router.ts lists it before the catch-all. A pk
 * may be negative: a row made at the desk on an InvenTree replica before the server numbered it.
 */
export const itemRoutes: RouteRecordRaw[] = [
  {
    path: `/:model(${modelTypes.join('|')})/:pk(-?\\d+)`,
    name: 'item',
    component: ItemView,
    // The path pattern has already restricted both params, so these conversions cannot produce junk.
    props: (route) => ({ model: route.params.model as ModelType, pk: Number(route.params.pk) }),
  },
]
