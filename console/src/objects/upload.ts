/** What an upload needs of the SDK client (`Client` has it). */
export interface ObjectWriter {
  putObject(options: {
    container: string
    path: string
    body: Blob
    signal: AbortSignal
    onUploadProgress: (progress: { loaded: number; total: number | undefined }) => void
  }): Promise<unknown>
}

/** Progress of one file: a fraction 0…1, or `undefined` while it cannot be measured. */
export type FileProgress = (fraction: number | undefined) => void

/**
 * Uploads one file with putObject, reporting its progress through the SDK's `onUploadProgress`. In
 * browsers the SDK reports a byte body as 0 until the response, then whole (fetch over HTTP/1.1 cannot
 * stream a request body: docs/decisions-io.md), so a single file's bar moves in one step there.
 */
export async function uploadFile(
  client: ObjectWriter,
  target: { container: string; path: string },
  file: Blob,
  progress: FileProgress,
  signal: AbortSignal,
): Promise<void> {
  progress(undefined)
  await client.putObject({
    ...target,
    body: file,
    signal,
    onUploadProgress: ({ loaded, total }) => {
      if (total && loaded > 0) progress(loaded / total)
    },
  })
  progress(1)
}

/**
 * The bar's value while uploading `count` files of which `done` are finished and the current one is at
 * `fraction`: `undefined` (indeterminate) only when nothing can be measured.
 */
export function overallProgress(
  done: number,
  count: number,
  fraction: number | undefined,
): number | undefined {
  if (fraction === undefined) return count > 1 ? done / count : undefined
  return (done + fraction) / count
}
