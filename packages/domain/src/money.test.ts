import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from './money.js';

describe('money in 分', () => {
  it('parses 元 and 万元 exactly, refusing too many decimals', () => {
    expect(parseMoney('105', 'wan')).toBe(105_000_000);
    expect(parseMoney('8.3', 'wan')).toBe(8_300_000);
    expect(parseMoney('0.000001', 'wan')).toBe(1);
    expect(parseMoney('83620', 'yuan')).toBe(8_362_000);
    expect(parseMoney('1234.56', 'yuan')).toBe(123_456);
    expect(parseMoney('1234.567', 'yuan')).toBeUndefined();
    expect(parseMoney('-1', 'yuan')).toBeUndefined();
    expect(parseMoney('1e3', 'yuan')).toBeUndefined();
  });

  it('formats without trailing zeros', () => {
    expect(formatMoney(105_000_000, 'wan')).toBe('105');
    expect(formatMoney(3_050_000, 'wan')).toBe('3.05');
    expect(formatMoney(8_362_000, 'yuan')).toBe('83620');
    expect(formatMoney(5, 'yuan')).toBe('0.05');
  });

  it('round-trips every amount in both units and never loses a 分', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000_000 }),
        fc.constantFrom('yuan' as const, 'wan' as const),
        (fen, unit) => {
          expect(parseMoney(formatMoney(fen, unit), unit)).toBe(fen);
        },
      ),
    );
  });
});
