import type { Lang } from '@kjj/domain';
import type { Actor } from '../auth/actor.js';
import type { RequestContext } from '../db/unit-of-work.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Reachable without signing in (login, health). Everything else under /api/v1 is closed. */
    public?: boolean;
    /** Checked once, before the handler (STYLE §3: "may this role do this?"). */
    permission?: string;
    /** Entity whose field labels name the fields in validation errors. */
    entity?: string;
    /** A workflow action of that entity: its form's labels name the fields instead. */
    action?: string;
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    lang: Lang;
  }
}

/** The audit context of a signed-in request. */
export type { RequestContext };
