import { expect, test } from './fixtures'

test('the station opens on the demo inventory', async ({ page, station }) => {
  const tree = page.getByTestId('location-tree')
  await expect(tree).toBeVisible()
  // Demo locations (src-main/core/demo): the site, its areas, and rooms nested under them.
  for (const name of ['Main Site', 'Goods In', 'Receiving Bench', 'Stores', 'Shelf A', 'Overflow Warehouse']) {
    await expect(tree.getByRole('link', { name, exact: true })).toBeVisible()
  }
  await expect(page.getByText('No scans yet')).toBeVisible()
  // Nothing was blocked by the Content-Security-Policy and nothing threw while the app started.
  expect(station.errors).toEqual([])
})
