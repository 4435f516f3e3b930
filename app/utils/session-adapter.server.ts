import { createHash } from "node:crypto";
import type { Adapter, DatabaseSession, DatabaseUser } from "lucia";
import type { DB } from "./db.server";

/** Sessions are stored under the SHA-256 of their token: a leaked table cannot be replayed as cookies. */
export function hashSessionToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export interface SessionAttributes {
  absolute_expires_at: string;
  last_seen_at: string;
  client_address: string | null;
  user_agent: string | null;
}

export interface UserAttributes {
  login: string;
  display_name: string;
  role: string;
  organization_id: string | null;
  /** The user's organization's names, for the page header: read with the session rather than by a query of their own. */
  organization_name_kk: string | null;
  organization_name_ru: string | null;
  organization_name_en: string | null;
  language: string;
}

/**
 * Lucia's adapter over Kysely. Lucia hands it the raw session token as the "id"; every method hashes
 * it before touching the table. Inactive users have no sessions: they come back as "no user",
 * and Lucia deletes the session.
 */
export class KyselySessionAdapter implements Adapter {
  constructor(private readonly db: DB) {}

  async getSessionAndUser(sessionId: string): Promise<[DatabaseSession | null, DatabaseUser | null]> {
    const row = await this.db
      .selectFrom("sessions")
      .leftJoin("users", (join) => join.onRef("users.id", "=", "sessions.user_id").on("users.is_active", "=", 1))
      .leftJoin("organizations", "organizations.id", "users.organization_id")
      .select([
        "sessions.user_id",
        "sessions.expires_at",
        "sessions.absolute_expires_at",
        "sessions.last_seen_at",
        "sessions.client_address",
        "sessions.user_agent",
        "users.id as found_user_id",
        "users.login",
        "users.display_name",
        "users.role",
        "users.organization_id",
        "users.language",
        "organizations.name_kk as organization_name_kk",
        "organizations.name_ru as organization_name_ru",
        "organizations.name_en as organization_name_en",
      ])
      .where("sessions.id", "=", hashSessionToken(sessionId))
      .executeTakeFirst();
    if (!row) return [null, null];
    const session: DatabaseSession = {
      id: sessionId,
      userId: row.user_id,
      expiresAt: new Date(row.expires_at),
      attributes: {
        absolute_expires_at: row.absolute_expires_at,
        last_seen_at: row.last_seen_at,
        client_address: row.client_address,
        user_agent: row.user_agent,
      } satisfies SessionAttributes,
    };
    if (!row.found_user_id) return [session, null];
    const user: DatabaseUser = {
      id: row.found_user_id,
      attributes: {
        login: row.login!,
        display_name: row.display_name!,
        role: row.role!,
        organization_id: row.organization_id ?? null,
        organization_name_kk: row.organization_name_kk ?? null,
        organization_name_ru: row.organization_name_ru ?? null,
        organization_name_en: row.organization_name_en ?? null,
        language: row.language!,
      } satisfies UserAttributes,
    };
    return [session, user];
  }

  async getUserSessions(userId: string): Promise<DatabaseSession[]> {
    // Only hashes are stored, so the raw ids Lucia would hand back do not exist; nothing here needs them.
    const rows = await this.db.selectFrom("sessions").selectAll().where("user_id", "=", userId).execute();
    return rows.map((row) => ({
      id: row.id,
      userId: row.user_id,
      expiresAt: new Date(row.expires_at),
      attributes: {
        absolute_expires_at: row.absolute_expires_at,
        last_seen_at: row.last_seen_at,
        client_address: row.client_address,
        user_agent: row.user_agent,
      },
    }));
  }

  async setSession(session: DatabaseSession): Promise<void> {
    const attributes = session.attributes as unknown as SessionAttributes;
    // The session starts when its attributes were made: the 12-hour limit is counted from the same instant.
    const now = attributes.last_seen_at ?? new Date().toISOString();
    await this.db
      .insertInto("sessions")
      .values({
        id: hashSessionToken(session.id),
        user_id: session.userId,
        expires_at: session.expiresAt.toISOString(),
        absolute_expires_at: attributes.absolute_expires_at,
        created_at: now,
        last_seen_at: attributes.last_seen_at ?? now,
        client_address: attributes.client_address,
        user_agent: attributes.user_agent,
      })
      .execute();
  }

  async updateSessionExpiration(sessionId: string, expiresAt: Date): Promise<void> {
    await this.db
      .updateTable("sessions")
      .set({ expires_at: expiresAt.toISOString() })
      .where("id", "=", hashSessionToken(sessionId))
      .execute();
  }

  async deleteSession(sessionId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("id", "=", hashSessionToken(sessionId)).execute();
  }

  async deleteUserSessions(userId: string): Promise<void> {
    await this.db.deleteFrom("sessions").where("user_id", "=", userId).execute();
  }

  async deleteExpiredSessions(): Promise<void> {
    const now = new Date().toISOString();
    await this.db
      .deleteFrom("sessions")
      .where((eb) => eb.or([eb("expires_at", "<=", now), eb("absolute_expires_at", "<=", now)]))
      .execute();
  }
}

declare module "lucia" {
  interface Register {
    DatabaseSessionAttributes: SessionAttributes;
    DatabaseUserAttributes: UserAttributes;
  }
}
