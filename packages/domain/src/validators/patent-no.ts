import { issue } from './issue.js';
import { normalizeCode } from './normalize.js';
import { hasErrors, type ValidationIssue, type ValidatorResult } from './types.js';

/**
 * V-PAT (DOMAIN.md §6.3): 专利申请号. Since October 2003 12 digits (year 4, type 1, serial 7), before
 * that 8 (year 2, type 1, serial 5); then a dot and a check character.
 */

export type PatentType = 'invention' | 'utility_model' | 'design';

export interface PatentNo {
  canonical: string;
  format: 'since_2003' | 'before_2003';
  year: number;
  type: PatentType;
  /** True for 8/9, applications entering China through PCT. */
  pct: boolean;
  serial: string;
}

const TYPES: Readonly<Record<string, PatentType>> = {
  '1': 'invention',
  '8': 'invention',
  '2': 'utility_model',
  '9': 'utility_model',
  '3': 'design',
};

export function patentCheckChar(digits: string): string {
  if (!/^(\d{8}|\d{12})$/.test(digits)) throw new RangeError(`not 8 or 12 digits: ${digits}`);
  let sum = 0;
  for (let i = 0; i < digits.length; i++) sum += Number(digits.charAt(i)) * (2 + (i % 8));
  const c = sum % 11;
  return c === 10 ? 'X' : String(c);
}

// 专利号 ZL… and publication-style CN… both name the same application; 。 and · are typed for the dot.
const strip = (input: string): string =>
  normalizeCode(input)
    .replace(/^(ZL|CN)/, '')
    .replace(/[。·]/g, '.');

const typeDigitIndex = (digits: string): number => (digits.length === 12 ? 4 : 2);

const formatIssue = (s: string): ValidationIssue => {
  const digits = s.replace(/\.$/, '');
  if (/^(\d{8}|\d{12})$/.test(digits)) {
    const suggestion = `${digits}.${patentCheckChar(digits)}`;
    return issue(
      'PAT_CHECK_MISSING',
      'error',
      `专利申请号缺少校验位，应为 ${suggestion}`,
      `The application number lacks its check character: ${suggestion}`,
      suggestion,
    );
  }
  return issue(
    'PAT_FORMAT',
    'error',
    '专利申请号应为12位数字加“.”和校验位（如 202010566088.9），2003年10月前为8位数字加校验位',
    'An application number is 12 digits, a dot and a check character (e.g. 202010566088.9); 8 digits before October 2003',
  );
};

export function checkPatentNo(input: string): ValidatorResult {
  const s = strip(input);
  const m = /^(\d{12}|\d{8})\.?([\dX])$/.exec(s);
  const digits = m?.[1];
  const check = m?.[2];
  if (digits === undefined || check === undefined) return { issues: [formatIssue(s)] };
  const typeDigit = digits.charAt(typeDigitIndex(digits));
  if (TYPES[typeDigit] === undefined) {
    return {
      issues: [
        issue(
          'PAT_TYPE',
          'error',
          `专利类型位“${typeDigit}”无效（1/8 发明、2/9 实用新型、3 外观设计）`,
          `Type digit ${typeDigit} is invalid (1/8 invention, 2/9 utility model, 3 design)`,
        ),
      ],
    };
  }
  const issues: ValidationIssue[] = [];
  if (patentCheckChar(digits) !== check) {
    issues.push(
      issue(
        'PAT_CHECK_DIGIT',
        'warning',
        '专利申请号校验位不符，请核对是否录入有误',
        'The check character does not match; please re-check the number',
      ),
    );
  }
  return { canonical: `${digits}.${check}`, issues };
}

export const isValidPatentNo = (s: string): boolean => checkPatentNo(s).issues.length === 0;

/** Year, type and serial of a number without errors (a wrong check character still parses). */
export function parsePatentNo(input: string): PatentNo | undefined {
  const result = checkPatentNo(input);
  const canonical = result.canonical;
  if (canonical === undefined || hasErrors(result)) return undefined;
  const digits = canonical.slice(0, canonical.indexOf('.'));
  const since2003 = digits.length === 12;
  const typeDigit = digits.charAt(typeDigitIndex(digits));
  const type = TYPES[typeDigit];
  if (type === undefined) return undefined;
  const shortYear = Number(digits.slice(0, 2));
  return {
    canonical,
    format: since2003 ? 'since_2003' : 'before_2003',
    // China's patent office opened in 1985; the 8-digit form ran until 2003.
    year: since2003 ? Number(digits.slice(0, 4)) : shortYear >= 85 ? 1900 + shortYear : 2000 + shortYear,
    type,
    pct: typeDigit === '8' || typeDigit === '9',
    serial: digits.slice(typeDigitIndex(digits) + 1),
  };
}

export const patentType = (input: string): PatentType | undefined => parsePatentNo(input)?.type;
