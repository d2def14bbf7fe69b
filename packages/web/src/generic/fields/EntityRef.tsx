import type { EntityDef } from '@kjj/domain';
import { useQuery } from '@tanstack/react-query';
import { Select } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { api } from '../../api/client';
import { entityKeys, useEntityRow } from '../../api/entities';
import type { EntityRow, Page } from '../../api/types';
import { asText } from '../../lib/text';
import { entityDefs } from '../registry';

/** The definition a `ref` field points at, when it is another entity (not town or org). */
export const refEntity = (target: string): EntityDef | undefined => entityDefs.find((d) => d.name === target);

/**
 * A referenced record by its display field, linking to it. One request per distinct id (cached);
 * lists with many references would want a batch lookup from the server.
 */
export function EntityRefName({ target, id }: { target: EntityDef; id: number }) {
  const row = useEntityRow(target.plural, id);
  const name = row.data ? asText(row.data[target.display]) : `#${id}`;
  return <Link to={`/e/${target.plural}/${id}`}>{name}</Link>;
}

interface SelectProps {
  target: EntityDef;
  value?: number | null;
  onChange?: (value: number | null) => void;
  id?: string;
}

/** Pick a record of another entity by typing part of its name (the list's full-text `q`). */
export function EntityRefSelect({ target, value, onChange, id }: SelectProps) {
  const { t } = useTranslation();
  const [q, setQ] = useState('');
  const params = { q: q || undefined, limit: 20 };
  const found = useQuery({
    queryKey: entityKeys.list(target.plural, params),
    queryFn: () => api<Page<EntityRow>>(`/${target.plural}`, { query: params }),
  });
  const current = useEntityRow(target.plural, value ?? 0);
  const rows = [...(found.data?.items ?? [])];
  if (current.data && !rows.some((r) => r.id === current.data.id)) rows.unshift(current.data);
  return (
    <Select
      id={id}
      value={value ?? undefined}
      onChange={(v: number | undefined) => onChange?.(v ?? null)}
      showSearch
      allowClear
      filterOption={false}
      onSearch={setQ}
      loading={found.isFetching}
      placeholder={t('form.searchToChoose')}
      options={rows.map((r) => ({ value: r.id, label: asText(r[target.display]) }))}
    />
  );
}
