import type { Language } from "../i18n";
import type { DB } from "../utils/db.server";

export async function setUserLanguage(db: DB, userId: string, language: Language): Promise<void> {
  await db
    .updateTable("users")
    .set({ language, updated_at: new Date().toISOString() })
    .where("id", "=", userId)
    .execute();
}

export async function getUserProfile(db: DB, userId: string) {
  return db
    .selectFrom("users")
    .leftJoin("organizations", "organizations.id", "users.organization_id")
    .select([
      "users.id",
      "users.login",
      "users.display_name",
      "users.role",
      "users.language",
      "organizations.id as organization_id",
      "organizations.name_kk as organization_name_kk",
      "organizations.name_ru as organization_name_ru",
      "organizations.name_en as organization_name_en",
    ])
    .where("users.id", "=", userId)
    .executeTakeFirst();
}
