import { ENTITIES, type EntityDef } from '@kjj/domain';

/**
 * The web's single door to the entity definitions. Importing it pulls the domain (and its
 * validator tables), so only lazily loaded modules may import it statically.
 */
export const entityDefs: readonly EntityDef[] = ENTITIES;

export const entityByPlural = (plural: string | undefined): EntityDef | undefined =>
  entityDefs.find((def) => def.plural === plural);
