import { LinkOutlined } from '@ant-design/icons';
import type { EntityDef } from '@kjj/domain';
import { Button, Card, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useCan } from '../../app/permissions';
import { useLang } from '../../i18n/use-lang';
import { entityDefs } from '../registry';

/** Records of other entities that point at this one through a filterable reference (a project's tranches). */
export function relatedOf(def: EntityDef): { def: EntityDef; field: string }[] {
  return entityDefs.flatMap((other) =>
    Object.entries(other.fields)
      .filter(([, field]) => field.kind === 'ref' && field.target === def.name && field.filter)
      .map(([field]) => ({ def: other, field })),
  );
}

/** Links to the lists of records that refer to this one, each list filtered to it. */
export function RelatedRecords({ def, id }: { def: EntityDef; id: number }) {
  const { t } = useTranslation();
  const { pick } = useLang();
  const can = useCan();
  const related = relatedOf(def).filter((r) => can(r.def.permissions.read));
  if (related.length === 0) return null;
  return (
    <Card title={t('record.related')} size="small">
      <Space wrap>
        {related.map((r) => (
          <Link key={`${r.def.name}.${r.field}`} to={`/e/${r.def.plural}?${r.field}=${id}`}>
            <Button icon={<LinkOutlined />} data-testid={`related-${r.def.plural}`}>
              {pick(r.def.label)}
            </Button>
          </Link>
        ))}
      </Space>
    </Card>
  );
}
