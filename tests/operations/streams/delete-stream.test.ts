import { describe, expect, it } from 'vitest'
import { HttpResponseError } from '../../../src/index.js'
import { scriptedClient } from '../../support/scripted-client.js'

const xml = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?><ListBucketResult>${body}</ListBucketResult>`

describe('deleteStream', () => {
  it('lists page by page, deletes files and sub-directories, then the stream directory', async () => {
    const { client, sent } = scriptedClient({
      'GET /bigdata?prefix=s%2F': {
        status: 200,
        body: xml(
          '<IsTruncated>true</IsTruncated><NextMarker>s/1</NextMarker><Contents><Key>s/0</Key><Size>3</Size></Contents><Contents><Key>s/1</Key><Size>3</Size></Contents><CommonPrefixes><Prefix>s/sub/</Prefix></CommonPrefixes>',
        ),
      },
      'GET /bigdata?prefix=s%2F&marker=s%2F1': {
        status: 200,
        body: xml(
          '<IsTruncated>false</IsTruncated><Contents><Key>s/cg-state.json</Key><Size>2</Size></Contents>',
        ),
      },
      'GET /bigdata?prefix=s%2Fsub%2F': {
        status: 200,
        body: xml('<IsTruncated>false</IsTruncated><Contents><Key>s/sub/f</Key><Size>1</Size></Contents>'),
      },
      // An entry that vanished meanwhile is not an error.
      'DELETE /bigdata/s/1': {
        status: 404,
        body: '{"ErrorCode":-2,"ErrorMessage":"No such file or directory"}',
      },
    })
    const response = await client.deleteStream({ container: 'bigdata', path: '/s' })
    expect(response.statusCode).toBe(204)
    expect(sent).toEqual([
      'GET /bigdata?prefix=s%2F',
      'GET /bigdata?prefix=s%2Fsub%2F',
      'DELETE /bigdata/s/sub/f',
      'DELETE /bigdata/s/sub/',
      'DELETE /bigdata/s/0',
      'DELETE /bigdata/s/1',
      'GET /bigdata?prefix=s%2F&marker=s%2F1',
      'DELETE /bigdata/s/cg-state.json',
      'DELETE /bigdata/s/',
    ])
  })

  it('raises the listing 404 by default, and returns it when the caller accepts 404', async () => {
    const notFound = { status: 404, body: '{"ErrorCode":-2,"ErrorMessage":"No such file or directory"}' }
    const { client, sent } = scriptedClient({ 'GET /bigdata?prefix=gone%2F': notFound })
    await expect(client.deleteStream({ container: 'bigdata', path: 'gone' })).rejects.toBeInstanceOf(
      HttpResponseError,
    )
    const response = await client.deleteStream({
      container: 'bigdata',
      path: 'gone',
      raiseForStatus: [204, 404],
    })
    expect(response.statusCode).toBe(404)
    expect(response.error).toEqual({ errorCode: -2, errorMessage: 'No such file or directory' })
    expect(response.output).toBeUndefined()
    // Nothing was deleted.
    expect(sent).toEqual(['GET /bigdata?prefix=gone%2F', 'GET /bigdata?prefix=gone%2F'])
  })

  it('applies the caller policy to the final delete', async () => {
    const { client } = scriptedClient({
      'GET /bigdata?prefix=s%2F': { status: 200, body: xml('<IsTruncated>false</IsTruncated>') },
      'DELETE /bigdata/s/': { status: 409, body: '{"ErrorCode":-39,"ErrorMessage":"Directory not empty"}' },
    })
    const error = await client
      .deleteStream({ container: 'bigdata', path: 's' })
      .catch((caught: unknown) => caught)
    expect(error).toBeInstanceOf(HttpResponseError)
    expect((error as HttpResponseError).statusCode).toBe(409)
    const response = await client.deleteStream({ container: 'bigdata', path: 's', raiseForStatus: 'never' })
    expect(response.statusCode).toBe(409)
  })

  it('validates before sending', async () => {
    const { client, sent } = scriptedClient({})
    await expect(client.deleteStream({ container: 'bigdata', path: '/' })).rejects.toMatchObject({
      parameter: 'path',
    })
    expect(sent).toEqual([])
  })
})
