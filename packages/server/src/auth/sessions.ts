import type { DataScope } from '@kjj/domain';
import { prepared } from '../db/prepared.js';
import type { Config } from '../config.js';
import { nowIso } from '../db/dialect.js';
import type { DB } from '../db/types.js';
import type { Actor, RoleGrant } from './actor.js';
import { cachedCredential, forgetCredential } from './credential-cache.js';
import { newSecret, sha256 } from './tokens.js';

/** Refreshing last-seen on every request would turn reads into writes; once a minute is enough. */
const TOUCH_INTERVAL_MS = 60_000;

export interface NewSession {
  token: string;
  id: string;
  csrfToken: string;
}

/** A fresh random id at every login: a session id planted before login is never reused. */
export async function createSession(
  db: DB,
  config: Config,
  userId: number,
  client: { ip: string | null; userAgent: string | null },
): Promise<NewSession> {
  const token = newSecret();
  const id = sha256(token);
  const csrfToken = newSecret();
  const now = Date.now();
  await db
    .insertInto('session')
    .values({
      id,
      userId,
      csrfToken,
      createdAt: new Date(now).toISOString(),
      lastSeenAt: new Date(now).toISOString(),
      expiresAt: new Date(now + config.sessionAbsoluteMs).toISOString(),
      ip: client.ip,
      userAgent: client.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return { token, id, csrfToken };
}

export async function deleteSession(db: DB, id: string): Promise<void> {
  await db.deleteFrom('session').where('id', '=', id).execute();
  forgetCredential(sessionKey(id));
}

/** The user, their org path and every role, in one round trip: this runs on every request. */
function actorQuery(db: DB) {
  return db
    .selectFrom('userAccount')
    .innerJoin('org', 'org.id', 'userAccount.orgId')
    .leftJoin('userRole', 'userRole.userId', 'userAccount.id')
    .leftJoin('role', 'role.id', 'userRole.roleId')
    .select([
      'userAccount.id as userId',
      'userAccount.username',
      'userAccount.name',
      'userAccount.orgId',
      'userAccount.sectionId',
      'userAccount.status',
      'org.path as orgPath',
      'role.code as roleCode',
      'role.scope as roleScope',
      'role.readScope as roleReadScope',
      'role.permissions as rolePermissions',
    ])
    .where('userAccount.status', '=', 'active');
}

type ActorRow = Awaited<ReturnType<ReturnType<typeof actorQuery>['execute']>>[number];

const actorById = prepared<ActorRow, [number]>((db, arg) =>
  actorQuery(db as DB).where('userAccount.id', '=', arg(0) as never),
);
const actorBySession = prepared<
  ActorRow & { lastSeenAt: string; expiresAt: string; csrfToken: string },
  [string]
>((db, arg) =>
  actorQuery(db as DB)
    .innerJoin('session', 'session.userId', 'userAccount.id')
    .select(['session.lastSeenAt', 'session.expiresAt', 'session.csrfToken'])
    .where('session.id', '=', arg(0)),
);
const actorByToken = prepared<
  ActorRow & { tokenId: number; expiresAt: string | null; lastUsedAt: string | null },
  [string]
>((db, arg) =>
  actorQuery(db as DB)
    .innerJoin('apiToken', 'apiToken.userId', 'userAccount.id')
    .select(['apiToken.id as tokenId', 'apiToken.expiresAt', 'apiToken.lastUsedAt'])
    .where('apiToken.tokenHash', '=', arg(0))
    .where('apiToken.revokedAt', 'is', null),
);

function actorFrom(rows: ActorRow[], via: Actor['via']): Actor | undefined {
  const [first] = rows;
  if (!first) return undefined;
  const roles: RoleGrant[] = rows
    .filter((r) => r.roleCode !== null)
    .map((r) => ({
      code: r.roleCode as string,
      scope: r.roleScope as DataScope,
      readScope: (r.roleReadScope as DataScope | null) ?? null,
      permissions: JSON.parse(r.rolePermissions as string) as string[],
    }));
  return {
    kind: 'user',
    userId: first.userId,
    username: first.username,
    name: first.name,
    orgId: first.orgId,
    orgPath: first.orgPath,
    sectionId: first.sectionId,
    roles,
    via,
  };
}

/** Loads an active user as an actor; undefined when missing or disabled. */
export async function loadActor(db: DB, userId: number, via: Actor['via']): Promise<Actor | undefined> {
  return actorFrom(await actorById(db, userId), via);
}

/** A resolved credential as cached: the actor is shared between requests, so it is frozen. */
interface SessionHit {
  actor: Actor;
  lastSeenAt: string;
  expiresAt: string;
}

interface TokenHit {
  actor: Actor;
  tokenId: number;
  expiresAt: string | null;
  lastUsedAt: string | null;
}

const frozen = (actor: Actor): Actor =>
  Object.freeze({ ...actor, roles: Object.freeze(actor.roles.map((r) => Object.freeze(r))) as RoleGrant[] });

const sessionKey = (id: string) => `session:${id}`;

/**
 * The actor behind a session cookie, or undefined when the session is unknown, idle for longer
 * than the idle limit, past its absolute lifetime, or its user is disabled. Expired rows are removed.
 */
export async function resolveSession(db: DB, config: Config, token: string): Promise<Actor | undefined> {
  const id = sha256(token);
  const key = sessionKey(id);
  const session = await cachedCredential<SessionHit>(key, async () => {
    const rows = await actorBySession(db, id);
    const first = rows[0];
    const actor = actorFrom(rows, 'session');
    return first && actor
      ? {
          actor: frozen({ ...actor, sessionId: id, csrfToken: first.csrfToken }),
          lastSeenAt: first.lastSeenAt,
          expiresAt: first.expiresAt,
        }
      : undefined;
  });
  if (!session) return undefined;
  const now = Date.now();
  const idleFor = now - Date.parse(session.lastSeenAt);
  if (idleFor > config.sessionIdleMs || now > Date.parse(session.expiresAt)) {
    await deleteSession(db, id);
    return undefined;
  }
  if (idleFor > TOUCH_INTERVAL_MS) {
    forgetCredential(key);
    await bestEffort(db.updateTable('session').set({ lastSeenAt: nowIso() }).where('id', '=', id).execute());
  }
  return session.actor;
}

/**
 * Bookkeeping a request does not depend on (last seen, last used): when the database cannot take
 * the write just now (SQLite locked by a long write elsewhere), the request goes on without it.
 */
async function bestEffort(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch {
    // the next request touches it again
  }
}

/** The actor behind a personal API token (`Authorization: Bearer kjj_…`). */
export async function resolveApiToken(db: DB, token: string): Promise<Actor | undefined> {
  const hash = sha256(token);
  const key = `token:${hash}`;
  const hit = await cachedCredential<TokenHit>(key, async () => {
    const rows = await actorByToken(db, hash);
    const first = rows[0];
    const actor = actorFrom(rows, 'token');
    return first && actor
      ? {
          actor: frozen(actor),
          tokenId: first.tokenId,
          expiresAt: first.expiresAt,
          lastUsedAt: first.lastUsedAt,
        }
      : undefined;
  });
  if (!hit || (hit.expiresAt && Date.parse(hit.expiresAt) < Date.now())) return undefined;
  if (!hit.lastUsedAt || Date.now() - Date.parse(hit.lastUsedAt) > TOUCH_INTERVAL_MS) {
    forgetCredential(key);
    await bestEffort(
      db.updateTable('apiToken').set({ lastUsedAt: nowIso() }).where('id', '=', hit.tokenId).execute(),
    );
  }
  return hit.actor;
}
