import { createQueryId, type Compilable, type CompiledQuery, type Kysely } from 'kysely';

/**
 * A query built and compiled once per database, then run with new arguments. For the few queries
 * every request runs (who is calling), building them anew each time cost more than running them.
 * Arguments are passed as placeholders `arg(i)` while building and substituted at execution.
 */
export function prepared<Row, Args extends unknown[]>(
  build: (db: Kysely<any>, arg: (i: number) => string) => Compilable<Row>,
) {
  const compiledFor = new WeakMap<object, CompiledQuery<Row>>();
  const marker = (i: number) => `\u0000kjj-arg-${i}\u0000`;
  return async (db: Kysely<any>, ...args: Args): Promise<Row[]> => {
    let compiled = compiledFor.get(db);
    if (!compiled) {
      compiled = build(db, marker).compile();
      compiledFor.set(db, compiled);
    }
    const parameters = compiled.parameters.map((p) => {
      const index = typeof p === 'string' ? /^\u0000kjj-arg-(\d+)\u0000$/.exec(p)?.[1] : undefined;
      return index === undefined ? p : args[Number(index)];
    });
    const result = await db.executeQuery<Row>({ ...compiled, parameters, queryId: createQueryId() });
    return result.rows;
  };
}
