/**
 * A phone as the desk's second scanner: the desk's admin turns the phone link on, a second Chromium (the phone,
 * its fake camera playing a QR label made at test time) opens the pairing QR code's URL over HTTPS, pairs, and
 * its scan lands in the receipt open on the desk page, logged with source `phone` and the phone's name. A revoked
 * phone and a client that never paired are refused, and nothing listens while the link is off.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { request as httpsRequest } from 'node:https'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium, type Browser, type Page } from '@playwright/test'
import QRCode from 'qrcode'
import { WebSocket } from 'ws'
import { expect, test } from './fixtures'
import { ask, signInAdmin } from './station'

const GS = '\u001D'
const RS = '\u001E'
const EOT = '\u0004'

function y4mFrom(image: string, out: string): void {
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-loop', '1', '-i', image, '-t', '1', '-r', '10'],
    ...['-vf', 'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p', '-f', 'yuv4mpegpipe', out],
  ])
}

/** The phone: its own Chromium, whose only camera plays `label` as a QR code. */
async function phoneBrowser(dir: string, label: string): Promise<Browser> {
  const png = join(dir, 'label.png')
  // As large as fits the 640×480 frame, as a label held up to a phone is.
  const scale = Math.floor(440 / (QRCode.create(label, {}).modules.size + 8))
  writeFileSync(png, await QRCode.toBuffer(label, { type: 'png', margin: 4, scale }))
  y4mFrom(png, join(dir, 'label.y4m'))
  return chromium.launch({
    executablePath: process.env['CHROMIUM_PATH'] || '/usr/bin/chromium',
    args: [
      ...['--no-sandbox', '--disable-gpu', '--no-first-run'],
      '--use-fake-device-for-media-stream',
      '--use-fake-ui-for-media-stream',
      `--use-file-for-fake-video-capture=${join(dir, 'label.y4m')}`,
    ],
  })
}

/** The desk's admin signs in and turns the link on, on the loopback address and any free port. */
async function enableLink(page: Page): Promise<{ origin: string; pairingUrl: string; fingerprint: string }> {
  await ask(page, 'signIn', { badge: 'OP-9000', pin: '9000' })
  const view = await ask(page, 'setPhoneLink', { enabled: true, address: '127.0.0.1', port: 0 })
  expect(view.listening).not.toBeNull()
  return { origin: view.listening!.origin, pairingUrl: view.pairingUrl!, fingerprint: view.listening!.fingerprint }
}

/** As the desk's admin does it: sign in with the PIN, open Settings, pick the loopback address and turn it on. */
async function enableLinkAtTheDesk(page: Page): Promise<{ origin: string; fingerprint: string; qrUrl: string }> {
  await signInAdmin(page)
  await page.getByTestId('settings-link').click()
  const panel = page.getByTestId('phone-link')
  await panel.getByTestId('phone-link-address').selectOption('127.0.0.1')
  await panel.getByTestId('phone-link-port').fill('0')
  await panel.getByTestId('phone-link-enable').click()
  const origin = (await panel.getByTestId('phone-link-origin').textContent())!
  const fingerprint = (await panel.getByTestId('phone-link-fingerprint').textContent())!
  const qrUrl = (await panel.getByTestId('phone-link-pairing').getAttribute('data-url'))!
  return { origin, fingerprint, qrUrl }
}

/** A GET to the link from Node, certificate unchecked: the status code it answers (or the connection error). */
function status(url: string, headers: Record<string, string> = {}): Promise<number | string> {
  return new Promise((done) => {
    const req = httpsRequest(url, { rejectUnauthorized: false, headers }, (res) => {
      res.resume()
      done(res.statusCode ?? 0)
    })
    req.on('error', (err: NodeJS.ErrnoException) => done(err.code ?? err.message))
    req.end()
  })
}

/** Opens the link's WebSocket from Node as a client would; resolves with the HTTP status it was refused with. */
function socketRefusal(origin: string, cookie?: string): Promise<number | 'open'> {
  return new Promise((done) => {
    const ws = new WebSocket(`${origin.replace('https', 'wss')}/phone-socket`, {
      rejectUnauthorized: false,
      headers: { Origin: origin, ...(cookie ? { Cookie: cookie } : {}) },
    })
    ws.on('open', () => {
      ws.close()
      done('open')
    })
    ws.on('unexpected-response', (_req, res) => done(res.statusCode ?? 0))
    ws.on('error', () => {})
  })
}

test('a paired phone scans a bag label into the receipt open at the desk', async ({ page, station }) => {
  test.setTimeout(90_000)
  const order = await ask(page, 'getItem', { model: 'purchaseorder', pk: 1 })
  const line = order.sections.find((s) => s.title === 'Lines')!.rows[0]!
  const sp = await ask(page, 'getItem', { model: 'supplierpart', pk: line.link!.pk })
  const field = (label: string): string => String(sp.fields.find((f) => f.label === label)?.value ?? '')
  const sku = field('SKU')
  const label = `[)>${RS}06${GS}P${sku}${GS}1P${field('Manufacturer part')}${GS}KPO-0001${GS}1TLOT-P${GS}Q1${RS}${EOT}`

  const dir = mkdtempSync(join(tmpdir(), 'scan-station-phone-'))
  const phone = await phoneBrowser(dir, label)
  try {
    // The desk shows the QR code with the fingerprint; its text is the URL the phone opens.
    const link = await enableLinkAtTheDesk(page)
    const qrUrl = link.qrUrl
    expect(qrUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+\/\?pair=[\w-]{43}&fp=[0-9A-F]{64}$/)
    expect(link.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)

    await page.getByTestId('receive-link').click()
    await expect(page.getByTestId('receive-no-order')).toBeVisible()

    const context = await phone.newContext({ ignoreHTTPSErrors: true })
    const phonePage = await context.newPage()
    await phonePage.goto(qrUrl!)
    await expect(phonePage.getByTestId('phone-fingerprint')).toHaveText(link.fingerprint)
    await phonePage.getByTestId('phone-name').fill('Pallet phone')
    await phonePage.getByTestId('phone-pair').click()
    await expect(phonePage.getByTestId('phone-status')).toHaveText('Paired as Pallet phone: connected to the desk')
    // The pairing code is used up: opening it again shows nothing.
    expect(await status(qrUrl!)).toBe(403)

    await phonePage.getByTestId('phone-scan').click()
    await expect(phonePage.getByTestId('phone-result').first()).toHaveAttribute('data-outcome', 'matched', {
      timeout: 20_000,
    })
    // The desk's receiving claimed it as if scanned at the desk.
    await expect(page.getByTestId('receive-order')).toHaveText('PO-0001')
    await expect(page.getByTestId('receipt-row')).toHaveCount(1)
    const history = await ask(page, 'history', { limit: 5 })
    expect(history.find((h) => h.data === label)).toMatchObject({ source: 'phone', device: 'Pallet phone' })

    // The same bag again, after a pause (not a double read): the receipt flags it, and the phone hears that.
    await phonePage.waitForTimeout(1600)
    await phonePage.getByTestId('phone-scan').click()
    await expect(page.getByTestId('receipt-row')).toHaveCount(2)
    await expect(phonePage.getByTestId('phone-result').first()).toHaveAttribute('data-outcome', 'duplicate', {
      timeout: 20_000,
    })
    await expect(phonePage.getByTestId('phone-result').first()).toContainText('Duplicate')

    // After a reload the phone is still paired (its cookie), with no pairing code.
    await phonePage.goto(link.origin + '/')
    await expect(phonePage.getByTestId('phone-status')).toHaveText('Paired as Pallet phone: connected to the desk')

    // The desk lists the phone; revoking it there cuts it off at once.
    await page.getByTestId('settings-link').click()
    const row = page.getByTestId('phone-row').filter({ hasText: 'Pallet phone' })
    await row.getByTestId('phone-revoke').click()
    await expect(row).toHaveAttribute('data-revoked', 'true')
    await expect(phonePage.getByTestId('phone-status')).toHaveText(/The desk revoked this phone/)
    await phonePage.reload()
    await expect(phonePage.locator('body')).toContainText('This phone is not paired with the station')
    await context.close()
  } finally {
    await phone.close()
    rmSync(dir, { recursive: true, force: true })
  }
  expect(station.errors.filter((e) => /Content Security Policy/i.test(e))).toEqual([])
})

test('a scan made while the link was down waits on the phone and reaches the desk once it is back', async ({
  page,
}) => {
  test.setTimeout(90_000)
  const dir = mkdtempSync(join(tmpdir(), 'scan-station-phone-'))
  const phone = await phoneBrowser(dir, '{"part": 1}')
  try {
    const link = await enableLink(page)
    const port = Number(new URL(link.origin).port)
    const context = await phone.newContext({ ignoreHTTPSErrors: true })
    const phonePage = await context.newPage()
    await phonePage.goto(link.pairingUrl)
    await phonePage.getByTestId('phone-name').fill('Bench phone')
    await phonePage.getByTestId('phone-pair').click()
    await expect(phonePage.getByTestId('phone-status')).toHaveText('Paired as Bench phone: connected to the desk')
    // The page loads its decoder while the desk is in reach.
    await expect(phonePage.locator('#phone')).toHaveAttribute('data-decoder', 'ready')

    // The link goes down (as when the phone walks out of the Wi-Fi): the scan waits on the phone.
    await ask(page, 'setPhoneLink', { enabled: false, address: '127.0.0.1', port })
    await expect(phonePage.getByTestId('phone-status')).not.toHaveText(/connected to the desk/)
    await phonePage.getByTestId('phone-scan').click()
    await expect(phonePage.getByTestId('phone-queued')).toHaveText('1', { timeout: 20_000 })
    expect((await ask(page, 'history', { limit: 20 })).filter((h) => h.source === 'phone')).toEqual([])

    // Back on the same address and port: the phone reconnects by itself and sends it, once.
    await ask(page, 'setPhoneLink', { enabled: true, address: '127.0.0.1', port })
    await expect(phonePage.getByTestId('phone-result').first()).toHaveAttribute('data-outcome', 'matched', {
      timeout: 20_000,
    })
    await expect(phonePage.getByTestId('phone-queued')).toHaveText('0')
    const fromPhone = (await ask(page, 'history', { limit: 20 })).filter((h) => h.source === 'phone')
    expect(fromPhone.map((h) => [h.data, h.device])).toEqual([['{"part": 1}', 'Bench phone']])
    await context.close()
  } finally {
    await phone.close()
    rmSync(dir, { recursive: true, force: true })
  }
})

test('a revoked phone and an unpaired client are refused; the link is closed while off', async ({ page }) => {
  const link = await enableLink(page)
  // No pairing code, no token: neither the page nor the socket.
  expect(await status(link.origin + '/')).toBe(403)
  expect(await status(link.origin + '/?pair=' + 'x'.repeat(43))).toBe(403)
  expect(await socketRefusal(link.origin)).toBe(401)
  expect(await socketRefusal(link.origin, 'phone_token=' + 'y'.repeat(43))).toBe(401)

  // A phone pairs (as its page does), and its token opens the socket…
  const secret = new URL(link.pairingUrl).searchParams.get('pair')!
  const pairing = await fetchPair(link.origin, secret, 'Bag phone')
  expect(pairing.status).toBe(200)
  const cookie = pairing.cookie.split(';')[0]!
  expect(await socketRefusal(link.origin, cookie)).toBe('open')
  expect(await status(link.origin + '/', { Cookie: cookie })).toBe(200)
  // …the same code pairs no second phone…
  expect((await fetchPair(link.origin, secret, 'Another')).status).toBe(403)

  // …until the desk revokes it.
  const phoneId = (await ask(page, 'phoneLink', {})).phones.find((p) => p.name === 'Bag phone')!.id
  const revoked = await ask(page, 'revokePhone', { id: phoneId })
  expect(revoked.phones.find((p) => p.id === phoneId)!.revokedAt).not.toBeNull()
  expect(await socketRefusal(link.origin, cookie)).toBe(401)
  expect(await status(link.origin + '/', { Cookie: cookie })).toBe(403)

  // Off: nothing listens on that port any more.
  const off = await ask(page, 'setPhoneLink', { enabled: false, address: '127.0.0.1', port: 0 })
  expect(off.listening).toBeNull()
  expect(await status(link.origin + '/')).toBe('ECONNREFUSED')
})

function fetchPair(origin: string, secret: string, name: string): Promise<{ status: number; cookie: string }> {
  return new Promise((done, fail) => {
    const body = JSON.stringify({ secret, name })
    const req = httpsRequest(
      origin + '/pair',
      {
        method: 'POST',
        rejectUnauthorized: false,
        headers: {
          Origin: origin,
          'Content-Type': 'application/json',
          'Content-Length': String(Buffer.byteLength(body)),
        },
      },
      (res) => {
        res.resume()
        done({ status: res.statusCode ?? 0, cookie: String(res.headers['set-cookie']?.[0] ?? '') })
      },
    )
    req.on('error', fail)
    req.end(body)
  })
}
