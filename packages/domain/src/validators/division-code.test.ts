import { describe, expect, it } from 'vitest';
import {
  checkDivisionCode,
  divisionCodes,
  divisionLevel,
  divisionName,
  isCurrentDivision,
  lookupDivision,
  parentDivision,
  PROVINCE_PREFIXES,
  type DivisionLevel,
} from './division-code.js';

const codes = (s: string, options = {}) =>
  checkDivisionCode(s, options).issues.map((i) => `${i.severity}:${i.code}`);

// DOMAIN.md §1.1.
const HUAIHUA: Record<string, [string, DivisionLevel]> = {
  '430000': ['湖南省', 'province'],
  '431200': ['怀化市', 'city'],
  '431202': ['鹤城区', 'county'],
  '431221': ['中方县', 'county'],
  '431222': ['沅陵县', 'county'],
  '431223': ['辰溪县', 'county'],
  '431224': ['溆浦县', 'county'],
  '431225': ['会同县', 'county'],
  '431226': ['麻阳苗族自治县', 'county'],
  '431227': ['新晃侗族自治县', 'county'],
  '431228': ['芷江侗族自治县', 'county'],
  '431229': ['靖州苗族侗族自治县', 'county'],
  '431230': ['通道侗族自治县', 'county'],
  '431271': ['怀化市洪江管理区', 'zone'],
  '431281': ['洪江市', 'county'],
};

const RANK: Record<DivisionLevel, number> = { province: 0, city: 1, county: 2, zone: 2 };

describe('the bundled table', () => {
  it.each(Object.entries(HUAIHUA))('has %s as DOMAIN.md §1.1 names it', (code, [name, level]) => {
    expect([divisionName(code), divisionLevel(code), isCurrentDivision(code)]).toEqual([name, level, true]);
  });

  it('lists exactly the county-level divisions of 怀化市 that DOMAIN.md §1.1 lists', () => {
    expect(divisionCodes().filter((c) => c.startsWith('4312'))).toEqual(Object.keys(HUAIHUA).slice(1));
  });

  it('links 辰溪县 to 怀化市 to 湖南省', () => {
    expect(parentDivision('431223')).toBe('431200');
    expect(parentDivision('431271')).toBe('431200');
    expect(parentDivision('431200')).toBe('430000');
    expect(parentDivision('430000')).toBeUndefined();
  });

  it('has a province for every prefix of DOMAIN.md §6.4, and no other', () => {
    const provinces = divisionCodes().filter((c) => divisionLevel(c) === 'province');
    expect(provinces.map((c) => c.slice(0, 2))).toEqual([...PROVINCE_PREFIXES]);
  });

  it('keeps retired codes with the last list that had them', () => {
    expect(lookupDivision('110103')).toEqual({
      code: '110103',
      name: '崇文区',
      level: 'county',
      parentCode: '110000',
      current: false,
      lastListed: '2009-12',
    });
    expect(lookupDivision('440524')).toMatchObject({ name: '潮阳县', parentCode: '440500', current: false });
    expect(divisionCodes().includes('440524')).toBe(false);
    expect(divisionCodes({ includeRetired: true }).includes('440524')).toBe(true);
  });

  it('hangs counties without a prefecture off their province', () => {
    expect(lookupDivision('429004')).toMatchObject({ name: '仙桃市', level: 'county', parentCode: '420000' });
    expect(lookupDivision('460002')).toMatchObject({ name: '琼海市', parentCode: '460000', current: false });
  });

  it('knows nothing of unknown codes', () => {
    expect([divisionName('431299'), divisionLevel('431299'), parentDivision('431299')]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
    expect(lookupDivision('431299')).toBeUndefined();
  });

  it('parses every code, current or retired, and finds its parent one level up', () => {
    for (const code of divisionCodes({ includeRetired: true })) {
      expect(checkDivisionCode(code), code).toEqual({ canonical: code, issues: [] });
      const division = lookupDivision(code);
      const parent = division?.parentCode;
      if (division?.level === 'province') {
        expect(parent, code).toBeUndefined();
        continue;
      }
      expect(parent && lookupDivision(parent), code).toBeDefined();
      expect(RANK[divisionLevel(parent ?? '') ?? 'province'], code).toBeLessThan(
        RANK[division?.level ?? 'province'],
      );
    }
  });
});

describe('V-DIV, 6 digits', () => {
  it.each(['431223', '431271', '431200', '430000', '110103'])('accepts %s', (code) => {
    expect(codes(code)).toEqual([]);
  });

  it('warns on a code in no table', () => {
    expect(codes('431299')).toEqual(['warning:DIV_UNKNOWN']);
  });

  it('warns on a retired code where only current ones belong', () => {
    expect(codes('110103', { currentOnly: true })).toEqual(['warning:DIV_RETIRED']);
    expect(codes('431223', { currentOnly: true })).toEqual([]);
  });

  it.each(['99', '00', '16', '72', '83'])('rejects the province part %s', (p) => {
    expect(codes(`${p}0000`)).toEqual(['error:DIV_PROVINCE']);
  });

  it.each(['4312', '4312230', '43122310', 'A31223', '431223104001X'])('rejects the malformed %s', (s) => {
    expect(codes(s)).toEqual(['error:DIV_FORMAT']);
  });

  it('accepts full-width digits and spaces', () => {
    expect(checkDivisionCode(' ４３１２２３ ')).toEqual({ canonical: '431223', issues: [] });
  });
});

describe('V-DIV, 9-digit towns and 12-digit villages', () => {
  it.each(['431223001', '431223104', '431223200', '431223399', '431202400'])(
    'accepts the town code %s',
    (code) => {
      expect(codes(code)).toEqual([]);
    },
  );

  it.each(['431223000', '431223600', '431223999'])('rejects the town part of %s', (code) => {
    expect(codes(code)).toEqual(['error:DIV_TOWN_SEGMENT']);
  });

  it('rejects a town hanging off a province', () => {
    expect(codes('430000101')).toEqual(['error:DIV_TOWN_PARENT']);
  });

  it('warns on a town of an unknown county', () => {
    expect(codes('431299101')).toEqual(['warning:DIV_UNKNOWN']);
  });

  it('accepts towns of a prefecture-level city without counties (东莞市)', () => {
    expect(codes('441900003')).toEqual([]);
  });

  it.each(['431223104001', '431223104199', '431223104200', '431223104399'])(
    'accepts the village code %s',
    (code) => {
      expect(codes(code)).toEqual([]);
    },
  );

  it.each(['431223104000', '431223104600'])('rejects the village part of %s', (code) => {
    expect(codes(code)).toEqual(['error:DIV_VILLAGE_SEGMENT']);
  });

  it('gives the parent of a town and of a village', () => {
    expect(parentDivision('431223104')).toBe('431223');
    expect(parentDivision('431223104201')).toBe('431223104');
  });
});
