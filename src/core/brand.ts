/**
 * Class identity that survives the dual-package hazard. One process can load two copies of the package
 * (its CommonJS build through `require`, its ESM build through `import`, or two installed versions), and
 * each copy has its own classes, so a plain `instanceof` sees an error raised by one copy as foreign to
 * the other. A branded class names itself with a string (`static readonly brand`), the same in every
 * copy, and its `Symbol.hasInstance` accepts any object whose prototype chain holds a class of that brand.
 *
 * A brand counts only as an *own* property of the class right of `instanceof`, so that a subclass that declares none (a user's
 * `class MyError extends HttpResponseError`) keeps the plain `instanceof` instead of inheriting its
 * parent's brand. String-valued static fields, unlike symbol-keyed members, leave the classes removable
 * by bundlers when an app does not use them.
 */

/** A class that may carry a brand. */
export interface BrandedClass {
  readonly prototype: object
  readonly brand?: string
}

/**
 * Whether `value` is an instance of `type`: `type.prototype` is in `value`'s prototype chain (the ordinary
 * `instanceof`) or, when `type` has a brand of its own, a class of the same brand is (another copy's class).
 * On the value's side an inherited brand may count: the class it is inherited from is in the chain too.
 */
export function isBrandedInstance(type: BrandedClass, value: unknown): boolean {
  const brand = Object.hasOwn(type, 'brand') && type.brand
  // A primitive's chain (Number.prototype, …) holds no branded class, so it needs no test of its own.
  for (
    let prototype = value == null ? null : Object.getPrototypeOf(value);
    prototype;
    prototype = Object.getPrototypeOf(prototype)
  )
    if (prototype === type.prototype || (brand && prototype.constructor?.brand === brand)) return true
  return false
}
