import type { EntityDef } from '@kjj/domain';
import { Descriptions, Grid, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { EntityRow } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { FieldValue } from '../fields/FieldValue';
import type { RefData } from '../fields/use-ref-data';

/** Every field of the definition with its label; overridden fields carry their reason. */
export function RecordFields({ def, row, refs }: { def: EntityDef; row: EntityRow; refs: RefData }) {
  const { t } = useTranslation();
  const { lang, pick } = useLang();
  const isPhone = Grid.useBreakpoint().md === false;
  const wide = (kind: string, multiline?: boolean) =>
    kind === 'list' || kind === 'tags' || multiline === true;
  return (
    <Descriptions
      bordered
      size="small"
      column={{ xs: 1, sm: 1, md: 1, lg: 2, xl: 2, xxl: 3 }}
      styles={{ label: { width: isPhone ? 104 : 150 } }}
      data-testid="record-fields"
      items={Object.entries(def.fields).map(([name, field]) => {
        const override = row.overrides[name];
        return {
          key: name,
          label: pick(field.label),
          span: wide(field.kind, field.kind === 'text' ? field.multiline : undefined) ? 'filled' : 1,
          children: (
            <>
              <FieldValue field={field} value={row[name]} lang={lang} refs={refs} />
              {override && (
                <Typography.Text type="warning" style={{ display: 'block', fontSize: 12 }}>
                  {t('record.overrideReason', { reason: override.reason })}
                </Typography.Text>
              )}
            </>
          ),
        };
      })}
    />
  );
}
