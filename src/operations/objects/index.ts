import { containerContentsPages } from './container-contents-pages.js'
import { createDirectory } from './create-directory.js'
import { deleteObject } from './delete-object.js'
import { getClusterMetadata } from './get-cluster-metadata.js'
import { getContainerContents } from './get-container-contents.js'
import { getContainers } from './get-containers.js'
import { getObject } from './get-object.js'
import { headContainer } from './head-container.js'
import { headObject } from './head-object.js'
import { putObject } from './put-object.js'

// Each one by name too, for the modular style (`core.execute(getItem, …)`): importing one bundles only it.
export {
  containerContentsPages,
  createDirectory,
  deleteObject,
  getClusterMetadata,
  getContainerContents,
  getContainers,
  getObject,
  headContainer,
  headObject,
  putObject,
}

/** Container and object operations; each becomes a method of `Client` and of its batches. */
export const objectOperations = {
  /**
   * Lists the containers the caller can access: `output.containers[]` with `name`, `creationDate`, `id`.
   * @example const { output } = await client.getContainers()
   */
  getContainers,
  /** Checks that a container exists and may be used (200), or answers 404. */
  headContainer,
  /**
   * Lists one directory: `output.contents` (files, items, shards), `output.commonPrefixes`
   * (sub-directories), `nextMarker` and `isTruncated` for paging. See also `containerContentsPages`.
   */
  getContainerContents,
  /**
   * Writes an object's content (string as UTF-8, bytes or Blob), creating missing parents;
   * `append: true` appends instead of replacing.
   */
  putObject,
  /** Reads an object's content into `response.body`, optionally a range (`offset`, `numBytes`). */
  getObject,
  /** Reads an object's size and modification time (`output.size`, `output.lastModified`) without its content. */
  headObject,
  /** Deletes an object, an item, a shard or an empty directory (204). */
  deleteObject,
  /** Creates a directory and its missing parents; creating an existing one succeeds. */
  createDirectory,
  /**
   * Reads the cluster's metadata (GetClusterMD): `output.numberOfVNs`, the number of virtual nodes, a
   * good `totalSegments` for parallel scans.
   * @example const { output } = await client.getClusterMetadata({ container: 'bigdata' })
   */
  getClusterMetadata,
} as const

/** Container and object helpers built on the operations; methods of `Client` only. */
export const objectHelpers = {
  /**
   * Pages through a whole directory, following `nextMarker`:
   * `for await (const page of client.containerContentsPages({ container, path })) …`.
   */
  containerContentsPages,
} as const

export type * from './create-directory.js'
export type * from './delete-object.js'
export type * from './get-cluster-metadata.js'
export type * from './get-container-contents.js'
export type * from './get-containers.js'
export type * from './get-object.js'
export type * from './head-container.js'
export type * from './head-object.js'
export type * from './put-object.js'
