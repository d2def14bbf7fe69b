import type { EntityDef } from '../define/entity.js';
import { enterprise } from './enterprise.js';

export { enterprise, ENTERPRISE_KINDS, INDUSTRIES } from './enterprise.js';

/** Every business entity; routes, permissions, menus and the scope matrix test iterate this. */
export const ENTITIES: readonly EntityDef[] = [enterprise];

export const entityByName = (name: string): EntityDef | undefined => ENTITIES.find((e) => e.name === name);
