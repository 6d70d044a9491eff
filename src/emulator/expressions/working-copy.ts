/**
 * The copy of an item that an update expression works on (expressions.md "Update statements"): later
 * statements read what earlier ones wrote, and nothing reaches the stored item until every statement
 * has succeeded — the caller applies {@link WorkingCopy.changes} afterwards.
 */

import { attributeValueSize, itemSizeLimitExceeded, MAX_ITEM_SIZE } from '../kv/item-size.js'
import { utf8Length } from '../kv/unicode.js'
import type { AttributeValue } from '../kv/values.js'
import { type CostMeter, extent } from './evaluation-cost.js'
import type { Scope } from './evaluator.js'
import {
  type ArrayValue,
  copyValue,
  fromAttribute,
  isArray,
  toAttribute,
  type Value,
} from './runtime-values.js'

/** Read access to the attributes of an item: user, hidden and system (`__name`, `__mtime_secs`, …). */
export interface ItemAttributes {
  /** The attribute's stored value, or `undefined` when the item (or the attribute) does not exist. */
  get(name: string): AttributeValue | undefined
}

/** One attribute to write (`value` set) or to remove (`value` undefined) after an update succeeded. */
export interface AttributeChange {
  readonly name: string
  readonly value: AttributeValue | undefined
}

function storedSize(name: string, value: Value): number {
  const payload = isArray(value) ? 16 + 8 * value.value.length : attributeValueSize(value)
  return utf8Length(name) + payload
}

/** Reads through to an item, caching decoded values (array blobs are decoded once, and charged once). */
export class ItemScope implements Scope {
  private readonly decoded = new Map<string, Value | undefined>()

  constructor(
    private readonly item: ItemAttributes,
    readonly meter: CostMeter,
  ) {}

  read(name: string): Value | undefined {
    if (!this.decoded.has(name)) {
      const stored = this.item.get(name)
      const value = stored === undefined ? undefined : fromAttribute(stored)
      if (isArray(value)) this.meter.charge(extent(value))
      this.decoded.set(name, value)
    }
    return this.decoded.get(name)
  }
}

/** An item plus the uncommitted writes of the statements run so far. */
export class WorkingCopy implements Scope {
  private readonly base: ItemScope
  /** Written values by name; `null` marks a removal. */
  private readonly written = new Map<string, Value | null>()
  /** Size of the written values, which will all be part of the final item. */
  private writtenSize = 0

  constructor(
    private readonly item: ItemAttributes,
    readonly meter: CostMeter,
  ) {
    this.base = new ItemScope(item, meter)
  }

  read(name: string): Value | undefined {
    if (this.written.has(name)) return this.written.get(name) ?? undefined
    return this.base.read(name)
  }

  /**
   * Stores a value. Arrays are copied, so that no two attributes share memory and element writes stay
   * private. Fails with 400 -27 as soon as the written attributes alone exceed the item size limit,
   * which also bounds the memory an update can use. The copy (and the size measurement of a string)
   * is charged to the meter.
   */
  assign(name: string, value: Value): void {
    this.meter.charge(extent(value))
    this.forget(name)
    this.written.set(name, copyValue(value))
    this.writtenSize += storedSize(name, value)
    if (this.writtenSize > MAX_ITEM_SIZE) throw itemSizeLimitExceeded()
  }

  /** Marks an attribute removed. */
  remove(name: string): void {
    this.forget(name)
    this.written.set(name, null)
  }

  /**
   * The array stored under `name`, ready for element writes: an array written by this update is
   * already private; an array of the item is copied first.
   */
  writableArray(name: string): ArrayValue | undefined {
    const current = this.read(name)
    if (!isArray(current)) return undefined
    if (this.written.has(name)) return current
    this.assign(name, current)
    return this.written.get(name) as ArrayValue
  }

  /** Everything to write or remove, in the order attributes were first touched. */
  changes(): AttributeChange[] {
    const changes: AttributeChange[] = []
    for (const [name, value] of this.written) {
      if (value !== null) changes.push({ name, value: toAttribute(value) })
      else if (this.item.get(name) !== undefined) changes.push({ name, value: undefined })
    }
    return changes
  }

  private forget(name: string): void {
    const previous = this.written.get(name)
    if (previous) this.writtenSize -= storedSize(name, previous)
  }
}
