/**
 * JSON with object keys sorted at every level and no whitespace, so the same entry always hashes
 * the same whichever order its fields were built in (and whatever a database does to key order).
 *
 * An import hashes every row it writes, so the usual case is left to the native serializer: given
 * every key of the value, sorted, as its replacer list, `JSON.stringify` writes each object's
 * members in that order (ECMA-262 SerializeJSONObject uses the list as the key order). Values it
 * would render differently (anything with a prototype of its own, such as a Date with toJSON, or
 * a function) take the plain loop, which is the definition. So does a value with a key that
 * Object.prototype also has: the list is looked up on every object, own key or not, and an
 * object without its own `__proto__` would be written with its prototype under that name.
 */
export function canonicalJson(value: unknown): string {
  const keys = new Set<string>();
  if (!collectPlainKeys(value, keys)) return canonicalByLoop(value);
  // Default sort orders by UTF-16 code units, as the loop below does.
  return JSON.stringify(value, [...keys].sort()) ?? 'null';
}

/** Every key of every object in a value made of plain objects, arrays and primitives; false otherwise. */
function collectPlainKeys(value: unknown, keys: Set<string>): boolean {
  if (value === null || typeof value !== 'object')
    return typeof value !== 'function' && typeof value !== 'symbol' && typeof value !== 'bigint';
  if (Array.isArray(value)) {
    for (const item of value) if (!collectPlainKeys(item, keys)) return false;
    return true;
  }
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return false;
  const record = value as Record<string, unknown>;
  for (const key in record) {
    if (key in Object.prototype) return false;
    keys.add(key);
    if (!collectPlainKeys(record[key], keys)) return false;
  }
  return true;
}

function canonicalByLoop(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) return 'null';
    return JSON.stringify(value);
  }
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) out += (i === 0 ? '' : ',') + canonicalByLoop(value[i]);
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = '{';
  for (const key of keys) {
    const item = record[key];
    if (item === undefined) continue;
    out += `${out.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalByLoop(item)}`;
  }
  return `${out}}`;
}
