import ExcelJS from "exceljs";
import type { Browser, Locator, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seeds/demo";
import { addDays, almatyDate } from "../../app/domain/calendar";
import { en } from "../../app/i18n/en";
import { formatDate, formatNumber } from "../../app/i18n/format";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { launchBrowser, newContext, screenshot, watchForProblems } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/*
 * The instruction register, in real headless Chromium against the production server, on the demo data with
 * one more overdue assignment: the control department goes from the dashboard's "overdue" number to the
 * register filtered to it, narrows it to one akimat with the filter form, and exports exactly what it sees
 * as XLSX in the interface language. Sorting by deadline goes both ways and lives in the URL, and the page
 * reads in kk, ru and en.
 */

const LANGUAGES = ["kk", "ru", "en"] as const;
type Language = (typeof LANGUAGES)[number];
type MessageKey = keyof typeof en;
type Translate = (key: MessageKey, params?: Record<string, string>) => string;
const CATALOGUES: Record<Language, Record<MessageKey, string>> = { kk, ru, en };

/** The expected text, straight from the catalogue (the test's own interpolation, not the app's). */
function translate(language: Language, key: MessageKey, params: Record<string, string> = {}): string {
  const template = CATALOGUES[language][key];
  if (template === undefined) throw new Error(`no message ${key} in ${language}`);
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => params[name] ?? whole);
}
const translatorFor = (language: Language): Translate => (key, params) => translate(language, key, params);

/** A message key showing through instead of its text, e.g. "register.exportXlsx". */
const RAW_KEY = new RegExp(
  `\\b(${[...new Set(Object.keys(en).map((key) => key.split(".")[0]))].join("|")})\\.[a-z][A-Za-z]+(\\.[a-z][A-Za-z_]+)?\\b`,
);

/** The XLSX's columns, in order, by their catalogue keys (app/models/register-export.server.ts). */
const XLSX_HEADER_KEYS: MessageKey[] = [
  "table.code",
  "table.instruction",
  "table.organization",
  "instructions.assignments.role",
  "table.deadline",
  "register.column.initialDeadline",
  "table.status",
  "status.overdue",
  "table.progress",
  "execution.lastReport",
  "table.meeting",
  "register.column.meetingDate",
];
const XLSX_COLUMN = { code: 1, organization: 3, deadline: 5 } as const;

const OPEN_STATUSES = ["assigned", "in_progress", "reported"] as const;

// ---------------------------------------------------------------------------------------------------------

let server: TestServer;
let browser: Browser;
/** Almaty's date when the cases run (the server compares deadlines with the same). */
let today = "";
let northKazakhstan: { organizationId: string; assignmentId: string; names: Record<Language, string>; deadline: string };

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const db = server.db;
  today = almatyDate();

  // North Kazakhstan's 14/2 lead assignment: in progress and not yet due in the demo data.
  const row = await db
    .selectFrom("assignments")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
    .innerJoin("organizations", "organizations.id", "assignments.organization_id")
    .select(["assignments.id", "assignments.organization_id", "organizations.name_kk", "organizations.name_ru", "organizations.name_en"])
    .where("meetings.protocol_number", "=", "14")
    .where("instructions.number", "=", "2")
    .where("organizations.code", "=", "north-kazakhstan")
    .executeTakeFirstOrThrow();
  const before = await db.selectFrom("assignments").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
  expect(OPEN_STATUSES).toContain(before.status);
  expect(before.deadline! >= today).toBe(true);

  // Make it overdue: ten days ago, earlier than Mangystau's (three days ago), so the two sort apart.
  const deadline = addDays(today, -10);
  await db.updateTable("assignments").set({ deadline }).where("id", "=", row.id).execute();
  const after = await db.selectFrom("assignments").selectAll().where("id", "=", row.id).executeTakeFirstOrThrow();
  // Nothing else about it changed (its first deadline stays the instruction's).
  expect(after).toEqual({ ...before, deadline });

  northKazakhstan = {
    organizationId: row.organization_id,
    assignmentId: row.id,
    names: { kk: row.name_kk, ru: row.name_ru, en: row.name_en },
    deadline,
  };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** Assignments of published minutes with their deadlines, as the database has them. */
async function publishedAssignments() {
  return server.db
    .selectFrom("assignments")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
    .select(["assignments.id", "assignments.status", "assignments.deadline", "assignments.organization_id"])
    .where("meetings.status", "=", "published")
    .execute();
}

/** Open assignments past their deadline, by id. */
async function overdueIds(organizationId?: string): Promise<string[]> {
  return (await publishedAssignments())
    .filter((a) => (OPEN_STATUSES as readonly string[]).includes(a.status) && a.deadline !== null && a.deadline < today)
    .filter((a) => !organizationId || a.organization_id === organizationId)
    .map((a) => a.id)
    .sort();
}

/** Shown date text → "YYYY-MM-DD", for every day within two years of today, in each language. */
function dateReader(language: Language): (text: string) => string {
  const known = new Map<string, string>();
  for (let day = -730; day <= 730; day++) {
    const iso = addDays(today, day);
    known.set(formatDate(iso, language), iso);
  }
  return (text) => {
    const iso = known.get(text);
    if (!iso) throw new Error(`not a ${language} date: ${JSON.stringify(text)}`);
    return iso;
  };
}

// ---------------------------------------------------------------------------------------------------------
// Browser helpers (as in the other e2e files).

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

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** A form control by its label's text (required fields add an aria-hidden " *" to the label). */
function field(scope: Page | Locator, label: string) {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}(\\s*\\*)?$`));
}

const button = (scope: Page | Locator, name: string) => scope.getByRole("button", { name, exact: true });

async function expectNoRawKeys(page: Page) {
  const body = (await page.locator("body").innerText()) + " " + (await page.title());
  expect(body).not.toMatch(RAW_KEY);
}

/**
 * Requests the page has in flight. Remix fetches /__manifest lazily for the links a page shows; a document
 * navigation (page.goto, a plain <a>) would abort such a fetch, a "request failed" that is the test's doing.
 * So the cases let the page go quiet before they navigate by address or follow a plain link.
 */
const inFlight = new WeakMap<Page, Set<Request>>();
function trackRequests(page: Page) {
  const requests = new Set<Request>();
  page.on("request", (request) => requests.add(request));
  page.on("requestfinished", (request) => requests.delete(request));
  page.on("requestfailed", (request) => requests.delete(request));
  inFlight.set(page, requests);
}
async function quiet(page: Page) {
  await expect.poll(() => inFlight.get(page)?.size ?? 0, { timeout: 10_000 }).toBe(0);
}

/** A fresh context signed in as the controller, in Kazakh (the profile's and the browser's language). */
async function signedInController() {
  await server.db.updateTable("users").set({ language: "kk" }).where("login", "=", "controller").execute();
  const context = await newContext(browser, "kk");
  try {
    const page = await context.newPage();
    const problems = watchForProblems(page);
    trackRequests(page);
    await page.goto(`${server.url}/login`);
    await hydrated(page);
    const t = translatorFor("kk");
    await field(page, t("login.login")).fill("controller");
    await field(page, t("login.password")).fill(DEMO_PASSWORD);
    await button(page, t("login.submit")).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByTestId("user-name").waitFor();
    await hydrated(page);
    await page.waitForLoadState("networkidle");
    return { context, page, problems };
  } catch (error) {
    await context.close();
    throw error;
  }
}

async function switchLanguage(page: Page, language: Language) {
  if ((await htmlLang(page)) === language) return;
  await quiet(page);
  await page.locator(`form[action="/language"] button[lang="${language}"]`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await page.locator(`form[action="/language"] button[lang="${language}"][aria-pressed="true"]`).waitFor();
  await hydrated(page);
}

// Register helpers.

interface ShownRow {
  id: string;
  code: string;
  organization: string;
  /** The date line of the deadline cell (the "N d. overdue" line under it is not part of it). */
  deadline: string;
  late: string;
}

const registerRows = (page: Page) => page.locator('tr[data-testid="register-row"]');

async function shownRows(page: Page): Promise<ShownRow[]> {
  return registerRows(page).evaluateAll((rows) =>
    rows.map((row) => {
      const cells = [...row.querySelectorAll("td")] as HTMLElement[];
      const deadlineCell = cells[3];
      const spans = [...deadlineCell.querySelectorAll("span")] as HTMLElement[];
      return {
        id: row.getAttribute("data-assignment") ?? "",
        code: cells[0].innerText.trim(),
        organization: cells[2].innerText.trim(),
        deadline: (spans[0]?.innerText ?? deadlineCell.innerText).trim(),
        late: (spans[1]?.innerText ?? "").trim(),
      };
    }),
  );
}

async function waitForRowIds(page: Page, ids: string[]) {
  await expect
    .poll(async () => (await registerRows(page).evaluateAll((rows) => rows.map((row) => row.getAttribute("data-assignment")))).join(","), {
      timeout: 10_000,
    })
    .toBe(ids.join(","));
}

const registerHeading = (page: Page, t: Translate) => page.getByRole("heading", { level: 1, name: t("register.title"), exact: true });

/** The dashboard's "overdue" card: its label is a link stretched over the whole card, number included. */
async function followOverdueNumber(page: Page, t: Translate, language: Language, expectedCount: number) {
  const main = page.locator("main");
  const link = main.getByRole("link", { name: t("dashboard.stat.overdue"), exact: true });
  expect(await link.count()).toBe(1);
  expect(await link.getAttribute("href")).toBe("/instructions?overdue=1");
  // (An inner `has` locator is matched inside the outer one, so it must not start from <main> again.)
  const card = main.locator("dl > div", { has: page.getByRole("link", { name: t("dashboard.stat.overdue"), exact: true }) });
  expect(await card.count()).toBe(1);
  const number = card.locator("dd");
  expect((await number.innerText()).trim()).toBe(formatNumber(expectedCount, language));

  // A click on the number lands on the link (the label's ::after covers the card).
  const box = (await number.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  const hit = await page.evaluate(([px, py]) => document.elementFromPoint(px, py)?.closest("a")?.getAttribute("href") ?? null, [x, y]);
  expect(hit).toBe("/instructions?overdue=1");
  // A plain link: a document navigation, so nothing of Remix's may still be in flight.
  await quiet(page);
  await page.mouse.click(x, y);
  await page.waitForURL(`${server.url}/instructions?overdue=1`);
  await registerHeading(page, t).waitFor();
  await hydrated(page);
}

/**
 * Chromium turns a navigation answered with "Content-Disposition: attachment" into a download and reports the
 * navigation's own request as aborted (net::ERR_ABORTED), which watchForProblems records as a failed request.
 * That is the browser handing the response to its download manager, not a fault: once the download has
 * completed, exactly that one line, for exactly the export's URL, is taken out again.
 */
function abortedNavigations(page: Page, url: string): string[] {
  const errors: string[] = [];
  page.on("requestfailed", (request) => {
    if (request.url() === url) errors.push(request.failure()?.errorText ?? "");
  });
  return errors;
}
function excuseDownloadNavigation(problems: string[], aborted: string[], url: string) {
  expect(aborted).toEqual(["net::ERR_ABORTED"]);
  const line = problems.indexOf(`request failed: ${url}`);
  expect(line).toBeGreaterThanOrEqual(0);
  problems.splice(line, 1);
}

/** Reads the downloaded XLSX's only sheet. */
async function readXlsx(file: string) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(file);
  expect(workbook.worksheets).toHaveLength(1);
  return workbook.worksheets[0];
}

/**
 * The controller's journey in one language: dashboard → overdue number → register filtered to overdue →
 * narrowed to North Kazakhstan with the filter form → XLSX of exactly those rows.
 */
async function overdueJourney(language: Language) {
  const t = translatorFor(language);
  const readDate = dateReader(language);
  const { context, page, problems } = await signedInController();
  try {
    if (language !== "kk") {
      await switchLanguage(page, language);
      await page.getByTestId("user-name").waitFor();
    }
    expect(await htmlLang(page)).toBe(language);
    await page.getByRole("heading", { level: 2, name: t("dashboard.overdue.title"), exact: true }).waitFor();

    const overdue = await overdueIds();
    // Mangystau's from the demo data and North Kazakhstan's made overdue above.
    expect(overdue).toHaveLength(2);
    expect(overdue).toContain(northKazakhstan.assignmentId);
    if (language === "kk") {
      await expectNoRawKeys(page);
      await settledScreenshot(page, "dashboard-controller-links-kk");
    }

    // --- The number leads to the register, filtered to it.
    await followOverdueNumber(page, t, language, overdue.length);
    const overdueRows = await shownRows(page);
    expect(overdueRows.map((row) => row.id).sort()).toEqual(overdue);
    for (const row of overdueRows) {
      expect(row.code).toBe("14/2");
      expect(row.late).not.toBe("");
    }
    // The filter form says what is applied, and the lead counts it.
    const search = page.getByRole("search");
    expect(await search.getByRole("checkbox", { name: t("register.filter.overdueOnly"), exact: true }).isChecked()).toBe(true);
    const n = (value: number) => formatNumber(value, language);
    await page.getByText(t("register.counts", { total: n(overdue.length), overdue: n(overdue.length), done: n(0) }), { exact: true }).waitFor();

    // --- Narrowed to North Kazakhstan with the form.
    // Found by its label's text (the select sits inside its <label>).
    const organizationSelect = search.getByRole("combobox", { name: t("table.organization"), exact: true });
    expect(await organizationSelect.getAttribute("name")).toBe("organization");
    await organizationSelect.selectOption({ label: northKazakhstan.names[language] });
    await button(search, t("meetings.filter.apply")).click();
    await page.waitForURL(
      (url) =>
        url.pathname === "/instructions" &&
        url.searchParams.get("organization") === northKazakhstan.organizationId &&
        url.searchParams.get("overdue") === "1",
    );
    const expected = await overdueIds(northKazakhstan.organizationId);
    expect(expected).toEqual([northKazakhstan.assignmentId]);
    await waitForRowIds(page, expected);
    // The form shows the choice after the navigation.
    expect(await search.locator('select[name="organization"]').inputValue()).toBe(northKazakhstan.organizationId);
    const rows = await shownRows(page);
    expect(rows).toEqual([
      {
        id: northKazakhstan.assignmentId,
        code: "14/2",
        organization: northKazakhstan.names[language],
        deadline: formatDate(northKazakhstan.deadline, language),
        late: t("table.daysOverdue", { count: "10" }),
      },
    ]);
    await expectNoRawKeys(page);

    // --- Export XLSX: the same filters, the same rows.
    const exportLink = page.getByRole("link", { name: t("register.exportXlsx"), exact: true });
    const href = new URL((await exportLink.getAttribute("href"))!, server.url);
    expect(href.pathname).toBe("/instructions/export.xlsx");
    expect(href.searchParams.get("organization")).toBe(northKazakhstan.organizationId);
    expect(href.searchParams.get("overdue")).toBe("1");
    await quiet(page);
    const aborted = abortedNavigations(page, href.href);
    const [download] = await Promise.all([page.waitForEvent("download"), exportLink.click()]);
    expect(download.suggestedFilename()).toBe(`tapsyrma-register-${today}.xlsx`);
    const file = await download.path();
    expect(await download.failure()).toBeNull();
    const sheet = await readXlsx(file);

    // The header row, in the interface language.
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(XLSX_HEADER_KEYS.map((key) => t(key)));
    // Exactly the rows the page shows, in its order.
    expect(sheet.rowCount - 1).toBe(rows.length);
    for (const [index, row] of rows.entries()) {
      const cells = sheet.getRow(index + 2);
      expect(cells.getCell(XLSX_COLUMN.code).value).toBe(row.code);
      expect(cells.getCell(XLSX_COLUMN.organization).value).toBe(row.organization);
      const deadline = cells.getCell(XLSX_COLUMN.deadline);
      expect(deadline.value).toBeInstanceOf(Date);
      expect(deadline.numFmt).toBe("dd.mm.yyyy");
      const day = (deadline.value as Date).toISOString();
      // A calendar date: midnight exactly, no time zone shift.
      expect(day.slice(10)).toBe("T00:00:00.000Z");
      expect(day.slice(0, 10)).toBe(readDate(row.deadline));
      expect(day.slice(0, 10)).toBe(northKazakhstan.deadline);
    }
    excuseDownloadNavigation(problems, aborted, href.href);
    // The page stays where it was.
    expect(new URL(page.url()).searchParams.get("organization")).toBe(northKazakhstan.organizationId);
    await registerHeading(page, t).waitFor();

    expect(problems).toEqual([]);
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------------------

describe("the instruction register in the browser", () => {
  it("the controller follows the overdue number, narrows to one akimat and exports it, in Kazakh", async () => {
    await overdueJourney("kk");
  });

  it("the same in English after switching language: the XLSX speaks English", async () => {
    await overdueJourney("en");
  });

  it("the Deadline column header sorts ascending, then descending, through the URL", async () => {
    const t = translatorFor("kk");
    const readDate = dateReader("kk");
    const { context, page, problems } = await signedInController();
    try {
      await page.getByRole("navigation", { name: t("nav.main") }).getByRole("link", { name: t("nav.register"), exact: true }).click();
      await page.waitForURL(`${server.url}/instructions`);
      await registerHeading(page, t).waitFor();

      const all = await publishedAssignments();
      expect(all.length).toBeGreaterThan(2);
      expect(all.length).toBeLessThanOrEqual(50); // one page
      const deadlineOf = new Map(all.map((a) => [a.id, a.deadline]));
      // The register's order: deadline in the direction asked (no deadline last), then id.
      const expectedOrder = (dir: "asc" | "desc") =>
        [...all]
          .sort((a, b) => {
            if ((a.deadline === null) !== (b.deadline === null)) return a.deadline === null ? 1 : -1;
            const byDeadline = (a.deadline ?? "").localeCompare(b.deadline ?? "") * (dir === "asc" ? 1 : -1);
            return byDeadline || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
          })
          .map((a) => a.id);

      const table = page.getByRole("table", { name: t("register.title"), exact: true });
      const header = (key: MessageKey) => table.getByRole("columnheader", { name: t(key), exact: true });
      const ariaSorts = async () =>
        Object.fromEntries(
          await Promise.all(
            (["table.code", "table.organization", "table.deadline", "table.status"] as const).map(async (key) => [key, await header(key).getAttribute("aria-sort")]),
          ),
        );

      /** The deadlines shown, top to bottom, as dates; each the row's own. */
      const shownDeadlines = async () => {
        const rows = await shownRows(page);
        expect(rows).toHaveLength(all.length);
        return rows.map((row) => {
          const deadline = deadlineOf.get(row.id);
          if (deadline === null) {
            expect(row.deadline).toBe("—");
            return null;
          }
          expect(readDate(row.deadline)).toBe(deadline);
          return deadline!;
        });
      };
      const isOrdered = (dates: (string | null)[], dir: "asc" | "desc") => {
        const known = dates.filter((date): date is string => date !== null);
        const nullsLast = dates.slice(known.length).every((date) => date === null);
        return nullsLast && known.every((date, i) => i === 0 || (dir === "asc" ? known[i - 1] <= date : known[i - 1] >= date));
      };

      // By default: deadline ascending, without saying so in the URL.
      expect(await ariaSorts()).toEqual({ "table.code": null, "table.organization": null, "table.deadline": "ascending", "table.status": null });
      await waitForRowIds(page, expectedOrder("asc"));

      // Another column first, so the Deadline header starts inactive.
      await header("table.code").getByRole("link").click();
      await page.waitForURL((url) => url.searchParams.get("sort") === "code" && url.searchParams.get("dir") === "asc");
      await expect.poll(ariaSorts).toEqual({ "table.code": "ascending", "table.organization": null, "table.deadline": null, "table.status": null });

      // First click: ascending.
      await header("table.deadline").getByRole("link").click();
      await page.waitForURL((url) => url.searchParams.get("sort") === "deadline" && url.searchParams.get("dir") === "asc");
      await expect.poll(ariaSorts).toEqual({ "table.code": null, "table.organization": null, "table.deadline": "ascending", "table.status": null });
      await waitForRowIds(page, expectedOrder("asc"));
      const ascending = await shownDeadlines();
      expect(isOrdered(ascending, "asc")).toBe(true);
      expect(ascending[0]).toBe(northKazakhstan.deadline);

      // Second click: descending.
      await header("table.deadline").getByRole("link").click();
      await page.waitForURL((url) => url.searchParams.get("sort") === "deadline" && url.searchParams.get("dir") === "desc");
      await expect.poll(ariaSorts).toEqual({ "table.code": null, "table.organization": null, "table.deadline": "descending", "table.status": null });
      await waitForRowIds(page, expectedOrder("desc"));
      const descending = await shownDeadlines();
      expect(isOrdered(descending, "desc")).toBe(true);
      expect(descending.at(-1)).toBe(northKazakhstan.deadline);
      expect(new Set(descending).size).toBeGreaterThan(1); // the order means something

      // Third click: back to ascending.
      await header("table.deadline").getByRole("link").click();
      await page.waitForURL((url) => url.searchParams.get("sort") === "deadline" && url.searchParams.get("dir") === "asc");
      await expect.poll(ariaSorts).toEqual({ "table.code": null, "table.organization": null, "table.deadline": "ascending", "table.status": null });
      await waitForRowIds(page, expectedOrder("asc"));

      // The sort survives a reload (it is the URL's) and goes into the exports.
      await page.getByRole("link", { name: t("register.exportXlsx"), exact: true }).waitFor();
      await header("table.deadline").getByRole("link").click();
      await page.waitForURL((url) => url.searchParams.get("dir") === "desc");
      await quiet(page);
      await page.reload();
      await hydrated(page);
      expect(await header("table.deadline").getAttribute("aria-sort")).toBe("descending");
      await waitForRowIds(page, expectedOrder("desc"));
      const exportHref = new URL((await page.getByRole("link", { name: t("register.exportXlsx"), exact: true }).getAttribute("href"))!, server.url);
      expect(exportHref.searchParams.get("sort")).toBe("deadline");
      expect(exportHref.searchParams.get("dir")).toBe("desc");

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the register reads in kk, ru and en", async () => {
    const { context, page, problems } = await signedInController();
    try {
      await quiet(page);
      await page.goto(`${server.url}/instructions`);
      await hydrated(page);
      const all = await publishedAssignments();
      const organizationNames = new Map(
        (await server.db.selectFrom("organizations").select(["id", "name_kk", "name_ru", "name_en"]).execute()).map((o) => [
          o.id,
          { kk: o.name_kk, ru: o.name_ru, en: o.name_en } as Record<Language, string>,
        ]),
      );
      const organizationOf = new Map(all.map((a) => [a.id, a.organization_id]));
      for (const language of LANGUAGES) {
        const t = translatorFor(language);
        await switchLanguage(page, language);
        expect(new URL(page.url()).pathname).toBe("/instructions");
        await registerHeading(page, t).waitFor();
        const table = page.getByRole("table", { name: t("register.title"), exact: true });
        for (const key of ["table.code", "table.instruction", "table.organization", "table.deadline", "table.status", "table.progress"] as const) {
          expect(await table.getByRole("columnheader", { name: t(key), exact: true }).count(), key).toBe(1);
        }
        for (const key of ["register.exportXlsx", "register.exportCsv"] as const) {
          expect(await page.getByRole("link", { name: t(key), exact: true }).count(), key).toBe(1);
        }
        const rows = await shownRows(page);
        expect(rows).toHaveLength(all.length);
        const readDate = dateReader(language);
        for (const row of rows) {
          expect(row.organization).toBe(organizationNames.get(organizationOf.get(row.id)!)![language]);
          readDate(row.deadline);
        }
        await expectNoRawKeys(page);
        await settledScreenshot(page, `register-${language}`);
      }
      await switchLanguage(page, "kk");
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
