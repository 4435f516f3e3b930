import { Writable } from "node:stream";
import type { MessagePort } from "node:worker_threads";
import type { AppLoadContext, EntryContext } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { renderToPipeableStream } from "react-dom/server";
import { NonceProvider } from "./components/nonce";
import { dropZeroBytes } from "./utils/zero-bytes";
import { DEFAULT_LANGUAGE, isLanguage, type Language } from "./i18n";
import { CATALOGUES } from "./i18n/catalogues";
import { MessagesProvider } from "./i18n/use-i18n";
import { DEMO_PASSWORD, DEMO_SIGN_INS, seedDemoData } from "../db/seeds/demo";
import { getDb, migrateToLatest, refreshPlannerStatistics } from "./utils/db.server";
import { parseDatabaseUrl } from "./utils/database-url";
import { DASHBOARD_FIGURES } from "./models/dashboard.server";
import { REGISTER_FIGURES } from "./models/register.server";
import { serveFigures as serveFiguresOf, startFiguresThread, stopFiguresThread } from "./utils/figures-thread.server";

export const streamTimeout = 5_000;

// Pages are small and have no deferred data: render the whole document, then send it.
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  // server.js makes one nonce per request and names it in the Content-Security-Policy header.
  const nonce = loadContext.cspNonce;
  // The language the root loader chose; without it (an error before it ran), the default, as the page's
  // catalogue script then is (app/root.tsx).
  const rootData = remixContext.staticHandlerContext.loaderData.root as { language?: Language } | undefined;
  const language = rootData?.language && isLanguage(rootData.language) ? rootData.language : DEFAULT_LANGUAGE;
  const app = (
    <NonceProvider value={nonce}>
      <MessagesProvider value={CATALOGUES[language]}>
        <RemixServer context={remixContext} url={request.url} nonce={nonce} />
      </MessagesProvider>
    </NonceProvider>
  );
  return new Promise((resolve, reject) => {
    let failed = false;
    const { pipe, abort } = renderToPipeableStream(app, {
      nonce,
      onAllReady() {
        clearTimeout(timeout);
        // The whole document is ready: send it as one body rather than React's many small chunks, so it is
        // compressed in one pass (per-chunk gzip calls had been a sixth of a page's server time).
        pipe(
          collectDocument((document) => {
            responseHeaders.set("Content-Type", "text/html; charset=utf-8");
            // Signed-in pages carry official records: no shared or browser cache may keep them.
            responseHeaders.set("Cache-Control", "no-store");
            resolve(new Response(document, { headers: responseHeaders, status: failed ? 500 : responseStatusCode }));
          }),
        );
      },
      onShellError(error: unknown) {
        clearTimeout(timeout);
        reject(error);
      },
      onError(error: unknown) {
        failed = true;
        console.error(error);
      },
    });
    // Cleared once the page is rendered: a pending timer would hold the whole render in memory for its delay.
    const timeout = setTimeout(abort, streamTimeout + 1000);
  });
}

/**
 * Gathers the rendered document into one buffer.
 *
 * React 18.3.1's Node renderer (writeStringChunk), when a multi-byte character does not fit at the end of its
 * 2 KB buffer, sends the whole buffer, unused tail included: stray NUL bytes in the page. Kazakh and Russian
 * text hits this on ordinary pages, and a NUL inside a form field's value reaches the browser as U+FFFD and
 * would be saved back. UTF-8 never has a zero byte inside a character, so dropping every zero byte is exact.
 */
function collectDocument(done: (document: Uint8Array<ArrayBuffer>) => void): Writable {
  const chunks: Buffer[] = [];
  return new Writable({
    write(chunk: Buffer, _encoding, callback) {
      chunks.push(chunk);
      callback();
    },
    final(callback) {
      const whole = Buffer.concat(chunks);
      const length = whole.includes(0) ? dropZeroBytes(whole) : whole.length;
      done(new Uint8Array(whole.buffer as ArrayBuffer, whole.byteOffset, length));
      callback();
    },
  });
}

/**
 * Loader data fetched by client-side navigation (.data) is the same signed-in content: no shared cache may keep
 * it, and the browser must ask again every time. Not no-store: Chromium then aborts Remix's data streams
 * (decision 012).
 */
export function handleDataRequest(response: Response) {
  if (!response.headers.has("Cache-Control")) response.headers.set("Cache-Control", "private, no-cache");
  return response;
}

export function handleError(error: unknown, { request }: { request: Request }) {
  if (request.signal.aborted) return;
  console.error(error);
}

/**
 * Called by server.js before it listens: brings the schema up to date and, unless SEED_DEMO=false,
 * seeds the demo data into an empty database.
 */
export async function prepareDatabase() {
  const db = getDb();
  const applied = await migrateToLatest(db);
  const seedDemo = process.env.SEED_DEMO !== "false";
  const { seeded } = seedDemo ? await seedDemoData(db) : { seeded: false };
  await refreshPlannerStatistics(db);
  const users = await db.selectFrom("users").select("login").execute();
  const logins = new Set(users.map((user) => user.login));
  return {
    applied,
    seeded,
    userCount: users.length,
    database: parseDatabaseUrl(process.env.DATABASE_URL),
    demoSignIns: DEMO_SIGN_INS.filter((signIn) => logins.has(signIn.login)),
    demoPassword: DEMO_PASSWORD,
  };
}

export async function closeDatabase() {
  await stopFiguresThread();
  await getDb().destroy();
}

/**
 * Called by server.js once the database is prepared: on SQLite, the national figures are computed on a thread of
 * their own (app/utils/figures-thread.server.ts), started from `script` (figures-worker.js).
 */
export function startFigures(script: string) {
  if (parseDatabaseUrl(process.env.DATABASE_URL).engine === "sqlite") startFiguresThread(script, getDb());
}

/** The figures thread's side (figures-worker.js). */
export function serveFigures(port: MessagePort) {
  serveFiguresOf(port, { ...DASHBOARD_FIGURES, ...REGISTER_FIGURES });
}
