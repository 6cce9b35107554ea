import { createPrivateKey, X509Certificate } from 'node:crypto'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, expect, it } from 'vitest'
import { linkCertificate } from './certificate'

let dir = ''
afterEach(() => rmSync(dir, { recursive: true, force: true }))

it('makes one certificate for the chosen address, keeps it (key owner-only), and makes another only for a new address', async () => {
  dir = mkdtempSync(join(tmpdir(), 'scan-station-cert-'))
  const first = await linkCertificate(dir, '127.0.0.1')
  const x509 = new X509Certificate(first.cert)
  expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1')
  expect(x509.checkPrivateKey(createPrivateKey(first.key))).toBe(true)
  expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/)
  expect(statSync(join(dir, 'phone-link-key.pem')).mode & 0o077).toBe(0)

  // A restart on the same address: the same certificate, so a paired phone keeps trusting it.
  expect((await linkCertificate(dir, '127.0.0.1')).fingerprint).toBe(first.fingerprint)
  // Another address: a certificate that names it.
  const moved = await linkCertificate(dir, '::1')
  expect(moved.fingerprint).not.toBe(first.fingerprint)
  expect(new X509Certificate(moved.cert).checkIP('::1')).toBe('::1')
})
