import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkPatentNo, isValidPatentNo, parsePatentNo, patentCheckChar, patentType } from './patent-no.js';

const codes = (s: string) => checkPatentNo(s).issues.map((i) => `${i.severity}:${i.code}`);
const withCharAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });
const typeDigit = fc.constantFrom('1', '2', '3', '8', '9');

const validPatentNo = () =>
  fc
    .oneof(
      fc.tuple(fc.integer({ min: 2003, max: 2099 }), typeDigit, digits(7)).map(([y, t, s]) => `${y}${t}${s}`),
      fc.tuple(digits(2), typeDigit, digits(5)).map(([y, t, s]) => `${y}${t}${s}`),
    )
    .map((d) => `${d}.${patentCheckChar(d)}`);

describe('V-PAT examples of DOMAIN.md §6.3', () => {
  it.each([
    ['202010566088.9', 'invention'],
    ['202030654321.X', 'design'],
    ['202020123456.8', 'utility_model'],
  ])('accepts %s, a %s', (no, type) => {
    expect(checkPatentNo(no)).toEqual({ canonical: no, issues: [] });
    expect(patentType(no)).toBe(type);
  });

  it('computes 9 for 202010566088 (Σ = 196, 196 mod 11 = 9)', () => {
    expect(patentCheckChar('202010566088')).toBe('9');
  });

  it('warns on 202010566088.8', () => {
    expect(checkPatentNo('202010566088.8')).toMatchObject({
      canonical: '202010566088.8',
      issues: [{ code: 'PAT_CHECK_DIGIT', severity: 'warning' }],
    });
  });

  it.each([
    'ZL202010566088.9',
    'CN202010566088.9',
    '2020105660889',
    'zl 2020 1056 6088.9',
    'ZL２０２０１０５６６０８８．９',
  ])('reads %s as 202010566088.9', (input) => {
    expect(checkPatentNo(input)).toEqual({ canonical: '202010566088.9', issues: [] });
  });

  it('reads a lower-case x', () => {
    expect(checkPatentNo('202030654321.x').canonical).toBe('202030654321.X');
  });
});

describe('V-PAT rules', () => {
  it('reads the 8-digit numbers of before October 2003', () => {
    expect(patentCheckChar('98123456')).toBe('9');
    expect(parsePatentNo('ZL98123456.9')).toEqual({
      canonical: '98123456.9',
      format: 'before_2003',
      year: 1998,
      type: 'invention',
      pct: false,
      serial: '23456',
    });
    expect(parsePatentNo(`03200001.${patentCheckChar('03200001')}`)?.year).toBe(2003);
  });

  it('parses year, type, PCT and serial of the current form', () => {
    const no = `202080012345.${patentCheckChar('202080012345')}`;
    expect(parsePatentNo(no)).toEqual({
      canonical: no,
      format: 'since_2003',
      year: 2020,
      type: 'invention',
      pct: true,
      serial: '0012345',
    });
    expect(patentType(`202090012345.${patentCheckChar('202090012345')}`)).toBe('utility_model');
  });

  it('offers the check character when it is missing', () => {
    expect(checkPatentNo('202010566088').issues).toMatchObject([
      { code: 'PAT_CHECK_MISSING', severity: 'error', suggestion: '202010566088.9' },
    ]);
  });

  it.each(['0', '4', '5', '6', '7'])('rejects the type digit %s', (t) => {
    expect(codes(`2020${t}0566088.1`)).toEqual(['error:PAT_TYPE']);
  });

  it.each(['', '2020-10566088.9', '20201056608.9', '202010566088.99', 'ZL202010566088.A'])(
    'rejects the malformed %s',
    (s) => {
      expect(codes(s)).toEqual(['error:PAT_FORMAT']);
    },
  );

  it('refuses to compute a check character for other lengths', () => {
    expect(() => patentCheckChar('2020105660')).toThrow(RangeError);
  });
});

describe('V-PAT properties', () => {
  it('validates any generated number', () => {
    fc.assert(fc.property(validPatentNo(), (no) => isValidPatentNo(no)));
  });

  it('rejects any single-character change to a valid number', () => {
    fc.assert(
      fc.property(
        validPatentNo(),
        fc.nat({ max: 13 }),
        fc.constantFrom(...'0123456789X.'),
        (no, i, ch) => i >= no.length || ch === no[i] || !isValidPatentNo(withCharAt(no, i, ch)),
      ),
    );
  });

  it('gives every accepted spelling the same canonical form', () => {
    fc.assert(
      fc.property(
        validPatentNo(),
        fc.constantFrom('', 'ZL', 'CN', 'zl'),
        fc.boolean(),
        (no, prefix, dropDot) => {
          const spelled = prefix + (dropDot ? no.replace('.', '') : no);
          return checkPatentNo(spelled).canonical === no;
        },
      ),
    );
  });

  it('keeps the canonical form canonical', () => {
    fc.assert(
      fc.property(fc.oneof(validPatentNo(), fc.string(), digits(13)), (s) => {
        const { canonical } = checkPatentNo(s);
        return canonical === undefined || checkPatentNo(canonical).canonical === canonical;
      }),
    );
  });
});
