// Server times of the controller's heaviest pages on a national-size database, as HTTP requests against the
// production build: npx tsx bench/server-times.ts [--db data/large.db] [--requests 200] [--warmup 20]
//
// Builds if the build is stale, starts server.js on a free port over the database, signs in as a controller,
// then requests each route sequentially (one request at a time, so each time is one request's server time plus
// loopback HTTP) and prints p50/p99 per route. Make the database first:
//   DATABASE_URL=data/large.db npm run db:seed -- --large
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import SQLite from "better-sqlite3";
import { almatyDate } from "../app/domain/calendar";
import { buildIfStale, projectRoot } from "../scripts/build-if-stale.js";
import { percentile, signIn, startBenchServer } from "./support";

const { values: args } = parseArgs({
  options: {
    db: { type: "string", default: "data/large.db" },
    requests: { type: "string", default: "200" },
    warmup: { type: "string", default: "20" },
    login: { type: "string", default: "controller" },
    password: { type: "string", default: "tapsyrma-demo" },
    organization: { type: "string" },
  },
});
const requests = Number(args.requests);
const warmup = Number(args.warmup);
if (!Number.isInteger(requests) || requests < 1 || !Number.isInteger(warmup) || warmup < 0) {
  console.error("--requests must be a positive integer and --warmup a non-negative one");
  process.exit(2);
}
const databaseFile = path.resolve(projectRoot, args.db);
if (!fs.existsSync(databaseFile)) {
  console.error(
    `No database at ${path.relative(process.cwd(), databaseFile) || databaseFile}. Create the large one first (about 1.5 minutes):\n` +
      "  DATABASE_URL=data/large.db npm run db:seed -- --large",
  );
  process.exit(1);
}

const today = almatyDate();
const MAIN_TABLES = ["organizations", "users", "people", "meetings", "instructions", "assignments", "assignment_events", "audit_log"];

/** Row counts, and the district akimat with the most overdue assignments (the register filter's subject). */
function inspectDatabase() {
  const connection = new SQLite(databaseFile, { fileMustExist: true });
  try {
    const counts = MAIN_TABLES.map((table) => [table, (connection.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n] as const);
    const district = args.organization
      ? (connection.prepare("select id, name_en from organizations where id = ?").get(args.organization) as { id: string; name_en: string } | undefined)
      : (connection
          .prepare(
            `select organizations.id, organizations.name_en, count(*) as overdue
             from assignments join organizations on organizations.id = assignments.organization_id
             where organizations.kind = 'district_akimat' and assignments.status in ('assigned', 'in_progress', 'reported') and assignments.deadline < ?
             group by organizations.id order by overdue desc, organizations.id limit 1`,
          )
          .get(today) as { id: string; name_en: string; overdue: number } | undefined);
    return { counts, district };
  } finally {
    connection.close();
  }
}

async function measure(url: string, cookie: string, route: string) {
  const times: number[] = [];
  let errors = 0;
  let firstError = "";
  for (let i = 0; i < warmup + requests; i++) {
    const started = performance.now();
    let ok = false;
    try {
      const response = await fetch(`${url}${route}`, { redirect: "manual", headers: { Cookie: cookie } });
      await response.text();
      ok = response.status === 200;
      if (!ok && !firstError) firstError = `HTTP ${response.status}${response.headers.get("location") ? ` → ${response.headers.get("location")}` : ""}`;
    } catch (error) {
      if (!firstError) firstError = String(error);
    }
    const elapsed = performance.now() - started;
    if (i < warmup) continue;
    if (ok) times.push(elapsed);
    else errors += 1;
  }
  times.sort((a, b) => a - b);
  return {
    route,
    requests,
    p50: times.length ? percentile(times, 0.5) : NaN,
    p99: times.length ? percentile(times, 0.99) : NaN,
    max: times.length ? times[times.length - 1] : NaN,
    errors,
    firstError,
  };
}

const { counts, district } = inspectDatabase();
console.log(`Database: ${path.relative(process.cwd(), databaseFile) || databaseFile} (${(fs.statSync(databaseFile).size / 1048576).toFixed(0)} MB)`);
for (const [table, n] of counts) console.log(`  ${table.padEnd(18)} ${n.toLocaleString("en").padStart(10)}`);
if (!district) {
  console.error(args.organization ? `No organization ${args.organization}.` : "No district akimat with overdue assignments: is this the large data set?");
  process.exit(1);
}
console.log(`Register filter: ${district.name_en} (${district.id})`);

try {
  buildIfStale();
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}

const server = await startBenchServer(databaseFile);
try {
  const cookie = await signIn(server.url, args.login, args.password);
  const routes = ["/", `/instructions?overdue=1&organization=${district.id}`, "/instructions?status=in_progress&page=3"];
  console.log(`\nServer ${server.url}, signed in as ${args.login}; ${warmup} warm-up then ${requests} sequential requests per route.\n`);
  const results = [];
  for (const route of routes) results.push(await measure(server.url, cookie, route));

  const label = (route: string) => route.replace(district.id, "<district>");
  const width = Math.max(5, ...results.map((r) => label(r.route).length));
  const ms = (value: number) => (Number.isNaN(value) ? "-" : value.toFixed(1)).padStart(8);
  console.log(`${"route".padEnd(width)}  requests    p50 ms    p99 ms    max ms  errors`);
  for (const r of results) {
    console.log(`${label(r.route).padEnd(width)}  ${String(r.requests).padStart(8)}  ${ms(r.p50)}  ${ms(r.p99)}  ${ms(r.max)}  ${String(r.errors).padStart(6)}`);
  }
  for (const r of results) if (r.errors) console.log(`  ${label(r.route)}: first error ${r.firstError}`);
  if (results.some((r) => r.errors)) process.exitCode = 1;
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  console.error(`Server output:\n${server.output()}`);
  process.exitCode = 1;
} finally {
  await server.stop();
}
