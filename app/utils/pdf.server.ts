import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

/*
 * Server-side print-to-PDF: Debian's Chromium (never a downloaded browser) loads one of our own pages over
 * loopback as the requesting user and prints it. One short-lived browser per document, so nothing (cookies,
 * cache, a crashed renderer) carries from one user's PDF to the next.
 */

/** Renders at once beyond this wait their turn: each Chromium costs a few hundred MB of memory. */
const MAX_CONCURRENT_RENDERS = 2;
const LAUNCH_TIMEOUT_MS = 30_000;
const PAGE_TIMEOUT_MS = 30_000;

const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];

/** Chromium is not installed or will not start: the caller answers 503, not 500. */
export class PdfUnavailableError extends Error {
  override name = "PdfUnavailableError";
}

export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/**
 * Where the server reaches itself. server.js records the address it actually listens on; the fallback is
 * loopback. Never the request's Host header: that would send the user's session to whatever host it names.
 */
export function internalOrigin(): string {
  return process.env.TAPSYRMA_INTERNAL_ORIGIN || `http://127.0.0.1:${process.env.PORT || 3000}`;
}

let running = 0;
const waiting: (() => void)[] = [];

async function acquireSlot() {
  while (running >= MAX_CONCURRENT_RENDERS) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
}

function releaseSlot() {
  running--;
  waiting.shift()?.();
}

// Chromium's header/footer templates: plain HTML with its own small font; the classes are filled in by Chromium.
const EMPTY_HEADER = "<span></span>";
const PAGE_NUMBER_FOOTER =
  '<div style="width:100%;font-family:\'DejaVu Sans\',\'Liberation Sans\',Arial,sans-serif;font-size:8pt;color:#000;text-align:center">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

export interface PdfRequest {
  /** Path (and query) of the page to print, on our own origin. */
  path: string;
  /** Cookies the loopback request carries (session, language). */
  cookies: { name: string; value: string }[];
  /** Sent as Accept-Language too, so the page is in this language whatever else happens. */
  language: string;
}

/** Prints one of our pages to an A4 PDF with "N / M" page numbers; throws PdfUnavailableError without Chromium. */
export async function renderPdf({ path, cookies, language }: PdfRequest): Promise<Uint8Array<ArrayBuffer>> {
  const executablePath = chromiumPath();
  if (!fs.existsSync(executablePath)) throw new PdfUnavailableError(`Chromium is not at ${executablePath} (set CHROMIUM_PATH)`);
  const origin = new URL(internalOrigin()).origin;
  const target = new URL(path, origin);

  await acquireSlot();
  let browser: Browser | undefined;
  try {
    try {
      browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS, timeout: LAUNCH_TIMEOUT_MS });
    } catch (error) {
      throw new PdfUnavailableError(`Chromium at ${executablePath} did not start: ${error instanceof Error ? error.message : error}`);
    }
    // No JavaScript: the page is complete as the server renders it, and printing needs no hydration.
    const context = await browser.newContext({ javaScriptEnabled: false, extraHTTPHeaders: { "Accept-Language": language } });
    await context.addCookies(cookies.map(({ name, value }) => ({ name, value, url: origin, httpOnly: true, sameSite: "Lax" as const })));
    // Only our own origin: the page, and the user's session with it, reach nowhere else.
    await context.route((url) => url.origin !== origin, (route) => route.abort());
    const page = await context.newPage();
    // An unstyled printout is a broken one (e.g. a stylesheet from a build that has since been replaced).
    const missingStyles: string[] = [];
    page.on("requestfailed", (request) => {
      if (request.resourceType() === "stylesheet") missingStyles.push(request.url());
    });
    page.on("response", (response) => {
      if (response.request().resourceType() === "stylesheet" && !response.ok()) missingStyles.push(`${response.url()} (${response.status()})`);
    });
    const response = await page.goto(target.href, { waitUntil: "load", timeout: PAGE_TIMEOUT_MS });
    // A redirect to the sign-in page or an error page must not come back as someone's "protocol".
    if (!response || response.status() !== 200 || new URL(page.url()).pathname !== target.pathname) {
      throw new Error(`PDF source ${target.pathname} answered ${response?.status() ?? "nothing"} at ${page.url()}`);
    }
    if (missingStyles.length) throw new Error(`PDF source ${target.pathname}: stylesheets did not load: ${missingStyles.join(", ")}`);
    const pdf = await page.pdf({
      format: "A4",
      printBackground: true,
      preferCSSPageSize: true,
      displayHeaderFooter: true,
      headerTemplate: EMPTY_HEADER,
      footerTemplate: PAGE_NUMBER_FOOTER,
    });
    return new Uint8Array(pdf);
  } finally {
    await browser?.close().catch(() => {});
    releaseSlot();
  }
}
