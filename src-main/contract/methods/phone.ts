/** The phone link: a phone paired with the desk scans into it over the LAN (an admin switches it on). */
import { z } from 'zod'
import type { PhoneLinkView } from '../domain'
import { PkSchema, returns, type MethodSpec } from './define'

/** An IPv4 or IPv6 address as the host lists them (no brackets, no zone). */
const AddressSchema = z.union([z.ipv4(), z.ipv6()])

export const phoneMethods = {
  /** The link's state, its paired phones and, for an admin while it listens, the pairing QR code's URL. */
  phoneLink: { input: z.strictObject({}), output: returns<PhoneLinkView>() },
  /** Switch the link on (on an address of this machine and a port) or off; an admin's. */
  setPhoneLink: {
    input: z
      .strictObject({
        enabled: z.boolean(),
        address: z.union([AddressSchema, z.literal('')]),
        port: z.number().int().min(0).max(65_535),
      })
      .refine((v) => !v.enabled || v.address !== '', 'choose the address the phone link listens on'),
    output: returns<PhoneLinkView>(),
  },
  /** Revoke a paired phone: its token stops working at once and its connection is closed; an admin's. */
  revokePhone: { input: z.strictObject({ id: PkSchema }), output: returns<PhoneLinkView>() },
} satisfies Record<string, MethodSpec>
