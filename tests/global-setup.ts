import fs from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildIfStale, projectRoot } from "../scripts/build-if-stale.js";
import { seedDemoData } from "../db/seeds/demo";
import { createDatabase, migrateToLatest } from "../app/utils/db.server";

/**
 * Once per run: a production build for the server and browser tests, and a migrated template database
 * with the demo data, copied into a fresh file for every server a test starts.
 */
export default async function setup(project: TestProject) {
  buildIfStale({ quiet: true });
  const dir = path.join(projectRoot, "test-results");
  fs.mkdirSync(dir, { recursive: true });
  const template = path.join(dir, `template-${process.pid}.db`);
  for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(template + suffix, { force: true });
  const db = createDatabase(template);
  await migrateToLatest(db);
  await seedDemoData(db);
  // Fold the WAL into the main file so a plain copy is complete.
  await db.destroy();
  project.provide("templateDatabase", template);
  return () => {
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(template + suffix, { force: true });
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    templateDatabase: string;
  }
}
