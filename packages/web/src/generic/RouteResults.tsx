import { lazy, Suspense } from 'react';

// antd's Result carries large illustrations; pages show one only for a wrong URL or a missing
// permission, so it loads on that occasion rather than with every list, detail and form.
const LazyNotFound = lazy(async () => ({ default: (await import('../app/NotFoundPage')).NotFoundPage }));
const LazyForbidden = lazy(async () => ({ default: (await import('./ForbiddenResult')).ForbiddenResult }));

export function NotFound() {
  return (
    <Suspense fallback={null}>
      <LazyNotFound />
    </Suspense>
  );
}

export function Forbidden() {
  return (
    <Suspense fallback={null}>
      <LazyForbidden />
    </Suspense>
  );
}
