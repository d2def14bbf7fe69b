import {
  enumLabel,
  formatMoneyQty,
  formatQty,
  isMoneyMetric,
  metricById,
  metricRecords,
  TARGET_SOURCES,
  TARGET_STATUSES,
  target,
  type MetricDef,
} from '@kjj/domain';
import { Alert, Button, DatePicker, InputNumber, Space, Table, Tag, Tooltip, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useKpiBoard, type KpiActual, type KpiAssessment, type KpiBoard, type KpiLine } from '../../api/kpi';
import { useOrgs } from '../../api/orgs';
import { useCan } from '../../app/permissions';
import { AssignTargetDialog } from './AssignTargetDialog';
import { PageLoading } from '../../app/PageLoading';
import { useOrgFilter } from '../../app/org-filter';
import { useLang } from '../../i18n/use-lang';
import { useDocumentTitle } from '../../lib/use-document-title';

const STATUS_COLORS: Record<KpiAssessment['status'], string> = {
  exceeded: 'green',
  completed: 'blue',
  in_progress: 'gold',
  failed: 'red',
  not_assigned: 'default',
};

/**
 * 考核指标完成情况 (DOMAIN §3.10): each target of the bureau with its actual from the records, the
 * ratio and status they give it, and the trend against last year. A city sees each county's share.
 */
export function KpiPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const { orgId } = useOrgFilter();
  const asked = Number(search.get('year')) || undefined;
  const asOf = search.get('asOf') ?? undefined;
  const board = useKpiBoard(asked, orgId, asOf);
  // Without a year in the address, the server picks the latest year with targets.
  const year = asked ?? board.data?.year ?? dayjs().year();
  useDocumentTitle(t('kpi.title'));
  const set = (next: Record<string, string | undefined>) => {
    const params = Object.fromEntries(
      Object.entries({ year: String(year), asOf, ...next }).filter(([, v]) => v !== undefined),
    ) as Record<string, string>;
    setSearch(params);
  };
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="kpi-board">
      <div className="kjj-page-header">
        <h1>{t('kpi.title')}</h1>
        <Space wrap>
          {t('dashboard.year')}
          <InputNumber
            aria-label={t('dashboard.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(y) => y && set({ year: String(y), asOf: undefined })}
          />
          {t('kpi.asOf')}
          <DatePicker
            aria-label={t('kpi.asOf')}
            value={asOf ? dayjs(asOf) : null}
            minDate={dayjs(`${year}-01-01`)}
            maxDate={dayjs(`${year}-12-31`)}
            placeholder={t('kpi.yearEnd')}
            onChange={(d) => set({ asOf: d ? d.format('YYYY-MM-DD') : undefined })}
          />
        </Space>
      </div>
      {board.isPending ? (
        <PageLoading />
      ) : board.error ? (
        <Alert type="error" message={board.error.message} />
      ) : (
        <>
          <Summary lines={board.data.lines} asOf={board.data.asOf} />
          {board.data.warnings.map((w) => (
            <Alert
              key={w.targetId}
              type="warning"
              showIcon
              message={t('kpi.decompositionShort', {
                name: board.data.lines.find((l) => l.target.id === w.targetId)?.target.name,
                parts: w.parts,
                whole: w.whole,
              })}
            />
          ))}
          <KpiTable board={board.data} />
        </>
      )}
    </Space>
  );
}

function Summary({ lines, asOf }: { lines: KpiLine[]; asOf: string }) {
  const { t } = useTranslation();
  const count = (status: KpiAssessment['status']) =>
    lines.filter((l) => l.assessment.status === status).length;
  const risky = lines.filter((l) => l.atRisk).length;
  return (
    <Typography.Paragraph data-testid="kpi-summary">
      {t('kpi.summary', {
        asOf,
        total: lines.length,
        exceeded: count('exceeded'),
        completed: count('completed'),
        inProgress: count('in_progress'),
        failed: count('failed'),
        notAssigned: count('not_assigned'),
      })}
      {risky > 0 && (
        <Tag color="volcano" style={{ marginInlineStart: 8 }}>
          {t('kpi.atRiskCount', { count: risky })}
        </Tag>
      )}
    </Typography.Paragraph>
  );
}

/** A figure in its metric's unit, with the qualifier a manual statement gave it. */
function figure(
  metric: MetricDef | undefined,
  value: number | null,
  qualifier: KpiActual['qualifier'] = 'exact',
) {
  if (value === null) return '—';
  const qty = { value: Number(value.toFixed(4)), qualifier };
  // Amounts (in 万元 here) read as a report writes them: 1亿元, 83620元, 3万多元.
  if (metric && isMoneyMetric(metric)) return formatMoneyQty(qty);
  return formatQty(qty, metric ? metric.unit.zh : '');
}

function StatusTag({ assessment, atRisk }: { assessment: KpiAssessment; atRisk?: boolean }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  return (
    <Space size={4} wrap>
      <Tag color={STATUS_COLORS[assessment.status]}>
        {enumLabel(TARGET_STATUSES, assessment.status, lang)}
      </Tag>
      {assessment.early && <Tag color="cyan">{t('kpi.early')}</Tag>}
      {atRisk && <Tag color="volcano">{t('kpi.atRisk')}</Tag>}
      {assessment.reasonMissing && <Tag color="red">{t('kpi.reasonMissing')}</Tag>}
    </Space>
  );
}

function KpiTable({ board }: { board: KpiBoard }) {
  const { t } = useTranslation();
  const { lang } = useLang();
  const can = useCan();
  const orgs = useOrgs();
  const [assigning, setAssigning] = useState<KpiLine>();
  const { lines, year, asOf } = board;
  // A bureau with bureaus below it (a city) shares its targets out to them.
  const canAssign =
    can(target.permissions.create) &&
    (orgs.data ?? []).some((o) => o.parentId === board.orgId && o.kind !== 'section');
  const period = { from: `${year}-01-01`, to: asOf };
  const recordsOf = (metricId: string | null, orgId: number) => {
    const metric = metricId ? metricById(metricId) : undefined;
    if (!metric) return undefined;
    const link = metricRecords(metric, period, orgId);
    return `/e/${link.plural}?${new URLSearchParams(link.query).toString()}`;
  };
  return (
    <>
      {assigning && <AssignTargetDialog line={assigning} onClose={() => setAssigning(undefined)} />}
      <Table<KpiLine>
        rowKey={(l) => l.target.id}
        dataSource={lines}
        pagination={false}
        size="middle"
        scroll={{ x: 960 }}
        expandable={{
          rowExpandable: (l) => l.assignments.length > 0,
          expandedRowRender: (l) => <Assignments line={l} recordsOf={recordsOf} />,
        }}
        columns={[
          { title: t('kpi.no'), width: 60, render: (_, __, i) => i + 1 },
          {
            title: t('kpi.name'),
            render: (_, l) => (
              <Space size={4} wrap>
                <Link to={`/e/targets/${l.target.id}`}>{l.target.name}</Link>
                {canAssign && l.target.orgId === board.orgId && (
                  <Button size="small" type="link" onClick={() => setAssigning(l)}>
                    {t('kpi.assign')}
                  </Button>
                )}
              </Space>
            ),
          },
          { title: t('kpi.source'), render: (_, l) => enumLabel(TARGET_SOURCES, l.target.source, lang) },
          {
            title: t('kpi.target'),
            render: (_, l) => {
              const metric = l.target.metricId ? metricById(l.target.metricId) : undefined;
              if (!l.target.targetValue) return '—';
              if (l.target.kind === 'growth') return t('kpi.growth', { value: l.target.targetValue.value });
              return figure(metric, l.target.targetValue.value, l.target.targetValue.qualifier);
            },
          },
          {
            title: t('kpi.actual'),
            render: (_, l) => {
              const metric = l.target.metricId ? metricById(l.target.metricId) : undefined;
              const text = figure(metric, l.actual.value, l.actual.qualifier);
              const to = recordsOf(l.target.metricId, l.target.orgId);
              return (
                <Space size={4}>
                  {to ? <Link to={to}>{text}</Link> : text}
                  {l.actual.manual && (
                    <Tooltip title={t('kpi.manualAsOf', { asOf: l.actual.asOf })}>
                      <Tag>{t('kpi.manual')}</Tag>
                    </Tooltip>
                  )}
                </Space>
              );
            },
          },
          {
            title: t('kpi.ratio'),
            align: 'right',
            render: (_, l) => (l.assessment.ratio === null ? '—' : `${l.assessment.ratio.toFixed(2)}%`),
          },
          {
            title: t('kpi.status'),
            render: (_, l) => <StatusTag assessment={l.assessment} atRisk={l.atRisk} />,
          },
          {
            title: t('kpi.yoy'),
            render: (_, l) =>
              l.yoy === null
                ? '—'
                : l.yoy.kind === 'points'
                  ? t('kpi.yoyPoints', { value: l.yoy.value })
                  : t('kpi.yoyPercent', { value: l.yoy.value }),
          },
          { title: t('kpi.owner'), render: (_, l) => l.target.ownerName ?? '—' },
          {
            title: t('kpi.note'),
            render: (_, l) => (l.assessment.status === 'failed' ? (l.target.reason ?? '') : ''),
          },
        ]}
      />
    </>
  );
}

function Assignments({
  line,
  recordsOf,
}: {
  line: KpiLine;
  recordsOf: (metricId: string | null, orgId: number) => string | undefined;
}) {
  const { t } = useTranslation();
  const metric = line.target.metricId ? metricById(line.target.metricId) : undefined;
  return (
    <Table
      rowKey="targetId"
      size="small"
      pagination={false}
      dataSource={line.assignments}
      data-testid="kpi-assignments"
      columns={[
        { title: t('kpi.org'), dataIndex: 'orgName' },
        {
          title: t('kpi.target'),
          render: (_, a) =>
            a.targetValue ? figure(metric, a.targetValue.value, a.targetValue.qualifier) : '—',
        },
        {
          title: t('kpi.actual'),
          render: (_, a) => {
            const to = recordsOf(line.target.metricId, a.orgId);
            const text = figure(metric, a.actual.value, a.actual.qualifier);
            return to ? <Link to={to}>{text}</Link> : text;
          },
        },
        {
          title: t('kpi.ratio'),
          align: 'right',
          render: (_, a) => (a.assessment.ratio === null ? '—' : `${a.assessment.ratio.toFixed(2)}%`),
        },
        { title: t('kpi.status'), render: (_, a) => <StatusTag assessment={a.assessment} /> },
      ]}
    />
  );
}
