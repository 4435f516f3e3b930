// The HTTP server: Express in front of Remix, so the checks every request needs (Origin on writes,
// security headers, client address) happen before any loader or action runs.
import cluster from "node:cluster";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import express from "express";
import morgan from "morgan";
import onHeaders from "on-headers";
import pLimit from "p-limit";
import { createRequestHandler } from "@remix-run/express";
import { verifyRequestOrigin } from "lucia";

const root = path.dirname(fileURLToPath(import.meta.url));
const production = process.env.NODE_ENV === "production";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "127.0.0.1";

const viteDevServer = production
  ? undefined
  : await import("vite").then((vite) => vite.createServer({ server: { middlewareMode: true } }));
const loadBuild = () =>
  viteDevServer
    ? viteDevServer.ssrLoadModule("virtual:remix/server-build")
    : import(path.join(root, "build/server/index.js"));

// WEB_CONCURRENCY=N (production only): N worker processes share the port, one per core, so pages are served on
// every core. Nothing that must be shared lives in a process (sessions, throttles, idempotency keys and the
// figures' data version are in the database), and SQLite transactions take the write lock when they begin
// (app/utils/db.server.ts), so workers on one file wait their turn rather than fail.
const workerCount = production ? Number(process.env.WEB_CONCURRENCY ?? 1) : 1;
if (!Number.isInteger(workerCount) || workerCount < 1) {
  console.error(`WEB_CONCURRENCY must be a whole number of processes, at least 1 (got "${process.env.WEB_CONCURRENCY}").`);
  process.exit(2);
}
// PAGES_AT_ONCE: how many pages one process renders at a time (see pagesAtOnce).
const pageTurns = Number(process.env.PAGES_AT_ONCE ?? 4);
if (!Number.isInteger(pageTurns) || pageTurns < 1) {
  console.error(`PAGES_AT_ONCE must be a whole number, at least 1 (got "${process.env.PAGES_AT_ONCE}").`);
  process.exit(2);
}
const isWorker = cluster.isWorker;

const build = await loadBuild();
const entry = build.entry.module;
// The schema and the demo data are brought up to date once, before anyone is served: by the primary process when
// there are workers.
const prepared = isWorker ? null : await entry.prepareDatabase();
if (workerCount > 1 && cluster.isPrimary) {
  await entry.closeDatabase();
  superviseWorkers();
} else {
  serve();
}

function superviseWorkers() {
  let stopping = false;
  let announced = false;
  const listened = new Set();
  for (let index = 0; index < workerCount; index++) cluster.fork();
  cluster.on("listening", (worker, address) => {
    listened.add(worker.id);
    if (!announced) {
      announced = true;
      console.log(banner(address.port));
    }
  });
  cluster.on("exit", (worker, code, signal) => {
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
      return;
    }
    // A worker that never listened (a port in use, a broken build) would fail again: stop rather than loop.
    if (!listened.has(worker.id)) {
      console.error(`A worker process ended before it could serve (${signal ?? `exit code ${code}`}); stopping.`);
      process.exit(1);
    }
    console.error(`Worker process ${worker.process.pid} ended (${signal ?? `exit code ${code}`}); starting another.`);
    cluster.fork();
  });
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill("SIGTERM");
    setTimeout(() => process.exit(0), 6000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

/**
 * Pages are rendered a few at a time, the rest wait their turn in arrival order. Rendering is CPU work on one
 * thread: with twenty pages begun at once, each waits for slices of all the others, and the slowest take twice the
 * average. In turn, every page takes about the same time, and fewer half-rendered pages are held in memory.
 * A page's turn ends when its headers go out, so a slow download holds no turn. Writes are not queued (an upload
 * may take minutes on a slow line), nor the protocol PDF, whose renderer loads a page from this same server.
 */
function pagesAtOnce(limit) {
  const turn = pLimit(limit);
  return (req, res, next) => {
    if ((req.method !== "GET" && req.method !== "HEAD") || req.path.endsWith("/protocol.pdf")) return next();
    turn(
      () =>
        new Promise((done) => {
          // The reader gave up while waiting: nothing to render for.
          if (res.destroyed) return done();
          onHeaders(res, done);
          res.on("close", done);
          next();
        }),
    );
  };
}

/** What the terminal shows once the server answers: where, on which database, and how to sign in. */
function banner(actualPort) {
  const shownHost = host === "0.0.0.0" || host === "127.0.0.1" || host === "::" ? "localhost" : host;
  const lines = [
    "",
    `Tapsyrma is running at http://${shownHost}:${actualPort}`,
    prepared.database.engine === "sqlite" ? `Database: ${path.relative(process.cwd(), prepared.database.file) || prepared.database.file} (SQLite)` : "Database: PostgreSQL",
  ];
  if (workerCount > 1) lines.push(`Worker processes: ${workerCount}`);
  if (prepared.applied.length) lines.push(`Migrations applied: ${prepared.applied.join(", ")}`);
  if (prepared.seeded) lines.push("Demo data seeded from the reference meeting.");
  if (prepared.demoSignIns.length) {
    lines.push(`Demo sign-ins (password: ${prepared.demoPassword}):`);
    for (const signIn of prepared.demoSignIns) lines.push(`  ${signIn.login.padEnd(18)} ${signIn.description}`);
  } else if (prepared.userCount === 0) {
    lines.push("No users yet. Create the first administrator:", "  npm run users:create-admin -- --login <login> --name \"<full name>\"");
  }
  return lines.join("\n") + "\n";
}

function serve() {
  const app = express();
  app.disable("x-powered-by");
  // Behind a reverse proxy, TRUST_PROXY (e.g. "1" or "loopback") makes the client address and scheme its view.
  if (process.env.TRUST_PROXY) app.set("trust proxy", /^\d+$/.test(process.env.TRUST_PROXY) ? Number(process.env.TRUST_PROXY) : process.env.TRUST_PROXY);

  // Scripts run only with this request's nonce (Remix's own inline scripts get it through entry.server.tsx), so an
  // injected <script> or on*= handler does nothing. No inline styles either: the pages use classes only (decision 012).
  // The Vite dev server injects styles and talks over a WebSocket, so development relaxes exactly those two.
  const contentSecurityPolicy = (nonce) =>
    [
      "default-src 'self'",
      `script-src 'self' 'nonce-${nonce}'`,
      production ? "style-src 'self'" : "style-src 'self' 'unsafe-inline'",
      "img-src 'self' data:",
      "font-src 'self'",
      production ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
      "object-src 'none'",
      "base-uri 'none'",
      "frame-ancestors 'none'",
      "form-action 'self'",
    ].join("; ");

  app.use((req, res, next) => {
    res.locals.cspNonce = crypto.randomBytes(16).toString("base64");
    res.set("Content-Security-Policy", contentSecurityPolicy(res.locals.cspNonce));
    res.set("X-Content-Type-Options", "nosniff");
    res.set("Referrer-Policy", "same-origin");
    res.set("X-Frame-Options", "DENY");
    if (req.secure) res.set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
    next();
  });

  // Every state-changing request must come from our own pages: a missing or foreign Origin is refused
  // before any action runs, so nothing changes.
  const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
  app.use((req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get("Origin");
    const ownHost = (req.app.get("trust proxy") && req.get("X-Forwarded-Host")) || req.get("Host");
    if (origin && ownHost && verifyRequestOrigin(origin, [ownHost])) return next();
    res
      .status(403)
      .type("text/plain; charset=utf-8")
      .send(
        "Сұрау қабылданбады: ол осы сайттың бетінен жіберілмеген.\n" +
          "Запрос отклонён: он отправлен не со страницы этого сайта.\n" +
          "Request refused: it did not come from this site's pages.\n",
      );
  });

  // zlib's fastest level: pages shrink almost as much (the register floor: 115 KB → 37 KB rather than 33 KB) for a third of the CPU,
  // and one core serves every request.
  app.use(compression({ level: 1 }));
  if (viteDevServer) {
    app.use(viteDevServer.middlewares);
  } else {
    app.use("/assets", express.static(path.join(root, "build/client/assets"), { immutable: true, maxAge: "1y" }));
    // The other public files (favicon.svg) are few and fixed by the build: only their names reach the disk, so a page
    // request does not cost a failed stat first.
    const clientRoot = path.join(root, "build/client");
    const publicNames = new Set(fs.readdirSync(clientRoot).filter((name) => name !== "assets"));
    const publicFiles = express.static(clientRoot, { maxAge: "1h" });
    app.use((req, res, next) => (publicNames.has(req.path.split("/")[1]) ? publicFiles(req, res, next) : next()));
  }
  // Calendar feed URLs carry their secret: never write it to the log.
  morgan.token("url", (req) => (req.originalUrl ?? req.url).replace(/^\/calendar\/[^/?]+/, "/calendar/[secret]"));
  if (process.env.LOG_REQUESTS !== "false") app.use(morgan("tiny"));
  app.use(pagesAtOnce(pageTurns));
  app.all(
    "*",
    createRequestHandler({
      build: viteDevServer ? loadBuild : build,
      getLoadContext: (req, res) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce }),
    }),
  );

  // On SQLite the national figures are computed on a thread of their own (decision 021).
  if (!viteDevServer) entry.startFigures(path.join(root, "figures-worker.js"));

  const server = app.listen(port, host, () => {
    const address = server.address();
    // Where the server reaches itself (the PDF renderer loads the protocol page here as the same user):
    // loopback when listening on every interface, else the one address it listens on.
    if (typeof address === "object" && address) {
      const ip = address.address === "0.0.0.0" || address.address === "::" ? "127.0.0.1" : address.address;
      process.env.TAPSYRMA_INTERNAL_ORIGIN = `http://${ip.includes(":") ? `[${ip}]` : ip}:${address.port}`;
    }
    if (!isWorker) console.log(banner(typeof address === "object" && address ? address.port : port));
  });

  function shutdown() {
    server.close(() => {
      entry.closeDatabase().finally(() => process.exit(0));
    });
    // Keep-alive connections must not hold the process forever.
    setTimeout(() => process.exit(0), 5000).unref();
  }
  process.on("SIGTERM", shutdown);
  process.on("SIGINT", shutdown);
}
