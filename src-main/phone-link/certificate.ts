/**
 * The phone link's own TLS certificate: phone browsers give the camera only to HTTPS pages, and a desk on a LAN
 * has no certificate from anyone. It is made once with `selfsigned`, kept beside the database (the key owner-only),
 * and made again only when the chosen address is not among its names, so a paired phone keeps trusting it.
 */
import { X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { generate } from 'selfsigned'

export interface LinkCertificate {
  cert: string
  key: string
  /** SHA-256 of the certificate, as browsers show it (AB:CD:…). */
  fingerprint: string
}

const YEAR_MS = 365 * 24 * 3600 * 1000

function covers(cert: string, address: string): boolean {
  const x509 = new X509Certificate(cert)
  const valid = Date.parse(x509.validTo) > Date.now() + 24 * 3600 * 1000
  return (
    valid && (x509.checkIP(address) !== undefined || x509.subjectAltName?.includes(`IP Address:${address}`) === true)
  )
}

export async function linkCertificate(dir: string, address: string): Promise<LinkCertificate> {
  const certFile = join(dir, 'phone-link-cert.pem')
  const keyFile = join(dir, 'phone-link-key.pem')
  if (existsSync(certFile) && existsSync(keyFile)) {
    const cert = readFileSync(certFile, 'utf8')
    if (covers(cert, address))
      return { cert, key: readFileSync(keyFile, 'utf8'), fingerprint: new X509Certificate(cert).fingerprint256 }
  }
  const now = Date.now()
  const made = await generate([{ name: 'commonName', value: 'Scan Station phone link' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now - 3600 * 1000),
    notAfterDate: new Date(now + 5 * YEAR_MS),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 7, ip: address }] },
    ],
  })
  mkdirSync(dir, { recursive: true })
  writeFileSync(keyFile, made.private, { mode: 0o600 })
  chmodSync(keyFile, 0o600)
  writeFileSync(certFile, made.cert)
  return { cert: made.cert, key: made.private, fingerprint: new X509Certificate(made.cert).fingerprint256 }
}
