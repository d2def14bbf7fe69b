import { describe, expect, it } from 'vitest';
import { t } from '../i18n.js';
import { defineEntity } from './entity.js';
import { f } from './fields.js';

const base = { name: 'thing', plural: 'things', label: t('物', 'Thing'), display: 'title' as const };

describe('entity definitions refuse mistakes early', () => {
  it('derives table, permissions and sort keys', () => {
    const def = defineEntity({
      ...base,
      fields: { title: f.text({ label: t('名', 'Name'), required: true, sort: true }) },
      list: { columns: ['title'], sort: '-updatedAt' },
    });
    expect(def.table).toBe('thing');
    expect(def.permissions.export).toBe('thing:export');
    expect(def.sortKeys).toEqual(['title', 'updatedAt', 'createdAt', 'id']);
  });
  it.each([
    [
      'an optional sort key',
      { title: f.text({ label: t('名', 'Name'), sort: true }) },
      /sort keys must be required/,
    ],
    [
      'a meta column name',
      { title: f.text({ label: t('名', 'Name') }), version: f.int({ label: t('版', 'V') }) },
      /clashes with a meta column/,
    ],
    [
      'a searched number',
      { title: f.text({ label: t('名', 'Name') }), n: f.int({ label: t('数', 'N'), search: true }) },
      /only text fields can be searched/,
    ],
  ])('refuses %s', (_, fields, message) => {
    expect(() =>
      defineEntity({ ...base, fields, list: { columns: ['title'], sort: '-updatedAt' } } as never),
    ).toThrow(message);
  });
});
