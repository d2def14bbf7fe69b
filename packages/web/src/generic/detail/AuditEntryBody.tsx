import type { EntityDef } from '@kjj/domain';
import { Button, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordAuditEntry } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { labelOf } from '../fields/labels';
import type { RefData } from '../fields/use-ref-data';
import { diffLines, type DiffLine } from './audit-diff';
import { AuditValue } from './AuditValue';

interface Props {
  def: EntityDef;
  entry: RecordAuditEntry;
  refs: RefData;
}

/** Changed fields as `label: old → new`; a creation lists its initial values on request. */
export function AuditEntryBody({ def, entry, refs }: Props) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const [expanded, setExpanded] = useState(false);
  const isCreate = entry.action.endsWith('.create');
  const lines = diffLines(entry.diff, Object.keys(def.fields)).filter(
    (l) => !isCreate || l.key in def.fields,
  );
  const value = (key: string, v: unknown) => (
    <AuditValue def={def} name={key} value={v} lang={lang} refs={refs} />
  );

  const line = ({ key, before, after }: DiffLine) => (
    <div key={key} style={{ fontSize: 13, lineHeight: 1.7, overflowWrap: 'anywhere' }}>
      <Typography.Text type="secondary">{pick(labelOf(def, key))}：</Typography.Text>
      {isCreate ? (
        value(key, after)
      ) : (
        <>
          <Typography.Text delete type="secondary">
            {value(key, before)}
          </Typography.Text>
          <span style={{ margin: '0 6px' }}>→</span>
          {value(key, after)}
        </>
      )}
    </div>
  );

  if (!isCreate && lines.length === 0)
    return (
      <Typography.Text type="secondary" style={{ fontSize: 13 }}>
        {t('audit.noDiff')}
      </Typography.Text>
    );
  if (!isCreate) return <>{lines.map(line)}</>;
  return (
    <>
      <Button type="link" size="small" style={{ padding: 0 }} onClick={() => setExpanded(!expanded)}>
        {expanded ? t('record.hideInitial') : t('record.showInitial', { count: lines.length })}
      </Button>
      {expanded && lines.map(line)}
    </>
  );
}
