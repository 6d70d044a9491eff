import type { CallOptions } from '../../core/call-options.js'
import type { Executor } from '../../core/executor.js'
import type { Response as ResponseType } from '../../core/response.js'
import {
  HttpResponseError,
  joinKey,
  PutItemsError,
  putItem,
  RequestAbortedError,
  Response,
} from '../reading-engine-dependencies.js'
import type { Attributes } from './attribute-values.js'
import type { ExpressionInput } from './expression-option.js'
import type { PutItemOutput } from './put-item.js'
import type { PutItemsOutput } from './put-items.js'
import type { UpdateMode } from './update-mode.js'

/** What `putItems` validated, for {@link writeItems}. */
export interface ItemWrites {
  readonly call: Omit<CallOptions, 'raiseForStatus'>
  readonly raiseForStatus: CallOptions['raiseForStatus']
  readonly container: string
  readonly table: string
  readonly entries: Array<[string, Attributes]>
  readonly condition: ExpressionInput | undefined
  readonly updateMode: UpdateMode | undefined
}

/**
 * `putItems`'s writes, once its options are validated, and its outcome (put-items.ts). Part of the
 * reading engine, loaded on demand.
 */
export async function writeItems(
  executor: Executor,
  { call, raiseForStatus, container, table, entries, condition, updateMode }: ItemWrites,
): Promise<ResponseType<PutItemsOutput>> {
  // Each write follows the caller's (or the client's) raise-for-status; a raised error still gives its response.
  const settled = await Promise.allSettled(
    entries.map(([key, attributes]) =>
      executor.execute(putItem, {
        ...call,
        raiseForStatus,
        container,
        path: joinKey(table, key, 'items'),
        attributes,
        condition,
        updateMode,
      }),
    ),
  )
  const output: PutItemsOutput = { success: true, responses: {}, errors: {} }
  let firstFailure: ResponseType | undefined
  let firstRaised: InstanceType<typeof HttpResponseError> | undefined
  let firstError: unknown
  settled.forEach((result, index) => {
    const key = entries[index]![0]
    const reason: unknown = result.status === 'rejected' ? result.reason : undefined
    const response =
      result.status === 'fulfilled'
        ? result.value
        : reason instanceof HttpResponseError
          ? reason.response
          : undefined
    if (reason instanceof HttpResponseError) firstRaised ??= reason
    if (response) {
      output.responses[key] = response as ResponseType<PutItemOutput>
      if (!response.ok) {
        output.success = false
        firstFailure ??= response
      }
      return
    }
    if (reason instanceof RequestAbortedError) throw reason
    output.success = false
    output.errors[key] = reason as Error
    firstError ??= reason
  })
  if (firstError !== undefined) throw new PutItemsError(output, firstError)
  if (firstRaised) {
    const { response } = firstRaised
    throw new HttpResponseError({
      operation: firstRaised.operation,
      method: firstRaised.method,
      url: firstRaised.url,
      response: new Response(response.statusCode, response.headers, response.body, output, response.error),
    })
  }
  return firstFailure
    ? new Response(
        firstFailure.statusCode,
        firstFailure.headers,
        firstFailure.body,
        output,
        firstFailure.error,
      )
    : new Response(200, new Headers(), new Uint8Array(0), output)
}
