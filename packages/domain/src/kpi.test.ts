import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assessTarget, exactPercent, targetAtRisk, yearOverYear, type TargetFacts } from './kpi.js';

const base: TargetFacts = {
  kind: 'absolute',
  direction: 'higher_better',
  targetValue: 90,
  dueDate: '2020-12-31',
};

describe('exactPercent', () => {
  it.each([
    [[208], [90], 231.11],
    [[12], [12], 100],
    [[1], [3], 33.33],
    [[2], [3], 66.67],
    [[0.1 + 0.2], [0.3], 100],
    [[8.362], [10], 83.62],
    [[1], [8], 12.5],
    [[0.001], [8], 0.01], // 0.0125 % rounds half-up to 0.01
    [[5], [0], null],
  ] as const)('%j / %j → %s', (num, den, expected) => {
    expect(exactPercent(num, den)).toBe(expected);
  });

  it('rounds half-up exactly where floating point would not', () => {
    // 1.005 / 1 as a float is 1.00499…; as the decimal staff typed it, 100.5 % exactly.
    expect(exactPercent([1.005], [1])).toBe(100.5);
    expect(exactPercent([231.105], [100])).toBe(231.11);
  });

  it('agrees with integer arithmetic for integer inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1e9 }), fc.integer({ min: 1, max: 1e9 }), (a, b) => {
        const exact = (BigInt(a) * 20_000n + BigInt(b)) / (2n * BigInt(b));
        expect(exactPercent([a], [b])).toBe(Number(exact) / 100);
      }),
    );
  });
});

describe('assessTarget (R-T1)', () => {
  const at = (asOf: string, actual: number | null, lastYear: number | null = null) => ({
    asOf,
    actual,
    lastYear,
  });
  it.each([
    ['争资跑项 208万 of 90万', base, at('2020-12-31', 208), 'exceeded', 231.11],
    ['exactly met', base, at('2020-12-31', 90), 'completed', 100],
    ['behind, before due', base, at('2020-09-30', 45), 'in_progress', 50],
    ['behind, after due', base, at('2021-01-01', 45), 'failed', 50],
    ['nothing yet', base, at('2020-03-31', null), 'in_progress', 0],
    ['未下达', { ...base, targetValue: null }, at('2020-12-31', 208), 'not_assigned', null],
    [
      'declared impossible',
      { ...base, declaredImpossible: true, reason: '授权周期约3年' },
      at('2020-06-30', 10),
      'failed',
      null,
    ],
    [
      'done-or-not, done',
      { ...base, kind: 'boolean', targetValue: null, achieved: true },
      at('2020-06-18', null),
      'completed',
      null,
    ],
    [
      'done-or-not, open',
      { ...base, kind: 'boolean', targetValue: null },
      at('2020-06-18', null),
      'in_progress',
      null,
    ],
    [
      'done-or-not, past due',
      { ...base, kind: 'boolean', targetValue: null },
      at('2021-01-05', null),
      'failed',
      null,
    ],
    [
      'at most 2, 1 so far',
      { ...base, direction: 'lower_better', targetValue: 2 },
      at('2020-06-30', 1),
      'in_progress',
      null,
    ],
    [
      'at most 2, year over',
      { ...base, direction: 'lower_better', targetValue: 2 },
      at('2020-12-31', 2),
      'completed',
      null,
    ],
    [
      'at most 2, 3 happened',
      { ...base, direction: 'lower_better', targetValue: 2 },
      at('2020-06-30', 3),
      'failed',
      null,
    ],
    [
      'growth 10 % on 100, 121',
      { ...base, kind: 'growth', targetValue: 10 },
      at('2020-12-31', 121, 100),
      'exceeded',
      110,
    ],
    [
      'growth 10 % on 100, 110',
      { ...base, kind: 'growth', targetValue: 10 },
      at('2020-12-31', 110, 100),
      'completed',
      100,
    ],
    [
      'growth without last year',
      { ...base, kind: 'growth', targetValue: 10 },
      at('2020-10-31', 50, null),
      'in_progress',
      null,
    ],
    [
      'rounds to 100.00 → 完成, not 超额',
      { ...base, targetValue: 100000 },
      at('2020-12-31', 100001),
      'completed',
      100,
    ],
  ] as [string, TargetFacts, ReturnType<typeof at>, string, number | null][])(
    '%s',
    (_, target, actuals, status, ratio) => {
      const result = assessTarget(target, actuals);
      expect(result.status).toBe(status);
      expect(result.ratio).toBe(ratio);
    },
  );

  it('marks completion before the due date as early (提前完成)', () => {
    const g1 = { ...base, targetValue: 10_000 };
    expect(assessTarget(g1, at('2020-11-30', 10_000)).early).toBe(true);
    expect(assessTarget(g1, at('2020-12-31', 10_000)).early).toBe(false);
  });

  it('requires a reason for 无法完成', () => {
    const failed = assessTarget(base, at('2021-01-10', 10));
    expect(failed).toMatchObject({ status: 'failed', reasonMissing: true });
    expect(assessTarget({ ...base, reason: '项目批复推迟到次年' }, at('2021-01-10', 10)).reasonMissing).toBe(
      false,
    );
    expect(assessTarget(base, at('2020-12-31', 208)).reasonMissing).toBe(false);
  });

  it('gives the growth target the value that meets it', () => {
    expect(
      assessTarget({ ...base, kind: 'growth', targetValue: 10 }, at('2020-12-31', 55, 50)).required,
    ).toBe(55);
  });
});

describe('targetAtRisk', () => {
  const behind = assessTarget(base, { asOf: '2020-09-30', actual: 30 });
  it('flags a target well behind the time elapsed', () => {
    expect(targetAtRisk(behind, 2020, '2020-12-31', '2020-09-30')).toBe(true); // 33 % by 75 % of the year
    expect(targetAtRisk(behind, 2020, '2020-12-31', '2020-03-01')).toBe(false);
  });
  it('never flags a finished or unassigned target', () => {
    const done = assessTarget(base, { asOf: '2020-09-30', actual: 100 });
    expect(targetAtRisk(done, 2020, '2020-12-31', '2020-09-30')).toBe(false);
  });
});

describe('yearOverYear (R-T4)', () => {
  it.each([
    [121, 100, false, { kind: 'percent', value: 21 }],
    [90, 100, false, { kind: 'percent', value: -10 }],
    [5, 0, false, null],
    [100, 97.9, true, { kind: 'points', value: 2.1 }],
    [null, 3, false, null],
  ] as const)('%s vs %s', (current, last, isRate, expected) => {
    expect(yearOverYear(current, last, isRate)).toEqual(expected);
  });
});
