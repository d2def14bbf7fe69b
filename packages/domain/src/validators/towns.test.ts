import { describe, expect, it } from 'vitest';
import { checkDivisionCode, divisionLevel, parentDivision } from './division-code.js';
import { HUAIHUA_TOWNS, townKind, villageKind } from './towns.js';

const SUFFIX = { subdistrict: /街道$/, town: /镇$/, township: /乡$/ };

describe('towns of 怀化市', () => {
  it('has the towns that the 2020 report of 辰溪县 names (DOMAIN.md §1.1)', () => {
    const chenxi = HUAIHUA_TOWNS.filter((t) => t.countyCode === '431223').map((t) => t.name);
    expect(chenxi).toEqual(expect.arrayContaining(['黄溪口镇', '安坪镇', '潭湾镇', '火马冲镇', '孝坪镇']));
  });

  it('covers every county-level division of 怀化市, 洪江管理区 included', () => {
    const counties = new Set(HUAIHUA_TOWNS.map((t) => t.countyCode));
    // prettier-ignore
    expect([...counties].sort()).toEqual([
      '431202', '431221', '431222', '431223', '431224', '431225', '431226', '431227', '431228', '431229',
      '431230', '431271', '431281',
    ]);
  });

  it.each(HUAIHUA_TOWNS.map((t) => [t.code, t] as const))(
    '%s is a sound town code of its county',
    (code, t) => {
      expect(checkDivisionCode(code)).toEqual({ canonical: code, issues: [] });
      expect(parentDivision(code)).toBe(t.countyCode);
      expect(divisionLevel(t.countyCode)).toMatch(/^(county|zone)$/);
      expect(townKind(code)).toBe(t.kind);
      expect(t.name).toMatch(SUFFIX[t.kind]);
    },
  );
});

describe('NBS code parts', () => {
  it.each([
    ['431223001', 'subdistrict'],
    ['431223099', 'subdistrict'],
    ['431223100', 'town'],
    ['431223199', 'town'],
    ['431223200', 'township'],
    ['431223399', 'township'],
    ['431223400', 'other'],
    ['431223599', 'other'],
    ['431223000', undefined],
    ['431223600', undefined],
    ['431223', undefined],
  ])('reads %s as %s', (code, kind) => {
    expect(townKind(code)).toBe(kind);
  });

  it.each([
    ['431223104001', 'community'],
    ['431223104199', 'community'],
    ['431223104200', 'village'],
    ['431223104399', 'village'],
    ['431223104400', 'other'],
    ['431223104000', undefined],
    ['431223104', undefined],
  ])('reads %s as %s', (code, kind) => {
    expect(villageKind(code)).toBe(kind);
  });
});
