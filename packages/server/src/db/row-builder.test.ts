import { describe, expect, it } from 'vitest';
import { rowBuilder } from './row-builder.js';

describe('rowBuilder', () => {
  it('builds each row from values by position or by key, in the order of the names', () => {
    const fromArrays = rowBuilder(['id', 'orgId']);
    expect(
      [
        [1, 7],
        [2, null],
      ].map(fromArrays),
    ).toEqual([
      { id: 1, orgId: 7 },
      { id: 2, orgId: null },
    ]);
    const fromObjects = rowBuilder(['orgId', 'id'], ['org_id', 'id']);
    const row = fromObjects({ id: 3, org_id: 9 });
    expect(row).toEqual({ orgId: 9, id: 3 });
    expect(Object.keys(row)).toEqual(['orgId', 'id']);
  });

  it('gives every row an object of its own', () => {
    const build = rowBuilder(['a']);
    const [first, second] = [[1], [1]].map(build);
    expect(first).not.toBe(second);
  });

  it('takes names and keys as data, whatever characters they hold', () => {
    const names = ['a"b', "c'd", 'e}; throw new Error("x"); ({', '\\', '\u2028', '${1}'];
    const byName = rowBuilder(names, names);
    const source = Object.fromEntries(names.map((n, i) => [n, i]));
    expect(byName(source)).toEqual(source);
  });

  it('keeps a column named __proto__ as a property, not as the prototype', () => {
    const build = rowBuilder(['__proto__', 'id']);
    const row = build([{ polluted: true }, 5]);
    expect(Object.getPrototypeOf(row)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(row, '__proto__')?.value).toEqual({ polluted: true });
    expect(row.id).toBe(5);
  });
});
