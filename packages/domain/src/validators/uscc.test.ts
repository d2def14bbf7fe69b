import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divisionCodes } from './division-code.js';
import { hasErrors } from './types.js';
import { checkUscc, composeUscc, isValidUscc, orgCodeCheckChar, USCC_CHARS, usccCheckChar } from './uscc.js';

const codes = (code: string) => checkUscc(code).issues.map((i) => i.code);
const usccString = (length: number) =>
  fc.string({ unit: fc.constantFrom(...USCC_CHARS), minLength: length, maxLength: length });

/** A USCC that passes every rule: known region, sound GB 11714 code, right check character. */
const validUscc = () =>
  fc
    .tuple(usccString(2), fc.constantFrom(...divisionCodes()), usccString(8))
    .map(([head, region, org]) => composeUscc(head, region, org));

const withCharAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

describe('V-USCC examples of DOMAIN.md §6.1', () => {
  it.each([['91350100M000100Y43'], ['91431223MA4L1C2D0J'], ['93431223MA4QH7TK8M'], ['12431223448877660X']])(
    'accepts %s with no issue at all',
    (code) => {
      expect(checkUscc(code)).toEqual({ canonical: code, issues: [] });
      expect(isValidUscc(code)).toBe(true);
    },
  );

  it('computes 3 as the check of 91350100M000100Y4 (Σ = 1640, 1640 mod 31 = 28)', () => {
    expect(usccCheckChar('91350100M000100Y4')).toBe('3');
  });

  it('warns, and only warns, on the bad check of 91431223MA4L1C2D0K', () => {
    const result = checkUscc('91431223MA4L1C2D0K');
    expect(result.canonical).toBe('91431223MA4L1C2D0K');
    expect(result.issues).toMatchObject([{ code: 'USCC_CHECK_DIGIT', severity: 'warning' }]);
  });
});

describe('V-USCC rules', () => {
  it('rejects a wrong length as an error', () => {
    const result = checkUscc('91431223MA4L1C2D0');
    expect(result.canonical).toBeUndefined();
    expect(result.issues).toMatchObject([{ code: 'USCC_LENGTH', severity: 'error' }]);
  });

  it.each(['I', 'O', 'S', 'V', 'Z', '-'])('rejects %s as a character error', (ch) => {
    const result = checkUscc(withCharAt('91431223MA4L1C2D0J', 10, ch));
    expect(result.issues).toMatchObject([{ code: 'USCC_CHARSET', severity: 'error' }]);
    expect(result.issues[0]?.zh).toContain(ch);
  });

  it('trims, upper-cases and folds full-width characters into the canonical form', () => {
    expect(checkUscc(' ９１３５０１００ｍ０００１００ｙ４３\u00a0')).toEqual({
      canonical: '91350100M000100Y43',
      issues: [],
    });
    expect(checkUscc('91431223ma4l1c2d0j').canonical).toBe('91431223MA4L1C2D0J');
  });

  it('warns on a region code that is in no division table', () => {
    const body = '91990000MA4L1C2D0';
    expect(codes(body + usccCheckChar(body))).toEqual(['USCC_REGION_UNKNOWN']);
  });

  it('accepts 100000, the region of registrations by central bodies', () => {
    const body = `11100000${'00001312'}${orgCodeCheckChar('00001312')}`;
    expect(codes(body + usccCheckChar(body))).toEqual([]);
  });

  it('warns on a failing GB 11714 organisation code check', () => {
    const body = '92431223MA4L1C2D1';
    expect(codes(body + usccCheckChar(body))).toEqual(['USCC_ORG_CODE_CHECK']);
  });

  it('gives the GB 11714 check X for 10 and 0 for 11', () => {
    expect(orgCodeCheckChar('MA4L1C2D')).toBe('0');
    expect(orgCodeCheckChar('M000100Y')).toBe('4');
    expect(orgCodeCheckChar('10000018')).toBe('X');
    expect(orgCodeCheckChar('10000004')).toBe('0');
  });

  it('refuses to compute a check character for a malformed body', () => {
    expect(() => usccCheckChar('91431223MA4L1C2D')).toThrow(RangeError);
    expect(() => usccCheckChar('91431223MA4L1C2DI')).toThrow(RangeError);
  });
});

describe('V-USCC properties', () => {
  it('validates any generated USCC', () => {
    fc.assert(fc.property(validUscc(), (code) => isValidUscc(code)));
  });

  it('accepts the check character of any 17-character body', () => {
    fc.assert(
      fc.property(usccString(17), (body) => {
        const result = checkUscc(body + usccCheckChar(body));
        return !hasErrors(result) && !result.issues.some((i) => i.code === 'USCC_CHECK_DIGIT');
      }),
    );
  });

  it('rejects any single-character change to a valid USCC', () => {
    fc.assert(
      fc.property(
        validUscc(),
        fc.nat({ max: 17 }),
        fc.constantFrom(...USCC_CHARS),
        (code, i, ch) => ch === code[i] || !isValidUscc(withCharAt(code, i, ch)),
      ),
    );
  });

  it('keeps the canonical form canonical', () => {
    const input = fc.oneof(
      validUscc().map((c) => c.toLowerCase()),
      fc.string(),
      usccString(18),
    );
    fc.assert(
      fc.property(input, (s) => {
        const { canonical } = checkUscc(s);
        return canonical === undefined || checkUscc(canonical).canonical === canonical;
      }),
    );
  });
});
