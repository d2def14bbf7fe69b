import { enumLabel, formatMoney, project, PROJECT_LEVELS, PROJECT_STAGES, PROJECT_STATES } from '@kjj/domain';
import { useQueries } from '@tanstack/react-query';
import { Alert, Card, Col, Empty, InputNumber, Row, Select, Space, Tag, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { api, type QueryParams } from '../../api/client';
import { entityKeys } from '../../api/entities';
import type { EntityRow, Page } from '../../api/types';
import { useOrgFilter } from '../../app/org-filter';
import { useLang } from '../../i18n/use-lang';
import { useRefData } from '../../generic/fields/use-ref-data';
import { asText } from '../../lib/text';
import { useDocumentTitle } from '../../lib/use-document-title';

/** Cards shown per column; the column's count links to the full list. */
const PER_COLUMN = 8;
const FILTERS = ['year', 'level', 'category'] as const;

/**
 * 项目进度看板: one column per stage of the lifecycle, each the project list itself (same
 * scope, filters and count) narrowed to the stage's states, so the board and the list agree.
 */
export function ProjectBoardPage() {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const refs = useRefData(project);
  const { orgId } = useOrgFilter();
  const [search, setSearch] = useSearchParams();
  useDocumentTitle(t('board.title'));
  const filters: QueryParams = Object.fromEntries(
    FILTERS.flatMap((key) => (search.get(key) ? [[key, search.get(key)!]] : [])),
  );
  const setFilter = (key: (typeof FILTERS)[number], value: string | undefined) => {
    const next = new URLSearchParams(search);
    if (value) next.set(key, value);
    else next.delete(key);
    setSearch(next);
  };
  const columns = useQueries({
    queries: PROJECT_STAGES.map((stage) => {
      const params = {
        ...filters,
        orgId,
        status: stage.states.join(','),
        sort: '-updatedAt',
        limit: PER_COLUMN,
        count: 'true',
      };
      return {
        queryKey: entityKeys.list('projects', params),
        queryFn: () => api<Page<EntityRow>>('/projects', { query: params }),
      };
    }),
  });
  const listLink = (states: readonly string[]) =>
    `/e/projects?${new URLSearchParams({ ...(filters as Record<string, string>), status: states.join(',') })}`;

  const { level, category } = project.fields;
  const choices = {
    level: level.values.codes.map((code) => ({ value: code, label: enumLabel(level.values, code, lang) })),
    category: refs.entriesOf(category.dict).map((e) => ({ value: e.code, label: pick(e.label) })),
  };

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div className="kjj-page-header">
        <h1>{t('board.title')}</h1>
        <Space wrap>
          <InputNumber
            aria-label={pick(project.fields.year.label)}
            placeholder={pick(project.fields.year.label)}
            min={2000}
            max={2100}
            value={filters.year ? Number(filters.year) : null}
            onChange={(year) => setFilter('year', year ? String(year) : undefined)}
          />
          {(['level', 'category'] as const).map((key) => (
            <Select
              key={key}
              aria-label={pick(project.fields[key].label)}
              placeholder={pick(project.fields[key].label)}
              allowClear
              style={{ width: 150 }}
              value={filters[key] as string | undefined}
              options={choices[key]}
              onChange={(v: string | undefined) => setFilter(key, v)}
            />
          ))}
        </Space>
      </div>
      <Row gutter={[12, 12]} wrap>
        {PROJECT_STAGES.map((stage, i) => {
          const column = columns[i]!;
          const total = column.data?.total ?? column.data?.items.length ?? 0;
          return (
            <Col key={stage.key} xs={24} md={12} xl={4}>
              <Card
                size="small"
                data-testid={`stage-${stage.key}`}
                title={pick(stage.label)}
                extra={
                  <Link to={listLink(stage.states)} data-testid={`stage-${stage.key}-count`}>
                    {t('board.count', { count: total })}
                  </Link>
                }
                styles={{ body: { padding: 8, background: '#f6f8fb' } }}
              >
                {column.error && <Alert type="error" message={column.error.message} />}
                {column.data?.items.length === 0 && <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />}
                <Space direction="vertical" size={8} style={{ width: '100%' }}>
                  {column.data?.items.map((row) => (
                    <Card key={row.id} size="small">
                      <Link to={`/e/projects/${row.id}`}>{asText(row.name)}</Link>
                      <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }} ellipsis>
                        {asText(row.undertakerName)}
                      </Typography.Paragraph>
                      <Space size={4} wrap>
                        <Tag>{enumLabel(PROJECT_LEVELS, asText(row.level), lang)}</Tag>
                        <Tag color="blue">{enumLabel(PROJECT_STATES, asText(row.status), lang)}</Tag>
                        {typeof row.fiscalApprovedFen === 'number' && row.fiscalApprovedFen > 0 && (
                          <Tag color="green">{`${formatMoney(row.fiscalApprovedFen, 'wan')}${t('dashboard.wan')}`}</Tag>
                        )}
                      </Space>
                    </Card>
                  ))}
                </Space>
              </Card>
            </Col>
          );
        })}
      </Row>
    </Space>
  );
}
