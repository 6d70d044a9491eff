import { describe, expect, it } from 'vitest'
import { HttpResponseError, isConditionFailed } from '../../../src/index.js'
import { answer, scriptedClient } from './scripted-transport.js'

const conditionFalse = {
  ErrorCode: 16777244,
  ErrorMessage: 'Condition expression evaluated to false',
  Inner: { ErrorCode: 16777245, ErrorMessage: 'Condition not met' },
}
const verifier = { 'X-v3io-transaction-verifier': '__mtime_secs==10 and __mtime_nsecs==20' }

describe('updateItem (composite)', () => {
  it('reports a condition-false 400 after an alternate as the alternate branch (ED-36)', async () => {
    const { client, requests } = scriptedClient(() => answer(400, conditionFalse, verifier))
    const response = await client.updateItem({
      container: 'c',
      path: 't/k',
      condition: 'is_init==true',
      expression: 'a=a+1',
      alternateExpression: 'a=0; is_init=true',
    })
    expect(response.statusCode).toBe(200)
    expect(response.output.branch).toBe('alternate')
    expect(response.output.verifier?.condition).toBe('__mtime_secs==10 and __mtime_nsecs==20')
    expect(requests[0]!.method).toBe('POST')
    const never = await client.updateItem({
      container: 'c',
      path: 't/k',
      condition: 'x',
      alternateExpression: 'a=0',
      raiseForStatus: 'never',
    })
    expect(never.output.branch).toBe('alternate')
  })

  it('reports a 200 as the update branch', async () => {
    const { client } = scriptedClient(() => answer(200, '', verifier))
    const response = await client.updateItem({
      container: 'c',
      path: 't/k',
      expression: 'a=1',
      alternateExpression: 'a=2',
    })
    expect(response.output).toEqual({
      branch: 'update',
      verifier: expect.objectContaining({ condition: expect.any(String) }),
    })
  })

  it('raises a false condition without an alternate, and other errors with one', async () => {
    const { client } = scriptedClient(() => answer(400, conditionFalse))
    const error = await client
      .updateItem({ container: 'c', path: 't/k', condition: 'a > 1', expression: 'a = 1' })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpResponseError)
    expect(isConditionFailed(error)).toBe(true)
    expect((error as HttpResponseError).errorCode).toBe(16777244)
    expect((error as HttpResponseError).inner?.errorCode).toBe(16777245)
    const syntax = scriptedClient(() =>
      answer(400, {
        ErrorCode: -201326592,
        ErrorMessage: 'InvalidArgumentException: syntax error in ConditionExpression at offset 0: x',
      }),
    )
    await expect(
      syntax.client.updateItem({
        container: 'c',
        path: 't/k',
        condition: '(',
        expression: 'a=1',
        alternateExpression: 'a=2',
      }),
    ).rejects.toThrow(HttpResponseError)
  })
})
