import type { Language } from "../i18n";
import type { DB } from "../utils/db.server";

export async function setUserLanguage(db: DB, userId: string, language: Language): Promise<void> {
  await db
    .updateTable("users")
    .set({ language, updated_at: new Date().toISOString() })
    .where("id", "=", userId)
    .execute();
}

