import type { Role } from "./permissions";

/*
 * Two-factor sign-in rules: who must use it, and the shapes of codes. Pure; read by auth, the routes and tests.
 */

/** Roles that must sign in with a second factor when enforcement is on; every other role may choose to. */
export const TWO_FACTOR_REQUIRED_ROLES: readonly Role[] = ["admin", "controller"];

export type TwoFactorPolicy = "required" | "optional";

/** With enforcement off (the demo), everyone may use two-factor sign-in and no one must. */
export function twoFactorPolicy(role: Role, enforced: boolean): TwoFactorPolicy {
  return enforced && TWO_FACTOR_REQUIRED_ROLES.includes(role) ? "required" : "optional";
}

/** RFC 6238 defaults, which every authenticator app reads: 30-second steps, 6 digits (SHA-1 in the URI). */
export const TOTP_PERIOD_SECONDS = 30;
export const TOTP_DIGITS = 6;
/** Steps either side of now that are still accepted: phones' clocks drift. */
export const TOTP_DRIFT_STEPS = 1;

export function timeStep(at: Date): number {
  return Math.floor(at.getTime() / (TOTP_PERIOD_SECONDS * 1000));
}

export const RECOVERY_CODE_COUNT = 10;
const RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";
const RECOVERY_CODE_LENGTH = 10;

/** A recovery code from random bytes: 10 characters of an unambiguous alphabet (about 49 bits), shown as xxxxx-xxxxx. */
export function recoveryCodeFromBytes(bytes: Uint8Array): string {
  if (bytes.length < RECOVERY_CODE_LENGTH) throw new RangeError("need 10 random bytes");
  // 256 is not a multiple of 31; the slight bias costs well under one bit of the 49.
  const letters = Array.from(bytes.slice(0, RECOVERY_CODE_LENGTH), (byte) => RECOVERY_ALPHABET[byte % RECOVERY_ALPHABET.length]);
  return `${letters.slice(0, 5).join("")}-${letters.slice(5).join("")}`;
}

/** What a person types, as compared: spaces and dashes dropped, letters lower-cased. */
export function normalizeCode(input: string): string {
  return input.normalize("NFKC").replace(/[\s-]+/g, "").toLowerCase();
}

export function isTotpCode(normalized: string): boolean {
  return new RegExp(`^\\d{${TOTP_DIGITS}}$`).test(normalized);
}

export function isRecoveryCode(normalized: string): boolean {
  return normalized.length === RECOVERY_CODE_LENGTH && [...normalized].every((c) => RECOVERY_ALPHABET.includes(c));
}

/** A base32 secret in groups of four, as people copy it into an app by hand. */
export function groupSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? "";
}
