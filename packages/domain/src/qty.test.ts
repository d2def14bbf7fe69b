import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatQty,
  parseQty,
  placeValue,
  QUALIFIERS,
  qtyCompatible,
  qualifierNeedsRoundValue,
  sumQty,
  type Qty,
} from './qty.js';

const MEASURE_WORDS = [
  '',
  '项',
  '个',
  '件',
  '名',
  '人',
  '人次',
  '家',
  '所',
  '块',
  '条',
  '份',
  '册',
  '场次',
  '期',
  '次',
  '起',
  '亩',
];

describe('quantities with qualifiers', () => {
  it('writes each qualifier where prose puts it', () => {
    expect(formatQty({ value: 30, qualifier: 'duo' }, '个')).toBe('30多个');
    expect(formatQty({ value: 8000, qualifier: 'yu' }, '册')).toBe('8000余册');
    expect(formatQty({ value: 100, qualifier: 'yue' }, '人次')).toBe('约100人次');
    expect(formatQty({ value: 100, qualifier: 'yishang' }, '人')).toBe('100人以上');
    expect(formatQty({ value: 2000, qualifier: 'jin' }, '人')).toBe('近2000人');
    expect(formatQty({ value: 102, qualifier: 'exact' }, '件')).toBe('102件');
  });

  it('uses 万 only for a qualified figure, so an exact count keeps every digit', () => {
    expect(formatQty({ value: 15_000, qualifier: 'duo' }, '人')).toBe('1.5万多人');
    expect(formatQty({ value: 15_000, qualifier: 'exact' }, '人')).toBe('15000人');
    expect(formatQty({ value: 10_300, qualifier: 'yu' }, '人次')).toBe('1.03万余人次');
  });

  it('reads what staff type and legacy lists hold', () => {
    expect(parseQty('30多个')).toEqual({
      qty: { value: 30, qualifier: 'duo' },
      unit: '个',
      doubleQualifier: false,
    });
    expect(parseQty('1.5万余人次')?.qty).toEqual({ value: 15_000, qualifier: 'yu' });
    expect(parseQty('100人以上')).toEqual({
      qty: { value: 100, qualifier: 'yishang' },
      unit: '人',
      doubleQualifier: false,
    });
    expect(parseQty(' 2,000 ')?.qty).toEqual({ value: 2000, qualifier: 'exact' });
    expect(parseQty('一个多月')).toBeUndefined();
    expect(parseQty('多个')).toBeUndefined();
  });

  it('keeps 余 from "约100余人次" and flags the second qualifier (R-Q1)', () => {
    expect(parseQty('约100余人次')).toEqual({
      qty: { value: 100, qualifier: 'yu' },
      unit: '人次',
      doubleQualifier: true,
    });
  });

  it('round-trips every figure through its written form', () => {
    const qty = fc.record({
      value: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.double({ min: 0, max: 1000, noNaN: true })),
      qualifier: fc.constantFrom(...QUALIFIERS.codes),
    });
    fc.assert(
      fc.property(qty, fc.constantFrom(...MEASURE_WORDS), (raw, unit) => {
        const q: Qty = { ...raw, value: Number(raw.value.toFixed(4)) };
        expect(parseQty(formatQty(q, unit))).toEqual({ qty: q, unit, doubleQualifier: false });
      }),
    );
  });

  it('measures the last significant digit', () => {
    expect(placeValue(5000)).toBe(1000);
    expect(placeValue(15_000)).toBe(1000);
    expect(placeValue(100)).toBe(100);
    expect(placeValue(7)).toBe(1);
    expect(placeValue(2.5)).toBe(0.1);
  });

  it('tells figures that cannot both be true (C-8)', () => {
    expect(qtyCompatible({ value: 5000, qualifier: 'yu' }, { value: 4000, qualifier: 'exact' })).toBe(false);
    expect(qtyCompatible({ value: 5000, qualifier: 'yu' }, { value: 5800, qualifier: 'exact' })).toBe(true);
    expect(qtyCompatible({ value: 5000, qualifier: 'yu' }, { value: 6000, qualifier: 'exact' })).toBe(false);
    expect(qtyCompatible({ value: 2000, qualifier: 'jin' }, { value: 1900, qualifier: 'exact' })).toBe(true);
    expect(qtyCompatible({ value: 2000, qualifier: 'jin' }, { value: 2000, qualifier: 'exact' })).toBe(false);
    expect(qtyCompatible({ value: 100, qualifier: 'yue' }, { value: 140, qualifier: 'exact' })).toBe(true);
    expect(qtyCompatible({ value: 100, qualifier: 'yue' }, { value: 160, qualifier: 'exact' })).toBe(false);
  });

  it('finds an exact figure compatible with itself and with the qualified forms of its own rounding', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (n) => {
        const s = placeValue(n);
        const floor = Math.floor(n / s) * s;
        expect(qtyCompatible({ value: n, qualifier: 'exact' }, { value: n, qualifier: 'exact' })).toBe(true);
        expect(qtyCompatible({ value: n, qualifier: 'exact' }, { value: floor, qualifier: 'yu' })).toBe(true);
      }),
    );
  });

  it('warns on 余/多 after a value that is not round (R-Q2)', () => {
    expect(qualifierNeedsRoundValue({ value: 5123, qualifier: 'yu' })).toBe(true);
    expect(qualifierNeedsRoundValue({ value: 5000, qualifier: 'yu' })).toBe(false);
    expect(qualifierNeedsRoundValue({ value: 5123, qualifier: 'yue' })).toBe(false);
  });

  it('gives a sum its weakest qualifier (R-Q3)', () => {
    expect(
      sumQty([
        { value: 100, qualifier: 'exact' },
        { value: 200, qualifier: 'yu' },
      ]),
    ).toEqual({
      value: 300,
      qualifier: 'yu',
    });
    expect(
      sumQty([
        { value: 1, qualifier: 'exact' },
        { value: 2, qualifier: 'exact' },
      ]).qualifier,
    ).toBe('exact');
    expect(
      sumQty([
        { value: 100, qualifier: 'jin' },
        { value: 200, qualifier: 'yu' },
      ]).qualifier,
    ).toBe('yue');
  });
});
