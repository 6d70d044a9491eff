import { describe, expect, it } from 'vitest'
import { decodeErrorBody } from '../../../src/core/response.js'
import {
  HttpResponseError,
  isConditionFailed,
  isItemExists,
  isNotFound,
  Response,
} from '../../../src/index.js'

function response(status: number, body: string): Response {
  const bytes = new TextEncoder().encode(body)
  return new Response(status, new Headers(), bytes, undefined, decodeErrorBody(bytes))
}

function raised(status: number, body: string): HttpResponseError {
  return new HttpResponseError({
    operation: 'PutItem',
    method: 'PUT',
    url: 'http://h/c/t/k',
    response: response(status, body),
  })
}

const conditionFalse =
  '{"ErrorCode":16777244,"ErrorMessage":"Condition expression evaluated to false","Inner":{"ErrorCode":16777245,"ErrorMessage":"Condition not met"}}'
const itemExists =
  '{"ErrorCode":369098809,"ErrorMessage":"Item already exists","Inner":{"ErrorCode":-17,"ErrorMessage":"File exists"}}'

describe('error predicates', () => {
  it('recognise the condition-false answer of kv.md, raised or not', () => {
    expect(isConditionFailed(raised(400, conditionFalse))).toBe(true)
    expect(isConditionFailed(response(400, conditionFalse))).toBe(true)
    // Only the nested code, differently nested, pretty-printed, legacy pair, or non-JSON text.
    expect(isConditionFailed(response(400, '{"ErrorCode":-1,"Errors":[{"ErrorCode":16777245}]}'))).toBe(true)
    expect(isConditionFailed(response(400, '{\n\t"ErrorCode": 16777244\n}'))).toBe(true)
    expect(isConditionFailed(response(400, '{"ErrorCode":184549378,"ErrorMessage":"x"}'))).toBe(true)
    expect(isConditionFailed(response(400, '<html>error 16777244</html>'))).toBe(true)
  })

  it('do not mistake other errors for a false condition', () => {
    expect(isConditionFailed(response(409, conditionFalse))).toBe(false)
    expect(
      isConditionFailed(
        response(
          400,
          '{"ErrorCode":-201326592,"ErrorMessage":"InvalidArgumentException: syntax error in ConditionExpression at offset 2: x"}',
        ),
      ),
    ).toBe(false)
    expect(isConditionFailed(raised(400, itemExists))).toBe(false)
    expect(isConditionFailed(new Error('16777244'))).toBe(false)
    expect(isConditionFailed(undefined)).toBe(false)
  })

  it('recognise "item exists" and "not found"', () => {
    expect(isItemExists(raised(400, itemExists))).toBe(true)
    expect(isItemExists(response(409, '{"ErrorCode":-1,"Inner":{"ErrorCode":369098809}}'))).toBe(true)
    expect(isItemExists(response(400, conditionFalse))).toBe(false)
    expect(isItemExists(response(404, itemExists))).toBe(false)
    expect(isNotFound(raised(404, '{"ErrorCode":-2,"ErrorMessage":"No such file or directory"}'))).toBe(true)
    expect(isNotFound(response(404, ''))).toBe(true)
    expect(isNotFound(response(400, conditionFalse))).toBe(false)
    expect(isNotFound({ statusCode: 404 })).toBe(false)
  })
})
