import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { inject } from "vitest";

/*
 * The test database, on either engine. SQLite by default: a copy of the seeded template file per server or
 * test. PostgreSQL when TEST_DATABASE_URL names a database the tests may use to create others (npm run
 * test:pg): a database per server or test, made with CREATE DATABASE … TEMPLATE from the seeded template.
 */

export type Engine = "sqlite" | "postgres";
export const testEngine: Engine = process.env.TEST_DATABASE_URL ? "postgres" : "sqlite";

/** The URL of another database on the TEST_DATABASE_URL server. */
export function postgresUrl(database: string): string {
  const url = new URL(process.env.TEST_DATABASE_URL!);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Runs statements on the TEST_DATABASE_URL database (CREATE/DROP DATABASE cannot run inside a pool's transaction). */
export async function onPostgresServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Names every database a run makes, so the global teardown can drop what a crashed test left behind. */
export function runPrefix(runId: string | number): string {
  return `tapsyrma_t${runId}_`;
}

let counter = 0;

export interface FreshDatabase {
  /** DATABASE_URL for it: the SQLite file, or a postgres:// URL. */
  url: string;
  /** A private folder beside it (for uploaded files). */
  dir: string;
  drop(): Promise<void>;
}

/** A fresh copy of the seeded demo database, on the engine under test. */
export async function freshDatabase(): Promise<FreshDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-test-"));
  if (testEngine === "sqlite") {
    const file = path.join(dir, "tapsyrma.db");
    fs.copyFileSync(inject("sqliteTemplate"), file);
    return { url: file, dir, drop: async () => fs.rmSync(dir, { recursive: true, force: true }) };
  }
  const name = `${runPrefix(inject("testRunId"))}${process.pid}_${++counter}`;
  await onPostgresServer((client) => client.query(`create database ${name} template ${inject("templateDatabase")}`));
  return {
    url: postgresUrl(name),
    dir,
    async drop() {
      // FORCE ends connections a failed test may have left open.
      await onPostgresServer((client) => client.query(`drop database if exists ${name} with (force)`));
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    /** The seeded SQLite template file; made in every run (db:copy reads it under PostgreSQL too). */
    sqliteTemplate: string;
    /** PostgreSQL runs: the seeded template database's name. */
    templateDatabase: string;
    testRunId: string;
  }
}
