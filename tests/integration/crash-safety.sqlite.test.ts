import { expect, inject, it } from "vitest";
import { runCrashSafety } from "../../scripts/crash-safety";

// The short variant of `npm run crash-safety -- --rounds 50`: five SIGKILLs under 16 concurrent writers.
// It proves the embedded SQLite file's durability (WAL, synchronous=FULL): *.sqlite.test.ts, not run by test:pg.
it("keeps every acknowledged report through five SIGKILLs, with a sound database and audit chain", async () => {
  const lines: string[] = [];
  const report = await runCrashSafety({ rounds: 5, template: inject("templateDatabase"), log: (line) => lines.push(line) });
  console.log([...lines, `rounds: ${report.rounds}, acknowledged writes: ${report.acknowledged}, writes lost: ${report.lost}`].join("\n"));
  expect(report.problems).toEqual([]);
  expect(report.lost).toBe(0);
  expect(report.acknowledged).toBeGreaterThan(0);
}, 120_000);
