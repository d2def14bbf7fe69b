import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  conflictOf,
  drawReviewers,
  projectScore,
  sheetTotal,
  type Expert,
  type ReviewedProject,
} from './review.js';

const UNITS = [
  '湖南农业大学',
  '湖南省农业科学院',
  '怀化学院',
  '辰溪县农业农村局',
  '橘海农业科技有限公司',
  '湖南大学',
];
const NAMES = ['甲', '乙', '丙', '丁', '戊', '己', '庚', '辛'];

const expertArb = (id: number) =>
  fc.record({
    id: fc.constant(id),
    name: fc.constantFrom(...NAMES),
    unit: fc.constantFrom(...UNITS, ' 湖南农业 大学'),
    fields: fc.constant(['农业']),
    declaredConflictUnits: fc.subarray(UNITS, { maxLength: 2 }),
    active: fc.constantFrom(true, true, true, false),
  });
const poolArb = fc
  .integer({ min: 0, max: 40 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => expertArb(i + 1))));
const projectArb: fc.Arbitrary<ReviewedProject> = fc.record({
  units: fc.subarray(UNITS, { minLength: 1, maxLength: 2 }),
  people: fc.subarray(NAMES, { maxLength: 3 }),
});

describe('drawing reviewers (R-R1, R-R2)', () => {
  it('never draws an expert with a conflict on any project of the batch, and draws exactly the number asked', () => {
    fc.assert(
      fc.property(
        poolArb,
        fc.array(projectArb, { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 3, max: 7 }),
        fc.integer(),
        (pool, projects, count, seed) => {
          const eligible = pool.filter((e) => conflictOf(e, projects) === undefined);
          if (eligible.length < count) {
            expect(() => drawReviewers(pool, projects, count, seed)).toThrow(RangeError);
            return;
          }
          const draw = drawReviewers(pool, projects, count, seed);
          expect(draw.chosen).toHaveLength(count);
          expect(new Set(draw.chosen.map((e) => e.id)).size).toBe(count);
          for (const expert of draw.chosen) {
            expect(expert.active).toBe(true);
            for (const project of projects) {
              const unit = expert.unit.replace(/\s+/g, '');
              expect(project.units).not.toContain(unit);
              expect(project.units.some((u) => expert.declaredConflictUnits.includes(u))).toBe(false);
              expect(project.people).not.toContain(expert.name);
            }
          }
          expect(draw.chosen.length + draw.excluded.length).toBeLessThanOrEqual(pool.length);
          // The recorded seed replays the same draw.
          expect(drawReviewers(pool, projects, count, seed).chosen.map((e) => e.id)).toEqual(
            draw.chosen.map((e) => e.id),
          );
        },
      ),
    );
  });

  it('names why each expert was left out', () => {
    const expert = (id: number, unit: string, more: Partial<Expert> = {}): Expert => ({
      id,
      name: `专家${id}`,
      unit,
      fields: [],
      declaredConflictUnits: [],
      active: true,
      ...more,
    });
    const pool = [
      expert(1, '湖南农业大学'),
      expert(2, '怀化学院', { declaredConflictUnits: ['橘海农业科技有限公司'] }),
      expert(3, '湖南大学', { active: false }),
      expert(4, '湖南省农业科学院', { name: '王五' }),
      expert(5, '吉首大学'),
      expert(6, '中南林业科技大学'),
      expert(7, '湖南师范大学'),
    ];
    const draw = drawReviewers(
      pool,
      [{ units: ['橘海农业科技有限公司', '湖南农业大学'], people: ['王五'] }],
      3,
      42,
    );
    expect(draw.excluded.map((x) => [x.expert.id, x.reason])).toEqual([
      [1, 'same_unit'],
      [2, 'declared_conflict'],
      [3, 'inactive'],
      [4, 'team_member'],
    ]);
    expect(draw.chosen.map((e) => e.id).sort()).toEqual([5, 6, 7]);
    expect(() => drawReviewers(pool, [], 2, 1)).toThrow(/at least 3/);
  });
});

describe('aggregating scores (R-R3)', () => {
  const single = [{ name: '综合', weight: 100, maxScore: 100 }];

  it('drops the highest and lowest of five: 82, 90, 75, 88, 79 → 83.00', () => {
    expect(projectScore(single, [[82], [90], [75], [88], [79]])).toBe(83);
  });

  it('weights criteria of different scales (hand-computed)', () => {
    const criteria = [
      { name: '创新性', weight: 40, maxScore: 10 },
      { name: '可行性', weight: 35, maxScore: 100 },
      { name: '效益', weight: 25, maxScore: 20 },
    ];
    // 40×8/10 + 35×70/100 + 25×15/20 = 32 + 24.5 + 18.75 = 75.25
    expect(sheetTotal(criteria, [8, 70, 15])).toBe(75.25);
    // Three sheets: 75.25, 40×9/10+35×80/100+25×17/20 = 36+28+21.25 = 85.25, 40×7/10+35×66/100+25×13/20 = 28+23.1+16.25 = 67.35
    // mean = 227.85 / 3 = 75.95
    expect(
      projectScore(criteria, [
        [8, 70, 15],
        [9, 80, 17],
        [7, 66, 13],
      ]),
    ).toBe(75.95);
  });

  it('rounds half up on the exact mean, not on a float', () => {
    // (80 + 80 + 80.015) / 3 would be 80.005 exactly: half-up gives 80.01.
    expect(projectScore(single, [[80], [80], [80.015]])).toBe(80.01);
  });

  it('refuses incomplete sheets, out-of-range scores and weights that do not add up to 100', () => {
    expect(() => projectScore(single, [[80], [90]])).toThrow(/at least 3/);
    expect(() => sheetTotal(single, [101])).toThrow(/outside/);
    expect(() => sheetTotal([{ name: 'a', weight: 90, maxScore: 100 }], [50])).toThrow(/add up to 90/);
  });

  it('lies between the lowest and highest kept totals', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 3, maxLength: 11 }), (scores) => {
        const score = projectScore(
          single,
          scores.map((s) => [s]),
        );
        const sorted = [...scores].sort((a, b) => a - b);
        const kept = sorted.length >= 5 ? sorted.slice(1, -1) : sorted;
        expect(score).toBeGreaterThanOrEqual(kept[0]!);
        expect(score).toBeLessThanOrEqual(kept.at(-1)!);
        const mean = kept.reduce((a, b) => a + b, 0) / kept.length;
        expect(Math.abs(score - mean)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
    );
  });
});
