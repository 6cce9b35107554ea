/**
 * A Station on a replica of the InvenTree stand-in, connected and pulled as a desk would be: the admin signs in,
 * connects with a token the server issued, and syncs. Background syncs are off so a test decides when one runs.
 */
import type { CreatedStock } from '../../core/actions/workflows/strategy'
import type { Station, StationOptions } from '../../core/station'
import { demoData, SCHEMA_PATH } from '../inventree-standin/fixture'
import { startStandin, type Standin } from '../inventree-standin/server'
import type { StandinData } from '../inventree-standin/state'
import { openTestStation, signInAdmin } from './station'
import { tempDbPath } from './temp-db'

export const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

/** A DigiKey bag label (ISO 15434) as DigiKey prints it, naming its order in the K field. */
export const digikeyLabel = (sku: string, mpn: string, qty: number, lot: string, po = 'PO-0001'): string =>
  `[)>${RS}06${GS}P${sku}${GS}1P${mpn}${GS}30P${sku}${GS}K${po}${GS}1K84213377${GS}10K55512${GS}9D2346${GS}1T${lot}${GS}11K1${GS}4LTW${GS}Q${qty}${GS}11ZPICK${GS}12Z998877${GS}13Z400${GS}20Z0000000000${RS}${EOT}`

/** The stand-in demo order PO-0001's two lines, as their DigiKey labels name them. */
export const PO1_LINES = [
  { sku: '311-10.0KHRCT-ND', mpn: 'RC0603FR-0710KL' },
  { sku: '311-1088-1-ND', mpn: 'CC0603KRX7R9BB104' },
] as const

export async function startDemoStandin(data: StandinData = demoData()): Promise<Standin> {
  return startStandin({ data, schemaPath: SCHEMA_PATH })
}

/**
 * A desk connected to `standin` as its receiving user (allowed to receive and adjust stock) and pulled; the
 * station's admin is signed out again afterwards.
 */
export async function openReplicaStation(
  standin: Standin,
  options: Partial<StationOptions> = {},
  user = 'receiver',
): Promise<Station> {
  const station = openTestStation({
    dbPath: tempDbPath(),
    demo: false,
    startUserPlugins: false,
    syncIntervalMs: 0,
    inventreeTimeoutMs: 5000,
    ...options,
  })
  await signInAdmin(station)
  await station.inventreeConnect({ url: standin.url, token: standin.issueToken(user) })
  station.signOut()
  const first = await station.inventreeSync({})
  if (first.stopped) throw new Error(`the first sync stopped: ${first.stopped}`)
  return station
}

/**
 * Scans DigiKey bags of PO-0001 into one receipt at the desk and commits it (nothing here talks to the server);
 * each bag names its line (0 or 1), its quantity and its lot.
 */
export function receiveBags(station: Station, bags: { line: 0 | 1; qty: number; lot: string }[]): CreatedStock[] {
  const session = station.sessionStart({ kind: 'receive' })
  for (const b of bags) {
    const added = station.sessionAdd({
      session: session.id,
      data: digikeyLabel(PO1_LINES[b.line].sku, PO1_LINES[b.line].mpn, b.qty, b.lot),
      source: 'wedge',
    })
    if (added.row?.flag !== 'ok') throw new Error(`bag ${b.lot} was flagged ${added.row?.flag}: ${added.row?.note}`)
  }
  return station.sessionCommit({ session: session.id }).created
}
