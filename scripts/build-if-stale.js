// Builds the app when build/ is missing or older than the sources. Used by `npm start` and the tests.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const SOURCES = ["app", "db", "public", "package.json", "vite.config.ts", "tailwind.config.ts"];

function newestMtime(target) {
  if (!fs.existsSync(target)) return 0;
  const stat = fs.statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of fs.readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function buildIfStale({ quiet = false } = {}) {
  const buildEntry = path.join(projectRoot, "build/server/index.js");
  const builtAt = fs.existsSync(buildEntry) ? fs.statSync(buildEntry).mtimeMs : 0;
  const changedAt = Math.max(...SOURCES.map((source) => newestMtime(path.join(projectRoot, source))));
  if (builtAt >= changedAt) return false;
  if (!quiet) console.log(builtAt ? "Sources changed since the last build: building…" : "No build yet: building…");
  const result = spawnSync(process.execPath, [path.join(projectRoot, "node_modules/@remix-run/dev/dist/cli.js"), "vite:build"], {
    cwd: projectRoot,
    // Under Vitest the Remix plugin is switched off by VITEST; a build needs it on.
    env: Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith("VITEST") && name !== "NODE_ENV")),
    stdio: quiet ? "pipe" : "inherit",
    encoding: "utf8",
  });
  if (result.status !== 0) {
    if (quiet) process.stderr.write(`${result.stdout ?? ""}${result.stderr ?? ""}`);
    throw new Error(`The build failed (exit ${result.status}).`);
  }
  return true;
}
