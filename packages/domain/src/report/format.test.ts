import { describe, expect, it } from 'vitest';
import {
  chineseDate,
  chineseDateRange,
  chineseNumeral,
  formatMoneyProse,
  formatMoneyQty,
  formatPercentProse,
  formatPercentTable,
  numbering,
} from './format.js';

const WAN = 1_000_000;

describe('report numbers (DOMAIN §5.3)', () => {
  it.each([
    [105 * WAN, '105万元'],
    [8_300_000, '8.3万元'],
    [3_050_000, '3.05万元'],
    [208 * WAN, '208万元'],
    [10_000 * WAN, '1亿元'],
    [12_500 * WAN, '1.25亿元'],
    [8_362_000, '83620元'],
    [500_000, '5000元'],
    [113_550, '1135.5元'],
    [0, '0元'],
  ])('money %i 分 → %s', (fen, text) => {
    expect(formatMoneyProse(fen)).toBe(text);
  });

  it('rounded mode floors and says 余, never rounds up', () => {
    expect(formatMoneyProse(8_362_000, 'rounded')).toBe('8.36万余元');
    expect(formatMoneyProse(8_369_900, 'rounded')).toBe('8.36万余元');
    expect(formatMoneyProse(105 * WAN, 'rounded')).toBe('105万元');
  });

  it('writes qualified money as staff do', () => {
    expect(formatMoneyQty({ value: 3, qualifier: 'duo' })).toBe('3万多元');
    expect(formatMoneyQty({ value: 8.3, qualifier: 'yu' })).toBe('8.3万余元');
    expect(formatMoneyQty({ value: 8.362, qualifier: 'exact' })).toBe('83620元');
    expect(formatMoneyQty({ value: 10_000, qualifier: 'exact' })).toBe('1亿元');
  });

  it('percentages: prose drops zeros, tables keep 2 decimals', () => {
    expect(formatPercentProse(231.11)).toBe('231.11%');
    expect(formatPercentProse(100)).toBe('100%');
    expect(formatPercentProse(50.5)).toBe('50.5%');
    expect(formatPercentTable(100)).toBe('100.00%');
    expect(formatPercentTable(231.11)).toBe('231.11%');
  });

  it('dates and ranges', () => {
    expect(chineseDate('2020-12-30')).toBe('2020年12月30日');
    expect(chineseDate('2021-04-02', false)).toBe('4月2日');
    expect(chineseDateRange('2020-05-19', '2020-05-25')).toBe('5月19日—25日');
    expect(chineseDateRange('2020-05-28', '2020-06-03')).toBe('5月28日—6月3日');
  });

  it('numerals and heading numbers', () => {
    expect([1, 9, 10, 11, 20, 23, 99].map(chineseNumeral)).toEqual([
      '一',
      '九',
      '十',
      '十一',
      '二十',
      '二十三',
      '九十九',
    ]);
    expect([
      numbering.part(2),
      numbering.section(3),
      numbering.item(4),
      numbering.subitem(5),
      numbering.point(1),
    ]).toEqual(['二、', '（三）', '4.', '（5）', '一是']);
  });
});
