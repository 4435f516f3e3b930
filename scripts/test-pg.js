// npm run test:pg: every test that runs against the database (integration and browser journeys) on
// PostgreSQL. TEST_DATABASE_URL names a database on a server where that role may create databases.
import { spawnSync } from "node:child_process";

if (!process.env.TEST_DATABASE_URL) {
  console.error("npm run test:pg needs TEST_DATABASE_URL, e.g. postgres://tapsyrma:tapsyrma@127.0.0.1:5432/tapsyrma_test");
  process.exit(2);
}
// Its own JSON report, so CI can count this run beside `npm test`'s.
const files = process.argv.length > 2 ? process.argv.slice(2) : ["tests/integration", "tests/e2e"];
const run = spawnSync("npx", ["vitest", "run", ...files], {
  stdio: "inherit",
  env: { ...process.env, VITEST_JSON_REPORT: "test-results/vitest-pg.json" },
});
process.exit(run.status ?? 1);
