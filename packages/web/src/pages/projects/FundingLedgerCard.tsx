import { DISBURSEMENT_STATES, enumLabel, formatMoney, type FundingLedger } from '@kjj/domain';
import { useQuery } from '@tanstack/react-query';
import { Alert, Card, Col, Row, Statistic, Table } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import type { EntityRow } from '../../api/types';
import { useLang } from '../../i18n/use-lang';

interface Tranche {
  id: number;
  trancheNo: number;
  voucherNo: string;
  amountFen: number;
  status: string;
  plannedDate: string | null;
  paidAt: string | null;
}

const wan = (fen: number) => formatMoney(fen, 'wan');

/** 资金台账 on a project's page: the grant against its tranches, paid per year, and what is left. */
export function FundingLedgerCard({ row }: { row: EntityRow }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const ledger = useQuery({
    queryKey: ['entity', 'projects', 'one', row.id, 'ledger', row.version],
    queryFn: () => api<FundingLedger & { tranches: Tranche[] }>(`/projects/${row.id}/ledger`),
  });
  if (ledger.error) return <Alert type="error" message={ledger.error.message} />;
  const data = ledger.data;
  if (!data || (data.grantedFen === 0 && data.tranches.length === 0)) return null;
  const figures = [
    ['granted', data.grantedFen],
    ['committed', data.committedFen],
    ['paid', data.paidFen],
    ['unpaid', data.unpaidFen],
  ] as const;
  return (
    <Card title={t('ledger.title')} size="small" data-testid="funding-ledger">
      <Row gutter={16}>
        {figures.map(([key, fen]) => (
          <Col key={key} xs={12} md={6}>
            <Statistic title={t(`ledger.${key}`)} value={wan(fen)} suffix={t('dashboard.wan')} />
          </Col>
        ))}
      </Row>
      {data.paidByYear.length > 0 && (
        <p style={{ marginTop: 12 }}>
          {t('ledger.byYear')}
          {data.paidByYear
            .map((y) => t('ledger.yearPaid', { year: y.year, amount: wan(y.paidFen) }))
            .join('；')}
        </p>
      )}
      <Table<Tranche>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={data.tranches}
        columns={[
          { title: t('ledger.tranche'), dataIndex: 'trancheNo' },
          {
            title: t('ledger.voucher'),
            dataIndex: 'voucherNo',
            render: (voucher: string, x) => <Link to={`/e/disbursements/${x.id}`}>{voucher}</Link>,
          },
          {
            title: t('ledger.amount'),
            dataIndex: 'amountFen',
            align: 'right',
            render: (fen: number) => wan(fen),
          },
          {
            title: t('ledger.status'),
            dataIndex: 'status',
            render: (status: string) => enumLabel(DISBURSEMENT_STATES, status, lang),
          },
          { title: t('ledger.paidAt'), dataIndex: 'paidAt' },
        ]}
      />
    </Card>
  );
}
