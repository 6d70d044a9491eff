import { toBytes } from '../../core/body.js'
import { ValidationError } from '../../core/errors.js'

/** Bytes a record's `data` or `clientInfo` may be given as; strings are sent as UTF-8. */
export type RecordBytesInput = string | Uint8Array | ArrayBuffer | ArrayBufferView

/** The bytes of a record field: strings as UTF-8, buffers and views without copying. */
export function toRecordBytes(value: unknown, parameter: string): Uint8Array {
  const bytes = toBytes(value, parameter)
  if (bytes === undefined)
    throw new ValidationError(parameter, 'must be a string, Uint8Array, ArrayBuffer or typed array')
  return bytes
}
