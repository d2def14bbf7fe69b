import {
  highlightLines,
  KPI_ATTACHMENT_TITLE,
  kpiBySource,
  numbering,
  renderFigure,
  reportParts,
  target,
  type Finding,
  type Point,
  type ReportModel,
} from '@kjj/domain';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Empty,
  InputNumber,
  List,
  Row,
  Select,
  Space,
  Switch,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { downloadFile } from '../../api/download';
import {
  useCreateDraft,
  useDraftVersions,
  useReportDraft,
  useRefreshDraft,
  useReportDrafts,
  useSaveDraft,
  type DraftEdit,
  type ReportDraft,
} from '../../api/reports';
import { useKpiBoard } from '../../api/kpi';
import { PageLoading } from '../../app/PageLoading';
import { useOrgFilter } from '../../app/org-filter';
import { useCan } from '../../app/permissions';
import { formatDateTime } from '../../lib/format';
import { useDocumentTitle } from '../../lib/use-document-title';
import styles from './report.module.css';

const editOf = (draft: ReportDraft): DraftEdit => ({
  version: draft.version,
  title: draft.model.title,
  opening: draft.model.opening,
  work: draft.model.work,
  highlights: draft.model.highlights,
  kpiSummary: draft.model.kpi.summary,
  kpiBySource: draft.model.kpi.bySource,
  kpiAsAttachment: draft.model.kpi.asAttachment,
  problems: draft.model.problems,
  plan: draft.model.plan,
});

/**
 * 年度工作总结: a draft built from the records, its wording edited in place (figures stay bound
 * and highlighted; a figure typed over turns red and the check lists it), every save a version,
 * and the consistency check beside the text before the Word or PDF export.
 */
export function ReportPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useSearchParams();
  const { orgId } = useOrgFilter();
  const can = useCan();
  const asked = Number(search.get('year')) || undefined;
  // Without a year in the address: the latest year the bureau has targets for (the board knows it).
  const latest = useKpiBoard(
    undefined,
    orgId,
    undefined,
    asked === undefined && can(target.permissions.read),
  );
  const year = asked ?? latest.data?.year ?? new Date().getFullYear() - 1;
  const drafts = useReportDrafts(year, orgId);
  const chosen = Number(search.get('draft')) || undefined;
  const draftId = chosen ?? drafts.data?.items[0]?.id;
  const draft = useReportDraft(draftId);
  const create = useCreateDraft();
  useDocumentTitle(t('report.title'));
  const { message } = App.useApp();

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }} data-testid="report-page">
      <div className="kjj-page-header">
        <h1>{t('report.title')}</h1>
        <Space wrap>
          {t('dashboard.year')}
          <InputNumber
            aria-label={t('dashboard.year')}
            min={2000}
            max={2100}
            value={year}
            onChange={(y) => y && setSearch({ year: String(y) })}
          />
          {drafts.data && drafts.data.items.length > 0 && (
            <Select
              aria-label={t('report.draft')}
              style={{ minWidth: 220 }}
              value={draftId}
              options={drafts.data.items.map((d) => ({
                value: d.id,
                label: t('report.draftLabel', {
                  id: d.id,
                  version: d.version,
                  at: formatDateTime(d.updatedAt),
                }),
              }))}
              onChange={(id: number) => setSearch({ year: String(year), draft: String(id) })}
            />
          )}
          {can('report:write') && (
            <Button
              type="primary"
              loading={create.isPending}
              onClick={() =>
                create.mutate(
                  { year, ...(orgId ? { orgId } : {}) },
                  {
                    onSuccess: (d) => setSearch({ year: String(year), draft: String(d.id) }),
                    onError: (e) => void message.error(e.message),
                  },
                )
              }
            >
              {t('report.generate')}
            </Button>
          )}
        </Space>
      </div>
      {drafts.isPending || (draftId !== undefined && draft.isPending) ? (
        <PageLoading />
      ) : draft.error ? (
        <Alert type="error" message={draft.error.message} />
      ) : draft.data ? (
        <DraftEditor key={`${draft.data.id}:${draft.data.version}`} draft={draft.data} />
      ) : (
        <Empty description={t('report.none')} />
      )}
    </Space>
  );
}

function DraftEditor({ draft }: { draft: ReportDraft }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const can = useCan();
  const [edit, setEdit] = useState(() => editOf(draft));
  const [dirty, setDirty] = useState(false);
  const save = useSaveDraft(draft.id);
  const refresh = useRefreshDraft(draft.id);
  // The records moved on since the draft was made: its figures can be brought up to date.
  const stale = draft.findings.some((f) => f.stale);
  const versions = useDraftVersions(draft.id);
  const editable = can('report:write');
  const change = (next: DraftEdit) => {
    setEdit(next);
    setDirty(true);
  };
  useEffect(() => {
    if (!dirty) return;
    const warn = (e: BeforeUnloadEvent) => e.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [dirty]);

  const exportAs = (format: 'docx' | 'pdf') =>
    downloadFile(`/report-drafts/${draft.id}/export.${format}`, {}, `report.${format}`).catch((e: Error) =>
      message.error(e.message),
    );

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Space style={{ marginBottom: 12 }} wrap>
          {editable && (
            <Button
              type="primary"
              disabled={!dirty}
              loading={save.isPending}
              onClick={() =>
                save.mutate(edit, {
                  onSuccess: () => void message.success(t('report.saved')),
                  onError: (e) => void message.error(e.message),
                })
              }
            >
              {t('report.save')}
            </Button>
          )}
          {editable && stale && (
            <Button
              disabled={dirty}
              loading={refresh.isPending}
              onClick={() =>
                refresh.mutate(draft.version, {
                  onSuccess: () => void message.success(t('report.refreshed')),
                  onError: (e) => void message.error(e.message),
                })
              }
            >
              {t('report.refresh')}
            </Button>
          )}
          <Button disabled={dirty} onClick={() => void exportAs('docx')}>
            {t('report.exportDocx')}
          </Button>
          <Button disabled={dirty} onClick={() => void exportAs('pdf')}>
            {t('report.exportPdf')}
          </Button>
          {dirty && <Typography.Text type="warning">{t('report.unsaved')}</Typography.Text>}
          <Typography.Text type="secondary">
            {t('report.cutoff', { cutoff: draft.cutoff })} · {t('report.legend')}
          </Typography.Text>
        </Space>
        {editable && <Options model={draft.model} edit={edit} onChange={change} />}
        <Paper model={draft.model} edit={edit} editable={editable} onChange={change} />
      </Col>
      <Col xs={24} xl={8}>
        <Space direction="vertical" style={{ width: '100%' }}>
          <Findings findings={draft.findings} />
          <Card size="small" title={t('report.versions')}>
            <List
              size="small"
              dataSource={versions.data?.items ?? []}
              renderItem={(v) => (
                <List.Item>
                  {t('report.version', { version: v.version })} · {v.savedBy ?? '—'} ·{' '}
                  {formatDateTime(v.savedAt)}
                </List.Item>
              )}
            />
          </Card>
        </Space>
      </Col>
    </Row>
  );
}

function Findings({ findings }: { findings: Finding[] }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('report.check')} data-testid="report-findings">
      {findings.length === 0 ? (
        <Alert type="success" showIcon message={t('report.checkPassed')} />
      ) : (
        <List
          size="small"
          dataSource={findings}
          renderItem={(f) => (
            <List.Item>
              <Space direction="vertical" size={2}>
                <Space>
                  <Tag color={f.severity === 'error' ? 'red' : 'orange'}>{f.check}</Tag>
                  {f.message}
                </Space>
                {f.places.map((p, i) => (
                  <Typography.Text key={i} type="secondary">
                    {t(`report.parts.${p.part}` as 'report.parts.work', { defaultValue: p.part })}：{p.text}
                  </Typography.Text>
                ))}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

interface PaperProps {
  model: ReportModel;
  edit: DraftEdit;
  editable: boolean;
  onChange: (edit: DraftEdit) => void;
}

/** The draft laid out as the document reads; every phrase and figure is editable in place. */
function Paper({ model, edit, editable, onChange }: PaperProps) {
  const { t } = useTranslation();
  const text = (value: string, set: (v: string) => void, className = '', label?: string) => (
    <span
      className={`${styles.editable} ${className}`}
      contentEditable={editable}
      suppressContentEditableWarning
      title={label}
      onBlur={(e) => {
        const next = e.currentTarget.textContent ?? '';
        if (next !== value) set(next);
      }}
    >
      {value}
    </span>
  );
  const point = (p: Point, set: (p: Point) => void, prefix = '') => (
    <p className={styles.para} key={p.id} data-point={p.id}>
      {prefix}
      {p.segments.map((s, i) => {
        const update = (value: string) =>
          set({ ...p, segments: p.segments.map((x, j) => (j === i ? { ...x, text: value } : x)) });
        if (!('figure' in s)) return <span key={i}>{text(s.text, update)}</span>;
        const figure = model.figures[s.figure];
        const typed = figure && s.text !== renderFigure(figure);
        const className = `${styles.figure} ${figure?.manual ? styles.manual : ''} ${typed ? styles.typed : ''}`;
        const label = figure
          ? `${figure.label}${figure.manual ? `（${t('kpi.manual')}）` : ''}${typed ? `，${t('report.typedOver')}` : ''}`
          : s.figure;
        return <span key={i}>{text(s.text, update, className, label)}</span>;
      })}
    </p>
  );
  const list = (points: Point[], set: (ps: Point[]) => void, prefix: (i: number) => string) =>
    points.map((p, i) => point(p, (next) => set(points.map((x, j) => (j === i ? next : x))), prefix(i + 1)));

  // The outline follows the options as they are being edited, before they are saved.
  const preview: ReportModel = {
    ...model,
    work: edit.work,
    highlights: edit.highlights,
    kpi: { ...model.kpi, bySource: edit.kpiBySource, asAttachment: edit.kpiAsAttachment },
  };
  const kpiTable = <KpiTable rows={model.kpi.rows} />;
  const body = (line: string, key: string | number) => (
    <p className={styles.para} key={key}>
      {line}
    </p>
  );
  const parts: Record<ReturnType<typeof reportParts>[number]['id'], ReactNode> = {
    highlights: highlightLines(preview).map(body),
    work: edit.work.map((section, i) => {
      const setSection = (next: typeof section) =>
        onChange({ ...edit, work: edit.work.map((s) => (s.id === section.id ? next : s)) });
      return (
        <div key={section.id} data-section={section.id}>
          <p className={styles.h2}>
            {numbering.section(i + 1)}
            {text(section.heading, (heading) => setSection({ ...section, heading }))}
          </p>
          {list(section.points, (points) => setSection({ ...section, points }), numbering.point)}
        </div>
      );
    }),
    kpi: (
      <>
        {point(edit.kpiSummary, (kpiSummary) => onChange({ ...edit, kpiSummary }))}
        {edit.kpiBySource &&
          kpiBySource(preview).map((group) => (
            <div key={group.heading}>
              <p className={styles.h2}>{group.heading}</p>
              {group.lines.map(body)}
            </div>
          ))}
        {model.kpi.rows.length > 0 &&
          (edit.kpiAsAttachment ? body(`详见附件《${KPI_ATTACHMENT_TITLE}》。`, 'attachment') : kpiTable)}
        {model.counties && model.counties.length > 0 && (
          <>
            {body('各县市区主要指标完成情况如下表：', 'counties')}
            <CountyTable model={model} />
          </>
        )}
      </>
    ),
    problems: list(edit.problems, (problems) => onChange({ ...edit, problems }), numbering.point),
    plan: list(edit.plan, (plan) => onChange({ ...edit, plan }), numbering.item),
  };
  const attachment = edit.kpiAsAttachment && model.kpi.rows.length > 0;

  return (
    <div className={styles.paper} data-testid="report-paper">
      <div className={styles.title}>{text(edit.title, (title) => onChange({ ...edit, title }))}</div>
      {point(edit.opening, (opening) => onChange({ ...edit, opening }))}
      {reportParts(preview).map((part) => (
        <div key={part.id} data-part={part.id}>
          <p className={styles.h1}>{part.heading}</p>
          {parts[part.id]}
        </div>
      ))}
      {attachment && body(`附件：${KPI_ATTACHMENT_TITLE}`, 'attachment-note')}
      <div className={styles.signature}>
        <div>{model.signature.org}</div>
        <div>{model.signature.date}</div>
      </div>
      {attachment && (
        <div className={styles.attachment}>
          <p className={styles.h1}>附件</p>
          <div className={styles.title}>{KPI_ATTACHMENT_TITLE}</div>
          {kpiTable}
        </div>
      )}
    </div>
  );
}

function KpiTable({ rows }: { rows: ReportModel['kpi']['rows'] }) {
  const { t } = useTranslation();
  if (rows.length === 0) return null;
  return (
    <table className={styles.table}>
      <thead>
        <tr>
          {['序号', '指标名称', '来源', '目标值', '完成值', '完成率', '状态', '备注'].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row, i) => (
          <tr key={row.targetId}>
            <td>{i + 1}</td>
            <td>{row.name}</td>
            <td>{row.source}</td>
            <td>{row.target}</td>
            <td>
              {row.actual}
              {row.manual && <Tag style={{ marginInlineStart: 4 }}>{t('kpi.manual')}</Tag>}
            </td>
            <td>{row.ratio}</td>
            <td>{row.status}</td>
            <td>{row.note}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function CountyTable({ model }: { model: ReportModel }) {
  return (
    <table className={styles.table} data-testid="report-counties">
      <thead>
        <tr>
          {['单位', ...(model.countyColumns ?? [])].map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {(model.counties ?? []).map((row) => (
          <tr key={row.orgName}>
            <td>{row.orgName}</td>
            {row.cells.map((cell, i) => (
              <td key={i}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The report's options: 亮点工作 picked from the sections, the KPI part by source, its table as an 附件. */
function Options({
  model,
  edit,
  onChange,
}: {
  model: ReportModel;
  edit: DraftEdit;
  onChange: (e: DraftEdit) => void;
}) {
  const { t } = useTranslation();
  return (
    <Space wrap style={{ marginBottom: 12 }} data-testid="report-options">
      {t('report.highlights')}
      <Select
        mode="multiple"
        aria-label={t('report.highlights')}
        style={{ minWidth: 240 }}
        placeholder={t('report.highlightsHint')}
        value={edit.highlights}
        options={edit.work.map((s) => ({ value: s.id, label: s.heading }))}
        onChange={(highlights: string[]) => onChange({ ...edit, highlights })}
      />
      <Switch
        checked={edit.kpiBySource}
        disabled={model.kpi.rows.length === 0}
        onChange={(kpiBySource) => onChange({ ...edit, kpiBySource })}
        aria-label={t('report.bySource')}
      />
      {t('report.bySource')}
      <Switch
        checked={edit.kpiAsAttachment}
        disabled={model.kpi.rows.length === 0}
        onChange={(kpiAsAttachment) => onChange({ ...edit, kpiAsAttachment })}
        aria-label={t('report.asAttachment')}
      />
      {t('report.asAttachment')}
    </Space>
  );
}
