import { describe, expect, it } from 'vitest'
import { DecodeError, HttpResponseError } from '../../../src/index.js'
import { rejection } from '../../support/rejection.js'
import { scriptedClient } from '../../support/scripted-client.js'

const xml = (body: string) => `<?xml version="1.0"?><ListBucketResult>${body}</ListBucketResult>`

// deleteTable and deleteStream are one function (deleteTree): the same rules for both.
describe.each(['deleteTable', 'deleteStream'] as const)('%s (deleteTree)', (method) => {
  it('raises a DecodeError, deleting nothing more, when the listing marker does not advance', async () => {
    const stuck = xml(
      '<IsTruncated>true</IsTruncated><NextMarker>t/a</NextMarker><Contents><Key>t/a</Key></Contents>',
    )
    const { client, sent } = scriptedClient({
      'GET /bigdata?prefix=t%2F': { status: 200, body: stuck },
      'GET /bigdata?prefix=t%2F&marker=t%2Fa': { status: 200, body: stuck },
    })
    const error = await rejection(client[method]({ container: 'bigdata', path: '/t' }))
    expect(error).toBeInstanceOf(DecodeError)
    expect(error).toMatchObject({
      operation: 'ListDirectory',
      message: expect.stringMatching(/does not advance/),
    })
    expect(sent).not.toContain('DELETE /bigdata/t/')
  })

  it("judges the outcome by the caller's raise-for-status: a listing's 200 passes [204, 404]", async () => {
    const { client, sent } = scriptedClient({
      'GET /bigdata?prefix=t%2F': { status: 200, body: xml('<IsTruncated>false</IsTruncated>') },
    })
    const response = await client[method]({ container: 'bigdata', path: '/t', raiseForStatus: [204, 404] })
    expect(response.statusCode).toBe(204)
    expect(sent).toEqual(['GET /bigdata?prefix=t%2F', 'DELETE /bigdata/t/'])
  })

  it('answers the 404 of a missing directory when accepted, with the request it came from, else raises it', async () => {
    const missing = { status: 404, body: '{"ErrorCode":-2,"ErrorMessage":"No such file or directory"}' }
    const { client } = scriptedClient({ 'GET /bigdata?prefix=t%2F': missing })
    const response = await client[method]({ container: 'bigdata', path: '/t', raiseForStatus: [204, 404] })
    expect(response.statusCode).toBe(404)
    expect(response.error).toEqual({ errorCode: -2, errorMessage: 'No such file or directory' })
    expect(response.request).toEqual({
      operation: 'ListDirectory',
      method: 'GET',
      url: 'http://webapi.test/bigdata?prefix=t%2F',
    })
    const error = await rejection(client[method]({ container: 'bigdata', path: '/t' }))
    expect(error).toBeInstanceOf(HttpResponseError)
    expect(error).toMatchObject({ statusCode: 404, operation: 'ListDirectory', method: 'GET' })
  })
})
