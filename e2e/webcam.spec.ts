/**
 * Webcam scanning end to end: Chromium's fake camera plays a .y4m made at test time with ffmpeg, the
 * /camera page decodes it in the worker and sends the text through Station.scan(), and the station opens the item.
 */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import QRCode from 'qrcode'
import { expect, test } from './fixtures'
import { ask } from './station'
import { sharedFolder } from '../src-main/tests/support/shared-fixtures'

const photos = sharedFolder('fixtures/quagga2')
/** A quagga2 fixture photo (EAN-13 8032754490297) that the camera page's fast pipeline reads inside its box. */
const PHOTO = join(photos.dir, 'ean', 'image-002.jpg')
const PHOTO_TEXT = '8032754490297'

/** Turns a still image of at most 640×480 into a short 640×480 .y4m clip, centred on white. */
function y4mFrom(image: string, out: string): void {
  execFileSync('ffmpeg', [
    '-hide_banner',
    '-loglevel',
    'error',
    '-y',
    '-loop',
    '1',
    '-i',
    image,
    '-t',
    '1',
    '-r',
    '10',
    '-vf',
    'pad=640:480:(ow-iw)/2:(oh-ih)/2:white,format=yuv420p',
    '-f',
    'yuv4mpegpipe',
    out,
  ])
}

function fakeCamera(y4m: string): string[] {
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${y4m}`,
  ]
}

const qrTest = test.extend<{ chromiumArgs: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  chromiumArgs: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-station-cam-'))
    const png = join(dir, 'qr.png')
    writeFileSync(png, await QRCode.toBuffer('{"stockitem": 1}', { type: 'png', margin: 4, scale: 6 }))
    y4mFrom(png, join(dir, 'qr.y4m'))
    await use(fakeCamera(join(dir, 'qr.y4m')))
    rmSync(dir, { recursive: true, force: true })
  },
})

const photoTest = test.extend<{ chromiumArgs: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  chromiumArgs: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-station-cam-'))
    y4mFrom(PHOTO, join(dir, 'photo.y4m'))
    await use(fakeCamera(join(dir, 'photo.y4m')))
    rmSync(dir, { recursive: true, force: true })
  },
})

qrTest('a QR code on the camera opens its stock item', async ({ page, station }) => {
  const item = await ask(page, 'getItem', { model: 'stockitem', pk: 1 })
  await page.getByTestId('camera-link').click()
  await expect(page).toHaveURL(/#\/camera$/)
  await expect(page).toHaveURL(/#\/stockitem\/1$/, { timeout: 20_000 })
  await expect(page.getByTestId('item-title')).toHaveText(item.title)
  const history = await ask(page, 'history', { limit: 5 })
  expect(history.find((h) => h.data === '{"stockitem": 1}')).toMatchObject({ source: 'webcam' })
  expect(station.errors.filter((e) => /wasm|worker|Content Security Policy/i.test(e))).toEqual([])
})

test.describe('with a photo from ../shared/fixtures/quagga2', () => {
  photoTest.skip(!photos.present, `needs ${photos.dir}, which is missing beside the repository`)

  photoTest(
    'a 1D barcode photo on the camera reaches the station and opens the item it is linked to',
    async ({ page }) => {
      const item = await ask(page, 'getItem', { model: 'stockitem', pk: 2 })
      await ask(page, 'link', { model: 'stockitem', pk: 2, data: PHOTO_TEXT })
      await page.getByTestId('camera-link').click()
      await expect(page).toHaveURL(/#\/stockitem\/2$/, { timeout: 20_000 })
      await expect(page.getByTestId('item-title')).toHaveText(item.title)
      const history = await ask(page, 'history', { limit: 5 })
      expect(history.find((h) => h.data === PHOTO_TEXT)).toMatchObject({ source: 'webcam' })
    },
  )
})
