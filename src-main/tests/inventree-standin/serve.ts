/**
 * Starts the InvenTree stand-in for a person to try the desk against:
 *   npm run inventree:standin -- [--port P] [--data FILE] [--schema FILE]
 * prints its URL and a token of the first user, then serves until interrupted.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import { startStandin } from './server'
import { StandinState } from './state'

const here = dirname(fileURLToPath(import.meta.url))
const { values } = parseArgs({
  options: { port: { type: 'string' }, data: { type: 'string' }, schema: { type: 'string' } },
  strict: true,
})
const state = StandinState.fromFile(values.data ?? join(here, 'demo-data.json'))
const standin = await startStandin({
  data: state,
  port: values.port === undefined ? 0 : Number(values.port),
  schemaPath: values.schema ?? join(here, '..', '..', '..', '..', 'shared', 'inventree', 'api-534.yaml'),
})
const user = state.data.users[0]!.username
process.stdout.write(
  `${JSON.stringify({ url: standin.url, user, token: standin.issueToken(user) })}\n` +
    `Connect a desk: npm run cli -- inventree connect --url ${standin.url} --token <token above>\n`,
)
process.on('SIGINT', () => {
  const { requestRejections, responseRejections } = standin.gate
  process.stderr.write(`schema rejections: ${requestRejections} requests, ${responseRejections} responses\n`)
  void standin.close().then(() => process.exit(0))
})
