import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { divisionCodes } from './division-code.js';
import {
  checkResidentId,
  isValidResidentId,
  maskResidentId,
  residentId15To18,
  residentId18To15,
  residentIdCheckChar,
  residentIdInfo,
} from './resident-id.js';

const TODAY = { today: '2020-12-31' };
const codes = (id: string) => checkResidentId(id, TODAY).issues.map((i) => `${i.severity}:${i.code}`);
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17);
const withCharAt = (s: string, i: number, ch: string) => s.slice(0, i) + ch + s.slice(i + 1);

const yyyymmdd = (d: Date) => d.toISOString().slice(0, 10).replaceAll('-', '');
const birthDate = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map(yyyymmdd);
const digits = (n: number) =>
  fc.string({ unit: fc.constantFrom(...'0123456789'), minLength: n, maxLength: n });

const validId = () =>
  fc
    .tuple(fc.constantFrom(...divisionCodes()), birthDate('1900-01-01', '2020-12-31'), digits(3))
    .map(([region, date, seq]) => withCheck(region + date + seq));

const legacyId = () =>
  fc
    .tuple(fc.constantFrom(...divisionCodes()), birthDate('1900-01-01', '1999-12-31'), digits(3))
    .map(([region, date, seq]) => region + date.slice(2) + seq);

describe('V-ID examples of DOMAIN.md §6.2', () => {
  it.each(['11010519491231002X', '440524188001010014', '431223198506150026'])('accepts %s', (id) => {
    expect(checkResidentId(id, TODAY)).toEqual({ canonical: id, issues: [] });
  });

  it('computes X as the check of 11010519491231002 (Σ = 167 → 2)', () => {
    expect(residentIdCheckChar('11010519491231002')).toBe('X');
  });

  it('rejects 431223199002290011: its check is right but 1990-02-29 does not exist', () => {
    expect(residentIdCheckChar('43122319900229001')).toBe('1');
    const result = checkResidentId('431223199002290011', TODAY);
    expect(result.canonical).toBeUndefined();
    expect(result.issues).toMatchObject([{ code: 'ID_BIRTH_DATE_INVALID', severity: 'error' }]);
  });

  it('converts the 15-digit 431223850615002 to 431223198506150026', () => {
    expect(checkResidentId('431223850615002', TODAY)).toEqual({
      canonical: '431223198506150026',
      issues: [],
    });
    expect(residentId15To18('431223850615002')).toBe('431223198506150026');
  });
});

describe('V-ID rules', () => {
  it('rejects a future birth date as an error', () => {
    expect(codes(withCheck('43122320210101001'))).toEqual(['error:ID_BIRTH_DATE_FUTURE']);
    expect(checkResidentId(withCheck('43122320210101001'), { today: '2021-01-01' }).issues).toEqual([]);
  });

  it('rejects impossible dates as errors', () => {
    for (const date of ['19850230', '19851301', '19850000', '17991231']) {
      expect(codes(withCheck(`431223${date}001`))).toEqual(['error:ID_BIRTH_DATE_INVALID']);
    }
  });

  it('warns on an unknown region', () => {
    expect(codes(withCheck('43129919850615002'))).toEqual(['warning:ID_REGION_UNKNOWN']);
  });

  it('warns on a wrong check character', () => {
    expect(codes('431223198506150027')).toEqual(['warning:ID_CHECK_DIGIT']);
  });

  it.each(['43122319850615002', '4312231985061500261', '43122319850615002Y', '4312231985061500X6', ''])(
    'rejects the malformed %s as an error',
    (id) => {
      expect(codes(id)).toEqual(['error:ID_FORMAT']);
    },
  );

  it('accepts a lower-case x, spaces and full-width digits', () => {
    expect(checkResidentId(' 110105 19491231 002x ', TODAY).canonical).toBe('11010519491231002X');
    expect(checkResidentId('４３１２２３１９８５０６１５００２６', TODAY).canonical).toBe(
      '431223198506150026',
    );
  });

  it('reads region, birth date and sex', () => {
    expect(residentIdInfo('431223198506150026', TODAY)).toEqual({
      regionCode: '431223',
      birthDate: '1985-06-15',
      sex: 'female',
    });
    expect(residentIdInfo('440524188001010014', TODAY)?.sex).toBe('male');
    expect(residentIdInfo('431223199002290011', TODAY)).toBeUndefined();
  });

  it('masks as DOMAIN.md §8.3 shows', () => {
    expect(maskResidentId('431223198506150026')).toBe('431223********0026');
    expect(maskResidentId('431223850615002')).toBe('431223******002');
    expect(maskResidentId('12345')).toBe('*****');
  });

  it('downgrades only numbers of people born in the 1900s', () => {
    expect(residentId18To15('431223198506150026')).toBe('431223850615002');
    expect(residentId18To15('440524188001010014')).toBeUndefined();
  });
});

describe('V-ID properties', () => {
  it('validates any generated number', () => {
    fc.assert(fc.property(validId(), (id) => isValidResidentId(id, TODAY)));
  });

  it('rejects any single-character change to a valid number', () => {
    fc.assert(
      fc.property(
        validId(),
        fc.nat({ max: 17 }),
        fc.constantFrom(...'0123456789X'),
        (id, i, ch) => ch === id[i] || !isValidResidentId(withCharAt(id, i, ch), TODAY),
      ),
    );
  });

  it('round-trips 15 → 18 → 15, and checks a 15-digit number as its 18-digit form', () => {
    fc.assert(
      fc.property(legacyId(), (id15) => {
        const id18 = residentId15To18(id15);
        return residentId18To15(id18) === id15 && checkResidentId(id15, TODAY).canonical === id18;
      }),
    );
  });

  it('keeps the canonical form canonical', () => {
    const input = fc.oneof(
      validId().map((id) => id.toLowerCase()),
      legacyId(),
      fc.string(),
      digits(18),
    );
    fc.assert(
      fc.property(input, (s) => {
        const { canonical } = checkResidentId(s, TODAY);
        return canonical === undefined || checkResidentId(canonical, TODAY).canonical === canonical;
      }),
    );
  });
});
