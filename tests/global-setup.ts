import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildIfStale, projectRoot } from "../scripts/build-if-stale.js";
import { seedDemoData } from "../db/seeds/demo";
import { createDatabase, migrateToLatest } from "../app/utils/db.server";
import { onPostgresServer, postgresUrl, runPrefix, testEngine } from "./support/database";

/**
 * Once per run: a production build for the server and browser tests, and a migrated template database
 * with the demo data, copied into a fresh database for every server a test starts: a file on SQLite, a
 * database made from it as a template on PostgreSQL (TEST_DATABASE_URL).
 */
export default async function setup(project: TestProject) {
  buildIfStale({ quiet: true });
  const runId = String(process.pid);
  project.provide("testRunId", runId);
  const removeSqlite = await setUpSqlite(project);
  if (testEngine === "sqlite") return removeSqlite;
  const removePostgres = await setUpPostgres(project, runId);
  return async () => {
    removeSqlite();
    await removePostgres();
  };
}

async function setUpSqlite(project: TestProject) {
  const dir = path.join(projectRoot, "test-results");
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, `template-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(template + suffix, { force: true });
  const db = createDatabase(template);
  await migrateToLatest(db);
  await seedDemoData(db);
  // Fold the WAL into the main file so a plain copy is complete.
  await db.destroy();
  project.provide("sqliteTemplate", template);
  project.provide("templateDatabase", template);
  return () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(template + suffix, { force: true });
  };
}

async function setUpPostgres(project: TestProject, runId: string) {
  const prefix = runPrefix(runId);
  const template = `${prefix}template`;
  // UTF-8 with a UTF-8 ctype, whatever the server's default: full-text search folds Cyrillic case with it.
  await onPostgresServer((client) =>
    client.query(`create database ${template} template template0 encoding 'UTF8' lc_collate 'C.UTF-8' lc_ctype 'C.UTF-8'`),
  );
  const db = createDatabase(postgresUrl(template));
  await migrateToLatest(db);
  await seedDemoData(db);
  // A template must have no connections while it is copied.
  await db.destroy();
  project.provide("templateDatabase", template);
  return async () => {
    await onPostgresServer(async (client) => {
      const { rows } = await client.query<{ datname: string }>("select datname from pg_database where starts_with(datname, $1)", [prefix]);
      for (const { datname } of rows) await client.query(`drop database if exists ${datname} with (force)`);
    });
  };
}
