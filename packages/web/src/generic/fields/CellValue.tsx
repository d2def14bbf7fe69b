import type { EntityDef, Lang } from '@kjj/domain';
import type { ReactNode } from 'react';
import type { EntityRow } from '../../api/types';
import { FieldValue } from './FieldValue';
import { isMetaColumn } from './labels';
import { MetaValue } from './MetaValue';
import type { RefData } from './use-ref-data';

interface Props {
  def: EntityDef;
  column: string;
  row: EntityRow;
  lang: Lang;
  refs: RefData;
  compact?: boolean;
}

/** A list or detail cell: a field of the definition, or a meta column. */
export function CellValue({ def, column, row, lang, refs, compact = false }: Props): ReactNode {
  if (isMetaColumn(column)) return <MetaValue column={column} row={row} refs={refs} />;
  const field = def.fields[column];
  if (!field) return null;
  return <FieldValue field={field} value={row[column]} lang={lang} refs={refs} compact={compact} />;
}
