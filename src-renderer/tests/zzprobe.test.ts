import { it } from 'vitest'
import { installRealStation } from './support/realStation'
const GS = '\u001D',
  RS = '\u001E',
  EOT = '\u0004'
it('probe', async () => {
  const r = installRealStation()
  const j = (x: unknown) => console.log(JSON.stringify(x))
  const sp = await r.call('getItem', { model: 'supplierpart', pk: 19 })
  j(sp.fields)
  j(
    await r
      .call('createSupplierPart', { supplier: 1, sku: '1276-CL21B104KBCNNNCCT-ALT', part: 19, mpn: 'CL21B104KBCNNNC' })
      .catch((e) => String(e)),
  )
  j(await r.call('scan', { data: `[)>${RS}06${GS}1PCL21B104KBCNNNC${GS}Q5${RS}${EOT}`, source: 'manual' }))
  j(await r.call('scan', { data: `[)>${RS}06${GS}P296-9999-ND${GS}KPO-0001${GS}Q25${RS}${EOT}`, source: 'manual' }))
  j(await r.call('scan', { data: `[)>${RS}06P296-9999-NDQ25KPO-0001${RS}${EOT}`, source: 'manual' }))
  j(
    await r.call('scan', {
      data: `[)>${RS}06${GS}P1276-CL21B104KBCNNNCCT-ND${GS}1PCL21B104KBCNNNC${GS}KPO-0001${GS}Q25${RS}${EOT}`,
      source: 'manual',
    }),
  )
  j(await r.call('search', { query: 'RP2040', limit: 50 }))
})
