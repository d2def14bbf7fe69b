import { defineEntity } from '../define/entity.js';
import { defineEnum } from '../define/enums.js';
import { f } from '../define/fields.js';
import { t } from '../i18n.js';

export const DISBURSEMENT_STATES = defineEnum({
  planned: t('计划', 'Planned'),
  approved: t('已审批', 'Approved'),
  paid: t('已拨付', 'Paid'),
  cancelled: t('已取消', 'Cancelled'),
});

const date = f.date({ label: t('日期', 'Date'), required: true, notFuture: true });

/**
 * 拨款 (DOMAIN §3.2 Funding): one tranche of a project's grant. R-P1: the tranches of a project that
 * are not cancelled never add up to more than its approved grant.
 */
export const disbursement = defineEntity({
  name: 'disbursement',
  plural: 'disbursements',
  label: t('项目拨款', 'Disbursement'),
  display: 'voucherNo',
  attachments: true,
  fields: {
    projectId: f.ref('project', { label: t('项目', 'Project'), required: true, filter: true }),
    trancheNo: f.int({ label: t('批次', 'Tranche'), required: true, min: 1, max: 20 }),
    amountFen: f.money({ label: t('拨款金额', 'Amount'), required: true }),
    plannedDate: f.date({ label: t('计划拨付日期', 'Planned date') }),
    voucherNo: f.text({
      label: t('拨款文号/凭证号', 'Document or voucher'),
      required: true,
      max: 50,
      search: true,
      sort: true,
    }),
    status: f.enum(DISBURSEMENT_STATES, {
      label: t('状态', 'Status'),
      required: true,
      readOnly: true,
      filter: true,
    }),
    paidAt: f.date({ label: t('拨付日期', 'Paid on'), readOnly: true, filter: true }),
    note: f.text({ label: t('备注', 'Note'), max: 500, multiline: true, hidden: true }),
  },
  workflow: {
    field: 'status',
    states: DISBURSEMENT_STATES,
    initial: 'planned',
    editableIn: ['planned'],
    actions: [
      { name: 'approve', label: t('审批', 'Approve'), from: ['planned'], to: ['approved'], input: {} },
      {
        name: 'pay',
        label: t('拨付', 'Pay'),
        from: ['approved'],
        to: ['paid'],
        input: { date },
        effects: (input) => ({ paidAt: input.date }),
      },
      {
        name: 'cancel',
        label: t('取消', 'Cancel'),
        from: ['planned', 'approved'],
        to: ['cancelled'],
        input: { reason: f.text({ label: t('原因', 'Reason'), required: true, min: 2, max: 500 }) },
      },
    ],
  },
  sample: { trancheNo: 1, amountFen: 1_200_000, plannedDate: '2020-07-01', voucherNo: '辰科发〔2020〕30号' },
  list: {
    columns: ['voucherNo', 'projectId', 'trancheNo', 'amountFen', 'status', 'paidAt'],
    sort: '-updatedAt',
  },
  excel: ['projectId', 'trancheNo', 'amountFen', 'plannedDate', 'voucherNo', 'note'],
});

/** Sum of the tranches that still count against the grant (all but the cancelled), in 分. */
export function committedFen(tranches: readonly { amountFen: number; status: string }[]): number {
  return tranches.filter((x) => x.status !== 'cancelled').reduce((sum, x) => sum + x.amountFen, 0);
}

/** A project's funding ledger (资金台账): what was granted, committed in tranches, paid, and left. */
export interface FundingLedger {
  grantedFen: number;
  /** Tranches that count against the grant (all but the cancelled). */
  committedFen: number;
  paidFen: number;
  /** Granted and not yet paid. */
  unpaidFen: number;
  /** Granted and not yet put in a tranche. */
  uncommittedFen: number;
  /** Paid per calendar year of payment, oldest first. */
  paidByYear: { year: number; paidFen: number }[];
}

export function ledgerOf(
  grantedFen: number,
  tranches: readonly { amountFen: number; status: string; paidAt: string | null }[],
): FundingLedger {
  const paid = tranches.filter((x) => x.status === 'paid');
  const byYear = new Map<number, number>();
  for (const x of paid) {
    const year = Number((x.paidAt ?? '').slice(0, 4));
    byYear.set(year, (byYear.get(year) ?? 0) + x.amountFen);
  }
  const committed = committedFen(tranches);
  const paidFen = paid.reduce((sum, x) => sum + x.amountFen, 0);
  return {
    grantedFen,
    committedFen: committed,
    paidFen,
    unpaidFen: grantedFen - paidFen,
    uncommittedFen: grantedFen - committed,
    paidByYear: [...byYear].sort(([a], [b]) => a - b).map(([year, fen]) => ({ year, paidFen: fen })),
  };
}
