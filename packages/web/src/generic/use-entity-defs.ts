import type { EntityDef } from '@kjj/domain';
import { use } from 'react';

let loading: Promise<readonly EntityDef[]> | undefined;

/** Starts (once) the download of the definitions chunk. */
export const loadEntityDefs = (): Promise<readonly EntityDef[]> =>
  (loading ??= import('./registry').then((module) => module.entityDefs));

/** The definitions for always-present UI such as the menu; suspends until the chunk arrives. */
export function useEntityDefs(): readonly EntityDef[] {
  return use(loadEntityDefs());
}
