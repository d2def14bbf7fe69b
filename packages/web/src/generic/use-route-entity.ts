import type { EntityDef } from '@kjj/domain';
import { useParams } from 'react-router';
import { entityByPlural } from './registry';

/** The definition named by `/e/:plural`, and the record id of `/e/:plural/:id` when present. */
export function useRouteEntity(): { def: EntityDef | undefined; id: number | undefined } {
  const params = useParams();
  const id = params.id === undefined ? undefined : Number(params.id);
  return {
    def: entityByPlural(params.plural),
    id: id !== undefined && Number.isInteger(id) && id > 0 ? id : undefined,
  };
}
