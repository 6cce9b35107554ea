/**
 * Which InvenTree servers this desk works with. The oldest is API version 385, because the desk relies on:
 * - 385: receiving against a purchase order answers with the stock items it created, which is how an item
 *   received offline gets its server pk (so a label printed for it at the desk still scans afterwards);
 * - 341: list endpoints require `limit`, so every pull is paged the same way;
 * - 314: the token and roles endpoints under `/api/user/me/` (older servers had them elsewhere).
 */
import type { components } from './api-types.generated'
import { InventreeError } from './errors'

export const OLDEST_SUPPORTED_API = 385

export type ServerInfo = components['schemas']['InfoApi']

export interface ServerIdentity {
  server: string
  version: string
  instance: string
  apiVersion: number
}

/** The server's identity, or why this desk refuses it. */
export function acceptServer(info: Partial<ServerInfo> | undefined): ServerIdentity {
  if (!info || typeof info.apiVersion !== 'number' || info.server !== 'InvenTree')
    throw new InventreeError(
      'unsupported',
      'The address answered, but not as an InvenTree server (its /api/ has no InvenTree apiVersion)',
    )
  if (info.apiVersion < OLDEST_SUPPORTED_API)
    throw new InventreeError(
      'unsupported',
      `InvenTree ${info.version ?? ''} (API ${info.apiVersion}) is older than API ${OLDEST_SUPPORTED_API}, the oldest ` +
        'this desk supports: before it, receiving against a purchase order does not return the stock items it ' +
        'created, so items received offline could not be matched to the server. Upgrade the InvenTree server.',
    )
  return {
    server: info.server,
    version: info.version ?? '',
    instance: info.instance ?? '',
    apiVersion: info.apiVersion,
  }
}
