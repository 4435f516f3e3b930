import path from "node:path";
import { fileURLToPath } from "node:url";

export type DatabaseTarget = { engine: "sqlite"; file: string } | { engine: "postgres"; url: string };

export const DEFAULT_DATABASE_FILE = "data/tapsyrma.db";

/** DATABASE_URL: a file path or `file:` URL for SQLite, `postgres://…` for PostgreSQL. */
export function parseDatabaseUrl(value: string | undefined, cwd = process.cwd()): DatabaseTarget {
  const raw = (value ?? "").trim();
  if (!raw) return { engine: "sqlite", file: path.resolve(cwd, DEFAULT_DATABASE_FILE) };
  if (/^postgres(ql)?:\/\//i.test(raw)) return { engine: "postgres", url: raw };
  if (raw.startsWith("file://")) return { engine: "sqlite", file: fileURLToPath(raw) };
  if (raw.startsWith("file:")) return { engine: "sqlite", file: path.resolve(cwd, raw.slice("file:".length)) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(raw)) throw new Error(`DATABASE_URL: unsupported scheme in ${raw}`);
  return { engine: "sqlite", file: path.resolve(cwd, raw) };
}
