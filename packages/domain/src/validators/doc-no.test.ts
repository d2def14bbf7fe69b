import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkDocNo, formatDocNo, isValidDocNo, parseDocNo } from './doc-no.js';
import { hasErrors } from './types.js';

const STANDARD = '辰科发〔2020〕12号';
const issuesOf = (s: string) => checkDocNo(s).issues.map((i) => `${i.severity}:${i.code}`);
const prefix = fc.constantFrom('辰科发', '辰科报', '怀科发', '湘科计', '国科发');
const docNo = () =>
  fc
    .tuple(prefix, fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 99_999 }))
    .map(([p, y, n]) => ({ p, y, n }));

describe('V-DOC examples of DOMAIN.md §6.5', () => {
  it(`accepts ${STANDARD}`, () => {
    expect(checkDocNo(STANDARD)).toEqual({ canonical: STANDARD, issues: [] });
  });

  it.each([
    ['辰科发[2020]12号', 'DOC_BRACKETS'],
    ['辰科发(2020)12号', 'DOC_BRACKETS'],
    ['辰科发（2020）12号', 'DOC_BRACKETS'],
    ['辰科发【2020】12号', 'DOC_BRACKETS'],
    ['辰科发〔2020〕012号', 'DOC_LEADING_ZERO'],
    ['辰科发〔2020〕第12号', 'DOC_ORDINAL'],
  ])('warns on %s and suggests the standard form', (input, code) => {
    const result = checkDocNo(input);
    expect(result.canonical).toBe(input);
    expect(result.issues).toEqual([
      expect.objectContaining({ code, severity: 'warning', suggestion: STANDARD }),
    ]);
  });

  it.each([
    ['辰科发12号', 'DOC_YEAR_MISSING'],
    ['辰科发〔〕12号', 'DOC_YEAR_MISSING'],
    ['辰科发号', 'DOC_YEAR_MISSING'],
    ['辰科发〔2020〕号', 'DOC_SEQ_MISSING'],
    ['辰科发〔2020〕', 'DOC_SEQ_MISSING'],
  ])('rejects %s as an error', (input, code) => {
    const result = checkDocNo(input);
    expect(result.canonical).toBeUndefined();
    expect(result.issues).toMatchObject([{ code, severity: 'error' }]);
  });
});

describe('V-DOC rules', () => {
  it('reports each non-standard part with the same suggestion', () => {
    expect(issuesOf('辰科发[2020]第012')).toEqual([
      'warning:DOC_BRACKETS',
      'warning:DOC_LEADING_ZERO',
      'warning:DOC_ORDINAL',
      'warning:DOC_HAO_MISSING',
    ]);
    expect(new Set(checkDocNo('辰科发[2020]第012').issues.map((i) => i.suggestion))).toEqual(
      new Set([STANDARD]),
    );
  });

  it.each([
    '辰科发﹝2020﹞12号',
    '辰科发〖2020〗12号',
    '辰科发［2020］12号',
    '辰科发2020年12号',
    '辰科发202012号',
  ])('reads the variant %s', (input) => {
    expect(checkDocNo(input).issues).toEqual([
      expect.objectContaining({ code: 'DOC_BRACKETS', suggestion: STANDARD }),
    ]);
  });

  it('drops spaces and folds full-width digits without a warning', () => {
    expect(checkDocNo(' 辰科发 〔２０２０〕 １２号 ')).toEqual({ canonical: STANDARD, issues: [] });
  });

  it.each([
    ['〔2020〕12号', 'DOC_PREFIX_MISSING'],
    ['辰科发〔20〕12号', 'DOC_YEAR_FORMAT'],
    ['辰科发〔0202〕12号', 'DOC_YEAR_FORMAT'],
    ['辰科发〔2020〕12号文', 'DOC_FORMAT'],
    ['辰科发〔2020〕0号', 'DOC_SEQ_MISSING'],
    ['辰科发〔2020〕99999999999999999999号', 'DOC_FORMAT'],
    ['', 'DOC_YEAR_MISSING'],
  ])('rejects %s', (input, code) => {
    expect(issuesOf(input)).toEqual([`error:${code}`]);
  });

  it('formats the standard form', () => {
    expect(formatDocNo('辰科发', 2020, 12)).toBe(STANDARD);
    expect(() => formatDocNo(' ', 2020, 12)).toThrow(RangeError);
    expect(() => formatDocNo('辰科发', 20, 12)).toThrow(RangeError);
    expect(() => formatDocNo('辰科发', 2020, 0)).toThrow(RangeError);
    expect(() => formatDocNo('辰科发', 2020, 1.5)).toThrow(RangeError);
  });

  it('parses prefix, year and sequence, also of a non-standard form', () => {
    expect(parseDocNo('辰科发[2020]第012号')).toEqual({ prefix: '辰科发', year: 2020, seq: 12 });
    expect(parseDocNo('辰科发〔2020〕号')).toBeUndefined();
  });
});

describe('V-DOC properties', () => {
  it('accepts whatever formatDocNo writes and parses it back', () => {
    fc.assert(
      fc.property(docNo(), ({ p, y, n }) => {
        const s = formatDocNo(p, y, n);
        const parsed = parseDocNo(s);
        return isValidDocNo(s) && parsed?.prefix === p && parsed.year === y && parsed.seq === n;
      }),
    );
  });

  it('suggests a standard form for any bracket, zero and 第 variant', () => {
    const variant = fc.tuple(
      docNo(),
      fc.constantFrom('[]', '()', '（）', '【】', '〔〕', '﹝﹞'),
      fc.constantFrom('', '0', '00'),
      fc.constantFrom('', '第'),
    );
    fc.assert(
      fc.property(variant, ([{ p, y, n }, [open, close], zeros, di]) => {
        const result = checkDocNo(`${p}${open}${y}${close}${di}${zeros}${n}号`);
        const standard = formatDocNo(p, y, n);
        return !hasErrors(result) && result.issues.every((i) => i.suggestion === standard);
      }),
    );
  });

  it('never throws and keeps the canonical form canonical', () => {
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'辰科发〔〕[]()第号0123456789 ') }),
    );
    fc.assert(
      fc.property(text, (s) => {
        const { canonical } = checkDocNo(s);
        return canonical === undefined || checkDocNo(canonical).canonical === canonical;
      }),
    );
  });
});
