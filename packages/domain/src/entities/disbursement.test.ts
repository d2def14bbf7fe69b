import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatMoney, parseMoney } from '../money.js';
import { committedFen, ledgerOf } from './disbursement.js';

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

  it('keeps the ledger whole: paid per year adds up to paid, and granted = paid + unpaid', () => {
    const dated = fc.record({
      amountFen: fc.integer({ min: 0, max: 10_000_000_000 }),
      status: fc.constantFrom('planned', 'approved', 'paid', 'cancelled'),
      paidAt: fc.constantFrom('2019-12-31', '2020-01-01', '2020-07-15', '2021-03-01'),
    });
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000_000_000 }),
        fc.array(dated, { maxLength: 100 }),
        (granted, tranches) => {
          const ledger = ledgerOf(granted, tranches);
          const paid = tranches
            .filter((x) => x.status === 'paid')
            .reduce((s, x) => s + BigInt(x.amountFen), 0n);
          expect(BigInt(ledger.paidFen)).toBe(paid);
          expect(ledger.paidByYear.reduce((s, y) => s + BigInt(y.paidFen), 0n)).toBe(paid);
          expect(BigInt(ledger.unpaidFen) + paid).toBe(BigInt(granted));
          expect(BigInt(ledger.uncommittedFen) + BigInt(ledger.committedFen)).toBe(BigInt(granted));
          expect(ledger.paidByYear.map((y) => y.year)).toEqual(
            [...new Set(ledger.paidByYear.map((y) => y.year))].sort(),
          );
        },
      ),
    );
  });
});
