import { hash, verify } from "@node-rs/argon2";

// Argon2id at OWASP's minimum (19 MiB, 2 passes, 1 lane): about 8 ms a hash here.
const OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

// Checked against when the login is unknown, so a wrong login costs the same time as a wrong password.
let decoyHash: Promise<string> | undefined;

export async function verifyPassword(passwordHash: string | null, password: string): Promise<boolean> {
  decoyHash ??= hashPassword("decoy-password-never-matches");
  try {
    const matches = await verify(passwordHash ?? (await decoyHash), password);
    return passwordHash !== null && matches;
  } catch {
    return false;
  }
}
