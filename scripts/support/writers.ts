// A database with the demo data and one assignee account per open assignment, for the crash-safety run and
// the load benchmark: concurrent writers on one assignment would only measure version conflicts.
import fs from "node:fs";
import { DEMO_PASSWORD, seedDemoData } from "../../db/seeds/demo";
import { createDatabase, migrateToLatest } from "../../app/utils/db.server";
import { newId, timestamp } from "../../app/utils/ids";
import { hashPassword } from "../../app/utils/password.server";

export interface Writer {
  login: string;
  assignmentId: string;
}

/** One assignee user per open assignment, so the writers never wait on each other's version. */
export async function prepareWriters(file: string, writers: number, template?: string): Promise<Writer[]> {
  if (template) fs.copyFileSync(template, file);
  const db = createDatabase(file);
  try {
    await migrateToLatest(db);
    await seedDemoData(db);
    const open = await db
      .selectFrom("assignments")
      .select(["id", "organization_id"])
      .where("status", "in", ["assigned", "in_progress"])
      .orderBy("id")
      .limit(writers)
      .execute();
    if (open.length < writers) throw new Error(`the demo data has ${open.length} open assignments, fewer than ${writers} writers`);
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    const now = timestamp();
    return await Promise.all(
      open.map(async (assignment, index) => {
        const login = `writer-${index + 1}`;
        await db
          .insertInto("users")
          .values({ id: newId(), login, display_name: `Жазушы ${index + 1}`, role: "assignee", organization_id: assignment.organization_id, language: "kk", is_active: 1, password_hash: passwordHash, created_at: now, updated_at: now })
          .execute();
        return { login, assignmentId: assignment.id };
      }),
    );
  } finally {
    await db.destroy();
  }
}
