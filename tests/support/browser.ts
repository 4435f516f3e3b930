import fs from "node:fs";
import path from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { kk } from "../../app/i18n/kk";
import { DEMO_PASSWORD } from "../../db/seeds/demo";

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, "../../test-results/screenshots");

/** Debian's Chromium, headless, with nothing reaching outside this machine. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not at ${CHROMIUM_PATH}: apt-get install -y chromium (or set CHROMIUM_PATH).`);
  }
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
      "--disable-sync",
    ],
  });
}

/** Statuses a form submission is answered with when the user must correct something: not a fault. */
const REFUSED_FORM_STATUSES = new Set([400, 401, 409, 422, 429]);

/**
 * Console errors and failed requests a page produced: a product page should have none. Chromium logs every
 * 4xx fetch as a console error; a form post refused with a field error (400, 401, 409, 422, 429) is the app
 * working, so that one line per such response is not counted. Any Content-Security-Policy violation counts,
 * so every browser test also proves the pages need nothing the policy forbids.
 */
export function watchForProblems(page: Page): string[] {
  const problems: string[] = [];
  watched.set(page, problems);
  const refusedStatuses: number[] = [];
  const resourceLine = (status: number) => new RegExp(`^console: Failed to load resource: the server responded with a status of ${status}\\b`);
  page.on("response", (response) => {
    const status = response.status();
    if (response.request().method() !== "POST" || !REFUSED_FORM_STATUSES.has(status)) return;
    const logged = problems.findIndex((problem) => resourceLine(status).test(problem));
    if (logged >= 0) problems.splice(logged, 1);
    else refusedStatuses.push(status);
  });
  page.on("console", (message) => {
    const line = `console: ${message.text()}`;
    // Chromium reports a blocked script or style on the console, at whatever level: every one is a fault.
    if (/Content.Security.Policy/i.test(line)) return void problems.push(line);
    if (message.type() !== "error") return;
    const refused = refusedStatuses.findIndex((status) => resourceLine(status).test(line));
    if (refused >= 0) refusedStatuses.splice(refused, 1);
    else problems.push(line);
  });
  page.on("pageerror", (error) => problems.push(`page error: ${error.message}`));
  page.on("requestfailed", (request) => {
    const reason = request.failure()?.errorText ?? "";
    // Remix's lazy route discovery fetches /__manifest for the links on screen, and every document asks for
    // the favicon; a navigation that starts meanwhile cancels them, which a reader never sees. Any other
    // failure, or one of these that errs, counts.
    if (reason === "net::ERR_ABORTED" && ["/__manifest", "/favicon.svg"].includes(new URL(request.url()).pathname)) return;
    problems.push(`request failed: ${request.url()}`);
  });
  return problems;
}

/** The problem list of each watched page, for violations the page itself reports (see newContext). */
const watched = new WeakMap<Page, string[]>();

export async function newContext(browser: Browser, language?: string): Promise<BrowserContext> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 860 },
    locale: language === "ru" ? "ru-RU" : language === "en" ? "en-GB" : "kk-KZ",
  });
  // The page's own securitypolicyviolation events, relayed to watchForProblems: they also catch what the
  // console does not show. Playwright injects both through DevTools, so the page's CSP does not block them.
  await context.exposeBinding("__tapsyrmaCspViolation", ({ page }, text: string) => {
    watched.get(page)?.push(`CSP violation: ${text}`);
  });
  await context.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) => {
      const report = (window as unknown as { __tapsyrmaCspViolation: (text: string) => void }).__tapsyrmaCspViolation;
      void report(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
    });
  });
  return context;
}

export async function screenshot(page: Page, name: string): Promise<string> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** Signs a demo user in through the sign-in form, in Kazakh (the language a new visitor gets), and waits to leave it. */
export async function signInAsDemoUser(page: Page, baseUrl: string, login: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByLabel(new RegExp(`^${kk["login.login"]}`)).fill(login);
  await page.getByLabel(new RegExp(`^${kk["login.password"]}`)).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: kk["login.submit"], exact: true }).click();
  await page.waitForURL((url) => url.pathname !== "/login");
}
