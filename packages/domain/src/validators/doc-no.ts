import { issue } from './issue.js';
import { stripSpaces, toHalfWidthDigits } from './normalize.js';
import type { ValidationIssue, ValidatorResult } from './types.js';

/** V-DOC (DOMAIN.md §6.5): 发文字号 `{机关代字}〔{YYYY}〕{n}号`, GB/T 9704-2012 7.2.4. */

export interface DocNo {
  prefix: string;
  year: number;
  seq: number;
}

/** A 文号 as typed, structurally sound, with what deviates from the standard form. */
interface Parsed extends DocNo {
  /** The brackets as typed; `''` when the year stands bare. */
  brackets: string;
  ordinal: boolean;
  leadingZero: boolean;
  hao: boolean;
}

const BRACKETED = /^(.*?)([〔[(（【〖﹝［])(\d*)([〕\])）】〗﹞］])(.*)$/;
// Without brackets the year is still the first four digits: 辰科发202012号 is 2020, 12.
const BARE = /^(\D*?)(\d{4})年?(第?\d+号?)$/;
const TAIL = /^(第)?(\d*)(号)?$/;

/** 辰科发〔2020〕12号. Throws a RangeError for an empty prefix, a year not of 4 digits or a non-positive n. */
export function formatDocNo(prefix: string, year: number, n: number): string {
  if (prefix.trim() === '') throw new RangeError('empty 机关代字');
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`bad year ${year}`);
  if (!Number.isSafeInteger(n) || n < 1) throw new RangeError(`bad sequence ${n}`);
  return `${prefix.trim()}〔${year}〕${n}号`;
}

const error = (code: string, zh: string, en: string): ValidationIssue => issue(code, 'error', zh, en);

const YEAR_MISSING = error(
  'DOC_YEAR_MISSING',
  '文号缺少年份，应为“代字〔年份〕序号号”',
  'The document number has no year',
);

/** Prefix, year text, brackets and the rest, or undefined when no year can be found. */
const split = (s: string): [prefix: string, year: string, brackets: string, tail: string] | undefined => {
  const b = BRACKETED.exec(s);
  if (b) return [b[1] ?? '', b[3] ?? '', `${b[2]}${b[4]}`, b[5] ?? ''];
  const m = BARE.exec(s);
  if (m) return [m[1] ?? '', m[2] ?? '', '', m[3] ?? ''];
  return undefined;
};

function parse(s: string): Parsed | ValidationIssue {
  const parts = split(s);
  if (!parts || parts[1] === '') return YEAR_MISSING;
  const [prefix, year, brackets, tail] = parts;
  if (prefix === '') {
    return error('DOC_PREFIX_MISSING', '文号缺少发文机关代字', 'The document number has no prefix');
  }
  if (!/^[1-9]\d{3}$/.test(year)) {
    return error('DOC_YEAR_FORMAT', `年份“${year}”应为4位数字`, `The year ${year} must have 4 digits`);
  }
  const t = TAIL.exec(tail);
  if (!t) return error('DOC_FORMAT', '文号序号后不应有其他文字', 'Unexpected text after the sequence number');
  const digits = t[2] ?? '';
  if (!/[1-9]/.test(digits)) {
    return error('DOC_SEQ_MISSING', '文号缺少序号', 'The document number has no sequence number');
  }
  const seq = Number(digits);
  if (!Number.isSafeInteger(seq)) {
    return error('DOC_FORMAT', `序号“${digits}”无效`, `Invalid sequence ${digits}`);
  }
  return {
    prefix,
    year: Number(year),
    seq,
    brackets,
    ordinal: t[1] !== undefined,
    leadingZero: digits.startsWith('0'),
    hao: t[3] !== undefined,
  };
}

const styleIssues = (p: Parsed): ValidationIssue[] => {
  const suggestion = formatDocNo(p.prefix, p.year, p.seq);
  const warn = (code: string, zh: string, en: string) => issue(code, 'warning', zh, en, suggestion);
  return [
    p.brackets !== '〔〕' &&
      warn('DOC_BRACKETS', '年份应使用六角括号〔〕', 'The year belongs in 〔〕 brackets'),
    p.leadingZero &&
      warn('DOC_LEADING_ZERO', '序号不编虚位（不加前导0）', 'No leading zeros in the sequence'),
    p.ordinal && warn('DOC_ORDINAL', '序号前不加“第”字', 'No 第 before the sequence'),
    !p.hao && warn('DOC_HAO_MISSING', '序号后应有“号”字', 'The sequence ends with 号'),
  ].filter((i) => i !== false);
};

const clean = (input: string): string => toHalfWidthDigits(stripSpaces(input));

/**
 * `canonical` is the input without spaces and with ASCII digits, kept as typed otherwise: a warning's
 * `suggestion` carries the standard form, which the user accepts or overrides (DOMAIN.md §7).
 */
export function checkDocNo(input: string): ValidatorResult {
  const s = clean(input);
  const parsed = parse(s);
  if ('code' in parsed) return { issues: [parsed] };
  return { canonical: s, issues: styleIssues(parsed) };
}

export const isValidDocNo = (s: string): boolean => checkDocNo(s).issues.length === 0;

/** Prefix, year and sequence of a number without errors (warnings allowed), for the 文号 registry. */
export function parseDocNo(input: string): DocNo | undefined {
  const parsed = parse(clean(input));
  return 'code' in parsed ? undefined : { prefix: parsed.prefix, year: parsed.year, seq: parsed.seq };
}
