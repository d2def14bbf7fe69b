import type { EntityDef } from '@kjj/domain';
import { Card, Empty, List, Typography } from 'antd';
import type { EntityRow } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { CellValue } from '../fields/CellValue';
import { labelOf } from '../fields/labels';
import type { RefData } from '../fields/use-ref-data';
import { RecordTitle } from './RecordTitle';
import { RowActions } from './RowActions';

interface Props {
  def: EntityDef;
  rows: EntityRow[];
  columns: string[];
  refs: RefData;
  loading: boolean;
  trash: boolean;
}

/** Phone list: one card per record with its chosen columns as label–value lines. */
export function EntityCards({ def, rows, columns, refs, loading, trash }: Props) {
  const { lang, pick } = useLang();
  const lines = columns.filter((c) => c !== def.display);
  return (
    <List<EntityRow>
      loading={loading}
      dataSource={rows}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} /> }}
      split={false}
      data-testid="entity-cards"
      renderItem={(row) => (
        <Card
          size="small"
          style={{ marginBottom: 10 }}
          title={<RecordTitle def={def} row={row} linked={!trash} />}
          extra={<RowActions def={def} row={row} trash={trash} />}
          styles={{ title: { whiteSpace: 'normal' } }}
        >
          {lines.map((key) => (
            <div key={key} style={{ display: 'flex', gap: 8, padding: '2px 0' }}>
              <Typography.Text type="secondary" style={{ flex: '0 0 104px', fontSize: 13 }}>
                {pick(labelOf(def, key))}
              </Typography.Text>
              <span style={{ minWidth: 0, overflowWrap: 'anywhere' }}>
                <CellValue def={def} column={key} row={row} lang={lang} refs={refs} compact />
              </span>
            </div>
          ))}
        </Card>
      )}
    />
  );
}
