import { createHash, randomBytes } from "node:crypto";
import { decodeBase32IgnorePadding, encodeBase32UpperCaseNoPadding } from "@oslojs/encoding";
import { createTOTPKeyURI, verifyHOTP } from "@oslojs/otp";
import { sql } from "kysely";
import {
  RECOVERY_CODE_COUNT,
  TOTP_DIGITS,
  TOTP_DRIFT_STEPS,
  TOTP_PERIOD_SECONDS,
  isRecoveryCode,
  isTotpCode,
  normalizeCode,
  recoveryCodeFromBytes,
  timeStep,
} from "../domain/two-factor";
import type { DB } from "../utils/db.server";
import { newId, timestamp } from "../utils/ids";
import { recordAudit } from "./audit.server";

/*
 * Two-factor sign-in (docs/decisions/013-two-factor.md): TOTP secrets, recovery codes, the challenge between
 * password and code, and throttling of wrong codes. Audit rows say what happened, never a secret or a code.
 */

/** Wrong codes allowed per account within the window; the next attempt is refused without checking. */
export const MAX_CODE_FAILURES_PER_WINDOW = 5;
export const CODE_THROTTLE_WINDOW_MS = 5 * 60_000;
/** How long the password step stays good for entering the code. */
export const CHALLENGE_LIFETIME_MS = 5 * 60_000;

const AUDIT_ENTITY = "user_two_factor";

const sha256 = (text: string) => createHash("sha256").update(text).digest("hex");

/** 160 random bits, the size RFC 4226 recommends for SHA-1. */
function newSecret(): string {
  return encodeBase32UpperCaseNoPadding(randomBytes(20));
}

export function totpUri(secret: string, accountName: string): string {
  return createTOTPKeyURI("Tapsyrma", accountName, decodeBase32IgnorePadding(secret), TOTP_PERIOD_SECONDS, TOTP_DIGITS);
}

/** The time step a code belongs to within the drift window, latest first; null when it matches none. */
function matchingStep(secret: string, code: string, now: Date): number | null {
  const key = decodeBase32IgnorePadding(secret);
  const current = timeStep(now);
  for (let step = current + TOTP_DRIFT_STEPS; step >= current - TOTP_DRIFT_STEPS; step--) {
    if (verifyHOTP(key, BigInt(step), TOTP_DIGITS, code)) return step;
  }
  return null;
}

export interface TwoFactorStatus {
  enabled: boolean;
  enabledAt: string | null;
  pendingSecret: string | null;
  recoveryCodesLeft: number;
}

export async function getTwoFactorStatus(db: DB, userId: string): Promise<TwoFactorStatus> {
  const [credential, codes] = await Promise.all([
    db.selectFrom("two_factor_credentials").select(["secret", "enabled_at", "pending_secret"]).where("user_id", "=", userId).executeTakeFirst(),
    db
      .selectFrom("two_factor_recovery_codes")
      .select(sql<number>`count(*)`.as("count"))
      .where("user_id", "=", userId)
      .where("used_at", "is", null)
      .executeTakeFirstOrThrow(),
  ]);
  return {
    enabled: Boolean(credential?.secret),
    enabledAt: credential?.enabled_at ?? null,
    pendingSecret: credential?.pending_secret ?? null,
    recoveryCodesLeft: Number(codes.count),
  };
}

/** Is two-factor sign-in on for this user? One indexed lookup; requireUser asks it for the roles that must. */
export async function hasTwoFactor(db: DB, userId: string): Promise<boolean> {
  const row = await db.selectFrom("two_factor_credentials").select("user_id").where("user_id", "=", userId).where("secret", "is not", null).executeTakeFirst();
  return Boolean(row);
}

/**
 * The secret the enrolment page shows: the pending one, or a new one. Not audited: nothing is enabled until
 * the user confirms a code from it (confirmEnrolment, audited).
 */
export async function startEnrolment(db: DB, userId: string, now = new Date()): Promise<string> {
  const existing = await db.selectFrom("two_factor_credentials").select("pending_secret").where("user_id", "=", userId).executeTakeFirst();
  if (existing?.pending_secret) return existing.pending_secret;
  const secret = newSecret();
  const at = timestamp(now);
  if (existing) {
    await db.updateTable("two_factor_credentials").set({ pending_secret: secret, pending_created_at: at, updated_at: at }).where("user_id", "=", userId).execute();
  } else {
    await db.insertInto("two_factor_credentials").values({ user_id: userId, pending_secret: secret, pending_created_at: at, updated_at: at }).execute();
  }
  return secret;
}

export type CodeRefusal = "invalid" | "reused" | "throttled";
export type CodeCheck<T> = { ok: true; value: T } | { ok: false; reason: CodeRefusal };

async function isThrottled(db: DB, userId: string, now: Date): Promise<boolean> {
  const row = await db
    .selectFrom("two_factor_failures")
    .select(sql<number>`count(*)`.as("count"))
    .where("user_id", "=", userId)
    .where("attempted_at", ">", timestamp(new Date(now.getTime() - CODE_THROTTLE_WINDOW_MS)))
    .executeTakeFirstOrThrow();
  return Number(row.count) >= MAX_CODE_FAILURES_PER_WINDOW;
}

async function recordFailure(db: DB, userId: string, now: Date): Promise<void> {
  await db.insertInto("two_factor_failures").values({ id: newId(), user_id: userId, attempted_at: timestamp(now) }).execute();
  // Old failures say nothing any more; keep the table small.
  await db.deleteFrom("two_factor_failures").where("attempted_at", "<", timestamp(new Date(now.getTime() - 24 * 3600_000))).execute();
}

/**
 * Checks a code against `column`'s secret and consumes its time step: the step must be later than the last
 * accepted one, and the update that records it only succeeds once, so two requests racing with one code
 * cannot both pass.
 */
async function consumeTotp(db: DB, userId: string, code: string, column: "secret" | "pending_secret", now: Date): Promise<{ ok: true; step: number } | { ok: false; reason: "invalid" | "reused" }> {
  const credential = await db.selectFrom("two_factor_credentials").select(["secret", "pending_secret", "last_used_step"]).where("user_id", "=", userId).executeTakeFirst();
  const secret = credential?.[column];
  if (!credential || !secret || !isTotpCode(code)) return { ok: false, reason: "invalid" };
  const step = matchingStep(secret, code, now);
  if (step === null) return { ok: false, reason: "invalid" };
  const updated = await db
    .updateTable("two_factor_credentials")
    .set({ last_used_step: step, updated_at: timestamp(now) })
    .where("user_id", "=", userId)
    .where((eb) => eb.or([eb("last_used_step", "is", null), eb("last_used_step", "<", step)]))
    .executeTakeFirst();
  return Number(updated.numUpdatedRows) === 1 ? { ok: true, step } : { ok: false, reason: "reused" };
}

/** Runs `check` unless the account is throttled; a refusal is counted toward the throttle. */
async function throttled<T>(db: DB, userId: string, now: Date, check: () => Promise<CodeCheck<T>>): Promise<CodeCheck<T>> {
  if (await isThrottled(db, userId, now)) return { ok: false, reason: "throttled" };
  const result = await check();
  if (!result.ok) await recordFailure(db, userId, now);
  return result;
}

async function issueRecoveryCodes(db: DB, userId: string, now: Date): Promise<string[]> {
  await db.deleteFrom("two_factor_recovery_codes").where("user_id", "=", userId).execute();
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => recoveryCodeFromBytes(randomBytes(10)));
  await db
    .insertInto("two_factor_recovery_codes")
    .values(codes.map((code) => ({ id: newId(), user_id: userId, code_hash: sha256(normalizeCode(code)), created_at: timestamp(now) })))
    .execute();
  return codes;
}

/**
 * Confirms enrolment with a code from the pending secret: the secret becomes the user's, and ten new
 * recovery codes replace any earlier ones. Returns the codes: the only time they exist in plain text.
 */
export async function confirmEnrolment(db: DB, userId: string, input: string, now = new Date()): Promise<CodeCheck<string[]>> {
  return throttled(db, userId, now, () =>
    db.transaction().execute(async (trx) => {
      const code = normalizeCode(input);
      const before = await trx.selectFrom("two_factor_credentials").select(["secret", "enabled_at", "pending_secret"]).where("user_id", "=", userId).executeTakeFirst();
      const step = before?.pending_secret && isTotpCode(code) ? matchingStep(before.pending_secret, code, now) : null;
      if (!before?.pending_secret || step === null) return { ok: false as const, reason: "invalid" as const };
      const at = timestamp(now);
      // The confirming code's step is spent, so it cannot also sign in; the where clause makes two racing confirmations one.
      const updated = await trx
        .updateTable("two_factor_credentials")
        .set({ secret: before.pending_secret, last_used_step: step, pending_secret: null, pending_created_at: null, enabled_at: at, updated_at: at })
        .where("user_id", "=", userId)
        .where("pending_secret", "=", before.pending_secret)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) return { ok: false as const, reason: "reused" as const };
      const codes = await issueRecoveryCodes(trx, userId, now);
      await recordAudit(trx, {
        actorUserId: userId,
        action: before.secret ? "two_factor.reenrol" : "two_factor.enable",
        entityType: AUDIT_ENTITY,
        entityId: userId,
        before: { enabled: Boolean(before.secret), enabled_at: before.enabled_at },
        after: { enabled: true, enabled_at: at, recovery_codes: codes.length },
      });
      return { ok: true as const, value: codes };
    }),
  );
}

/**
 * The second sign-in step: a current TOTP code, or one unused recovery code (spent by this use).
 * `method` says which, so the page can warn when recovery codes run low.
 */
export type SecondFactorUse = { method: "totp" | "recovery"; recoveryCodesLeft: number | null };

export async function verifySecondFactor(db: DB, userId: string, input: string, now = new Date()): Promise<CodeCheck<SecondFactorUse>> {
  const code = normalizeCode(input);
  return throttled<SecondFactorUse>(db, userId, now, async () => {
    if (isTotpCode(code)) {
      const checked = await consumeTotp(db, userId, code, "secret", now);
      return checked.ok ? { ok: true, value: { method: "totp" as const, recoveryCodesLeft: null } } : checked;
    }
    if (!isRecoveryCode(code) || !(await hasTwoFactor(db, userId))) return { ok: false, reason: "invalid" };
    return db.transaction().execute(async (trx): Promise<CodeCheck<SecondFactorUse>> => {
      const at = timestamp(now);
      const spent = await trx
        .updateTable("two_factor_recovery_codes")
        .set({ used_at: at })
        .where("user_id", "=", userId)
        .where("code_hash", "=", sha256(code))
        .where("used_at", "is", null)
        .executeTakeFirst();
      if (Number(spent.numUpdatedRows) !== 1) return { ok: false as const, reason: "invalid" as const };
      const left = Number(
        (await trx.selectFrom("two_factor_recovery_codes").select(sql<number>`count(*)`.as("count")).where("user_id", "=", userId).where("used_at", "is", null).executeTakeFirstOrThrow()).count,
      );
      await recordAudit(trx, {
        actorUserId: userId,
        action: "two_factor.recovery_code_use",
        entityType: AUDIT_ENTITY,
        entityId: userId,
        after: { used_at: at, recovery_codes_left: left },
      });
      return { ok: true as const, value: { method: "recovery" as const, recoveryCodesLeft: left } };
    });
  });
}

/** Ten new recovery codes, the old ones void; needs a current code from the app. */
export async function regenerateRecoveryCodes(db: DB, userId: string, input: string, now = new Date()): Promise<CodeCheck<string[]>> {
  return throttled(db, userId, now, () =>
    db.transaction().execute(async (trx) => {
      const checked = await consumeTotp(trx, userId, normalizeCode(input), "secret", now);
      if (!checked.ok) return checked;
      const codes = await issueRecoveryCodes(trx, userId, now);
      await recordAudit(trx, {
        actorUserId: userId,
        action: "two_factor.recovery_codes_regenerate",
        entityType: AUDIT_ENTITY,
        entityId: userId,
        after: { recovery_codes: codes.length },
      });
      return { ok: true as const, value: codes };
    }),
  );
}

/**
 * Starts enrolling a new phone while the old one still works (a required role cannot switch off first):
 * proves the current app with a code, then shows a new pending secret. The old secret stays in force until
 * the new one is confirmed.
 */
export async function restartEnrolment(db: DB, userId: string, input: string, now = new Date()): Promise<CodeCheck<string>> {
  return throttled(db, userId, now, async () => {
    const checked = await consumeTotp(db, userId, normalizeCode(input), "secret", now);
    if (!checked.ok) return checked;
    const secret = newSecret();
    const at = timestamp(now);
    await db.updateTable("two_factor_credentials").set({ pending_secret: secret, pending_created_at: at, updated_at: at }).where("user_id", "=", userId).execute();
    return { ok: true, value: secret };
  });
}

/** Drops the pending secret of an enrolment the user abandoned. */
export async function cancelEnrolment(db: DB, userId: string, now = new Date()): Promise<void> {
  await db.updateTable("two_factor_credentials").set({ pending_secret: null, pending_created_at: null, updated_at: timestamp(now) }).where("user_id", "=", userId).execute();
}

async function removeTwoFactor(db: DB, userId: string, audit: { actorUserId: string | null; action: string; reason?: string }, now: Date): Promise<boolean> {
  const before = await db.selectFrom("two_factor_credentials").select(["secret", "enabled_at"]).where("user_id", "=", userId).executeTakeFirst();
  await db.deleteFrom("two_factor_recovery_codes").where("user_id", "=", userId).execute();
  await db.deleteFrom("two_factor_challenges").where("user_id", "=", userId).execute();
  await db.deleteFrom("two_factor_credentials").where("user_id", "=", userId).execute();
  if (!before?.secret) return false;
  await recordAudit(db, {
    actorUserId: audit.actorUserId,
    action: audit.action,
    entityType: AUDIT_ENTITY,
    entityId: userId,
    before: { enabled: true, enabled_at: before.enabled_at },
    after: { enabled: false, at: timestamp(now), ...(audit.reason ? { reason: audit.reason } : {}) },
  });
  return true;
}

/** Switches two-factor sign-in off; needs a current code. Whether the role may is the caller's check. */
export async function disableTwoFactor(db: DB, userId: string, input: string, now = new Date()): Promise<CodeCheck<null>> {
  return throttled(db, userId, now, () =>
    db.transaction().execute(async (trx) => {
      const checked = await consumeTotp(trx, userId, normalizeCode(input), "secret", now);
      if (!checked.ok) return checked;
      await removeTwoFactor(trx, userId, { actorUserId: userId, action: "two_factor.disable" }, now);
      return { ok: true as const, value: null };
    }),
  );
}

/**
 * An administrator's reset for a lost phone: the user signs in with the password alone and (if their role
 * must) enrols again at once. Returns false when the user had no second factor.
 */
export async function resetTwoFactor(db: DB, userId: string, actorUserId: string | null, reason: string, now = new Date()): Promise<boolean> {
  return db.transaction().execute((trx) => removeTwoFactor(trx, userId, { actorUserId, action: "two_factor.reset", reason }, now));
}

// --- The challenge between the password and the code -------------------------------------------------

/** Starts the second step for a user whose password was right; returns the token for the challenge cookie. */
export async function createChallenge(db: DB, userId: string, now = new Date()): Promise<string> {
  const token = randomBytes(32).toString("base64url");
  await db.deleteFrom("two_factor_challenges").where("expires_at", "<=", timestamp(now)).execute();
  await db
    .insertInto("two_factor_challenges")
    .values({ id: sha256(token), user_id: userId, created_at: timestamp(now), expires_at: timestamp(new Date(now.getTime() + CHALLENGE_LIFETIME_MS)) })
    .execute();
  return token;
}

/** The user a live challenge is for, or null; inactive users have no challenges. */
export async function getChallengeUser(db: DB, token: string, now = new Date()): Promise<{ userId: string; login: string } | null> {
  const row = await db
    .selectFrom("two_factor_challenges")
    .innerJoin("users", "users.id", "two_factor_challenges.user_id")
    .select(["users.id", "users.login"])
    .where("two_factor_challenges.id", "=", sha256(token))
    .where("two_factor_challenges.expires_at", ">", timestamp(now))
    .where("users.is_active", "=", 1)
    .executeTakeFirst();
  return row ? { userId: row.id, login: row.login } : null;
}

export async function endChallenge(db: DB, token: string): Promise<void> {
  await db.deleteFrom("two_factor_challenges").where("id", "=", sha256(token)).execute();
}
