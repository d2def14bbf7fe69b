import { enumLabel, formatMoney, project, PROJECT_LEVELS } from '@kjj/domain';
import { Alert, Card, Col, InputNumber, Row, Space, Statistic } from 'antd';
import ReactECharts from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useProjectsDashboard, type ProjectsDashboard } from '../../api/dashboards';
import { PageLoading } from '../../app/PageLoading';
import { useRefData } from '../../generic/fields/use-ref-data';
import { useOrgFilter } from '../../app/org-filter';
import type { Translation } from '../../i18n/zh-CN';
import { useLang } from '../../i18n/use-lang';
import { useDocumentTitle } from '../../lib/use-document-title';
import { echarts, withPngExport } from './charts';

/** 分 → 万元 as a number for the charts (2 decimals, as the report prints it). */
const wan = (fen: number) => Number(formatMoney(fen, 'wan'));

/**
 * 项目统计: the bureau's project figures for a year, from the same metrics the KPI board and the
 * annual report use; each figure links to the records behind it.
 */
export function ProjectsDashboardPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const { orgId } = useOrgFilter();
  const asked = Number(search.get('year')) || undefined;
  const board = useProjectsDashboard(asked, orgId);
  useDocumentTitle(t('dashboard.projects'));
  if (board.isPending) return <PageLoading />;
  if (board.error) return <Alert type="error" message={board.error.message} />;
  const data = board.data;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="projects-dashboard">
      <div className="kjj-page-header">
        <h1>{t('dashboard.projects')}</h1>
        <Space>
          {t('dashboard.year')}
          <InputNumber
            aria-label={t('dashboard.year')}
            min={2000}
            max={2100}
            value={data.year}
            onChange={(year) => year && setSearch({ year: String(year) })}
          />
        </Space>
      </div>
      <Figures data={data} />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={12}>
          <UpwardByLevel data={data} />
        </Col>
        <Col xs={24} lg={12}>
          <CountyByCategory data={data} />
        </Col>
        <Col xs={24} lg={data.byOrg.length > 0 ? 12 : 24}>
          <Trend data={data} />
        </Col>
        {data.byOrg.length > 0 && (
          <Col xs={24} lg={12}>
            <ByOrg data={data} />
          </Col>
        )}
      </Row>
    </Space>
  );
}

function Figures({ data }: { data: ProjectsDashboard }) {
  const { t } = useTranslation();
  const f = data.figures;
  const year = data.year;
  const projects = (query: string) => `/e/projects?${query}`;
  const cards: {
    key: keyof Translation['dashboard']['figures'];
    value: number | string;
    suffix: string;
    to?: string;
  }[] = [
    {
      key: 'upwardRecommended',
      value: f.upwardRecommended,
      suffix: t('dashboard.items'),
      to: projects(
        `level=national,province,city&recommendedAt.gte=${year}-01-01&recommendedAt.lte=${year}-12-31`,
      ),
    },
    {
      key: 'upwardApproved',
      value: f.upwardApproved,
      suffix: t('dashboard.items'),
      to: projects(`level=national,province,city&approvedAt.gte=${year}-01-01&approvedAt.lte=${year}-12-31`),
    },
    { key: 'upwardAmount', value: formatMoney(f.upwardAmountFen, 'wan'), suffix: t('dashboard.wan') },
    {
      key: 'countyApproved',
      value: f.countyApproved,
      suffix: t('dashboard.items'),
      to: projects(`level=county&approvedAt.gte=${year}-01-01&approvedAt.lte=${year}-12-31`),
    },
    { key: 'countyAmount', value: formatMoney(f.countyAmountFen, 'wan'), suffix: t('dashboard.wan') },
    {
      key: 'implementationRate',
      value: f.implementationRate ?? '—',
      suffix: f.implementationRate === null ? '' : '%',
    },
    { key: 'disbursed', value: formatMoney(f.disbursedFen, 'wan'), suffix: t('dashboard.wan') },
    { key: 'acceptanceRate', value: f.acceptanceRate ?? '—', suffix: f.acceptanceRate === null ? '' : '%' },
    { key: 'reserveStock', value: f.reserveStock, suffix: t('dashboard.items'), to: '/e/reserve-items' },
  ];
  return (
    <Row gutter={[16, 16]}>
      {cards.map((card) => {
        const stat = (
          <Statistic title={t(`dashboard.figures.${card.key}`)} value={card.value} suffix={card.suffix} />
        );
        return (
          <Col key={card.key} xs={12} md={8}>
            <Card size="small" data-testid={`figure-${card.key}`}>
              {card.to ? <Link to={card.to}>{stat}</Link> : stat}
            </Card>
          </Col>
        );
      })}
    </Row>
  );
}

const chart = (option: object, testId: string, height = 300) => (
  <ReactECharts
    echarts={echarts}
    option={withPngExport(option, testId)}
    style={{ height }}
    notMerge
    data-testid={testId}
  />
);

function UpwardByLevel({ data }: { data: ProjectsDashboard }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const levels = data.byLevel.map((l) => enumLabel(PROJECT_LEVELS, l.level, lang));
  return (
    <Card size="small" title={t('dashboard.upwardByLevel')}>
      {chart(
        {
          tooltip: { trigger: 'axis' },
          legend: {},
          xAxis: { type: 'category', data: levels },
          yAxis: [
            { type: 'value', name: t('dashboard.items') },
            { type: 'value', name: t('dashboard.wan') },
          ],
          series: [
            { name: t('dashboard.recommended'), type: 'bar', data: data.byLevel.map((l) => l.recommended) },
            { name: t('dashboard.approved'), type: 'bar', data: data.byLevel.map((l) => l.approved) },
            {
              name: t('dashboard.amount'),
              type: 'line',
              yAxisIndex: 1,
              data: data.byLevel.map((l) => wan(l.amountFen)),
            },
          ],
        },
        'chart-upward',
      )}
    </Card>
  );
}

function CountyByCategory({ data }: { data: ProjectsDashboard }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const refs = useRefData(project);
  return (
    <Card size="small" title={t('dashboard.countyByCategory')}>
      {chart(
        {
          tooltip: { trigger: 'item', formatter: '{b}：{c}万元（{d}%）' },
          legend: { bottom: 0 },
          series: [
            {
              type: 'pie',
              radius: ['35%', '65%'],
              data: data.byCategory.map((c) => ({
                name: `${refs.dictLabel(project.fields.category.dict, c.category, lang)} ${c.count}${t('dashboard.items')}`,
                value: wan(c.amountFen),
              })),
            },
          ],
        },
        'chart-category',
      )}
    </Card>
  );
}

function Trend({ data }: { data: ProjectsDashboard }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dashboard.trend')}>
      {chart(
        {
          tooltip: { trigger: 'axis' },
          legend: {},
          xAxis: { type: 'category', data: data.trend.map((y) => String(y.year)) },
          yAxis: { type: 'value', name: t('dashboard.wan') },
          series: [
            {
              name: t('dashboard.upwardAmount'),
              type: 'line',
              data: data.trend.map((y) => wan(y.upwardAmountFen)),
            },
            {
              name: t('dashboard.countyAmount'),
              type: 'line',
              data: data.trend.map((y) => wan(y.countyAmountFen)),
            },
          ],
        },
        'chart-trend',
      )}
    </Card>
  );
}

function ByOrg({ data }: { data: ProjectsDashboard }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('dashboard.byOrg')}>
      {chart(
        {
          tooltip: { trigger: 'axis' },
          legend: {},
          grid: { left: 130 },
          // Every bureau named, top to bottom in code order.
          yAxis: {
            type: 'category',
            inverse: true,
            axisLabel: { interval: 0 },
            data: data.byOrg.map((o) => o.name),
          },
          xAxis: { type: 'value', name: t('dashboard.wan') },
          series: [
            {
              name: t('dashboard.upwardAmount'),
              type: 'bar',
              data: data.byOrg.map((o) => wan(o.upwardAmountFen)),
            },
            {
              name: t('dashboard.countyAmount'),
              type: 'bar',
              data: data.byOrg.map((o) => wan(o.countyAmountFen)),
            },
          ],
        },
        'chart-orgs',
        Math.max(300, 80 + 28 * data.byOrg.length),
      )}
    </Card>
  );
}
