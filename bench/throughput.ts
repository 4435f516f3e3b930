// Throughput of the production build under concurrent load, on each database engine, beside the framework's floor:
//   npm run bench:throughput -- [--sqlite data/large.db] [--postgres postgres://…] [--connections 20] [--duration 10] [--warmup 5] [--workers 1]
//
// For each engine: starts server.js pinned to core 0 (taskset), pins this process (the load generator, autocannon)
// to core 1, signs in as the controller and as the assignee organization with the most open assignments, then
// drives each scenario for --duration seconds with --connections concurrent connections, after --warmup seconds of
// the same load that are not timed (a fresh process's first requests fill caches and compile code once):
//   dashboard         GET /                                   (controller)
//   register          GET /instructions?overdue=1&organization=<district akimat with most overdue>   (controller)
//   instruction page  GET /instructions/<id>, over 200 instructions with many assignees              (controller)
//   progress report   POST /assignments/<id> action=post_progress, each assignment held by one request at a time
//   floor             GET /bench/floor: the register's 50 rows rendered from memory (BENCH_FLOOR=1), no session
// Prints req/s, p50, p99 and errors per scenario, and each scenario's throughput as a share of the floor. Each scenario
// is driven in turns with the floor, 2-second runs of each, and the share is taken against the floor of those turns:
// this machine's speed drifts by ±15 % over minutes, and a floor from another minute would put the drift into the share.
// Errors: connection errors, timeouts and any response ≥ 400 (a post answers 303/302 on success), warm-up included.
//
// --workers N starts the server with WEB_CONCURRENCY=N, unpinned: its workers then share the load generator's core too,
// so the figures say what more processes give on this machine, not what N free cores would.
//
// Make the SQLite set first (about 1.5 minutes): DATABASE_URL=data/large.db npm run db:seed -- --large
// For PostgreSQL, copy it into an empty database: DATABASE_URL=data/large.db npm run db:copy -- --to postgres://…
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import autocannon from "autocannon";
import { sql } from "kysely";
import { almatyDate } from "../app/domain/calendar";
import { createDatabase, type DB } from "../app/utils/db.server";
import { buildIfStale, projectRoot } from "../scripts/build-if-stale.js";
import { percentile, signIn, startBenchServer } from "./support";

const { values: args } = parseArgs({
  options: {
    sqlite: { type: "string", default: "data/large.db" },
    postgres: { type: "string" },
    connections: { type: "string", default: "20" },
    duration: { type: "string", default: "10" },
    warmup: { type: "string", default: "5" },
    workers: { type: "string", default: "1" },
    password: { type: "string", default: "tapsyrma-demo" },
  },
});
const connections = Number(args.connections);
const duration = Number(args.duration);
const warmup = Number(args.warmup);
const workers = Number(args.workers);
/** How long each turn of a scenario and of the floor lasts when they are driven in turns. */
const SLICE_SECONDS = 2;

interface Subjects {
  district: string;
  instructions: string[];
  assignee: { login: string; assignments: { id: string; version: number }[] };
}

/** What the scenarios request: picked from the data so every engine gets the same work. */
async function pickSubjects(db: DB): Promise<Subjects> {
  const today = almatyDate();
  const district = await db
    .selectFrom("assignments")
    .innerJoin("organizations", "organizations.id", "assignments.organization_id")
    .where("organizations.kind", "=", "district_akimat")
    .where("assignments.status", "in", ["assigned", "in_progress", "reported"])
    .where("assignments.deadline", "<", today)
    .groupBy("organizations.id")
    .select(["organizations.id", sql<number>`count(*)`.as("n")])
    .orderBy(sql`count(*)`, "desc")
    .orderBy("organizations.id")
    .limit(1)
    .executeTakeFirstOrThrow();
  const instructions = await db
    .selectFrom("assignments")
    .groupBy("assignments.instruction_id")
    .select(["assignments.instruction_id", sql<number>`count(*)`.as("n")])
    .orderBy(sql`count(*)`, "desc")
    .orderBy("assignments.instruction_id")
    .limit(200)
    .execute();
  const busiest = await db
    .selectFrom("assignments")
    .innerJoin("users", "users.organization_id", "assignments.organization_id")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
    .where("users.role", "=", "assignee")
    .where("users.is_active", "=", 1)
    .where("meetings.status", "=", "published")
    .where("assignments.status", "in", ["assigned", "in_progress"])
    .groupBy(["users.login", "assignments.organization_id"])
    .select(["users.login", "assignments.organization_id", sql<number>`count(*)`.as("n")])
    .orderBy(sql`count(*)`, "desc")
    .orderBy("users.login")
    .limit(1)
    .executeTakeFirstOrThrow();
  const assignments = await db
    .selectFrom("assignments")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
    .where("assignments.organization_id", "=", busiest.organization_id)
    .where("meetings.status", "=", "published")
    .where("assignments.status", "in", ["assigned", "in_progress"])
    .select(["assignments.id", "assignments.version"])
    .orderBy("assignments.id")
    .execute();
  return {
    district: district.id,
    instructions: instructions.map((row) => row.instruction_id),
    assignee: { login: busiest.login, assignments: assignments.map((a) => ({ id: a.id, version: Number(a.version) })) },
  };
}

interface Scenario {
  name: string;
  requests: autocannon.Request[];
  cookie?: string;
}

interface Outcome {
  name: string;
  rps: number;
  /** The floor's req/s measured in turns with this scenario (the floor row: the mean of its runs). */
  floor: number;
  p50: number;
  p99: number;
  errors: number;
  requests: number;
}

type Respond = (status: number, body: string, context: object, headers: unknown) => void;

/** One autocannon run; with `latencies`, each response's time is added to it. Resolves with when each answer came. */
function runOnce(options: autocannon.Options, latencies?: number[]): Promise<{ result: autocannon.Result; answeredAt: number[] }> {
  const answeredAt: number[] = [];
  return new Promise((resolve, reject) => {
    const instance = autocannon(options, (error: unknown, result: autocannon.Result) => (error ? reject(error) : resolve({ result, answeredAt })));
    instance.on("response", (_client, _status, _bytes, milliseconds) => {
      answeredAt.push(performance.now());
      latencies?.push(milliseconds);
    });
  });
}

/**
 * Answers per second while every connection was busy: between the `connections`-th answer and the one as far from
 * the end, leaving out the start (connections opening) and the tail (the last requests, fewer and fewer at once).
 */
function steadyRate(answeredAt: number[]) {
  const first = connections - 1;
  const last = answeredAt.length - connections - 1;
  if (last - first < connections) return { answers: answeredAt.length, seconds: 0 };
  return { answers: last - first, seconds: (answeredAt[last] - answeredAt[first]) / 1000 };
}

/** A scenario's load: its options for autocannon, and a count of the responses it refused (≥ 400). */
function loadOf(url: string, scenario: Scenario) {
  const tally = { failed: 0 };
  const requests = scenario.requests.map((request) => {
    const own = request.onResponse as Respond | undefined;
    const onResponse: Respond = (status, body, context, headers) => {
      if (status >= 400) tally.failed += 1;
      own?.(status, body, context, headers);
    };
    return { ...request, onResponse };
  });
  return { tally, options: (seconds: number): autocannon.Options => ({ url, connections, duration: seconds, headers: scenario.cookie ? { cookie: scenario.cookie } : {}, requests }) };
}

/**
 * Drives a scenario and the floor in turns, `slices` short runs of each, so both see the machine as it is in the
 * same minute: its speed drifts by ±15 % over minutes, and a floor from earlier would put the drift into the share.
 * Each run sends a number of requests (about SLICE_SECONDS' worth at the rate last seen) and waits for every answer,
 * so no run leaves requests in the server for the next one to queue behind. Throughput is taken while all connections
 * were busy (`steadyRate`); p50 and p99 over every timed response.
 */
async function driveBeside(url: string, floorScenario: Scenario, scenario: Scenario): Promise<{ floor: Outcome; page: Outcome }> {
  const slices = Math.max(1, Math.round(duration / SLICE_SECONDS));
  const loads = [floorScenario, scenario].map((each) => ({ scenario: each, ...loadOf(url, each), latencies: [] as number[], requests: 0, answers: 0, seconds: 0, errors: 0, rate: 0 }));
  type Load = (typeof loads)[number];
  const send = async (load: Load, amount: number, timed: boolean) => {
    const { result, answeredAt } = await runOnce({ ...load.options(1), amount: Math.max(connections * 5, Math.round(amount)) }, timed ? load.latencies : undefined);
    load.errors += result.errors + result.timeouts;
    const steady = steadyRate(answeredAt);
    if (steady.seconds > 0) load.rate = steady.answers / steady.seconds;
    if (!timed) return;
    load.requests += result.requests.total;
    load.answers += steady.answers;
    load.seconds += steady.seconds;
  };
  // Untimed: a first few requests to learn the rate, then --warmup seconds' worth.
  for (const load of loads) {
    await send(load, connections * 5, false);
    if (warmup > 0) await send(load, load.rate * warmup, false);
  }
  for (let slice = 0; slice < slices; slice++) for (const load of loads) await send(load, (load.rate * duration) / slices, true);
  const [floor, page] = loads.map((load): Outcome => {
    const sorted = load.latencies.sort((a, b) => a - b);
    return {
      name: load.scenario.name,
      rps: load.answers / load.seconds,
      floor: 0,
      p50: sorted.length ? percentile(sorted, 0.5) : 0,
      p99: sorted.length ? percentile(sorted, 0.99) : 0,
      errors: load.errors + load.tally.failed,
      requests: load.requests,
    };
  });
  return { floor: { ...floor, floor: floor.rps }, page: { ...page, floor: floor.rps } };
}

async function benchEngine(engine: string, databaseUrl: string): Promise<Outcome[]> {
  const db = createDatabase(databaseUrl);
  const subjects = await pickSubjects(db);
  await db.destroy();
  console.log(
    `\n${engine}: ${subjects.assignee.assignments.length} open assignments of ${subjects.assignee.login} to report on; ` +
      `${subjects.instructions.length} instructions; connections ${connections}, ${duration} s per scenario after ${warmup} s of warm-up.`,
  );
  const server = await startBenchServer(databaseUrl, { cpu: workers > 1 ? undefined : 0, env: { BENCH_FLOOR: "1", WEB_CONCURRENCY: String(workers) } });
  if (workers > 1) console.log(`${workers} server processes, not pinned: they share the cores with the load generator.`);
  try {
    const controller = await signIn(server.url, "controller", args.password);
    const assignee = await signIn(server.url, subjects.assignee.login, args.password);
    let next = 0;
    const nextInstruction = () => subjects.instructions[next++ % subjects.instructions.length];
    // An assignment is lent to one request at a time, so no two reports race for the same version.
    const free = [...subjects.assignee.assignments];
    const lent = new Map<string, { id: string; version: number }>();
    let reportNumber = 0;
    const scenarios: Scenario[] = [
      { name: "floor (bare Remix, 50 rows from memory)", requests: [{ method: "GET", path: "/bench/floor" }] },
      { name: "dashboard", cookie: controller, requests: [{ method: "GET", path: "/" }] },
      { name: "register: district + overdue", cookie: controller, requests: [{ method: "GET", path: `/instructions?overdue=1&organization=${subjects.district}` }] },
      {
        name: "instruction page",
        cookie: controller,
        requests: [{ method: "GET", setupRequest: (request) => ({ ...request, path: `/instructions/${nextInstruction()}` }) }],
      },
      {
        name: "progress report (POST)",
        cookie: assignee,
        requests: [
          {
            method: "POST",
            setupRequest: (request) => {
              const assignment = free.shift();
              if (!assignment) throw new Error("more connections than open assignments to report on");
              lent.set(assignment.id, assignment);
              return {
                ...request,
                path: `/assignments/${assignment.id}`,
                headers: { ...request.headers, origin: server.url, "content-type": "application/x-www-form-urlencoded", cookie: assignee },
                body: new URLSearchParams({
                  action: "post_progress",
                  version: String(assignment.version),
                  idempotencyKey: `bench-${process.pid}-${++reportNumber}`,
                  body: `Бенчмарк есебі ${reportNumber}: жұмыс жүргізілуде.`,
                }).toString(),
              };
            },
            // autocannon builds a connection's next request (and resets its context) before the answer, so the redirect to the assignment's
            // page says which one was answered. A refused report is an error and its assignment stays out.
            onResponse: (status, _body, _context, headers) => {
              const received = (headers ?? {}) as Record<string, string | undefined>;
              const location = received.location ?? received.Location ?? "";
              const assignment = lent.get(location.replace("/assignments/", ""));
              if (status < 300 || status >= 400 || !assignment) return;
              lent.delete(assignment.id);
              assignment.version += 1;
              free.push(assignment);
            },
          },
        ],
      },
    ];
    const [floorScenario, ...pages] = scenarios;
    const floors: Outcome[] = [];
    const outcomes: Outcome[] = [];
    for (const scenario of pages) {
      const { floor, page } = await driveBeside(server.url, floorScenario, scenario);
      floors.push(floor);
      outcomes.push(page);
    }
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;
    const floorRow: Outcome = {
      name: `${floorScenario.name}, mean of ${floors.length}`,
      rps: mean(floors.map((f) => f.rps)),
      floor: mean(floors.map((f) => f.rps)),
      p50: mean(floors.map((f) => f.p50)),
      p99: mean(floors.map((f) => f.p99)),
      errors: floors.reduce((sum, f) => sum + f.errors, 0),
      requests: floors.reduce((sum, f) => sum + f.requests, 0),
    };
    return [floorRow, ...outcomes];
  } catch (error) {
    console.error(`Server output:\n${server.output()}`);
    throw error;
  } finally {
    await server.stop();
  }
}

function print(engine: string, outcomes: Outcome[]) {
  const width = Math.max(...outcomes.map((o) => o.name.length));
  console.log(`\n${engine}`);
  console.log(`${"scenario".padEnd(width)}     req/s   p50 ms   p99 ms   errors   requests   floor beside   × floor`);
  for (const o of outcomes) {
    console.log(
      `${o.name.padEnd(width)}  ${o.rps.toFixed(0).padStart(8)}  ${o.p50.toFixed(0).padStart(7)}  ${o.p99.toFixed(0).padStart(7)}  ${String(o.errors).padStart(7)}  ${String(o.requests).padStart(9)}  ${o.floor.toFixed(0).padStart(13)}  ${(o.rps / o.floor).toFixed(2).padStart(8)}`,
    );
  }
}

/** Each scenario's SQLite throughput over PostgreSQL's: the issue wants PostgreSQL within 1.5×. */
function printEngines(sqlite: Outcome[], postgres: Outcome[]) {
  const width = Math.max(...sqlite.map((o) => o.name.length));
  console.log(`\nSQLite ÷ PostgreSQL, req/s`);
  for (const [index, o] of sqlite.entries()) {
    if (index === 0) continue;
    console.log(`${o.name.padEnd(width)}  ${(o.rps / postgres[index].rps).toFixed(2).padStart(8)}`);
  }
}

async function main() {
  if (!Number.isInteger(connections) || connections < 1 || !(duration > 0) || !(warmup >= 0) || !Number.isInteger(workers) || workers < 1) {
    console.error("--connections and --workers must be positive integers, --duration a positive number of seconds and --warmup zero or more");
    process.exit(2);
  }
  const engines: [string, string][] = [];
  if (args.sqlite !== "") {
    const file = path.resolve(projectRoot, args.sqlite);
    if (!fs.existsSync(file)) {
      console.error(`No database at ${args.sqlite}. Create the large one first: DATABASE_URL=data/large.db npm run db:seed -- --large`);
      process.exit(1);
    }
    engines.push(["SQLite", file]);
  }
  if (args.postgres) engines.push(["PostgreSQL", args.postgres]);
  buildIfStale();
  try {
    // The load generator on the other core than the server.
    execFileSync("taskset", ["-cp", "1", String(process.pid)], { stdio: "ignore" });
  } catch {
    console.log("(taskset unavailable: server and load generator share the cores)");
  }
  const results: [string, Outcome[]][] = [];
  for (const [engine, url] of engines) results.push([engine, await benchEngine(engine, url)]);
  for (const [engine, outcomes] of results) print(engine, outcomes);
  if (results.length === 2) printEngines(results[0][1], results[1][1]);
  if (results.some(([, outcomes]) => outcomes.some((o) => o.errors > 0))) process.exitCode = 1;
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
