import { describe, expect, it } from 'vitest'
import {
  HttpResponseError,
  isConditionFailed,
  PutItemsError,
  type PutItemsOutput,
  ValidationError,
} from '../../../src/index.js'
import { answer, scriptedClient } from './scripted-transport.js'

const conditionFalse = { ErrorCode: 16777244, ErrorMessage: 'Condition expression evaluated to false' }

describe('putItems', () => {
  it('writes every item under the table path and reports success', async () => {
    const { client, requests } = scriptedClient(() => answer(200))
    const response = await client.putItems({
      container: 'users',
      path: '/bobs-burgers',
      items: { bob: { age: 42 }, linda: { age: 41 } },
      condition: 'not(exists(age))',
    })
    expect(response.statusCode).toBe(200)
    expect(response.output.success).toBe(true)
    expect(Object.keys(response.output.responses).sort()).toEqual(['bob', 'linda'])
    expect(requests.map((request) => request.path).sort()).toEqual([
      '/users/bobs-burgers/bob',
      '/users/bobs-burgers/linda',
    ])
    expect(requests[0]!.body).toEqual({ Item: { age: { N: '42' } }, ConditionExpression: 'not(exists(age))' })
  })

  it('reports every failure: one does not hide the others', async () => {
    const { client } = scriptedClient((request) =>
      request.path.endsWith('/ok') ? answer(200) : answer(400, conditionFalse),
    )
    const error = await client
      .putItems({
        container: 'c',
        path: 't',
        items: { bad1: { a: 1 }, ok: { a: 2 }, bad2: { a: 3 } },
        condition: 'a > 5',
      })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpResponseError)
    const output = (error as HttpResponseError).response.output as PutItemsOutput
    expect(output.success).toBe(false)
    expect(output.responses.ok!.statusCode).toBe(200)
    expect(isConditionFailed(output.responses.bad1)).toBe(true)
    expect(isConditionFailed(output.responses.bad2)).toBe(true)
    const lenient = await client.putItems({
      container: 'c',
      path: 't',
      items: { bad1: { a: 1 }, ok: { a: 2 } },
      raiseForStatus: 'never',
    })
    expect(lenient.statusCode).toBe(400)
    expect(lenient.output.success).toBe(false)
  })

  it('raises a PutItemsError when writes fail without a response', async () => {
    const { client } = scriptedClient((request) => {
      if (request.path.endsWith('/down')) throw new TypeError('fetch failed')
      return answer(200)
    })
    const error = await client
      .putItems({ container: 'c', path: 't', items: { down: { a: 1 }, up: { a: 2 } } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(PutItemsError)
    expect(Object.keys((error as PutItemsError).output.errors)).toEqual(['down'])
    expect((error as PutItemsError).output.responses.up!.statusCode).toBe(200)
  })

  it('validates every item before sending anything', async () => {
    const { client, requests } = scriptedClient(() => answer(200))
    const error = await client
      .putItems({ container: 'c', path: 't', items: { good: { a: 1 }, bad: { a: Number.NaN } } })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(ValidationError)
    expect((error as ValidationError).parameter).toBe('items.bad.a')
    await expect(client.putItems({ container: 'c', path: 't', items: { 'a/b': {} } })).rejects.toThrow(
      ValidationError,
    )
    expect(requests).toHaveLength(0)
  })
})
