import { isKnownDivision } from './division-code.js';
import { issue } from './issue.js';
import { normalizeCode } from './normalize.js';
import type { ValidationIssue, ValidatorResult } from './types.js';

/** V-USCC (DOMAIN.md §6.1): 统一社会信用代码, GB 32100-2015. */

/** The 31 characters of GB 32100 in value order 0–30: no I, O, S, V, Z. */
export const USCC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];
const BODY = /^[0-9A-HJ-NPQRTUW-Y]{17}$/;
// Registrations by central bodies (国务院各部门) carry 100000 (全国) rather than a GB/T 2260 code.
const NATIONAL_REGION = '100000';

/** The 18th character for a 17-character body; throws a RangeError for a body outside the charset. */
export function usccCheckChar(first17: string): string {
  if (!BODY.test(first17)) throw new RangeError(`not a USCC body: ${first17}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += USCC_CHARS.indexOf(first17.charAt(i)) * (WEIGHTS[i] ?? 0);
  return USCC_CHARS.charAt((31 - (sum % 31)) % 31);
}

// GB 11714 values digits as themselves and letters A–Z as 10–35.
const orgCodeValue = (c: string): number => Number.parseInt(c, 36);

/** GB 11714 check of the 9-character organisation code (USCC positions 9–17). */
export function orgCodeCheckChar(first8: string): string {
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += orgCodeValue(first8.charAt(i)) * (ORG_CODE_WEIGHTS[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/**
 * A code from its parts, both check characters computed: registration authority and kind (`91`
 * an enterprise, `93` a cooperative), the 6-digit region, the 8-character organisation code body.
 */
export function composeUscc(head: string, region: string, orgBody: string): string {
  const first17 = `${head}${region}${orgBody}${orgCodeCheckChar(orgBody)}`;
  return first17 + usccCheckChar(first17);
}

const charsetIssue = (s: string): ValidationIssue => {
  const bad = [...new Set([...s].filter((c) => !USCC_CHARS.includes(c)))].join('');
  return issue(
    'USCC_CHARSET',
    'error',
    `统一社会信用代码含有无效字符“${bad}”（不使用 I、O、S、V、Z）`,
    `The credit code contains invalid characters "${bad}" (I, O, S, V, Z are never used)`,
  );
};

const softIssues = (code: string): ValidationIssue[] => {
  const issues: ValidationIssue[] = [];
  const region = code.slice(2, 8);
  if (region !== NATIONAL_REGION && !isKnownDivision(region)) {
    issues.push(
      issue(
        'USCC_REGION_UNKNOWN',
        'warning',
        `第3–8位登记管理机关行政区划码 ${region} 不在行政区划代码表中`,
        `Positions 3–8 (${region}) are not a known division code`,
      ),
    );
  }
  if (orgCodeCheckChar(code.slice(8, 16)) !== code.charAt(16)) {
    issues.push(
      issue(
        'USCC_ORG_CODE_CHECK',
        'warning',
        '第9–17位组织机构代码校验位不符（个体工商户常见，可确认后保存）',
        'The organisation code in positions 9–17 fails its GB 11714 check (common for individual businesses)',
      ),
    );
  }
  if (usccCheckChar(code.slice(0, 17)) !== code.charAt(17)) {
    issues.push(
      issue(
        'USCC_CHECK_DIGIT',
        'warning',
        '统一社会信用代码校验位不符，请核对是否录入有误',
        'The check character does not match; please re-check the code',
      ),
    );
  }
  return issues;
};

export function checkUscc(input: string): ValidatorResult {
  const code = normalizeCode(input);
  if (code.length !== 18) {
    return {
      issues: [
        issue(
          'USCC_LENGTH',
          'error',
          `统一社会信用代码应为18位，当前为${code.length}位`,
          `A credit code has 18 characters, not ${code.length}`,
        ),
      ],
    };
  }
  if (![...code].every((c) => USCC_CHARS.includes(c))) return { issues: [charsetIssue(code)] };
  return { canonical: code, issues: softIssues(code) };
}

/** True only when nothing at all is wrong: no errors and no warnings. */
export const isValidUscc = (s: string): boolean => checkUscc(s).issues.length === 0;
