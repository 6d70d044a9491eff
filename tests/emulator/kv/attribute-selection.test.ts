import { describe, expect, it } from 'vitest'
import { parseAttributesToGet, selectAttributes } from '../../../src/emulator/kv/attribute-selection.js'
import { attributesJson } from '../../../src/emulator/kv/item-json.js'
import type { AttributeValue } from '../../../src/emulator/kv/values.js'
import type { FileNode } from '../../../src/emulator/storage/nodes.js'

const int = (value: number): AttributeValue => ({ type: 'int', value: BigInt(value) })

function item(): FileNode {
  return {
    kind: 'file',
    inode: 9,
    name: 'k',
    parent: undefined,
    ctime: 1_000_000_002n,
    mtime: 3_000_000_004n,
    body: new Uint8Array(3),
    attributes: new Map<string, AttributeValue>([
      ['zeta', int(1)],
      ['Alpha', int(2)],
      ['__hidden', int(3)],
      ['_under', int(4)],
    ]),
  }
}
const names = (text: string | undefined, scope: 'item' | 'items' = 'item') =>
  selectAttributes(item(), parseAttributesToGet(text, scope)).map(([name]) => name)

describe('AttributesToGet (ED-33)', () => {
  it('"*" selects user attributes by name; GetItems adds __name', () => {
    expect(names('*')).toEqual(['Alpha', '_under', 'zeta'])
    expect(names('*', 'items')).toEqual(['Alpha', '_under', 'zeta', '__name'])
  })

  it('absent, empty and only commas mean "*"', () => {
    for (const text of [undefined, '', ',', ',,']) expect(names(text)).toEqual(['Alpha', '_under', 'zeta'])
  })

  it('"**" selects user and hidden attributes by name, then system attributes in table order', () => {
    expect(names('**')).toEqual([
      'Alpha',
      '__hidden',
      '_under',
      'zeta',
      '__name',
      '__size',
      '__mode',
      '__atime_secs',
      '__atime_nsecs',
      '__mtime_secs',
      '__mtime_nsecs',
      '__ctime_secs',
      '__ctime_nsecs',
      '__uid',
      '__gid',
      '__obj_type',
      '__collection_id',
      '__inode_number',
    ])
  })

  it('a list keeps its order, skips missing and repeated names, and expands * inside', () => {
    expect(names('__size,zeta,missing,,zeta,__hidden')).toEqual(['__size', 'zeta', '__hidden'])
    expect(names('*,__size')).toEqual(['Alpha', '_under', 'zeta', '__size'])
    expect(names('zeta,*')).toEqual(['zeta', 'Alpha', '_under'])
    expect(names('__last_sequence_num')).toEqual([])
  })

  it('does not trim names: a space belongs to the name, which cannot exist (ED-33R)', () => {
    expect(names(' __size , zeta,missing,,zeta, __hidden')).toEqual(['zeta'])
    expect(names('zeta, Alpha')).toEqual(['zeta'])
    // Only the exact texts * and ** expand; a lone space is a (missing) name, not an empty list.
    expect(names(' *')).toEqual([])
    expect(names(' ')).toEqual([])
    expect(names(',,')).toEqual(['Alpha', '_under', 'zeta'])
  })

  it('writes the selection as compact JSON in that order', () => {
    const selected = selectAttributes(
      item(),
      parseAttributesToGet('__size,zeta,__mtime_nsecs,__name', 'item'),
    )
    expect(attributesJson(selected)).toBe(
      '{"__size":{"N":"3"},"zeta":{"N":"1"},"__mtime_nsecs":{"N":"4"},"__name":{"S":"k"}}',
    )
  })

  it('writes every value type in its wire form, and a __proto__ name as a plain member', () => {
    const json = attributesJson([
      ['__proto__', { type: 'string', value: 'é"' }],
      ['d', { type: 'double', value: 1 }],
      ['z', { type: 'double', value: -0 }],
      ['b', { type: 'bool', value: false }],
      ['x', { type: 'blob', value: new Uint8Array([0, 1]) }],
      ['t', { type: 'timestamp', secs: -2n, nsecs: 500000000 }],
    ])
    expect(json).toBe(
      '{"__proto__":{"S":"é\\""},"d":{"N":"1"},"z":{"N":"0"},"b":{"BOOL":false},"x":{"B":"AAE="},"t":{"TS":"-2:500000000"}}',
    )
    expect(Object.keys(JSON.parse(json))).toContain('__proto__')
  })
})
