import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from './canonical-json.js';
import { chainHash, GENESIS_HASH } from './chain.js';

/** The same value with every object's keys inserted in reverse order. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.keys(value)
      .reverse()
      .map((k) => [k, reversedKeys((value as Record<string, unknown>)[k])]),
  );
}

/** The definition, written the obvious way: what the fast path must reproduce exactly. */
function reference(value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value !== 'object')
    return typeof value === 'number' && !Number.isFinite(value) ? 'null' : JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(reference).join(',')}]`;
  const members = Object.keys(value)
    .sort()
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .map((k) => `${JSON.stringify(k)}:${reference((value as Record<string, unknown>)[k])}`);
  return `{${members.join(',')}}`;
}

describe('canonicalJson', () => {
  it('sorts keys by code unit at every level and drops undefined members', () => {
    const value = { b: 1, a: [{ d: undefined, c: '引号"' }, undefined], 10: true, 9: null, é: -0 };
    expect(canonicalJson(value)).toBe('{"10":true,"9":null,"a":[{"c":"引号\\""},null],"b":1,"é":0}');
    expect(canonicalJson(Number.NaN)).toBe('null');
    expect(canonicalJson(undefined)).toBe('null');
  });

  it('is the sorted-key JSON of any value, nested objects and odd keys included', () => {
    const value = fc.oneof(
      fc.jsonValue(),
      fc.object({ key: fc.string({ unit: 'binary' }), withNullPrototype: true }),
    );
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 300 },
    );
  });

  it('writes an own __proto__ key as a member and gives the other objects none', () => {
    const value = JSON.parse('{"a":[{}],"__proto__":[1],"b":{"constructor":2}}') as unknown;
    expect(canonicalJson(value)).toBe('{"__proto__":[1],"a":[{}],"b":{"constructor":2}}');
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('takes values JSON.stringify would render its own way (a Date has toJSON) through the definition', () => {
    const value = { b: new Date(0), a: [{ at: new Date(1) }] };
    expect(canonicalJson(value)).toBe(reference(value));
  });

  it('is valid JSON for the same value, whatever order its keys were built in', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        expect(canonicalJson(reversedKeys(value))).toBe(text);
      }),
    );
  });
});

describe('chainHash', () => {
  // Chains written by earlier versions must still verify: the hash input is the canonical JSON of
  // the entry's fields, however it is assembled.
  const nullable = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: null });
  const entry = fc.record({
    seq: fc.nat(),
    at: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()),
    actorId: nullable(fc.nat()),
    actorName: fc.string(),
    orgId: nullable(fc.nat()),
    action: fc.string(),
    entity: fc.string(),
    entityId: nullable(fc.string()),
    diff: fc.jsonValue().map((v) => canonicalJson(v)),
    requestId: nullable(fc.string()),
    ip: nullable(fc.string()),
    prevHash: fc.constant(GENESIS_HASH),
  });

  it('hashes the previous hash followed by the canonical JSON of every field but the link', () => {
    fc.assert(
      fc.property(entry, (row) => {
        const { prevHash, ...fields } = row;
        const expected = createHash('sha256').update(prevHash).update(canonicalJson(fields)).digest('hex');
        expect(chainHash(prevHash, row)).toBe(expected);
      }),
    );
  });
});
