import type { AccessKeyArchive, AccessKeyRecord, Plane } from '../control-plane/identities.js'
import type { SqlDatabase, SqlStatement } from './sqlite-driver.js'

/**
 * The control plane's minted access keys in the `access_keys` table: each mint and revocation is its own
 * transaction, durable before the request is answered. Times are decimal nanoseconds, as elsewhere.
 */
export class AccessKeyTable implements AccessKeyArchive {
  readonly #insert: SqlStatement
  readonly #delete: SqlStatement

  constructor(private readonly database: SqlDatabase) {
    this.#insert = database.prepare(
      `INSERT OR REPLACE INTO access_keys (id, owner, plane, label, ttl, expires_at, created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.#delete = database.prepare('DELETE FROM access_keys WHERE id = ?')
  }

  load(): readonly AccessKeyRecord[] {
    return this.database
      .prepare('SELECT * FROM access_keys ORDER BY created_at')
      .all()
      .map((row) => ({
        id: String(row.id),
        owner: String(row.owner),
        plane: (row.plane === 'control' ? 'control' : 'data') as Plane,
        label: String(row.label),
        ttl: row.ttl === null || row.ttl === undefined ? undefined : Number(row.ttl),
        expiresAt: typeof row.expires_at === 'string' ? BigInt(row.expires_at) : undefined,
        createdAt: BigInt(String(row.created_at)),
        updatedAt: BigInt(String(row.updated_at)),
      }))
  }

  save(key: AccessKeyRecord): void {
    this.#insert.run(
      key.id,
      key.owner,
      key.plane,
      key.label,
      key.ttl ?? null,
      key.expiresAt?.toString() ?? null,
      key.createdAt.toString(),
      key.updatedAt.toString(),
    )
  }

  remove(id: string): void {
    this.#delete.run(id)
  }
}
