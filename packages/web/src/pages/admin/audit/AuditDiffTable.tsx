import type { EntityDef } from '@kjj/domain';
import { Empty, Table, Typography, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditDiff, AuditEntry } from '../../../api/types';
import { AuditValue } from '../../../generic/detail/AuditValue';
import { diffLines, type DiffLine } from '../../../generic/detail/audit-diff';
import { labelOf } from '../../../generic/fields/labels';
import { useRefData } from '../../../generic/fields/use-ref-data';
import { entityDefs } from '../../../generic/registry';
import { useLang } from '../../../i18n/use-lang';
import { asText } from '../../../lib/text';

/** Login and token entries store plain details rather than before/after; show them as "after". */
function normalise(diff: unknown): AuditDiff {
  if (!diff || typeof diff !== 'object') return {};
  if ('before' in diff || 'after' in diff) return diff as AuditDiff;
  return { after: diff as Record<string, unknown> };
}

const plain = (value: unknown): ReactNode =>
  value === null || value === undefined ? (
    <Typography.Text type="secondary">—</Typography.Text>
  ) : (
    asText(value)
  );

function DiffTable({
  lines,
  label,
  value,
}: {
  lines: DiffLine[];
  label: (key: string) => string;
  value: (key: string, v: unknown) => ReactNode;
}) {
  const { t } = useTranslation();
  const columns: TableColumnsType<DiffLine> = [
    { key: 'field', title: t('audit.field'), width: 180, render: (_, l) => label(l.key) },
    { key: 'before', title: t('audit.before'), render: (_, l) => value(l.key, l.before) },
    { key: 'after', title: t('audit.after'), render: (_, l) => value(l.key, l.after) },
  ];
  if (lines.length === 0)
    return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('audit.noDiff')} />;
  return (
    <Table<DiffLine>
      rowKey="key"
      size="small"
      columns={columns}
      dataSource={lines}
      pagination={false}
      scroll={{ x: 480 }}
    />
  );
}

function EntityDiff({ def, diff }: { def: EntityDef; diff: AuditDiff }) {
  const { lang, pick } = useLang();
  const refs = useRefData(def);
  return (
    <DiffTable
      lines={diffLines(diff, Object.keys(def.fields))}
      label={(key) => pick(labelOf(def, key))}
      value={(key, v) => <AuditValue def={def} name={key} value={v} lang={lang} refs={refs} />}
    />
  );
}

/** The expanded row of the audit log: each changed key, before and after. */
export function AuditDiffTable({ entry }: { entry: AuditEntry }) {
  const diff = normalise(entry.diff);
  const def = entityDefs.find((d) => d.name === entry.entity);
  return (
    <div data-testid="audit-diff">
      {def ? (
        <EntityDiff def={def} diff={diff} />
      ) : (
        <DiffTable lines={diffLines(diff, [])} label={(key) => key} value={(_, v) => plain(v)} />
      )}
      {entry.requestId && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          request {entry.requestId}
        </Typography.Text>
      )}
    </div>
  );
}
