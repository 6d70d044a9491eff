import { describe, expect, it } from 'vitest'
import { HttpResponseError, RaiseForStatus } from '../../src/index.js'
import { uniquePath, useEmulator } from '../support/emulator.js'

const text = (body: Uint8Array) => new TextDecoder().decode(body)

describe('objects', () => {
  const fixture = useEmulator()

  it('runs the seed example: put, get prints "hello, there", delete', async () => {
    const { client } = fixture
    const put = await client.putObject({ container: 'users', path: '/my-object', body: 'hello, there' })
    expect(put.statusCode).toBe(200)
    const response = await client.getObject({ container: 'users', path: '/my-object' })
    expect(text(response.body)).toBe('hello, there')
    expect(response.output).toBeUndefined()
    const deleted = await client.deleteObject({ container: 'users', path: '/my-object' })
    expect(deleted.statusCode).toBe(204)
    const gone = await client.getObject({
      container: 'users',
      path: '/my-object',
      raiseForStatus: RaiseForStatus.never,
    })
    expect(gone.statusCode).toBe(404)
    expect(gone.error).toEqual({ errorCode: -2, errorMessage: 'No such file or directory' })
  })

  it('round-trips every body type', async () => {
    const { client } = fixture
    const all = Uint8Array.from({ length: 256 }, (_, i) => i)
    const cases: Array<[unknown, Uint8Array]> = [
      ['héllo ✓ 😀', new TextEncoder().encode('héllo ✓ 😀')],
      [all, all],
      [all.buffer.slice(0), all],
      [new Blob([all]), all],
      ['', new Uint8Array(0)],
    ]
    for (const [body, expected] of cases) {
      const path = uniquePath('bodies/o')
      await client.putObject({ container: 'bigdata', path, body: body as string })
      expect((await client.getObject({ container: 'bigdata', path })).body).toEqual(expected)
    }
  })

  it('round-trips paths with spaces, unicode and #, and lists them back by name', async () => {
    const { client } = fixture
    const directory = uniquePath('odd names')
    const names = ['obj ect#1.txt', 'ключ й', "é!'()*+&=?:@,", '😀']
    for (const name of names)
      await client.putObject({ container: 'bigdata', path: `${directory}/${name}`, body: name })
    for (const name of names) {
      expect(
        text((await client.getObject({ container: 'bigdata', path: `${directory}/${name}` })).body),
      ).toBe(name)
    }
    const { output } = await client.getContainerContents({ container: 'bigdata', path: directory })
    expect(output.contents.map((entry) => entry.key).sort()).toEqual(
      names.map((name) => `${directory}/${name}`).sort(),
    )
  })

  it('reads ranges as the contract describes', async () => {
    const { client } = fixture
    const path = uniquePath('ranges')
    await client.putObject({ container: 'bigdata', path, body: '1234567890' })
    const read = async (range: { offset?: number; numBytes?: number }) =>
      client.getObject({ container: 'bigdata', path, ...range })
    const fromFour = await read({ offset: 4 })
    expect([fromFour.statusCode, text(fromFour.body)]).toEqual([206, '567890'])
    expect(fromFour.headers.get('content-range')).toBe('bytes 4-9/10')
    expect(text((await read({ offset: 4, numBytes: 3 })).body)).toBe('567')
    expect(text((await read({ offset: 0, numBytes: 10 })).body)).toBe('1234567890')
    expect(text((await read({ offset: 8, numBytes: 100 })).body)).toBe('90')
    const past = await read({ offset: 10 })
    expect([past.statusCode, past.body.length]).toEqual([200, 0])
  })

  it('appends, creating the object on the first append', async () => {
    const { client } = fixture
    const path = uniquePath('appends/log')
    for (const part of ['a', 'bc', 'def'])
      await client.putObject({ container: 'bigdata', path, body: part, append: true })
    expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('abcdef')
    await client.putObject({ container: 'bigdata', path, body: 'new' })
    expect(text((await client.getObject({ container: 'bigdata', path })).body)).toBe('new')
  })

  it('reads size and modification time with headObject', async () => {
    const { client } = fixture
    const path = uniquePath('head')
    const before = Date.now() - 1000
    await client.putObject({ container: 'bigdata', path, body: 'twelve bytes' })
    const response = await client.headObject({ container: 'bigdata', path })
    expect(response.output.size).toBe(12)
    expect(response.body.length).toBe(0)
    expect(response.output.lastModified?.getTime()).toBeGreaterThanOrEqual(before - 1000)
    expect(response.headers.get('x-v3io-transaction-verifier')).toMatch(
      /^__mtime_secs==\d+ and __mtime_nsecs==\d+$/,
    )
  })

  it('creates parents implicitly, refuses to delete a non-empty directory, then deletes bottom-up', async () => {
    const { client } = fixture
    const root = uniquePath('tree')
    await client.putObject({ container: 'bigdata', path: `${root}/a/b/leaf`, body: 'x' })
    const head = await client.headObject({ container: 'bigdata', path: `${root}/a` })
    expect(head.output.size).toBe(0)
    const error = await client
      .deleteObject({ container: 'bigdata', path: `${root}/a` })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpResponseError)
    expect(error).toMatchObject({
      statusCode: 409,
      errorCode: -39,
      errorMessage: 'Directory not empty',
      operation: 'DeleteObject',
    })
    await client.deleteObject({ container: 'bigdata', path: `${root}/a/b/leaf` })
    await client.deleteObject({ container: 'bigdata', path: `${root}/a/b/` })
    await client.deleteObject({ container: 'bigdata', path: `${root}/a` })
    const listing = await client.getContainerContents({ container: 'bigdata', path: root })
    expect(listing.output.contents).toEqual([])
    expect(listing.output.commonPrefixes).toEqual([])
  })

  it('creates directories explicitly and idempotently', async () => {
    const { client } = fixture
    const path = uniquePath('made/dir')
    expect((await client.createDirectory({ container: 'bigdata', path })).statusCode).toBe(200)
    expect((await client.createDirectory({ container: 'bigdata', path })).statusCode).toBe(200)
    const { output } = await client.getContainerContents({
      container: 'bigdata',
      path: 'made',
      directoriesOnly: true,
    })
    expect(output.commonPrefixes.map((entry) => entry.prefix)).toContain(`${path}/`)
  })

  it('refuses a file where a directory is and the reverse, with the contract codes', async () => {
    const { client } = fixture
    const root = uniquePath('conflicts')
    await client.putObject({ container: 'bigdata', path: `${root}/file`, body: 'x' })
    await client.createDirectory({ container: 'bigdata', path: `${root}/dir` })
    const never = { raiseForStatus: RaiseForStatus.never }
    const asDir = await client.createDirectory({ container: 'bigdata', path: `${root}/file`, ...never })
    expect([asDir.statusCode, asDir.error?.errorCode]).toEqual([409, -17])
    const onDir = await client.putObject({ container: 'bigdata', path: `${root}/dir`, body: 'x', ...never })
    expect([onDir.statusCode, onDir.error?.errorCode]).toEqual([409, -21])
    const under = await client.putObject({
      container: 'bigdata',
      path: `${root}/file/x`,
      body: 'x',
      ...never,
    })
    expect([under.statusCode, under.error?.errorCode]).toEqual([409, -20])
  })

  it('carries the error fields, operation and URL on HttpResponseError, and accepts listed statuses', async () => {
    const { client } = fixture
    const path = uniquePath('missing')
    const error = await client.getObject({ container: 'users', path }).catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpResponseError)
    const http = error as HttpResponseError
    expect(http.statusCode).toBe(404)
    expect(http.errorCode).toBe(-2)
    expect(http.errorMessage).toBe('No such file or directory')
    expect(http.operation).toBe('GetObject')
    expect(http.method).toBe('GET')
    expect(http.url).toBe(`${fixture.emulator.url}/users/${path}`)
    expect(http.message).toContain('No such file')
    expect(http.response.statusCode).toBe(404)
    const accepted = await client.getObject({ container: 'users', path, raiseForStatus: [200, 404] })
    expect(accepted.statusCode).toBe(404)
    await expect(client.getContainers({ raiseForStatus: [404] })).rejects.toBeInstanceOf(HttpResponseError)
  })
})
