import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from '../money.js';
import { committedFen } from './disbursement.js';

const tranche = fc.record({
  amountFen: fc.integer({ min: 0, max: 10_000_000_000 }),
  status: fc.constantFrom('planned', 'approved', 'paid', 'cancelled'),
});

describe('tranche sums never lose a 分', () => {
  it('adds every tranche but the cancelled, exactly', () => {
    fc.assert(
      fc.property(fc.array(tranche, { maxLength: 200 }), (tranches) => {
        const exact = tranches
          .filter((x) => x.status !== 'cancelled')
          .reduce((sum, x) => sum + BigInt(x.amountFen), 0n);
        expect(BigInt(committedFen(tranches))).toBe(exact);
      }),
    );
  });

  it('shows a sum in 万元 and reads it back to the same 分', () => {
    fc.assert(
      fc.property(fc.array(tranche, { maxLength: 50 }), (tranches) => {
        const sum = committedFen(tranches);
        expect(parseMoney(formatMoney(sum, 'wan'), 'wan')).toBe(sum);
        expect(parseMoney(formatMoney(sum, 'yuan'), 'yuan')).toBe(sum);
      }),
    );
  });
});
