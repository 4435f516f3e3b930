import { sql } from "kysely";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDatabase, type DB } from "../../app/utils/db.server";
import { freshDatabase, type FreshDatabase } from "../support/database";

/*
 * PostgreSQL: the app's data statements are prepared once per connection and then only bound and run (decision 022),
 * `select *` stays unnamed, and a named statement whose result another server changed is prepared again rather than
 * failing the request.
 * One connection in the pool, so the second run of a text meets the statement the first one prepared.
 */

let fresh: FreshDatabase;
let db: DB;
beforeAll(async () => {
  fresh = await freshDatabase();
  const poolMax = process.env.PG_POOL_MAX;
  process.env.PG_POOL_MAX = "1";
  db = createDatabase(fresh.url);
  if (poolMax === undefined) delete process.env.PG_POOL_MAX;
  else process.env.PG_POOL_MAX = poolMax;
});
afterAll(async () => {
  await db?.destroy();
  await fresh?.drop();
});

/** What another app server, or an operator's migration, does on its own connection. */
async function elsewhere(statement: string) {
  const client = new pg.Client({ connectionString: fresh.url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

describe("prepared statements on PostgreSQL", () => {
  it("prepare a query's text once on the connection, and keep answering it", async () => {
    const query = () => db.selectFrom("organizations").select("name_kk").where("kind", "=", "regional_akimat").orderBy("id").execute();
    const first = await query();
    expect(first.length).toBeGreaterThan(0);
    expect(await query()).toEqual(first);
    const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
    expect(prepared.rows.filter((row) => row.statement.startsWith('select "name_kk" from "organizations"'))).toHaveLength(1);
  });

  it("leave select * unnamed, so a column another server adds cannot fail it, even inside a transaction", async () => {
    await elsewhere("create table probe_rows (id text primary key, label text)");
    await elsewhere("insert into probe_rows values ('a', 'Ақмола')");
    const query = (on: DB = db) => on.selectFrom("probe_rows" as never).selectAll().where("id" as never, "=", "a" as never).execute();
    expect(await query()).toEqual([{ id: "a", label: "Ақмола" }]);
    const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(db);
    expect(prepared.rows.filter((row) => row.statement.includes('from "probe_rows"'))).toEqual([]);
    // The connection has run the text before; a migration elsewhere adds a column; then a transaction runs it.
    await elsewhere("alter table probe_rows add column note text default 'жаңа'");
    await db.transaction().execute(async (trx) => {
      expect(await query(trx)).toEqual([{ id: "a", label: "Ақмола", note: "жаңа" }]);
    });
  });

  it("prepare a named text again when another server changed its result type, and answer with the new type", async () => {
    await elsewhere("create table probe_counts (id text primary key, amount integer)");
    await elsewhere("insert into probe_counts values ('a', 7)");
    const query = () => sql<Record<string, unknown>>`select id, amount from probe_counts where id = ${"a"}`.execute(db);
    expect((await query()).rows).toEqual([{ id: "a", amount: 7 }]);
    await elsewhere("alter table probe_counts alter column amount type text");
    expect((await query()).rows).toEqual([{ id: "a", amount: "7" }]);
  });
});
