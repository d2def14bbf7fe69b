import { formatMoneyProse, formatQty, metricById, metricRecords, yearPeriod } from '@kjj/domain';
import { Alert, Card, Col, InputNumber, Row, Space, Statistic, Tag, Typography } from 'antd';
import ReactECharts from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useOverview, type Overview } from '../../api/dashboards';
import { PageLoading } from '../../app/PageLoading';
import { useOrgFilter } from '../../app/org-filter';
import { useLang } from '../../i18n/use-lang';
import { useDocumentTitle } from '../../lib/use-document-title';
import { echarts, withPngExport } from './charts';

type Figure = Overview['figures'][number];

/** A figure as the report writes it: 208万元, 100%, 30多个. */
function figureText(f: Figure, value: number | null, lang: 'zh' | 'en'): string {
  if (value === null) return '—';
  if (f.rate) return `${value}%`;
  if (f.money) return formatMoneyProse(value);
  return formatQty({ value, qualifier: value === f.value ? f.qualifier : 'exact' }, f.unit[lang]);
}

/**
 * 工作概览: the bureau's year in figures, each against last year and each opening the records
 * behind it; a city compares its counties in a chart that saves as PNG.
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [search, setSearch] = useSearchParams();
  const { orgId } = useOrgFilter();
  const asked = Number(search.get('year')) || undefined;
  const overview = useOverview(asked, orgId);
  useDocumentTitle(t('dashboard.overview'));
  if (overview.isPending) return <PageLoading />;
  if (overview.error) return <Alert type="error" message={overview.error.message} />;
  const data = overview.data;
  const period = yearPeriod(data.year);
  const recordsOf = (id: string) => {
    const link = metricRecords(metricById(id)!, period, data.orgId);
    return `/e/${link.plural}?${new URLSearchParams(link.query).toString()}`;
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="overview">
      <div className="kjj-page-header">
        <h1>{t('dashboard.overview')}</h1>
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
      <Row gutter={[16, 16]}>
        {data.figures.map((f) => (
          <Col key={f.id} xs={12} md={8} xl={6}>
            <Card size="small" data-testid={`overview-${f.id}`}>
              <Link to={recordsOf(f.id)}>
                <Statistic
                  title={
                    <Space size={4}>
                      {pick(f.label)}
                      {f.manual && <Tag>{t('kpi.manual')}</Tag>}
                    </Space>
                  }
                  value={figureText(f, f.value, lang)}
                />
              </Link>
              <Typography.Text type="secondary">
                {t('dashboard.lastYear')} {figureText(f, f.lastYear, lang)}
                {f.yoy &&
                  ` · ${
                    f.yoy.kind === 'points'
                      ? t('kpi.yoyPoints', { value: f.yoy.value })
                      : t('kpi.yoyPercent', { value: f.yoy.value })
                  }`}
              </Typography.Text>
            </Card>
          </Col>
        ))}
      </Row>
      {data.byOrg.length > 0 && <Counties data={data} />}
    </Space>
  );
}

function Counties({ data }: { data: Overview }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const names = data.byOrg.map((o) => o.name);
  const series = data.compared.map((id) => {
    const metric = metricById(id)!;
    const money = data.figures.find((f) => f.id === id)?.money;
    return {
      name: pick(metric.label),
      type: 'bar',
      data: data.byOrg.map((o) => (money ? (o.values[id] ?? 0) / 1_000_000 : (o.values[id] ?? 0))),
    };
  });
  return (
    <Card size="small" title={t('dashboard.compareCounties')}>
      <ReactECharts
        echarts={echarts}
        notMerge
        style={{ height: 360 }}
        data-testid="overview-counties"
        option={withPngExport(
          {
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { top: 48, left: 48, right: 16, bottom: 64 },
            xAxis: { type: 'category', data: names, axisLabel: { rotate: 30 } },
            yAxis: { type: 'value' },
            series,
          },
          'counties',
        )}
      />
    </Card>
  );
}
