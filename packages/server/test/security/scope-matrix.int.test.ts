import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ENTITIES, isEditable, routeActions, type EntityDef } from '@kjj/domain';
import { DEMO_ACCOUNTS, type DemoAccount } from '../../src/demo/seed.js';
import { testApp, type Client, type TestApp } from '../support/app.js';
import { testDatabases } from '../support/databases.js';
import { makeXlsx, multipart, readXlsx } from '../support/xlsx.js';
import { actionInput } from '../support/values.js';
import { covers, grantOf, type Placement } from './scope-oracle.js';

const PDF = Buffer.from('%PDF-1.4\n% 矩阵测试\n%%EOF\n');

/** Demo rows in four places: two sections of 辰溪县, and two other counties. */
const PLACES: (Placement & { key: string })[] = [
  { key: '辰溪·高新股', division: '431223', section: '高新技术与成果股' },
  { key: '辰溪·农村股', division: '431223', section: '农村科技股' },
  { key: '麻阳·高新股', division: '431226', section: '高新技术与成果股' },
  { key: '鹤城·高新股', division: '431202', section: '高新技术与成果股' },
];

type Kind =
  | 'list'
  | 'export'
  | 'template'
  | 'import'
  | 'get'
  | 'audit'
  | 'timeline'
  | 'create'
  | 'update'
  | 'delete'
  | 'restore'
  | 'action'
  | 'attach'
  | 'download'
  | 'detach';

/** Every entity route must be one of these; a new kind of route fails the suite until it is covered. */
function classify(def: EntityDef, method: string, url: string): Kind | undefined {
  const base = `/api/v1/${def.plural}`;
  const table: Record<string, Kind> = {
    [`GET ${base}`]: 'list',
    [`GET ${base}/export.xlsx`]: 'export',
    [`GET ${base}/template.xlsx`]: 'template',
    [`POST ${base}/import`]: 'import',
    [`GET ${base}/:id`]: 'get',
    [`GET ${base}/:id/audit`]: 'audit',
    [`POST ${base}`]: 'create',
    [`PATCH ${base}/:id`]: 'update',
    [`DELETE ${base}/:id`]: 'delete',
    [`POST ${base}/:id/restore`]: 'restore',
  };
  if (def.attachments) {
    table[`GET ${base}/:id/attachments`] = 'get';
    table[`POST ${base}/:id/attachments`] = 'attach';
    table[`GET ${base}/:id/attachments/:attachmentId`] = 'download';
    table[`DELETE ${base}/:id/attachments/:attachmentId`] = 'detach';
  }
  // A project's funding ledger is read like the project itself.
  if (def.name === 'project') table[`GET ${base}/:id/ledger`] = 'get';
  if (def.workflow) {
    table[`GET ${base}/:id/timeline`] = 'timeline';
    for (const action of routeActions(def.workflow))
      table[`POST ${base}/:id/actions/${action.name}`] = 'action';
  }
  return table[`${method} ${url}`];
}

interface Target extends Placement {
  key: string;
  id: number;
  name: string;
}

for (const kind of testDatabases()) {
  describe(`${kind.name}: data scope matrix (every entity route × every demo role)`, () => {
    let t: TestApp;
    let db: Kysely<any>;
    beforeAll(async () => {
      t = await testApp(await kind.fresh());
      db = t.db.db as unknown as Kysely<any>;
    });
    afterAll(() => t.close());

    const orgIdOf = (division: string) => t.orgIdOf(division);

    async function targetsOf(def: EntityDef): Promise<Target[]> {
      const targets: Target[] = [];
      for (const place of PLACES) {
        const row = await db
          .selectFrom(def.table)
          .innerJoin('org as o', 'o.id', `${def.table}.orgId`)
          .innerJoin('org as s', 's.id', `${def.table}.sectionId`)
          .leftJoin('userAccount as u', 'u.id', `${def.table}.${def.assignee ?? 'createdBy'}`)
          .select([`${def.table}.id`, `${def.table}.${def.display} as title`, 'u.username as assignee'])
          .where('o.divisionCode', '=', place.division)
          .where('s.fullName', '=', place.section)
          .where(`${def.table}.deletedAt`, 'is', null)
          .orderBy(`${def.table}.id`)
          .limit(1)
          .executeTakeFirst();
        if (!row) throw new Error(`the demo data has no ${def.name} in ${place.key}; the matrix needs one`);
        targets.push({
          ...place,
          id: Number(row.id),
          name: String(row.title),
          assignee: def.assignee ? (row.assignee as string | null) : null,
        });
      }
      return targets;
    }

    /** Required references the sample cannot know (a tranche's project): copied from a row of the same place. */
    async function requiredRefs(def: EntityDef, like: Target): Promise<Record<string, unknown>> {
      const names = Object.entries(def.fields)
        .filter(([name, field]) => field.kind === 'ref' && field.required && def.sample[name] === undefined)
        .map(([name]) => name);
      if (names.length === 0) return {};
      const row = await db
        .selectFrom(def.table)
        .select(names)
        .where('id', '=', like.id)
        .executeTakeFirstOrThrow();
      return Object.fromEntries(names.map((n) => [n, Number(row[n])]));
    }

    /** A document on the row, written straight into the tables (the routes under test read and remove it). */
    async function attachmentOn(def: EntityDef, target: Target): Promise<number> {
      const sha256 = createHash('sha256').update(PDF).digest('hex');
      const blob = await db
        .selectFrom('attachmentBlob')
        .select('sha256')
        .where('sha256', '=', sha256)
        .executeTakeFirst();
      if (!blob) await db.insertInto('attachmentBlob').values({ sha256, bytes: PDF }).execute();
      const row = await db
        .insertInto('attachment')
        .values({
          entity: def.name,
          rowId: target.id,
          orgId: await orgIdOf(target.division),
          fileName: '矩阵测试.pdf',
          contentType: 'application/pdf',
          sizeBytes: PDF.length,
          sha256,
          createdAt: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return Number(row.id);
    }

    /** Past its editable states a row answers 409 RECORD_LOCKED to those allowed to change it. */
    async function lockedNow(def: EntityDef, id: number): Promise<boolean> {
      if (!def.workflow?.editableIn) return false;
      const row = await db
        .selectFrom(def.table)
        .select(def.workflow.field)
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      return !isEditable(def.workflow, row);
    }

    const version = async (def: EntityDef, id: number) =>
      Number(
        (await db.selectFrom(def.table).select('version').where('id', '=', id).executeTakeFirstOrThrow())
          .version,
      );
    const setDeleted = (def: EntityDef, id: number, deleted: boolean) =>
      db
        .updateTable(def.table)
        .set({ deletedAt: deleted ? new Date().toISOString() : null })
        .where('id', '=', id)
        .execute();

    it('classifies every entity route', () => {
      const entityRoutes = t.routes.filter((r) => r.entity);
      const unclassified = entityRoutes.filter(
        (r) =>
          !classify(
            ENTITIES.find((d) => d.name === r.entity)!,
            r.method,
            r.url,
          ),
      );
      expect(unclassified).toEqual([]);
      const expected = ENTITIES.reduce(
        (n, d) =>
          n +
          10 +
          (d.workflow ? routeActions(d.workflow).length + 1 : 0) +
          (d.name === 'project' ? 1 : 0) +
          (d.attachments ? 4 : 0),
        0,
      );
      expect(entityRoutes.length).toBe(expected);
    });

    for (const def of ENTITIES) {
      for (const account of DEMO_ACCOUNTS) {
        it(`${def.plural} × ${account.username} (${account.role})`, async () => {
          const client = await t.as(account.username);
          const targets = await targetsOf(def);
          const routes = t.routes.filter((r) => r.entity === def.name);
          for (const route of routes) {
            const kind = classify(def, route.method, route.url) as Kind;
            await check(kind, def, account, client, targets, route.url);
          }
        });
      }
    }

    async function check(
      kind: Kind,
      def: EntityDef,
      account: DemoAccount,
      client: Client,
      targets: Target[],
      url: string,
    ): Promise<void> {
      const base = `/api/v1/${def.plural}`;
      const scopeOf = (op: keyof EntityDef['permissions']) => grantOf(account, def.permissions[op]);
      const where = (target: Target, op: string) => `${account.username} ${op} ${target.key}`;
      switch (kind) {
        case 'get':
        case 'audit':
        case 'timeline': {
          const scope = scopeOf('read');
          for (const target of targets) {
            const res = await client.get(url.replace(':id', String(target.id)));
            const expected = scope === undefined ? 403 : covers(scope, account, target) ? 200 : 404;
            expect(res.statusCode, where(target, kind)).toBe(expected);
          }
          return;
        }
        case 'list': {
          const scope = scopeOf('read');
          for (const target of targets) {
            const res = await client.get(`${base}?limit=200&q=${encodeURIComponent(target.name)}`);
            if (scope === undefined) {
              expect(res.statusCode, where(target, 'list')).toBe(403);
              continue;
            }
            const ids = res.json<{ items: { id: number }[] }>().items.map((i) => i.id);
            expect(ids.includes(target.id), where(target, 'list')).toBe(covers(scope, account, target));
          }
          return;
        }
        case 'export': {
          const scope = scopeOf('export');
          const res = await client.get(`${base}/export.xlsx`);
          if (scope === undefined) return void expect(res.statusCode, `${account.username} export`).toBe(403);
          expect(res.statusCode).toBe(200);
          const cells = new Set((await readXlsx(res.rawPayload)).flat().map(String));
          for (const target of targets)
            expect(cells.has(target.name), where(target, 'export')).toBe(covers(scope, account, target));
          return;
        }
        case 'template': {
          const res = await client.get(`${base}/template.xlsx`);
          expect(res.statusCode, `${account.username} template`).toBe(
            scopeOf('import') === undefined ? 403 : 200,
          );
          return;
        }
        case 'import': {
          // An import writes into the importer's own bureau only: re-importing another county's
          // row never touches it, whatever the key mode.
          const file = multipart('x.xlsx', await makeXlsx([['*企业名称', '*统一社会信用代码', '*企业类型']]));
          const res = await client.request({ method: 'POST', url: `${base}/import?key=upsert`, ...file });
          expect(res.statusCode, `${account.username} import`).toBe(
            scopeOf('import') === undefined ? 403 : 202,
          );
          return;
        }
        case 'update': {
          const scope = scopeOf('update');
          for (const target of targets) {
            const before = await version(def, target.id);
            // A real change (an unchanged update writes nothing): toggle a trailing mark on a text
            // field people may write, the display field unless the system writes it.
            const field = def.fields[def.display]?.readOnly
              ? (Object.entries(def.fields).find(([, f]) => f.kind === 'text' && !f.readOnly)?.[0] ??
                def.display)
              : def.display;
            const current = String(
              (
                await db
                  .selectFrom(def.table)
                  .select(field)
                  .where('id', '=', target.id)
                  .executeTakeFirstOrThrow()
              )[field],
            );
            const renamed = current.endsWith('·') ? current.slice(0, -1) : `${current}·`;
            const res = await client.patch(`${base}/${target.id}`, { version: before, [field]: renamed });
            const allowed = covers(scope, account, target);
            const locked = await lockedNow(def, target.id);
            expect(res.statusCode, where(target, 'update')).toBe(
              scope === undefined ? 403 : allowed ? (locked ? 409 : 200) : 404,
            );
            expect(await version(def, target.id), where(target, 'update leaves version')).toBe(
              allowed && !locked ? before + 1 : before,
            );
          }
          return;
        }
        case 'delete': {
          const scope = scopeOf('delete');
          for (const target of targets) {
            const res = await client.delete(`${base}/${target.id}?version=${await version(def, target.id)}`);
            const allowed = covers(scope, account, target);
            const locked = await lockedNow(def, target.id);
            expect(res.statusCode, where(target, 'delete')).toBe(
              scope === undefined ? 403 : allowed ? (locked ? 409 : 204) : 404,
            );
            await setDeleted(def, target.id, false);
          }
          return;
        }
        case 'restore': {
          const scope = scopeOf('delete');
          for (const target of targets) {
            await setDeleted(def, target.id, true);
            const res = await client.post(`${base}/${target.id}/restore`);
            expect(res.statusCode, where(target, 'restore')).toBe(
              scope === undefined ? 403 : covers(scope, account, target) ? 200 : 404,
            );
            await setDeleted(def, target.id, false);
          }
          return;
        }
        case 'action': {
          // Out of scope is 404 whatever the state; in scope the state decides (200 or 409).
          const name = url.split('/').at(-1)!;
          const action = def.workflow!.actions.find((a) => a.name === name)!;
          const scope = grantOf(account, def.workflow!.permissions[name]!);
          for (const target of targets) {
            const before = await version(def, target.id);
            const res = await client.post(url.replace(':id', String(target.id)), {
              version: before,
              ...actionInput(action),
            });
            const allowed = covers(scope, account, target);
            if (scope === undefined) expect(res.statusCode, where(target, name)).toBe(403);
            else if (!allowed) expect(res.statusCode, where(target, name)).toBe(404);
            else if (res.statusCode === 400)
              // Inputs checked against the row (a score sheet's number of criteria) come after scope.
              expect(
                res.json<{ errors: { code: string }[] }>().errors.map((e) => e.code),
                where(target, `${name}: ${res.body}`),
              ).toEqual(expect.arrayContaining(['INVALID_VALUE']));
            else expect([200, 409], where(target, `${name}: ${res.body}`)).toContain(res.statusCode);
            if (!allowed)
              expect(await version(def, target.id), where(target, `${name} leaves version`)).toBe(before);
          }
          return;
        }
        case 'attach': {
          const scope = scopeOf('update');
          for (const target of targets) {
            const res = await client.request({
              method: 'POST',
              url: url.replace(':id', String(target.id)),
              ...multipart('矩阵.pdf', PDF, 'application/pdf'),
            });
            expect(res.statusCode, where(target, `attach: ${res.body}`)).toBe(
              scope === undefined ? 403 : covers(scope, account, target) ? 201 : 404,
            );
          }
          return;
        }
        case 'download':
        case 'detach': {
          const scope = scopeOf(kind === 'download' ? 'read' : 'update');
          for (const target of targets) {
            const attachmentId = await attachmentOn(def, target);
            const path = url.replace(':id', String(target.id)).replace(':attachmentId', String(attachmentId));
            const res = kind === 'download' ? await client.get(path) : await client.delete(path);
            const allowed = covers(scope, account, target);
            expect(res.statusCode, where(target, kind)).toBe(
              scope === undefined ? 403 : allowed ? (kind === 'download' ? 200 : 204) : 404,
            );
            if (kind === 'download' && allowed) expect(res.rawPayload.equals(PDF)).toBe(true);
          }
          return;
        }
        case 'create': {
          const scope = scopeOf('create');
          for (const place of [PLACES[2]!, PLACES[3]!]) {
            const orgId = await orgIdOf(place.division);
            const refs = await requiredRefs(
              def,
              targets.find((x) => x.key === place.key)!,
            );
            const res = await client.post(base, { ...def.sample, ...refs, orgId, sectionId: null });
            const allowed = covers(scope, account, { division: place.division, section: null });
            if (scope === undefined)
              expect(res.statusCode, `${account.username} create in ${place.key}`).toBe(403);
            else if (allowed)
              expect(res.statusCode, `${account.username} create in ${place.key}: ${res.body}`).toBe(201);
            else {
              expect(res.statusCode, `${account.username} create in ${place.key}`).toBe(403);
              expect(res.json().code).toBe('FORBIDDEN');
            }
            if (res.statusCode === 201)
              await db.deleteFrom(def.table).where('id', '=', res.json().id).execute();
          }
          return;
        }
      }
    }
  });
}
