import fs from "node:fs";
import path from "node:path";
import SQLite from "better-sqlite3";
import { CompiledQuery, Kysely, Migrator, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver } from "kysely";
import pg from "pg";
import { migrations } from "../../db/migrations/index";
import { parseDatabaseUrl } from "./database-url";
import { isPostgres } from "./sql-dialect";
import type { Database } from "./db-schema";

export type DB = Kysely<Database>;

/** Pragmas every connection gets; WAL and synchronous=FULL keep acknowledged writes through a crash. */
export function openSqlite(file: string): SQLite.Database {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const connection = new SQLite(file);
  connection.pragma("journal_mode = WAL");
  // better-sqlite3 reopens a WAL file with synchronous=NORMAL: set FULL every time.
  connection.pragma("synchronous = FULL");
  connection.pragma("foreign_keys = ON");
  connection.pragma("busy_timeout = 5000");
  // 64 MB of page cache (the default is 2 MB): the indexes the oversight pages walk stay in memory.
  connection.pragma("cache_size = -65536");
  // A WAL that grew while a long read held old pages (a big import, the figures thread under load) is cut back to
  // 64 MB when it is next reset; by default SQLite keeps the file at its largest for good.
  connection.pragma("journal_size_limit = 67108864");
  return connection;
}

/**
 * Kysely prepares every query anew; better-sqlite3 statements can be kept and run again. The app's queries
 * are a bounded set of texts (values are parameters), so a small map of them saves the parse and plan each
 * time. Statements are only used synchronously (no streaming), so one statement is never busy twice.
 */
function withStatementCache(connection: SQLite.Database, max = 500) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (statement) {
        // Most recently used last, so the first key is the one to drop.
        statements.delete(sql);
      } else {
        statement = connection.prepare(sql);
        if (statements.size >= max) statements.delete(statements.keys().next().value!);
      }
      statements.set(sql, statement);
      return statement;
    },
  };
}

// pg returns int8 (count, sum) and numeric (avg) as strings to keep precision; our counts and averages fit a
// double, and SQLite returns numbers, so the model code reads numbers on both engines. Set once per process.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

/**
 * A pool, because Kysely runs a transaction on one connection it holds for the whole transaction; the size
 * is per app server (PG_POOL_MAX, default 10), so N servers use N × that many of PostgreSQL's connections.
 */
export function openPostgresPool(url: string): pg.Pool {
  const max = Number(process.env.PG_POOL_MAX ?? 10);
  const pool = new pg.Pool({ connectionString: url, max: Number.isInteger(max) && max > 0 ? max : 10 });
  // An idle connection dropped by the server (restart, failover) must not take the process down with it.
  pool.on("error", (error) => console.error("PostgreSQL pool:", error.message));
  pool.on("connect", (client) => preparedStatements(client));
  return pool;
}

const statementNames = new Map<string, string>();
let statementsNamed = 0;
const MAX_PREPARED_STATEMENTS = 1000;
const DATA_STATEMENT = /^\s*(select|insert|update|delete|with)\b/i;
/** `select *` and `select "table".*`, as Kysely's selectAll() writes them. */
const STAR_PROJECTION = /\bselect\s+(distinct\s+)?\*|"\.\*/i;

/**
 * PostgreSQL plans an unnamed statement anew every time: on the instruction page's joins, planning took twice as
 * long as running them. A named statement is parsed and planned once per connection and then only bound and run
 * (pg remembers which names a connection has prepared). The app's queries are a bounded set of texts (values are
 * parameters); past MAX_PREPARED_STATEMENTS distinct texts, the rest stay unnamed (decision 022).
 * A prepared `select *` would fail with "cached plan must not change result type" (0A000) once another server's
 * migration adds a column to its table, and inside a transaction nothing could retry it: star projections stay
 * unnamed. A named text whose result type changes anyway (a column's type altered) gets a new name, is parsed afresh
 * and run again; inside a transaction that retry fails too, and the original error stands.
 */
function preparedStatements(client: pg.PoolClient) {
  const query = client.query.bind(client) as (config: unknown, values?: unknown) => Promise<unknown>;
  const named = (text: string) => {
    let name = statementNames.get(text);
    if (name === undefined && statementsNamed < MAX_PREPARED_STATEMENTS && !STAR_PROJECTION.test(text)) {
      name = `q${++statementsNamed}`;
      statementNames.set(text, name);
    }
    return name;
  };
  (client as { query: unknown }).query = async (text: unknown, values?: unknown) => {
    // Only data statements: transaction control and schema changes stay as they were.
    if (typeof text !== "string" || !Array.isArray(values) || !DATA_STATEMENT.test(text)) return query(text, values);
    const name = named(text);
    if (name === undefined) return query(text, values);
    try {
      return await query({ name, text, values });
    } catch (error) {
      if ((error as { code?: string }).code !== "0A000") throw error;
      statementNames.delete(text);
      const renamed = named(text);
      return await query(renamed === undefined ? { text, values } : { name: renamed, text, values }).catch(() => {
        throw error;
      });
    }
  };
}

/**
 * Transactions take SQLite's write lock when they begin (BEGIN IMMEDIATE), not at their first write. With several
 * processes on one file (WEB_CONCURRENCY), a deferred transaction that had read and then wrote after another
 * process's commit would fail at once with SQLITE_BUSY_SNAPSHOT, which no busy timeout waits out; an immediate one
 * waits its turn (busy_timeout) and then reads current data.
 */
class ImmediateTransactionsDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw("begin immediate"));
  }
}

function sqliteDialect(database: SqliteDialectConfig["database"]): SqliteDialect {
  const config = { database };
  return new (class extends SqliteDialect {
    override createDriver(): Driver {
      return new ImmediateTransactionsDriver(config);
    }
  })(config);
}
type SqliteDialectConfig = ConstructorParameters<typeof SqliteDialect>[0];

export function createDatabase(databaseUrl: string | undefined): DB {
  const target = parseDatabaseUrl(databaseUrl);
  if (target.engine === "postgres") return new Kysely<Database>({ dialect: new PostgresDialect({ pool: openPostgresPool(target.url) }) });
  return new Kysely<Database>({ dialect: sqliteDialect(withStatementCache(openSqlite(target.file))) });
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the migrator works on any schema
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error;
  return (results ?? []).filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/**
 * SQLite plans without statistics until ANALYZE has run, and then guesses: "the open extension request of this
 * assignment" walked every extension request in the country (30 ms) instead of the assignment's few events
 * (0.03 ms). `optimize` analyzes what has none or has grown tenfold, sampling (analysis_limit) so even a
 * national-size file takes seconds, once. PostgreSQL's autovacuum keeps its own statistics.
 */
export async function refreshPlannerStatistics(db: DB): Promise<void> {
  if (isPostgres(db)) return;
  await sql`pragma analysis_limit = 1000`.execute(db);
  await sql`pragma optimize = 0x10002`.execute(db);
}

export async function databaseAnswers(db: DB): Promise<boolean> {
  try {
    await sql`select 1`.execute(db);
    return true;
  } catch {
    return false;
  }
}

// One instance per process; kept on globalThis so the dev server's module reloads reuse it.
const holder = globalThis as unknown as { __tapsyrmaDb?: DB };
export function getDb(): DB {
  holder.__tapsyrmaDb ??= createDatabase(process.env.DATABASE_URL);
  return holder.__tapsyrmaDb;
}
