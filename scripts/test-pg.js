// npm run test:pg: every test that runs against the database (integration and browser journeys) on
// PostgreSQL. TEST_DATABASE_URL names a database on a server where that role may create databases.
import { spawnSync } from "node:child_process";

if (!process.env.TEST_DATABASE_URL) {
  console.error("npm run test:pg needs TEST_DATABASE_URL, e.g. postgres://tapsyrma:tapsyrma@127.0.0.1:5432/tapsyrma_test");
  process.exit(2);
}
// Its own JSON report, so CI can count this run beside `npm test`'s.
const args = ["vitest", "run", "tests/integration", "tests/e2e", "--outputFile.json=test-results/vitest-pg.json", ...process.argv.slice(2)];
const run = spawnSync("npx", args, { stdio: "inherit" });
process.exit(run.status ?? 1);
