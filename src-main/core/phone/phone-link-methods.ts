/**
 * The Station's phone-link methods: the admin's switch and address, the pairing QR code's URL, the paired
 * phones and their revocation. The server itself is the host's (it listens on the network); the Station keeps
 * the choice, the phones and the pairing secret, and tells the host's server what to do.
 */
import type { MethodInput, PhoneLinkView } from '../../contract'
import { ConflictError } from '../errors'
import type { PhoneLinkControl, PhoneLinkProvider } from '../station-options'
import type { PairingOffer } from './pairing-offer'
import type { PhoneRegistry } from './phone-registry'
import type { Phones } from './phones'

export interface PhoneLinkParts {
  phoneRegistry: PhoneRegistry
  pairing: PairingOffer
  phones: Phones
}

/**
 * The URL the QR code carries: the link's origin, the one-time secret, and the fingerprint to compare (hex without
 * its colons, which a URL would escape into three characters each: a smaller QR code reads from further away).
 */
export function pairingUrl(origin: string, secret: string, fingerprint: string): string {
  const url = new URL('/', origin)
  url.searchParams.set('pair', secret)
  url.searchParams.set('fp', fingerprint.replaceAll(':', ''))
  return url.href
}

export class PhoneLinkMethods {
  constructor(
    private readonly parts: () => PhoneLinkParts,
    private readonly provider: PhoneLinkProvider | null,
    private readonly isAdmin: () => boolean,
    private readonly requireAdmin: (what: string) => void,
  ) {}

  private control(): PhoneLinkControl {
    const control = this.provider?.current() ?? null
    if (!control) throw new ConflictError('This station has no phone link: it runs without a network host')
    return control
  }

  view(): PhoneLinkView {
    const { phoneRegistry, pairing } = this.parts()
    const config = phoneRegistry.config()
    const control = this.provider?.current() ?? null
    const status = control?.status() ?? { listening: null, problem: control ? null : 'No phone link on this host' }
    const listening = config.enabled ? status.listening : null
    return {
      ...config,
      addresses: control?.addresses() ?? [],
      listening,
      // The secret pairs a phone: only an admin sees it.
      pairingUrl:
        listening && this.isAdmin() ? pairingUrl(listening.origin, pairing.current(), listening.fingerprint) : null,
      problem: config.enabled ? status.problem : null,
      phones: phoneRegistry.list(),
    }
  }

  async set(input: MethodInput<'setPhoneLink'>): Promise<PhoneLinkView> {
    this.requireAdmin(input.enabled ? 'switch the phone link on' : 'switch the phone link off')
    const control = this.control()
    if (input.enabled && !control.addresses().includes(input.address))
      throw new ConflictError(`${input.address} is not an address of this machine`)
    const { phoneRegistry, pairing } = this.parts()
    phoneRegistry.setConfig(input)
    // A QR code shown before the change pairs nothing afterwards.
    pairing.withdraw()
    await control.apply(input)
    return this.view()
  }

  revoke(input: MethodInput<'revokePhone'>): PhoneLinkView {
    this.requireAdmin('revoke a phone')
    this.parts().phones.revoke(input.id)
    this.provider?.current()?.disconnect(input.id)
    return this.view()
  }
}
