import { decodeBase32IgnorePadding } from "@oslojs/encoding";
import { generateHOTP } from "@oslojs/otp";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { en } from "../../app/i18n/en";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { DEMO_PASSWORD } from "../../db/seeds/demo";
import { launchBrowser, newContext, screenshot, watchForProblems } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/*
 * The controller's two-factor journey in real Chromium, with enforcement on: signing in with the password
 * leads straight to enrolment; the test reads the key from the page like a person typing it into an app,
 * confirms with a code, signs out, and signs back in with password and code. In each interface language,
 * with screenshots of the enrolment and code screens.
 */

const LANGUAGES = ["kk", "ru", "en"] as const;
type Language = (typeof LANGUAGES)[number];
type MessageKey = keyof typeof en;
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { kk, ru, en };

let server: TestServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer({ TWO_FACTOR_REQUIRED: "true" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function totp(secret: string, offset = 0): string {
  return generateHOTP(decodeBase32IgnorePadding(secret), BigInt(Math.floor(Date.now() / 30_000) + offset), 6);
}

/** A control by its label's text; required fields add an aria-hidden " *" that getByLabel still sees. */
function field(page: Page, label: string) {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return page.getByLabel(new RegExp(`^${escaped}(\\s*\\*)?$`));
}

async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const button = document.querySelector('form[action="/language"] button');
    return Boolean(button) && Object.keys(button!).some((key) => key.startsWith("__reactProps"));
  });
}

async function settledScreenshot(page: Page, name: string) {
  await page.waitForFunction(() => document.getAnimations().every((animation) => animation.playState !== "running"));
  await screenshot(page, name);
}

const RAW_KEY = new RegExp(`\\b(${[...new Set(Object.keys(en).map((key) => key.split(".")[0]))].join("|")})\\.[a-z][A-Za-z]+(\\.[a-z][A-Za-z]+)?\\b`);

async function expectNoRawKeys(page: Page) {
  expect((await page.locator("body").innerText()) + " " + (await page.title())).not.toMatch(RAW_KEY);
}

async function passwordStep(page: Page, t: (key: MessageKey) => string) {
  await field(page, t("login.login")).fill("controller");
  await field(page, t("login.password")).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: t("login.submit"), exact: true }).click();
}

describe("two-factor sign-in in the browser", () => {
  for (const language of LANGUAGES) {
    it(`the controller enrols, signs out, and signs in with password and code in ${language}`, async () => {
      const t = (key: MessageKey, params: Record<string, string> = {}) => CATALOGUES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
      // Each language starts from a controller who never enrolled, speaking that language.
      const controller = await server.db.selectFrom("users").select(["id", "display_name"]).where("login", "=", "controller").executeTakeFirstOrThrow();
      await server.db.deleteFrom("two_factor_recovery_codes").where("user_id", "=", controller.id).execute();
      await server.db.deleteFrom("two_factor_credentials").where("user_id", "=", controller.id).execute();
      await server.db.updateTable("users").set({ language }).where("id", "=", controller.id).execute();

      const context = await newContext(browser, language);
      try {
        const page = await context.newPage();
        const problems = watchForProblems(page);
        await page.goto(`${server.url}/login`);
        await hydrated(page);
        await passwordStep(page, t);

        // The password alone leads to enrolment, and nothing else is offered.
        await page.waitForURL(`${server.url}/account/two-factor`);
        await page.getByRole("heading", { level: 1, name: t("twoFactor.title"), exact: true }).waitFor();
        expect(await page.getByText(t("twoFactor.required"), { exact: true }).isVisible()).toBe(true);
        const navigation = page.getByRole("navigation", { name: t("nav.main") }).getByRole("link");
        expect(await navigation.allTextContents()).toEqual([t("twoFactor.nav")]);
        const qr = page.getByRole("img", { name: t("twoFactor.enrol.qrAlt"), exact: true });
        expect(await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
        const secret = ((await page.getByTestId("two-factor-secret").textContent()) ?? "").replace(/\s/g, "");
        expect(secret).toMatch(/^[A-Z2-7]{32}$/);
        await expectNoRawKeys(page);
        await settledScreenshot(page, `two-factor-enrol-${language}`);

        // The dashboard is out of reach until enrolment is done.
        await page.goto(`${server.url}/`);
        expect(new URL(page.url()).pathname).toBe("/account/two-factor");
        await hydrated(page);

        await field(page, t("twoFactor.code")).fill(totp(secret));
        await page.getByRole("button", { name: t("twoFactor.enrol.submit"), exact: true }).click();
        const codes = page.getByTestId("recovery-codes").locator("li");
        await codes.first().waitFor();
        expect(await codes.count()).toBe(10);
        expect(await page.getByText(t("twoFactor.codes.enabled"), { exact: true }).isVisible()).toBe(true);
        await expectNoRawKeys(page);
        await settledScreenshot(page, `two-factor-recovery-codes-${language}`);

        await page.getByRole("link", { name: t("twoFactor.codes.continue"), exact: true }).click();
        await page.waitForURL(`${server.url}/`);
        await page.getByRole("heading", { level: 1, name: t("dashboard.greeting", { name: controller.display_name }), exact: true }).waitFor();
        await hydrated(page);
        await page.getByRole("button", { name: t("nav.signOut"), exact: true }).click();
        await page.waitForURL((url) => url.pathname === "/login");
        await hydrated(page);

        // Password, then the code step.
        await passwordStep(page, t);
        await page.waitForURL(`${server.url}/login/two-factor`);
        await page.getByRole("heading", { level: 1, name: t("twoFactor.signIn.title"), exact: true }).waitFor();
        await hydrated(page);
        await expectNoRawKeys(page);
        await settledScreenshot(page, `two-factor-code-${language}`);

        const valid = [-1, 0, 1].map((offset) => totp(secret, offset));
        const wrong = ["000000", "111111", "222222", "333333"].find((code) => !valid.includes(code))!;
        await field(page, t("twoFactor.code")).fill(wrong);
        await page.getByRole("button", { name: t("twoFactor.signIn.submit"), exact: true }).click();
        await page.getByText(t("twoFactor.error.invalid"), { exact: true }).waitFor();
        expect(new URL(page.url()).pathname).toBe("/login/two-factor");
        await settledScreenshot(page, `two-factor-code-wrong-${language}`);

        await field(page, t("twoFactor.code")).fill(totp(secret, 1));
        await page.getByRole("button", { name: t("twoFactor.signIn.submit"), exact: true }).click();
        await page.waitForURL(`${server.url}/`);
        await page.getByRole("heading", { level: 1, name: t("dashboard.greeting", { name: controller.display_name }), exact: true }).waitFor();
        expect(await page.getByRole("navigation", { name: t("nav.main") }).getByRole("link").count()).toBeGreaterThan(2);
        await expectNoRawKeys(page);

        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
