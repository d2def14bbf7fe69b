import { Navigate } from 'react-router';
import { entityDefs } from '../generic/registry';
import { useCan } from './permissions';

/** `/` opens the first business list the user may read (the enterprise list for bureau staff). */
export function HomeRedirect() {
  const can = useCan();
  const first = entityDefs.find((def) => can(def.permissions.read));
  return <Navigate to={first ? `/e/${first.plural}` : '/settings'} replace />;
}
