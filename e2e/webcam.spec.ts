/**
 * Webcam scanning end to end: Chromium's fake camera plays a .y4m made at test time with ffmpeg, the
 * /camera page decodes it in the worker and sends the text through Station.scan(), and the station opens the item.
 */
import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import bwipjs from 'bwip-js/node'
import QRCode from 'qrcode'
import sharp from 'sharp'
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

const RS = '\x1e'
const GS = '\x1d'
const EOT = '\x04'
/**
 * A DigiKey bag of a part the station does not know (so the camera page stays open): its ISO 15434 DataMatrix, and
 * a Code 128 of the part number (one of the DataMatrix's fields).
 */
const PART_NUMBER = '999-0042-1-ND'
const BAG = `[)>${RS}06${GS}P${PART_NUMBER}${GS}1PXQ0042${GS}Q10${GS}K4500012345${RS}${EOT}`

/**
 * The bag label on a 640×480 frame, the Code 128 above the DataMatrix, and the same frame with the DataMatrix hidden
 * (a hand, a glare): the camera sees both codes on most frames and the Code 128 alone on some.
 */
async function bagLabelFrames(dir: string): Promise<string> {
  const barcode = (bcid: string, text: string, scale: number): Promise<Buffer> =>
    bwipjs.toBuffer({ bcid, text, scale, height: 10, includetext: false, backgroundcolor: 'FFFFFF' })
  const code128 = await barcode('code128', PART_NUMBER, 2)
  const matrix = await barcode('datamatrix', BAG, 4)
  const c = await sharp(code128).metadata()
  const m = await sharp(matrix).metadata()
  const frame = (withMatrix: boolean): sharp.Sharp =>
    sharp({ create: { width: 640, height: 480, channels: 3, background: '#ffffff' } }).composite([
      { input: code128, left: Math.round((640 - c.width!) / 2), top: 120 },
      ...(withMatrix ? [{ input: matrix, left: Math.round((640 - m.width!) / 2), top: 120 + c.height! + 24 }] : []),
    ])
  const both = join(dir, 'both.png')
  const alone = join(dir, 'alone.png')
  await frame(true).png().toFile(both)
  await frame(false).png().toFile(alone)
  // 10 frames a second: the Code 128 alone on every third frame (the first), both codes on the others.
  for (let i = 0; i < 21; i++) copyFileSync(i % 3 === 0 ? alone : both, join(dir, `f${String(i).padStart(2, '0')}.png`))
  const y4m = join(dir, 'bag.y4m')
  execFileSync('ffmpeg', [
    ...['-hide_banner', '-loglevel', 'error', '-y', '-framerate', '10', '-i', join(dir, 'f%02d.png')],
    ...['-pix_fmt', 'yuv420p', '-f', 'yuv4mpegpipe', y4m],
  ])
  return y4m
}

const bagTest = test.extend<{ chromiumArgs: string[] }>({
  // eslint-disable-next-line no-empty-pattern
  chromiumArgs: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'scan-station-cam-'))
    await use(fakeCamera(await bagLabelFrames(dir)))
    rmSync(dir, { recursive: true, force: true })
  },
})

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

bagTest('a bag label with a Code 128 and a DataMatrix is one scan: the DataMatrix', async ({ page }) => {
  await page.getByTestId('camera-link').click()
  await expect(page).toHaveURL(/#\/camera$/)
  const webcamScans = async (): Promise<string[]> =>
    (await ask(page, 'history', { limit: 20 })).filter((h) => h.source === 'webcam').map((h) => h.data)
  await expect.poll(webcamScans, { timeout: 15_000 }).not.toEqual([])
  // The camera goes on decoding the label, the Code 128 alone on every third frame: 20 more frames add no scan.
  const counter = page.getByTestId('webcam-fps')
  const framesNow = Number(await counter.getAttribute('data-frames'))
  await expect
    .poll(async () => Number(await counter.getAttribute('data-frames')), { timeout: 10_000 })
    .toBeGreaterThan(framesNow + 20)
  expect(await webcamScans()).toEqual([BAG])
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
