import fs from "node:fs";
import path from "node:path";
import type { Browser, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seeds/demo";
import { en } from "../../app/i18n/en";
import { formatDate } from "../../app/i18n/format";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { launchBrowser, newContext, screenshot, watchForProblems } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/*
 * The import journey in headless Chromium against the production server: the secretariat pastes the reference
 * news item, reviews the draft (in kk, ru and en, screenshots of both pages), corrects the title and a deadline,
 * confirms, and the minutes page shows the chair, the six speakers and the instructions with the correction.
 */

const LANGUAGES = ["kk", "ru", "en"] as const;
type Language = (typeof LANGUAGES)[number];
type MessageKey = keyof typeof en;
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { kk, ru, en };
const translate = (language: Language, key: MessageKey, params: Record<string, string> = {}) =>
  CATALOGUES[language][key].replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);

const REFERENCE = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/minutes/reference-broadband.kk.txt"), "utf8");
const MEETING_DATE = "2020-04-14";
const SURNAMES = ["Жұмағалиев", "Есекеев", "Надыров", "Настрадин", "Маржықпаев", "Ақсақалов"];
const CORRECTED_TITLE = "Ауылдық елді мекендерді кеңжолақты интернетпен қамтамасыз ету жөніндегі селекторлық кеңес";
const CORRECTED_DEADLINE = "2020-12-25";

/** A message key showing through instead of its text. */
const RAW_KEY = new RegExp(`\\b(${[...new Set(Object.keys(en).map((key) => key.split(".")[0]))].join("|")})\\.[a-z][A-Za-z]+(\\.[a-z][A-Za-z_]+)?\\b`);

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

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A control by its label; required fields add an aria-hidden " *" to the label text. */
const field = (scope: Page | Locator, label: string) => scope.getByLabel(new RegExp(`^${escapeRegExp(label)}(\\s*\\*)?$`));

async function hydrated(page: Page) {
  await page.waitForFunction(() => {
    const button = document.querySelector('form[action="/language"] button');
    return Boolean(button) && Object.keys(button!).some((key) => key.startsWith("__reactProps"));
  });
}

async function signedIn(language: Language, viewport?: { width: number; height: number }) {
  await server.db.updateTable("users").set({ language }).where("login", "=", "secretariat").execute();
  const context = await newContext(browser, language);
  if (viewport) await context.pages()[0]?.setViewportSize(viewport);
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = watchForProblems(page);
  await page.goto(`${server.url}/login`);
  await hydrated(page);
  await field(page, translate(language, "login.login")).fill("secretariat");
  await field(page, translate(language, "login.password")).fill(DEMO_PASSWORD);
  await page.getByRole("button", { name: translate(language, "login.submit"), exact: true }).click();
  await page.waitForURL(`${server.url}/`);
  await hydrated(page);
  await page.waitForLoadState("networkidle");
  return { context, page, problems };
}

/** From the meetings list to the review page of the pasted reference text. */
async function pasteReference(page: Page, language: Language, screenshotName?: string) {
  const t = (key: MessageKey, params?: Record<string, string>) => translate(language, key, params);
  await page.goto(`${server.url}/meetings`);
  await hydrated(page);
  // Lazy route discovery fetches the manifest for the page's links once hydrated; a click mid-fetch would abort it.
  await page.waitForLoadState("networkidle");
  await page.getByRole("link", { name: t("import.action"), exact: true }).click();
  await page.waitForURL(`${server.url}/meetings/import`);
  await page.getByRole("heading", { level: 1, name: t("import.title") }).waitFor();
  await field(page, t("import.field.text")).fill(REFERENCE);
  await field(page, t("import.field.meetingDate")).fill(MEETING_DATE);
  if (screenshotName) await screenshot(page, `${screenshotName}-paste-${language}`);
  await page.getByRole("button", { name: t("import.submit"), exact: true }).click();
  await page.waitForURL(/\/meetings\/import\/[\w-]+$/);
  await page.getByRole("heading", { level: 1, name: t("import.review.title") }).waitFor();
  await hydrated(page);
  await page.waitForLoadState("networkidle");
}

describe("import in Chromium", () => {
  for (const language of LANGUAGES) {
    it(`shows the paste and review pages fully translated in ${language}`, async () => {
      const { context, page, problems } = await signedIn(language);
      try {
        await pasteReference(page, language, "import");
        const body = await page.locator("body").innerText();
        expect(body).not.toMatch(RAW_KEY);
        expect(body).toContain(translate(language, "import.review.instruction", { number: "2" }));
        expect(body).toContain(translate(language, "import.warning.deadline_needs_date"));
        // The parser's English warnings never reach a Kazakh or Russian page.
        if (language !== "en") expect(body).not.toContain("Organization not in the directory");
        await screenshot(page, `import-review-${language}`);
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }

  it("puts the source sentence below the fields on a narrow screen", async () => {
    const { context, page, problems } = await signedIn("kk", { width: 420, height: 860 });
    try {
      await pasteReference(page, "kk");
      const card = page.locator("#instruction-1");
      const text = await field(card, translate("kk", "import.review.text")).boundingBox();
      const quote = await card.locator("mark").boundingBox();
      expect(quote!.y).toBeGreaterThan(text!.y + text!.height);
      await screenshot(page, "import-review-narrow-kk");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  // Last: confirming adds the proposed "operators" to the directory, and the screenshots above show them as new.
  it("paste the reference text, correct the title and a deadline, confirm: the minutes show the result", async () => {
    const t = (key: MessageKey, params?: Record<string, string>) => translate("kk", key, params);
    const { context, page, problems } = await signedIn("kk");
    try {
      await pasteReference(page, "kk");
      // What the reading found, as the reviewer sees it.
      for (const surname of SURNAMES) {
        expect(await page.locator('input[name$=".name"]').evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value).join("|"))).toContain(surname);
      }
      const cards = page.locator('li[id^="instruction-"]');
      expect(await cards.count()).toBe(2);
      await expect.poll(() => cards.nth(0).locator("mark").innerText()).toContain("Үкімет басшысы");
      expect(await cards.nth(1).locator("select").first().inputValue()).toBe("akimats");
      expect(await page.getByText(t("import.warning.deadline_needs_date")).count()).toBeGreaterThan(0);

      // Correct one field of the meeting and one of an instruction.
      await field(page, t("meetings.field.title")).fill(CORRECTED_TITLE);
      await field(cards.nth(0), t("import.review.deadline")).fill(CORRECTED_DEADLINE);
      await page.getByRole("button", { name: t("import.review.confirm"), exact: true }).click();
      await page.waitForURL(/\/meetings\/[\w-]+$/);
      await page.getByRole("status").filter({ hasText: t("import.flash.created") }).waitFor();

      const body = await page.locator("main").innerText();
      expect(body).toContain(CORRECTED_TITLE);
      expect(body).toContain("Асқар Мамин");
      for (const surname of SURNAMES) expect(body).toContain(surname);
      expect(body).toContain("елді мекендерді интернетпен қамтамасыз ету жобаларын");
      expect(body).toContain("мачталық құрылыстар салуға");
      expect(body).toContain(formatDate(CORRECTED_DEADLINE, "kk"));
      expect(body).not.toMatch(RAW_KEY);
      await screenshot(page, "import-result-kk");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

});
