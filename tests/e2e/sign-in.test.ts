import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD, DEMO_SIGN_INS, type DemoSignIn } from "../../db/seeds/demo";
import { en } from "../../app/i18n/en";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { launchBrowser, newContext, screenshot, watchForProblems } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/*
 * Signing in, in real headless Chromium against the production server: every demo user in every interface
 * language, from the sign-in page to their dashboard and out again.
 */

const LANGUAGES = ["kk", "ru", "en"] as const;
type Language = (typeof LANGUAGES)[number];
type MessageKey = keyof typeof en;
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { kk, ru, en };

/** The expected text, straight from the catalogue (the test's own interpolation, not the app's). */
function translate(language: Language, key: MessageKey, params: Record<string, string> = {}): string {
  const template = CATALOGUES[language][key];
  if (template === undefined) throw new Error(`no message ${key} in ${language}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}

/** A message key showing through instead of its text, e.g. "dashboard.greeting". */
const RAW_KEY = new RegExp(
  `\\b(${[...new Set(Object.keys(en).map((key) => key.split(".")[0]))].join("|")})\\.[a-z][A-Za-z]+(\\.[a-z][A-Za-z]+)?\\b`,
);

/** Some other language than `language`, to start the page in, so the switch visibly changes it. */
function otherLanguage(language: Language): Language {
  return LANGUAGES[(LANGUAGES.indexOf(language) + 1) % LANGUAGES.length];
}

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);

/** Resolves once React has hydrated the page (its props are attached to the language buttons). */
async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const button = document.querySelector('form[action="/language"] button');
    return Boolean(button) && Object.keys(button!).some((key) => key.startsWith("__reactProps"));
  });
}

/** A screenshot once CSS transitions have finished (the language buttons fade between styles after a switch). */
async function settledScreenshot(page: Page, name: string) {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  await screenshot(page, name);
}

async function text(page: Page, selector: Parameters<Page["locator"]>[0]) {
  return (await page.locator(selector).textContent())?.trim();
}

/** Opens /login in a fresh context whose browser prefers another language, then switches with the header buttons. */
async function openLoginIn(language: Language) {
  const start = otherLanguage(language);
  const context = await newContext(browser, start);
  try {
    return await switchOnLoginPage(context, start, language);
  } catch (error) {
    await context.close();
    throw error;
  }
}

async function switchOnLoginPage(context: BrowserContext, start: Language, language: Language) {
  const page = await context.newPage();
  const problems = watchForProblems(page);
  await page.goto(`${server.url}/login`);
  await hydrated(page);
  expect(await htmlLang(page)).toBe(start);

  const switcher = page.locator('form[action="/language"]');
  for (const code of LANGUAGES) {
    expect(await switcher.locator(`button[lang="${code}"]`).getAttribute("aria-pressed")).toBe(String(code === start));
  }
  await switcher.locator(`button[lang="${language}"]`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await switcher.locator(`button[lang="${language}"][aria-pressed="true"]`).waitFor();
  expect(new URL(page.url()).pathname).toBe("/login");

  const t = (key: MessageKey, params?: Record<string, string>) => translate(language, key, params);
  await page.getByRole("heading", { level: 1, name: t("login.title"), exact: true }).waitFor();
  expect(await field(page, t("login.login")).isVisible()).toBe(true);
  expect(await field(page, t("login.password")).isVisible()).toBe(true);
  expect(await page.getByRole("button", { name: t("login.submit"), exact: true }).isVisible()).toBe(true);
  await expect.poll(() => page.title()).toBe(`${t("login.title")} · ${t("app.name")}`);
  for (const code of LANGUAGES) {
    expect(await switcher.locator(`button[lang="${code}"]`).getAttribute("aria-pressed")).toBe(String(code === language));
  }
  return { context, page, problems, t };
}

/**
 * A form control by its label's text. Required fields add an aria-hidden " *" to the label, which is not part
 * of the accessible name but is part of the text Playwright's getByLabel matches, so the marker is allowed.
 */
function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`));
}

async function signIn(page: Page, t: (key: MessageKey) => string, login: string, password: string) {
  await field(page, t("login.login")).fill(login);
  await field(page, t("login.password")).fill(password);
  await page.getByRole("button", { name: t("login.submit"), exact: true }).click();
}

async function expectNoRawKeys(page: Page) {
  const body = (await page.locator("body").innerText()) + " " + (await page.title());
  expect(body).not.toMatch(RAW_KEY);
}

/** First-column codes ("14/2") of a table named by its caption. */
async function tableFirstColumn(page: Page, caption: string): Promise<string[]> {
  const table = page.getByRole("table", { name: caption, exact: true });
  await table.waitFor();
  return (await table.locator("tbody tr td:first-child").allTextContents()).map((cell) => cell.trim());
}

async function expectDashboardContent(page: Page, signIn: DemoSignIn, t: (key: MessageKey) => string) {
  const main = page.locator("main");
  switch (signIn.role) {
    case "controller": {
      const statLabels = (await main.locator("dl dt").allTextContents()).map((label) => label.trim());
      expect(statLabels).toContain(t("dashboard.stat.overdue"));
      expect(statLabels).toContain(t("dashboard.stat.awaitingReview"));
      await main.getByRole("heading", { level: 2, name: t("dashboard.awaitingReview.title"), exact: true }).waitFor();
      await main.getByRole("heading", { level: 2, name: t("dashboard.overdue.title"), exact: true }).waitFor();
      break;
    }
    case "assignee": {
      await main.getByRole("heading", { level: 2, name: t("dashboard.assignee.title"), exact: true }).waitFor();
      const codes = await tableFirstColumn(page, t("dashboard.assignee.title"));
      expect(codes.length).toBeGreaterThan(0);
      for (const code of codes) expect(code).toMatch(/^14\/\d+$/);
      if (signIn.login === "ministry") {
        expect(codes).toContain("14/1");
        expect(codes).not.toContain("14/2");
      } else {
        expect(codes).toContain("14/2");
        expect(codes).not.toContain("14/1");
      }
      break;
    }
    case "secretariat": {
      const meeting = await server.db
        .selectFrom("meetings")
        .select("title")
        .where("protocol_number", "=", "14")
        .executeTakeFirstOrThrow();
      // (An inner `has` locator is matched inside the outer one, so it must not start from <main> again.)
      const recentHeading = page.getByRole("heading", { level: 2, name: t("dashboard.secretariat.recent"), exact: true });
      await recentHeading.waitFor();
      const recent = main.locator("section", { has: recentHeading });
      expect(await recent.count()).toBe(1);
      const link = recent.getByRole("link", { name: meeting.title, exact: true });
      expect(await link.count()).toBe(1);
      expect(await link.getAttribute("href")).toMatch(/^\/meetings\/[0-9a-f-]{36}$/);
      break;
    }
    case "admin": {
      await main.getByRole("heading", { level: 2, name: t("dashboard.admin.users"), exact: true }).waitFor();
      const logins = await tableFirstColumn(page, t("dashboard.admin.users"));
      for (const demo of DEMO_SIGN_INS) expect(logins).toContain(demo.login);
      break;
    }
  }
}

describe("sign-in in the browser", () => {
  for (const demo of DEMO_SIGN_INS) {
    for (const language of LANGUAGES) {
      it(`${demo.login} signs in and out in ${language}`, async () => {
        // The profile starts out in another language, so remembering the choice is visible in the database.
        const start = otherLanguage(language);
        await server.db.updateTable("users").set({ language: start }).where("login", "=", demo.login).execute();
        const user = await server.db
          .selectFrom("users")
          .leftJoin("organizations", "organizations.id", "users.organization_id")
          .select(["users.display_name", "users.role", "organizations.name_kk", "organizations.name_ru", "organizations.name_en"])
          .where("users.login", "=", demo.login)
          .executeTakeFirstOrThrow();
        expect(user.role).toBe(demo.role);

        const { context, page, problems, t } = await openLoginIn(language);
        try {
          await signIn(page, t, demo.login, DEMO_PASSWORD);
          await page.waitForURL(`${server.url}/`);
          await page
            .getByRole("heading", { level: 1, name: t("dashboard.greeting", { name: user.display_name }), exact: true })
            .waitFor();
          expect(await htmlLang(page)).toBe(language);

          // The header: name, role (and organization, in this language), the language switch.
          expect(await text(page, '[data-testid="user-name"]')).toBe(user.display_name);
          const organization = { kk: user.name_kk, ru: user.name_ru, en: user.name_en }[language];
          const roleLine = await page.getByTestId("user-name").locator("xpath=following-sibling::div[1]").textContent();
          expect(roleLine?.trim()).toBe(organization ? `${t(`role.${demo.role}`)} · ${organization}` : t(`role.${demo.role}`));
          expect(await page.locator(`form[action="/language"] button[lang="${language}"]`).getAttribute("aria-pressed")).toBe("true");

          await expectDashboardContent(page, demo, t);
          await expectNoRawKeys(page);
          await settledScreenshot(page, `dashboard-${demo.login}-${language}`);

          // The choice made on the sign-in page is now the profile's language.
          const stored = await server.db.selectFrom("users").select("language").where("login", "=", demo.login).executeTakeFirstOrThrow();
          expect(stored.language).toBe(language);

          await hydrated(page);
          await page.getByRole("button", { name: t("nav.signOut"), exact: true }).click();
          await page.waitForURL((url) => url.pathname === "/login" && url.searchParams.get("signedOut") === "1");
          await page.getByRole("status").first().waitFor();
          const statuses = (await page.getByRole("status").allTextContents()).map((status) => status.trim());
          expect(statuses).toContain(t("login.notice.signedOut"));
          expect(await htmlLang(page)).toBe(language);
          expect(await page.getByTestId("user-name").count()).toBe(0);

          // Signed out for real: the dashboard sends the browser back to sign in.
          await page.goto(`${server.url}/`);
          expect(new URL(page.url()).pathname).toBe("/login");
          await page.getByRole("button", { name: t("login.submit"), exact: true }).waitFor();
          expect(await htmlLang(page)).toBe(language);
          await hydrated(page);

          expect(problems).toEqual([]);
        } finally {
          await context.close();
        }
      });
    }
  }

  for (const language of LANGUAGES) {
    it(`a wrong password is refused in ${language}, keeping the login`, async () => {
      const { context, page, problems, t } = await openLoginIn(language);
      try {
        await expectNoRawKeys(page);
        await settledScreenshot(page, `login-${language}`);

        const refusals: string[] = [];
        page.on("response", (response) => {
          const request = response.request();
          if (request.method() === "POST" && response.status() === 401) refusals.push(new URL(response.url()).pathname);
        });
        await signIn(page, t, "controller", `${DEMO_PASSWORD}-wrong`);
        const alert = page.getByRole("alert");
        await alert.waitFor();
        expect((await alert.textContent())?.trim()).toBe(t("login.error.invalid"));
        // Beside the form, in the same card.
        const card = page.locator("main div", { has: page.locator("form[method=post]") }).last();
        expect(await card.getByRole("alert").count()).toBe(1);
        expect(new URL(page.url()).pathname).toBe("/login");
        expect(await field(page, t("login.login")).inputValue()).toBe("controller");
        expect(await page.getByTestId("user-name").count()).toBe(0);
        expect(await htmlLang(page)).toBe(language);
        await settledScreenshot(page, `login-${language}-wrong-password`);

        // The sign-in action answered 401 (watchForProblems does not count that refusal as a fault).
        // A document post: the page after sign-in comes with its own language catalogue.
        expect(refusals).toEqual(["/login"]);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
