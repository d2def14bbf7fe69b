import { isKnownDivision } from './division-code.js';
import { issue } from './issue.js';
import { normalizeCode } from './normalize.js';
import { hasErrors, type ValidationIssue, type ValidatorResult } from './types.js';

/** V-ID (DOMAIN.md §6.2): 公民身份号码, GB 11643-1999, with the 15-digit numbers issued before 1999. */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
// Nobody alive was born earlier; a smaller year is a typo, not a person.
const MIN_BIRTH_YEAR = 1800;

export interface ResidentIdInfo {
  regionCode: string;
  /** ISO date. */
  birthDate: string;
  sex: 'male' | 'female';
}

export interface ResidentIdOptions {
  /** "Today" for the future-date rule, ISO date; defaults to the current date in China (UTC+8). */
  today?: string;
}

export function residentIdCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError(`not 17 digits: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return CHECK_CHARS.charAt(sum % 11);
}

/** 15 → 18 digits: the year gains its 19 and the number a check character (GB 11643 appendix). */
export function residentId15To18(id15: string): string {
  if (!/^\d{15}$/.test(id15)) throw new RangeError(`not 15 digits: ${id15}`);
  const first17 = `${id15.slice(0, 6)}19${id15.slice(6)}`;
  return first17 + residentIdCheckChar(first17);
}

/** The reverse, for numbers of people born in the 1900s; undefined for any other number. */
export function residentId18To15(id18: string): string | undefined {
  if (!/^\d{6}19\d{9}[\dX]$/.test(id18)) return undefined;
  return id18.slice(0, 6) + id18.slice(8, 17);
}

const chinaToday = (): string => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

const birthDateOf = (id18: string): string =>
  `${id18.slice(6, 10)}-${id18.slice(10, 12)}-${id18.slice(12, 14)}`;

const isRealDate = (iso: string): boolean => {
  const [y = 0, m = 0, d = 0] = iso.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return y >= MIN_BIRTH_YEAR && date.toISOString().slice(0, 10) === iso;
};

const dateIssues = (id18: string, today: string): ValidationIssue[] => {
  const iso = birthDateOf(id18);
  if (!isRealDate(iso)) {
    return [
      issue(
        'ID_BIRTH_DATE_INVALID',
        'error',
        `出生日期 ${iso} 不存在`,
        `The birth date ${iso} does not exist`,
      ),
    ];
  }
  if (iso > today) {
    return [
      issue(
        'ID_BIRTH_DATE_FUTURE',
        'error',
        `出生日期 ${iso} 晚于今天`,
        `The birth date ${iso} is in the future`,
      ),
    ];
  }
  return [];
};

const regionIssues = (id18: string): ValidationIssue[] => {
  const region = id18.slice(0, 6);
  if (isKnownDivision(region)) return [];
  return [
    issue(
      'ID_REGION_UNKNOWN',
      'warning',
      `前6位地址码 ${region} 不在行政区划代码表中`,
      `The address code ${region} is not a known division code`,
    ),
  ];
};

const formatError = (length: number): ValidatorResult => ({
  issues: [
    issue(
      'ID_FORMAT',
      'error',
      `身份证号码应为18位（末位可为X）或15位数字，当前为${length}位`,
      `An ID number has 18 characters (last may be X) or 15 digits; this has ${length}`,
    ),
  ],
});

export function checkResidentId(input: string, options: ResidentIdOptions = {}): ValidatorResult {
  const raw = normalizeCode(input);
  const legacy = /^\d{15}$/.test(raw);
  if (!legacy && !/^\d{17}[\dX]$/.test(raw)) return formatError(raw.length);
  const id18 = legacy ? residentId15To18(raw) : raw;
  const dates = dateIssues(id18, options.today ?? chinaToday());
  if (dates.length > 0) return { issues: dates };
  const issues = regionIssues(id18);
  if (residentIdCheckChar(id18.slice(0, 17)) !== id18.charAt(17)) {
    issues.push(
      issue(
        'ID_CHECK_DIGIT',
        'warning',
        '身份证号码校验位不符，请核对是否录入有误',
        'The check character does not match; please re-check the number',
      ),
    );
  }
  return { canonical: id18, issues };
}

export const isValidResidentId = (s: string, options?: ResidentIdOptions): boolean =>
  checkResidentId(s, options).issues.length === 0;

/** Region, birth date and sex of a number that has no errors; undefined otherwise. */
export function residentIdInfo(input: string, options?: ResidentIdOptions): ResidentIdInfo | undefined {
  const result = checkResidentId(input, options);
  const canonical = result.canonical;
  if (canonical === undefined || hasErrors(result)) return undefined;
  return {
    regionCode: canonical.slice(0, 6),
    birthDate: birthDateOf(canonical),
    sex: Number(canonical.charAt(16)) % 2 === 1 ? 'male' : 'female',
  };
}

/** DOMAIN.md §8.3: `431223********0026`; anything unparseable is masked whole. */
export function maskResidentId(input: string): string {
  const s = normalizeCode(input);
  if (/^\d{17}[\dX]$/.test(s)) return `${s.slice(0, 6)}********${s.slice(14)}`;
  if (/^\d{15}$/.test(s)) return `${s.slice(0, 6)}******${s.slice(12)}`;
  return '*'.repeat(s.length);
}
