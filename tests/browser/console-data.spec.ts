import { expect, test } from '@playwright/test'
import { type RunningEmulator, startEmulator } from '../../src/emulator/index.js'
import { Client, isNotFound, Timestamp } from '../../src/index.js'
import { openConsole, screenshotThemes } from './console-support.js'

// The console served by `startEmulator({ console: true })` (dist/console, built by `npm run build`),
// driven like a user drives it; every step is checked on the page and, for writes, through the SDK.
let emulator: RunningEmulator
let client: Client
const png = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAFklEQVR4nGP4z8DAwMDAxMDAwMDAAAANHQEDasKb6QAAAABJRU5ErkJggg==',
  'base64',
)

test.beforeAll(async () => {
  emulator = await startEmulator({ port: 0, console: true })
  client = new Client({ endpoint: emulator.url, accessKey: 'seed' })
  const items: Record<string, Record<string, number | string | boolean | Timestamp>> = {}
  for (let index = 0; index < 500; index++) {
    items[`item-${String(index).padStart(3, '0')}`] = {
      index,
      group: index % 5,
      label: `label ${index}`,
      score: index + 0.5,
      active: index % 2 === 0,
      created: new Timestamp(1_700_000_000 + index, 0),
    }
  }
  await client.putItems({ container: 'users', path: '/console-table/', items })
  for (let index = 0; index < 30; index++) {
    await client.putObject({
      container: 'bigdata',
      path: `/paged/object-${String(index).padStart(2, '0')}`,
      body: `${index}`,
    })
  }
})

/** Whether a call fails with 404. */
function missing(call: Promise<unknown>): Promise<boolean> {
  return call.then(
    () => false,
    (error: unknown) => isNotFound(error),
  )
}

test.afterAll(async () => {
  await emulator?.close()
})

test('browses, uploads by drag and drop and by the file chooser, views and deletes objects', async ({
  page,
}) => {
  await openConsole(page, emulator.url)
  await page.getByRole('link', { name: 'users', exact: true }).click()
  await expect(page.locator('h1')).toHaveText('users/')
  await expect(page.getByRole('link', { name: 'console-table/' })).toBeVisible()

  // Drop a JSON file on the directory while the emulator delays the PUT: the progress bar shows meanwhile.
  emulator.injectFaults({ delay: 800, methods: ['PUT'], count: 1 })
  const transfer = await page.evaluateHandle(() => {
    const data = new DataTransfer()
    data.items.add(
      new File(['{"greeting":"hello","values":[1,2,3]}'], 'hello.json', { type: 'application/json' }),
    )
    return data
  })
  await page.locator('section.drop-zone').dispatchEvent('drop', { dataTransfer: transfer })
  await expect(page.locator('.upload-progress')).toBeVisible()
  await expect(page.locator('.status')).toHaveText('Uploaded hello.json')
  await expect(page.locator('.upload-progress')).toBeHidden()
  const stored = await client.getObject({ container: 'users', path: '/hello.json' })
  expect(new TextDecoder().decode(stored.body)).toBe('{"greeting":"hello","values":[1,2,3]}')

  // Two more through the file chooser: an image and binary bytes.
  await page.locator('#upload-files').setInputFiles([
    { name: 'dot.png', mimeType: 'image/png', buffer: png },
    {
      name: 'bytes.bin',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from([0, 1, 2, 0xfe, 0xff, 65]),
    },
  ])
  await expect(page.locator('.status')).toHaveText('Uploaded dot.png, bytes.bin')
  await expect(page.getByRole('link', { name: 'bytes.bin' })).toBeVisible()
  await screenshotThemes(page, 'directory')

  await page.getByRole('link', { name: 'hello.json' }).click()
  await expect(page.locator('pre[data-kind="json"]')).toHaveText(
    JSON.stringify({ greeting: 'hello', values: [1, 2, 3] }, null, 2),
  )
  await expect(page.locator('.details')).toContainText('37 B')
  await screenshotThemes(page, 'object')
  await page.goBack()
  await page.getByRole('link', { name: 'dot.png' }).click()
  const image = page.getByRole('img', { name: 'Preview of dot.png' })
  await expect(image).toBeVisible()
  expect(await image.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(2)
  await page.goBack()
  await page.getByRole('link', { name: 'bytes.bin' }).click()
  await expect(page.locator('pre[data-kind="hex"]')).toHaveText(
    `00000000  00 01 02 fe ff 41${' '.repeat(30)}  .....A`,
  )

  // Delete from the object screen (confirmed), then from the listing.
  page.on('dialog', (dialog) => dialog.accept())
  await page.getByRole('button', { name: 'Delete' }).click()
  await expect(page.locator('h1')).toHaveText('users/')
  await expect(page.getByRole('link', { name: 'bytes.bin' })).toHaveCount(0)
  await page.getByRole('button', { name: 'Delete dot.png' }).click()
  await expect(page.getByRole('link', { name: 'dot.png' })).toHaveCount(0)
  for (const path of ['/bytes.bin', '/dot.png'])
    expect(await missing(client.headObject({ container: 'users', path }))).toBe(true)
})

test('pages through a directory with markers', async ({ page }) => {
  await openConsole(page, emulator.url, '#/directory/bigdata/paged/')
  await page.locator('#page-size').selectOption('25')
  await expect(page.locator('.page-info')).toHaveText('Page 1: 25 entries, more on the next page')
  await expect(page.locator('table.listing tbody tr').first()).toContainText('object-00')
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.locator('.page-info')).toHaveText('Page 2: 5 entries')
  await expect(page.locator('table.listing tbody tr')).toHaveText([
    /object-25/,
    /object-26/,
    /object-27/,
    /object-28/,
    /object-29/,
  ])
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled()
  await page.getByRole('button', { name: 'Previous page' }).click()
  await expect(page.locator('.page-info')).toHaveText('Page 1: 25 entries, more on the next page')
})

test('filters a table of 500 items, chooses attributes and pages through it', async ({ page }) => {
  await openConsole(page, emulator.url, '#/table/users/console-table/')
  const rows = page.locator('table.items tbody tr')
  await expect(page.locator('.status')).toHaveText('Page 1: items 1–50')
  await expect(rows).toHaveCount(50)
  // Typed columns: the header names each attribute's type, cells are formatted by type.
  const header = page.locator('table.items thead')
  for (const column of ['index int', 'score double', 'active bool', 'label string', 'created timestamp']) {
    await expect(header).toContainText(column)
  }
  await expect(page.locator('td.type-timestamp').first()).toHaveText(/^2023-11-1\dT\d\d:\d\d:\d\d\.000Z$/)

  // A syntax error is shown next to the filter, with a caret under the position the server names.
  await page.locator('#filter').fill('group == 2 AND')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.locator('#filter-error')).toContainText('syntax error in FilterExpression at offset 14')
  await expect(page.locator('#filter-error pre.caret')).toHaveText(`group == 2 AND\n${' '.repeat(14)}^`)

  await page.locator('#filter').fill('group == 2 AND index >= 100')
  await page.locator('#attributes').fill('index, label')
  await page.getByRole('button', { name: 'Apply' }).click()
  await expect(page.locator('#filter-error')).toHaveText('')
  await expect(page.locator('.status')).toHaveText('Page 1: items 1–50')
  await expect(page.locator('table.items thead th')).toHaveText([
    '__name string',
    'index int',
    'label string',
  ])
  const seen = new Set<number>()
  const collect = async () => {
    for (const text of await page.locator('table.items td.type-int').allTextContents()) seen.add(Number(text))
  }
  await collect()
  await screenshotThemes(page, 'table')
  await page.getByRole('button', { name: 'Next page' }).click()
  await expect(page.locator('.status')).toHaveText('Page 2: items 51–80 (last page)')
  await expect(rows).toHaveCount(30)
  await collect()
  await expect(page.getByRole('button', { name: 'Next page' })).toBeDisabled()
  // Exactly the 80 matching items, each once, across the two pages.
  expect([...seen].sort((a, b) => a - b)).toEqual(
    Array.from({ length: 500 }, (_, index) => index).filter((index) => index % 5 === 2 && index >= 100),
  )
  await page.getByRole('button', { name: 'Previous page' }).click()
  await expect(page.locator('.status')).toHaveText('Page 1: items 1–50')
})

test('edits an item: attributes, an update expression with a condition, delete', async ({ page }) => {
  const address = { container: 'users', path: '/console-table/item-007' }
  await openConsole(page, emulator.url, '#/table/users/console-table/')
  await page.locator('#filter').fill('index == 7')
  await page.getByRole('button', { name: 'Apply' }).click()
  await page.getByRole('button', { name: 'item-007' }).click()
  const editor = page.getByRole('region', { name: 'Item item-007' })
  await expect(editor.locator('.status')).toHaveText('6 attributes')
  await editor.getByLabel('Value of label').fill('edited label')
  await editor.getByLabel('Value of score').fill('not a number')
  await editor.getByRole('button', { name: 'Save attributes' }).click()
  await expect(editor.locator('.status')).toHaveText(
    'score: a double must be a finite number, got "not a number"',
  )
  await editor.getByLabel('Value of score').fill('99.25')
  await editor.getByRole('button', { name: 'Add attribute' }).click()
  await editor.getByLabel('Attribute name').last().fill('visits')
  await editor.getByLabel('Type of new attribute').selectOption('int')
  await editor.getByLabel('Value of new attribute').fill('3')
  await editor.getByRole('button', { name: 'Save attributes' }).click()
  await expect(editor.locator('.status')).toHaveText('Saved label, score, visits')
  await expect(page.locator('table.items td.type-string')).toHaveText(['edited label'])
  let item = (await client.getItem({ ...address, attributeNames: '*' })).output.item
  expect(item).toMatchObject({ label: 'edited label', score: 99.25, visits: 3, index: 7 })
  await screenshotThemes(page, 'item-editor')

  // An update expression guarded by a condition: applied when it holds, refused when it does not.
  await editor.locator('#update-expression').fill('visits = visits + 10')
  await editor.locator('#condition').fill('index == 7')
  await editor.getByRole('button', { name: 'Run update' }).click()
  await expect(editor.locator('.status')).toHaveText('Update expression applied')
  await expect(editor.getByLabel('Value of visits')).toHaveValue('13')
  await editor.locator('#condition').fill('index == 8')
  await editor.getByRole('button', { name: 'Run update' }).click()
  await expect(editor.locator('.status')).toHaveText('Condition not met: nothing changed')
  await editor.locator('#condition').fill('index ==')
  await editor.getByRole('button', { name: 'Run update' }).click()
  await expect(editor.locator('#condition-error')).toContainText(
    'syntax error in ConditionExpression at offset 8',
  )
  item = (await client.getItem({ ...address, attributeNames: ['visits'] })).output.item
  expect(item.visits).toBe(13)

  page.on('dialog', (dialog) => dialog.accept())
  await editor.getByRole('button', { name: 'Delete item' }).click()
  await expect(page.locator('.status').first()).toHaveText('No items')
  expect(await missing(client.getItem({ ...address, attributeNames: '*' }))).toBe(true)
})
