import type { DB } from "./db.server";

/*
 * Figures computed from all execution data (the controller dashboard) are kept per process while the data
 * they were computed from is unchanged. The version comes from the database (bumped by triggers on every
 * write, from any app server), so a cached figure is never stale: a write means a fresh computation on the
 * next request. Concurrent requests for the same figures share one computation.
 * Nothing here must be shared between app servers; each keeps its own copy.
 */

const MAX_ENTRIES = 256;
// Per database handle: tests and scripts may hold several in one process.
const caches = new WeakMap<DB, Map<string, Promise<unknown>>>();

export async function executionDataVersion(db: DB): Promise<number> {
  const row = await db.selectFrom("data_versions").select("version").where("name", "=", "execution").executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** `compute()` once per (key, data version); the promise is shared by everyone asking meanwhile. */
export async function snapshot<T>(db: DB, key: string, compute: () => Promise<T>): Promise<T> {
  let entries = caches.get(db);
  if (!entries) caches.set(db, (entries = new Map()));
  const cacheKey = `${await executionDataVersion(db)}|${key}`;
  const cached = entries.get(cacheKey);
  if (cached) return cached as Promise<T>;
  const pending = compute();
  entries.set(cacheKey, pending);
  // A failed computation must not be remembered.
  pending.catch(() => entries.delete(cacheKey));
  // Maps iterate in insertion order: drop the oldest.
  while (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value!);
  return pending;
}
