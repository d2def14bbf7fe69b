import type { EntityDef } from '@kjj/domain';
import { Link } from 'react-router';
import type { EntityRow } from '../../api/types';
import { useLang } from '../../i18n/use-lang';
import { labelOf } from '../fields/labels';
import { OverrideBadge } from '../fields/OverrideBadge';
import { asText } from '../../lib/text';

/** The display field, linking to the record (deleted rows have no detail page), plus its badge. */
export function RecordTitle({ def, row, linked }: { def: EntityDef; row: EntityRow; linked: boolean }) {
  const { pick } = useLang();
  const text = asText(row[def.display]) || `#${row.id}`;
  return (
    <>
      {linked ? <Link to={`/e/${def.plural}/${row.id}`}>{text}</Link> : text}
      <OverrideBadge overrides={row.overrides} labelOf={(field) => pick(labelOf(def, field))} />
    </>
  );
}
