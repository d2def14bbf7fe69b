import data from '../data/divisions.json' with { type: 'json' };
import { issue } from './issue.js';
import { normalizeCode } from './normalize.js';
import { townKind, villageKind } from './towns.js';
import type { ValidationIssue, ValidatorResult } from './types.js';

/** V-DIV (DOMAIN.md §6.4): GB/T 2260 county-level and above, NBS town (9) and village (12) codes. */

export type DivisionLevel = 'province' | 'city' | 'county' | 'zone';

export interface Division {
  code: string;
  name: string;
  level: DivisionLevel;
  /** Absent for a province. */
  parentCode?: string;
  /** False for a code kept only for history (DOMAIN.md §8.13). */
  current: boolean;
  /** For a retired code, the newest dated list that still had it (YYYY-MM), when known. */
  lastListed?: string;
}

interface DivisionTable {
  current: Record<string, string>;
  retired: Record<string, readonly [name: string, lastListed: string | null]>;
}

// The JSON's inferred tuple types are plain arrays; the build script guarantees the shape. Maps, not
// the objects themselves, so that 'constructor' or '__proto__' is no division.
const table = data as unknown as DivisionTable;
const current = new Map(Object.entries(table.current));
const retired = new Map(Object.entries(table.retired));

// prettier-ignore
export const PROVINCE_PREFIXES: readonly string[] = [
  '11', '12', '13', '14', '15', '21', '22', '23', '31', '32', '33', '34', '35', '36', '37',
  '41', '42', '43', '44', '45', '46', '50', '51', '52', '53', '54', '61', '62', '63', '64', '65',
  '71', '81', '82',
];

const PROVINCE_SET = new Set(PROVINCE_PREFIXES);

export const isCurrentDivision = (code: string): boolean => current.has(code);

/** Current or retired: old codes stay valid for history (IDs and USCCs keep the code they were issued under). */
export const isKnownDivision = (code: string): boolean => current.has(code) || retired.has(code);

export const divisionName = (code: string): string | undefined => current.get(code) ?? retired.get(code)?.[0];

// Levels follow from the code: NBS gives its county-level 管理区/开发区 71–79 (431271 怀化市洪江管理区).
const levelOfCode = (code: string): DivisionLevel => {
  if (code.endsWith('0000')) return 'province';
  if (code.endsWith('00')) return 'city';
  return code[4] === '7' ? 'zone' : 'county';
};

export const divisionLevel = (code: string): DivisionLevel | undefined =>
  isKnownDivision(code) ? levelOfCode(code) : undefined;

// A county whose prefecture has no code of its own (省直辖县级, 4600xx before 2002) hangs off the province.
const parentOfDivision = (code: string): string | undefined => {
  if (code.endsWith('0000')) return undefined;
  const city = `${code.slice(0, 4)}00`;
  if (!code.endsWith('00') && isKnownDivision(city)) return city;
  return `${code.slice(0, 2)}0000`;
};

/**
 * Parent of a known 6-digit code (county → city or province, city → province), of a 9-digit town code
 * (its county) or of a 12-digit village code (its town). Undefined for provinces and unknown codes.
 */
export const parentDivision = (code: string): string | undefined => {
  if (/^\d{9}(\d{3})?$/.test(code)) return code.slice(0, code.length - 3);
  return isKnownDivision(code) ? parentOfDivision(code) : undefined;
};

export const lookupDivision = (code: string): Division | undefined => {
  const name = divisionName(code);
  if (name === undefined) return undefined;
  const parentCode = parentOfDivision(code);
  const lastListed = retired.get(code)?.[1] ?? undefined;
  return {
    code,
    name,
    level: levelOfCode(code),
    current: isCurrentDivision(code),
    ...(parentCode === undefined ? {} : { parentCode }),
    ...(lastListed === undefined ? {} : { lastListed }),
  };
};

/** Every bundled 6-digit code, ascending; retired ones only when asked for. */
export const divisionCodes = ({ includeRetired = false } = {}): string[] =>
  [...current.keys(), ...(includeRetired ? retired.keys() : [])].sort();

export interface DivisionCheckOptions {
  /** Warn on a retired code, e.g. for an org's own division, which must be a current one. */
  currentOnly?: boolean;
}

const countyIssues = (code6: string, options: DivisionCheckOptions): ValidationIssue[] => {
  if (!isKnownDivision(code6)) {
    return [
      issue(
        'DIV_UNKNOWN',
        'warning',
        `行政区划代码 ${code6} 不在国家行政区划代码表中`,
        `Division code ${code6} is not in the GB/T 2260 table`,
      ),
    ];
  }
  if (options.currentOnly && !isCurrentDivision(code6)) {
    return [
      issue(
        'DIV_RETIRED',
        'warning',
        `行政区划代码 ${code6}（${divisionName(code6)}）已撤销或变更`,
        `Division code ${code6} (${divisionName(code6)}) is no longer current`,
      ),
    ];
  }
  return [];
};

const structureIssues = (code: string): ValidationIssue[] => {
  if (code.length >= 9 && code.slice(2, 6) === '0000') {
    return [
      issue(
        'DIV_TOWN_PARENT',
        'error',
        '乡级代码的前6位不能是省级代码',
        'A town code cannot hang off a province',
      ),
    ];
  }
  if (code.length >= 9 && townKind(code) === undefined) {
    return [
      issue(
        'DIV_TOWN_SEGMENT',
        'error',
        `乡级代码第7–9位“${code.slice(6, 9)}”无效（街道001–099、镇100–199、乡200–399、类似乡级单位400–599）`,
        `Town part ${code.slice(6, 9)} is invalid (001–099 subdistrict, 100–199 town, 200–399 township, 400–599 other)`,
      ),
    ];
  }
  if (code.length === 12 && villageKind(code) === undefined) {
    return [
      issue(
        'DIV_VILLAGE_SEGMENT',
        'error',
        `村级代码第10–12位“${code.slice(9, 12)}”无效（社区001–199、村200–399、类似村级单位400–599）`,
        `Village part ${code.slice(9, 12)} is invalid (001–199 community, 200–399 village, 400–599 other)`,
      ),
    ];
  }
  return [];
};

/** V-DIV: a 6-digit GB/T 2260 code, or a 9-digit town / 12-digit village code per the NBS rules. */
export function checkDivisionCode(input: string, options: DivisionCheckOptions = {}): ValidatorResult {
  const code = normalizeCode(input);
  if (!/^(\d{6}|\d{9}|\d{12})$/.test(code)) {
    return {
      issues: [
        issue(
          'DIV_FORMAT',
          'error',
          '行政区划代码应为6位（县级以上）、9位（乡级）或12位（村级）数字',
          'A division code has 6 (county and above), 9 (town) or 12 (village) digits',
        ),
      ],
    };
  }
  if (!PROVINCE_SET.has(code.slice(0, 2))) {
    return {
      issues: [
        issue(
          'DIV_PROVINCE',
          'error',
          `省级代码“${code.slice(0, 2)}”不存在`,
          `No province has code ${code.slice(0, 2)}`,
        ),
      ],
    };
  }
  const structural = structureIssues(code);
  if (structural.length > 0) return { issues: structural };
  return { canonical: code, issues: countyIssues(code.slice(0, 6), options) };
}
