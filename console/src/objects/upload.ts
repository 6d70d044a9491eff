/** What an upload needs of the SDK client (`Client` has it). */
export interface ObjectWriter {
  putObject(options: { container: string; path: string; body: Blob; signal: AbortSignal }): Promise<unknown>
}

/** Progress of one file: a fraction 0…1, or `undefined` while it cannot be measured. */
export type FileProgress = (fraction: number | undefined) => void

/**
 * Uploads one file with putObject, reporting its progress. This is the one place that knows how progress
 * is measured: putObject does not report upload progress yet, so a file is unmeasured until it is done;
 * once putObject takes `onUploadProgress`, pass `(loaded, total) => progress(loaded / total)` here.
 */
export async function uploadFile(
  client: ObjectWriter,
  target: { container: string; path: string },
  file: Blob,
  progress: FileProgress,
  signal: AbortSignal,
): Promise<void> {
  progress(undefined)
  await client.putObject({ ...target, body: file, signal })
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
