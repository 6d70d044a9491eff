import type { Operation } from '../../core/descriptor.js'
import { ValidationError } from '../../core/errors.js'
import { assertWellFormed, normalizePath, objectUrlPath, validateContainer } from '../../core/path.js'

/** The types a schema field may declare (kv.md "The schema file"). */
export type SchemaFieldType = 'string' | 'long' | 'double' | 'boolean' | 'timestamp' | 'null'

/** One attribute of a table schema. */
export interface SchemaField {
  /** The attribute name. */
  name: string
  /** Its type for structured readers (Spark, Presto, Frames). */
  type: SchemaFieldType
  /** Whether items may lack it. */
  nullable: boolean
}

/** Options of {@link createSchema}. */
export interface CreateSchemaOptions {
  /** The container. */
  container: string
  /** The table (directory) the schema describes. */
  path: string
  /** Name of the attribute holding the primary (sharding) key. */
  key: string
  /** The attributes; passed through unchanged. */
  fields: readonly SchemaField[]
  /** Name of the attribute holding the sorting key, for compound keys. */
  sortingKey?: string
}

function requiredName(value: unknown, parameter: string): string {
  if (typeof value !== 'string' || value === '')
    throw new ValidationError(parameter, 'must be a non-empty string')
  assertWellFormed(value, parameter)
  return value
}

function validateFields(fields: unknown): readonly SchemaField[] {
  if (!Array.isArray(fields))
    throw new ValidationError('fields', 'must be an array of { name, type, nullable }')
  fields.forEach((field, index) => {
    if (typeof field !== 'object' || field === null || Array.isArray(field))
      throw new ValidationError(`fields[${index}]`, 'must be an object { name, type, nullable }')
    requiredName((field as SchemaField).name, `fields[${index}].name`)
    if (typeof (field as SchemaField).type !== 'string')
      throw new ValidationError(`fields[${index}].type`, 'must be a string')
  })
  return fields
}

/**
 * CreateSchema: writes the table's `.#schema` object (`PUT /<c>/<t>/.%23schema`), the JSON file through
 * which Spark, Presto and Frames see a table as structured. The NoSQL functions ignore it.
 */
export const createSchema: Operation<CreateSchemaOptions, undefined> = {
  encode(options) {
    const container = validateContainer(options.container)
    const table = normalizePath(options.path).replace(/\/$/, '')
    const key = requiredName(options.key, 'key')
    const sortingKey =
      options.sortingKey === undefined ? undefined : requiredName(options.sortingKey, 'sortingKey')
    const fields = validateFields(options.fields)
    let body: string
    try {
      body = JSON.stringify({ hashingBucketNum: 0, key, sortingKey, fields })
    } catch (error) {
      throw new ValidationError('fields', `must be JSON-serialisable (${(error as Error).message})`)
    }
    return {
      operation: 'CreateSchema',
      method: 'PUT',
      path: objectUrlPath(container, table === '' ? '.#schema' : `${table}/.#schema`),
      headers: {},
      body: new TextEncoder().encode(body),
      idempotent: true,
    }
  },
  decode: () => undefined,
}
