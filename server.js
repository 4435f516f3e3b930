// The HTTP server: Express in front of Remix, so the checks every request needs (Origin on writes,
// security headers, client address) happen before any loader or action runs.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import compression from "compression";
import express from "express";
import morgan from "morgan";
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

const entry = (await loadBuild()).entry.module;
const prepared = await entry.prepareDatabase();

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

app.all(
  "*",
  createRequestHandler({
    build: viteDevServer ? loadBuild : await loadBuild(),
    getLoadContext: (req, res) => ({ clientAddress: req.ip ?? req.socket.remoteAddress ?? "unknown", cspNonce: res.locals.cspNonce }),
  }),
);

const server = app.listen(port, host, () => {
  const shownHost = host === "0.0.0.0" || host === "127.0.0.1" || host === "::" ? "localhost" : host;
  const address = server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  // Where the server reaches itself (the PDF renderer loads the protocol page here as the same user):
  // loopback when listening on every interface, else the one address it listens on.
  if (typeof address === "object" && address) {
    const ip = address.address === "0.0.0.0" || address.address === "::" ? "127.0.0.1" : address.address;
    process.env.TAPSYRMA_INTERNAL_ORIGIN = `http://${ip.includes(":") ? `[${ip}]` : ip}:${actualPort}`;
  }
  const lines = [
    "",
    `Tapsyrma is running at http://${shownHost}:${actualPort}`,
    prepared.database.engine === "sqlite" ? `Database: ${path.relative(process.cwd(), prepared.database.file) || prepared.database.file} (SQLite)` : "Database: PostgreSQL",
  ];
  if (prepared.applied.length) lines.push(`Migrations applied: ${prepared.applied.join(", ")}`);
  if (prepared.seeded) lines.push("Demo data seeded from the reference meeting.");
  if (prepared.demoSignIns.length) {
    lines.push(`Demo sign-ins (password: ${prepared.demoPassword}):`);
    for (const signIn of prepared.demoSignIns) lines.push(`  ${signIn.login.padEnd(18)} ${signIn.description}`);
  } else if (prepared.userCount === 0) {
    lines.push("No users yet. Create the first administrator:", "  npm run users:create-admin -- --login <login> --name \"<full name>\"");
  }
  console.log(lines.join("\n") + "\n");
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
