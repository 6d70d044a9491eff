/**
 * Node's `Buffer`, where the runtime has one (Node, Bun), for the codecs' fast paths. It is looked up on
 * `globalThis` at each call, never imported and never read at module load, so that the browser build
 * references no Node module and bundlers see no side effect; browsers and Deno get `undefined`.
 */

/** The part of a `Buffer` instance the codecs use. */
export interface NodeBuffer {
  toString(encoding: 'base64' | 'utf8'): string
  readonly buffer: ArrayBufferLike
  readonly byteOffset: number
  readonly length: number
}

/** The part of the `Buffer` constructor the codecs use. */
export interface NodeBufferConstructor {
  from(buffer: ArrayBufferLike, byteOffset: number, length: number): NodeBuffer
  from(text: string, encoding: 'utf8' | 'base64'): NodeBuffer
}

/** The runtime's `Buffer`, or `undefined` where there is none. */
export function nodeBuffer(): NodeBufferConstructor | undefined {
  return (globalThis as { Buffer?: NodeBufferConstructor }).Buffer
}
