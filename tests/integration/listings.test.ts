import { describe, expect, it } from 'vitest'
import { DecodeError, type GetContainerContentsOutput } from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'

describe('directory listings', () => {
  const fixture = useEmulator()

  it('pages with limit and marker exactly like the contract example', async () => {
    const { client } = fixture
    const logs = uniquePath('logs')
    for (let i = 9; i >= 0; i--)
      await client.putObject({ container: 'bigdata', path: `${logs}/f${i}`, body: `${i}` })
    const first = await client.getContainerContents({ container: 'bigdata', path: logs, limit: 5 })
    expect(first.output.contents.map((entry) => entry.key)).toEqual(
      [0, 1, 2, 3, 4].map((i) => `${logs}/f${i}`),
    )
    expect([first.output.nextMarker, first.output.isTruncated, first.output.maxKeys]).toEqual([
      `${logs}/f4`,
      true,
      5,
    ])
    const second = await client.getContainerContents({
      container: 'bigdata',
      path: logs,
      limit: 5,
      marker: first.output.nextMarker,
    })
    expect(second.output.contents.map((entry) => entry.key)).toEqual(
      [5, 6, 7, 8, 9].map((i) => `${logs}/f${i}`),
    )
    expect([second.output.nextMarker, second.output.isTruncated]).toEqual([`${logs}/f9`, false])
    expect(second.output.contents.map((entry) => entry.size)).toEqual([1, 1, 1, 1, 1])
  })

  it('merges files and directories in UTF-8 byte order and returns files first in each page', async () => {
    const { client } = fixture
    const root = uniquePath('order')
    const names = ['stream-10', 'stream-2', 'stream-1', '\uff21', '😀', 'B', 'a']
    for (const name of names) {
      if (name.startsWith('stream'))
        await client.createDirectory({ container: 'bigdata', path: `${root}/${name}` })
      else await client.putObject({ container: 'bigdata', path: `${root}/${name}` })
    }
    const pages: GetContainerContentsOutput[] = []
    for await (const page of client.containerContentsPages({ container: 'bigdata', path: root, limit: 3 }))
      pages.push(page)
    expect(pages.map((page) => page.isTruncated)).toEqual([true, true, false])
    const order = pages.flatMap((page) => [
      ...page.contents.map((entry) => entry.key.slice(root.length + 1)),
      ...page.commonPrefixes.map((entry) => entry.prefix.slice(root.length + 1)),
    ])
    // Byte order: 'B' < 'a' < 'stream-1' < 'stream-10' < 'stream-2' < U+FF21 < U+1F600, in pages of three
    // where files precede directories: the second page holds stream-10/, stream-2/ and U+FF21.
    expect(order).toEqual(['B', 'a', 'stream-1/', '\uff21', 'stream-10/', 'stream-2/', '😀'])
  })

  it('lists directories only, with every attribute when asked', async () => {
    const { client } = fixture
    const root = uniquePath('attrs')
    await client.putObject({ container: 'bigdata', path: `${root}/file`, body: 'abc' })
    await client.createDirectory({ container: 'bigdata', path: `${root}/sub` })
    const onlyDirectories = await client.getContainerContents({
      container: 'bigdata',
      path: root,
      directoriesOnly: true,
    })
    expect(onlyDirectories.output.contents).toEqual([])
    expect(onlyDirectories.output.commonPrefixes).toEqual([{ prefix: `${root}/sub/` }])
    const { output } = await client.getContainerContents({
      container: 'bigdata',
      path: `/${root}/`,
      getAllAttributes: true,
    })
    const [file] = output.contents
    expect(file).toMatchObject({ key: `${root}/file`, size: 3, mode: '0100664', uid: 1000, gid: 1000 })
    expect(typeof file?.inodeNumber).toBe('number')
    expect(file?.creatingTime).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/)
    expect(output.commonPrefixes[0]).toMatchObject({ prefix: `${root}/sub/`, mode: '040775' })
  })

  it('answers 404 for a missing directory and for a file', async () => {
    const { client } = fixture
    const path = uniquePath('nothing-here')
    const missing = await client.getContainerContents({ container: 'bigdata', path, raiseForStatus: 'never' })
    expect([missing.statusCode, missing.error?.errorCode]).toEqual([404, -2])
    await client.putObject({ container: 'bigdata', path, body: 'x' })
    const file = await client.getContainerContents({ container: 'bigdata', path, raiseForStatus: 'never' })
    expect([file.statusCode, file.error?.errorCode, file.error?.errorMessage]).toEqual([
      404,
      -20,
      'Not a directory',
    ])
  })

  it('stops the pager with a decode error when the server repeats a marker', async () => {
    const stuck =
      '<ListBucketResult><Name>bigdata</Name><NextMarker>x/a</NextMarker><MaxKeys>1</MaxKeys><IsTruncated>true</IsTruncated><Contents><Key>x/a</Key><Size>0</Size><LastModified>2024-05-01T10:00:00.000Z</LastModified></Contents></ListBucketResult>'
    const client = fixture.newClient({
      fetch: async () => new Response(stuck, { status: 200, headers: { 'Content-Type': 'application/xml' } }),
    })
    const pages = client.containerContentsPages({ container: 'bigdata', path: 'x' })
    await expect(
      (async () => {
        for await (const _ of pages);
      })(),
    ).rejects.toBeInstanceOf(DecodeError)
  })
})
