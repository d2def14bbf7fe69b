import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { PageLoading } from './PageLoading';

/**
 * A route component loaded on first visit: every screen is its own chunk, so the login page and
 * the shell never pull the entity definitions, the admin screens or the domain validators.
 */
export function lazyPage<M extends Record<string, unknown>>(
  load: () => Promise<M>,
  name: keyof M & string,
): ReactNode {
  const Page = lazy(async () => ({ default: (await load())[name] as ComponentType }));
  return (
    <Suspense fallback={<PageLoading />}>
      <Page />
    </Suspense>
  );
}
