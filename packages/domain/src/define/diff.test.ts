import { describe, expect, it } from 'vitest';
import { diffOf } from './diff.js';

describe('audit diffs', () => {
  it('keeps only changed fields, with old and new values, ignoring version bookkeeping', () => {
    expect(
      diffOf(
        { a: 1, b: 'x', tags: ['p'], version: 1, updatedAt: 't1' },
        { a: 1, b: 'y', tags: ['p', 'q'], version: 2, updatedAt: 't2' },
      ),
    ).toEqual({
      before: { b: 'x', tags: ['p'] },
      after: { b: 'y', tags: ['p', 'q'] },
    });
  });
  it('shows a cleared value as null', () => {
    expect(diffOf({ a: 'x' }, { a: null })).toEqual({ before: { a: 'x' }, after: { a: null } });
  });
  it('records every set field on create and on delete', () => {
    expect(diffOf(null, { a: 1, b: null })).toEqual({ before: {}, after: { a: 1 } });
    expect(diffOf({ a: 1 }, null)).toEqual({ before: { a: 1 }, after: {} });
  });
});
