import { describe, expect, it } from 'vitest'
import {
  DecodeError,
  HttpResponseError,
  ItemsCursor,
  RequestAbortedError,
  ValidationError,
} from '../../../src/index.js'
import { answer, delay, page, scriptedClient } from './scripted-transport.js'

describe('newItemsCursor', () => {
  it('follows markers page by page and yields every item', async () => {
    const pages = [page(['a', 'b'], 'm1'), page(['c'], 'm2'), page(['d'])]
    const { client, requests } = scriptedClient((_, index) => pages[index]!)
    const cursor = client.newItemsCursor({
      container: 'bigdata',
      path: '/people/',
      filterExpression: 'age > 15',
    })
    expect(cursor).toBeInstanceOf(ItemsCursor)
    expect(requests).toHaveLength(0) // lazy
    expect(await cursor.all()).toEqual([{ __name: 'a' }, { __name: 'b' }, { __name: 'c' }, { __name: 'd' }])
    expect(requests.map((request) => request.body)).toEqual([
      { AttributesToGet: '*', FilterExpression: 'age > 15' },
      { AttributesToGet: '*', FilterExpression: 'age > 15', Marker: 'm1' },
      { AttributesToGet: '*', FilterExpression: 'age > 15', Marker: 'm2' },
    ])
    expect(requests[0]!.path).toBe('/bigdata/people/')
    expect(requests[0]!.headers['X-v3io-function']).toBe('GetItems')
  })

  it('sends the remaining overall limit, capped by the page size, and stops at the limit', async () => {
    const { client, requests } = scriptedClient((request, index) => {
      const limit = request.body!.Limit as number
      return page(
        Array.from({ length: Math.min(limit, 4) }, (_, n) => `i${index}-${n}`),
        `m${index}`,
      )
    })
    const items = await client.newItemsCursor({ container: 'c', path: 't', limit: 10, pageSize: 4 }).all()
    expect(items).toHaveLength(10)
    expect(requests.map((request) => request.body!.Limit)).toEqual([4, 4, 2])
    // Like the official Python SDK: new_cursor(limit=30) sends Limit 30 first.
    const single = scriptedClient(() => page(['x', 'y']))
    await single.client.newItemsCursor({ container: 'c', path: 't', limit: 30 }).all()
    expect(single.requests[0]!.body!.Limit).toBe(30)
  })

  it('sends nothing for a limit of 0, and starts from a given marker', async () => {
    const { client, requests } = scriptedClient(() => page(['z']))
    expect(await client.newItemsCursor({ container: 'c', path: 't', limit: 0 }).all()).toEqual([])
    expect(requests).toHaveLength(0)
    expect(
      await client.newItemsCursor({ container: 'c', path: 't', marker: 'resume-here' }).nextItem(),
    ).toEqual({
      __name: 'z',
    })
    expect(requests[0]!.body!.Marker).toBe('resume-here')
  })

  it('continues after an empty non-final page', async () => {
    const pages = [page([], 'm1'), page(['a'])]
    const { client } = scriptedClient((_, index) => pages[index]!)
    expect(await client.newItemsCursor({ container: 'c', path: 't' }).all()).toEqual([{ __name: 'a' }])
  })

  it('fails with a DecodeError instead of looping when the marker does not advance', async () => {
    for (const pages of [
      [page(['a'], 'm1'), page(['b'], 'm1')],
      [page(['a'], 'm1'), page(['b'], 'm2'), page(['c'], 'm1')],
      [answer(200, { LastItemIncluded: 'FALSE', Items: [{}] })],
    ]) {
      const { client, requests } = scriptedClient((_, index) => pages[index]!)
      await expect(client.newItemsCursor({ container: 'c', path: 't' }).all()).rejects.toThrow(DecodeError)
      expect(requests).toHaveLength(pages.length)
    }
    const { client } = scriptedClient(() => page(['b'], 'start'))
    await expect(client.newItemsCursor({ container: 'c', path: 't', marker: 'start' }).all()).rejects.toThrow(
      /does not advance/,
    )
  })

  it('skips the .#schema file, asking for __name when the selection lacks it', async () => {
    const body = {
      LastItemIncluded: 'TRUE',
      Items: [{ __name: { S: '.#schema' } }, { __name: { S: 'bob' }, age: { N: '42' } }],
    }
    const { client, requests } = scriptedClient(() => answer(200, body))
    expect(await client.newItemsCursor({ container: 'c', path: 't', attributeNames: ['age'] }).all()).toEqual(
      [{ age: 42 }],
    )
    expect(requests[0]!.body!.AttributesToGet).toBe('age,__name')
    expect(
      await client.newItemsCursor({ container: 'c', path: 't', attributeNames: ['__name', 'age'] }).all(),
    ).toEqual([{ __name: 'bob', age: 42 }])
    expect(requests[1]!.body!.AttributesToGet).toBe('__name,age')
    const withSchema = await client
      .newItemsCursor({ container: 'c', path: 't', includeSchemaFile: true })
      .all()
    expect(withSchema.map((item) => item.__name)).toEqual(['.#schema', 'bob'])
  })

  it('is iterable with for await, stops when the loop breaks, and nextItem ends with undefined', async () => {
    const pages = [page(['a', 'b'], 'm1'), page(['c'])]
    const { client, requests } = scriptedClient((_, index) => pages[index]!)
    const seen: unknown[] = []
    for await (const item of client.newItemsCursor({ container: 'c', path: 't' })) {
      seen.push(item.__name)
      if (seen.length === 2) break
    }
    expect(seen).toEqual(['a', 'b'])
    expect(requests).toHaveLength(1)
    const cursor = scriptedClient(() => page(['only'])).client.newItemsCursor({ container: 'c', path: 't' })
    expect(await cursor.nextItem()).toEqual({ __name: 'only' })
    expect(await cursor.nextItem()).toBeUndefined()
  })

  it('raises on an error status even when the client never raises', async () => {
    const { client } = scriptedClient(() =>
      answer(404, { ErrorCode: -2, ErrorMessage: 'No such file or directory' }),
    )
    await expect(client.newItemsCursor({ container: 'c', path: 'missing' }).all()).rejects.toThrow(
      HttpResponseError,
    )
  })

  it('honours the caller signal', async () => {
    const controller = new AbortController()
    const { client } = scriptedClient(async (_, index, signal) => {
      if (index === 1) {
        controller.abort(new Error('stop'))
        await delay(1000, signal)
      }
      return page([`i${index}`], `m${index}`)
    })
    const cursor = client.newItemsCursor({ container: 'c', path: 't', signal: controller.signal })
    await expect(cursor.all()).rejects.toThrow(RequestAbortedError)
  })

  it('validates its options when created', () => {
    const { client } = scriptedClient(() => page([]))
    expect(() => client.newItemsCursor({ container: 'c', path: 't', limit: -1 })).toThrow(ValidationError)
    expect(() => client.newItemsCursor({ container: 'c', path: 't', pageSize: 0 })).toThrow(ValidationError)
    expect(() => client.newItemsCursor({ container: 'c', path: 't', segment: 1 })).toThrow(ValidationError)
  })
})
