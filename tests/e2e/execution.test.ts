import { createHash, randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page, Request } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seeds/demo";
import { addDays } from "../../app/domain/calendar";
import { en } from "../../app/i18n/en";
import { formatDate, formatNumber } from "../../app/i18n/format";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { createTarget } from "../factories";
import { launchBrowser, newContext, screenshot, watchForProblems } from "../support/browser";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * Executing an instruction, in real headless Chromium against the production server, on the demo data: the
 * Akmola akimat reports progress on instruction 14/2 (with a target's actual value and a PDF as evidence) and
 * asks for more time; the control department approves the extension, returns the first completion report and
 * accepts the second. Then the history reads in kk, ru and en, and the database holds exactly what happened.
 * Another akimat can neither see nor touch Akmola's assignment, and a form posted twice counts once.
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
const t = translatorFor("kk");

/** A message key showing through instead of its text, e.g. "timeline.kind.progress". */
const RAW_KEY = new RegExp(
  `\\b(${[...new Set(Object.keys(en).map((key) => key.split(".")[0]))].join("|")})\\.[a-z][A-Za-z]+(\\.[a-z][A-Za-z_]+)?\\b`,
);

// ---------------------------------------------------------------------------------------------------------
// What the akimat reports and the controller answers.

const TARGET = { indicator: "Жер бөлінген антенналық-мачталық құрылыстар", unit: "бірлік", target_value: 120 };
const ACTUAL = 45;
const PROGRESS_PERCENT = 40;
const PROGRESS_TEXT =
  "Антенналық-мачталық құрылыстарға 45 жер учаскесі бөлінді, қалғандары бойынша аудан әкімдіктерімен келісу жүргізілуде. " +
  "Электрмен жабдықтаудың техникалық шарттары сұратылды.";
const EXTENSION_REASON =
  "Жер пайдаланушылармен келісу рәсімдері ұзаққа созылуда: қалған учаскелер бойынша шешім шығару үшін қосымша екі апта қажет.";
const COMPLETION_1 = "Барлық 120 нысанға жер учаскелері бөлінді. Тапсырма орындалды.";
const RETURN_REASON = "Электрмен жабдықтау бойынша мәлімет жоқ: қосылған нысандардың тізбесін ұсыныңыз.";
const COMPLETION_2 = "Ескерту ескерілді: электр желілеріне қосылған 120 нысанның тізбесі қоса берілді, жұмыс толық аяқталды.";
const APPROVAL_COMMENT = "Мерзімді ұзартуға келісім берілді.";
const ACCEPT_COMMENT = "Есеп қабылданды.";
/** A Kazakh file name: it must come back exactly (NFC) on the link. */
const PDF_NAME = "жер-бөлу-актісі.pdf";

const JOURNEY_KINDS = [
  "assigned",
  "progress",
  "extension_request",
  "extension_approved",
  "completion_report",
  "returned",
  "completion_report",
  "accepted",
] as const;
const JOURNEY_ACTIONS = [
  "post_progress",
  "request_extension",
  "approve_extension",
  "submit_completion",
  "return",
  "submit_completion",
  "accept",
] as const;

// ---------------------------------------------------------------------------------------------------------

let server: TestServer;
let browser: Browser;
let instructionId = "";
let targetId = "";
let akmola: { assignmentId: string; organizationId: string; nameKk: string; names: Record<Language, string>; deadline: string; version: number };
let northKazakhstan: { assignmentId: string; organizationId: string };
/** Akimat leads of 14/2 already done in the demo data, and their number. */
let leadsDoneBefore = 0;
let leadsTotal = 0;
let pdf: Buffer;
/** Set by the journey, read by the other cases. */
let uploadedFileId = "";

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const db = server.db;

  const instruction = await db
    .selectFrom("instructions")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
    .select("instructions.id")
    .where("meetings.protocol_number", "=", "14")
    .where("instructions.number", "=", "2")
    .executeTakeFirstOrThrow();
  instructionId = instruction.id;

  const assignmentOf = (code: string) =>
    db
      .selectFrom("assignments")
      .innerJoin("organizations", "organizations.id", "assignments.organization_id")
      .select(["assignments.id", "assignments.organization_id", "assignments.deadline", "assignments.status", "assignments.version"])
      .select(["organizations.name_kk", "organizations.name_ru", "organizations.name_en"])
      .where("assignments.instruction_id", "=", instructionId)
      .where("organizations.code", "=", code)
      .executeTakeFirstOrThrow();
  const akmolaRow = await assignmentOf("akmola");
  // The demo's promise: Akmola has not started, and its history is the 'assigned' event only.
  expect(akmolaRow.status).toBe("assigned");
  expect(akmolaRow.deadline).not.toBeNull();
  const akmolaEvents = await db.selectFrom("assignment_events").select("kind").where("assignment_id", "=", akmolaRow.id).execute();
  expect(akmolaEvents.map((event) => event.kind)).toEqual(["assigned"]);
  akmola = {
    assignmentId: akmolaRow.id,
    organizationId: akmolaRow.organization_id,
    nameKk: akmolaRow.name_kk,
    names: { kk: akmolaRow.name_kk, ru: akmolaRow.name_ru, en: akmolaRow.name_en },
    deadline: akmolaRow.deadline!,
    version: akmolaRow.version,
  };
  const northRow = await assignmentOf("north-kazakhstan");
  northKazakhstan = { assignmentId: northRow.id, organizationId: northRow.organization_id };

  const leads = await db.selectFrom("assignments").select("status").where("instruction_id", "=", instructionId).where("role", "=", "lead").execute();
  leadsTotal = leads.length;
  leadsDoneBefore = leads.filter((lead) => lead.status === "done").length;
  expect(leadsTotal).toBe(20);

  // 14/2 has no targets in the demo; the journey reports an actual value for this one.
  const existingTargets = await db.selectFrom("instruction_targets").select("id").where("instruction_id", "=", instructionId).execute();
  expect(existingTargets).toEqual([]);
  targetId = (await createTarget(db, { instruction_id: instructionId, ...TARGET })).id;

  pdf = await makePdf();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A small real PDF, printed by Chromium. */
async function makePdf(): Promise<Buffer> {
  const context = await newContext(browser, "kk");
  try {
    const page = await context.newPage();
    await page.setContent(
      `<!doctype html><html lang="kk"><meta charset="utf-8"><body style="font-family:sans-serif">` +
        `<h1>Жер учаскелерін бөлу туралы акт</h1><p>Ақмола облысы: ${ACTUAL} антенналық-мачталық құрылысқа жер бөлінді.</p></body></html>`,
    );
    const bytes = await page.pdf({ format: "A4" });
    expect(bytes.subarray(0, 5).toString("latin1")).toBe("%PDF-");
    return bytes;
  } finally {
    await context.close();
  }
}

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

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

/** One of the assignment page's action forms, named by its title (aria-label). */
const actionForm = (page: Page, title: string) => page.getByRole("form", { name: title, exact: true });

async function waitForFlash(page: Page, text: string) {
  await page.getByRole("status").filter({ hasText: text }).waitFor();
}

async function expectNoRawKeys(page: Page) {
  const body = (await page.locator("body").innerText()) + " " + (await page.title());
  expect(body).not.toMatch(RAW_KEY);
}

/**
 * Requests the page has in flight. Remix fetches /__manifest lazily for the links a page shows; a document
 * navigation (page.goto) would abort such a fetch, a "request failed" that is the test's doing. So the cases
 * let the page go quiet before they navigate by address.
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

/** A fresh context signed in as a demo user, in Kazakh unless said otherwise. */
async function signedIn(login: string, language: Language = "kk") {
  await server.db.updateTable("users").set({ language }).where("login", "=", login).execute();
  const context = await newContext(browser, language);
  try {
    const page = await context.newPage();
    const problems = watchForProblems(page);
    trackRequests(page);
    await page.goto(`${server.url}/login`);
    await hydrated(page);
    const tl = translatorFor(language);
    await field(page, tl("login.login")).fill(login);
    await field(page, tl("login.password")).fill(DEMO_PASSWORD);
    await button(page, tl("login.submit")).click();
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

/** Opens a page of the app by address and waits for React to take over. */
async function open(page: Page, pathname: string) {
  await quiet(page);
  await page.goto(`${server.url}${pathname}`);
  await hydrated(page);
}

// Assignment page helpers.

const timelineEvents = (page: Page) => page.getByTestId("timeline-event");
const timelineKinds = async (page: Page) =>
  (await timelineEvents(page).evaluateAll((items) => items.map((item) => item.getAttribute("data-kind") ?? ""))) as string[];

async function waitForTimelineCount(page: Page, count: number) {
  await expect.poll(() => timelineEvents(page).count(), { timeout: 10_000 }).toBe(count);
}

/** A value in the assignment's summary, by its label (the <dd> next to the <dt>). */
function summaryValue(page: Page, label: string) {
  return page
    .locator("main dl > div")
    .filter({ has: page.locator("dt").filter({ hasText: new RegExp(`^\\s*${escapeRegExp(label)}\\s*$`) }) })
    .locator("dd");
}

async function expectStatus(page: Page, tl: Translate, status: "assigned" | "in_progress" | "reported" | "done") {
  await expect.poll(async () => (await summaryValue(page, tl("table.status")).innerText()).trim()).toBe(tl(`status.${status}`));
}

/** The first line of the deadline cell: the deadline in force. */
async function shownDeadline(page: Page, tl: Translate) {
  return (await summaryValue(page, tl("table.deadline")).innerText()).split("\n")[0].trim();
}

/** Fills and sends one action form; resolves when the flash says it was done and the timeline has grown. */
async function act(
  page: Page,
  action: (typeof JOURNEY_ACTIONS)[number],
  fill: (form: Locator) => Promise<void>,
  expectedEvents: number,
) {
  const form = actionForm(page, t(`execution.action.${action}`));
  await form.waitFor();
  await fill(form);
  await button(form, t(`execution.submit.${action}`)).click();
  await waitForFlash(page, t(`execution.flash.${action}`));
  await waitForTimelineCount(page, expectedEvents);
  expect(new URL(page.url()).pathname).toBe(`/assignments/${akmola.assignmentId}`);
}

/** The controller's way in: /review, then the assignment from the queue. */
async function openFromReview(page: Page, kind: "extension" | "report") {
  await page.getByRole("navigation", { name: t("nav.main") }).getByRole("link", { name: t("nav.review"), exact: true }).click();
  await page.waitForURL(`${server.url}/review`);
  await page.getByRole("heading", { level: 1, name: t("review.title"), exact: true }).waitFor();
  if (kind === "extension") {
    const link = page.getByRole("link", { name: `14/2 · ${akmola.nameKk}`, exact: true });
    expect(await link.count()).toBe(1);
    await link.click();
  } else {
    // Only the reports waiting for a decision are rows here (Kostanay's demo report is one of them).
    const row = page.getByTestId("assignment-row").filter({ hasText: akmola.nameKk });
    expect(await row.count()).toBe(1);
    await row.getByRole("link").click();
  }
  await page.waitForURL(`${server.url}/assignments/${akmola.assignmentId}`);
  await page.getByRole("heading", { level: 1, name: akmola.nameKk, exact: true }).waitFor();
}

async function switchLanguage(page: Page, language: Language) {
  if ((await htmlLang(page)) === language) return;
  await page.locator(`form[action="/language"] button[lang="${language}"]`).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
  await page.locator(`form[action="/language"] button[lang="${language}"][aria-pressed="true"]`).waitFor();
}

/** The title each journey event carries in a language. */
function eventTitle(language: Language, kind: string, newDeadline: string) {
  const date = kind === "extension_request" || kind === "extension_approved" ? formatDate(newDeadline, language) : "";
  return translate(language, `timeline.kind.${kind}` as MessageKey, { date });
}

describe("executing instruction 14/2", () => {
  it("Akmola reports and asks for time; the controller approves, returns and accepts", { timeout: 90_000 }, async () => {
    const db = server.db;
    const newDeadline = addDays(akmola.deadline, 14);
    const contexts: BrowserContext[] = [];
    try {
      // --- The Akmola akimat: its worklist, then the assignment.
      const assignee = await signedIn("akmola");
      contexts.push(assignee.context);
      const a = assignee.page;
      await a.getByRole("navigation", { name: t("nav.main") }).getByRole("link", { name: t("nav.assignments"), exact: true }).click();
      await a.waitForURL(`${server.url}/assignments`);
      const worklist = a.getByRole("table", { name: t("execution.list.ownTitle"), exact: true });
      const row = worklist.getByTestId("assignment-row").filter({ has: a.locator("td:first-child", { hasText: /^14\/2$/ }) });
      // The URL can change a moment before the new page renders: wait for the row, then count.
      await row.first().waitFor();
      expect(await row.count()).toBe(1);
      expect((await row.locator("td").nth(3).innerText()).trim()).toBe(t("status.assigned"));
      await row.getByRole("link").click();
      await a.waitForURL(`${server.url}/assignments/${akmola.assignmentId}`);
      await a.getByRole("heading", { level: 1, name: akmola.nameKk, exact: true }).waitFor();
      await expectStatus(a, t, "assigned");
      expect(await shownDeadline(a, t)).toBe(formatDate(akmola.deadline, "kk"));
      expect(await timelineKinds(a)).toEqual(["assigned"]);
      // An assignee reports; it does not review.
      for (const action of ["post_progress", "submit_completion", "request_extension"] as const) {
        expect(await actionForm(a, t(`execution.action.${action}`)).count()).toBe(1);
      }
      for (const action of ["accept", "return", "approve_extension", "reject_extension"] as const) {
        expect(await actionForm(a, t(`execution.action.${action}`)).count()).toBe(0);
      }

      // Progress: text, percent, the target's actual value and a PDF.
      await act(
        a,
        "post_progress",
        async (form) => {
          await field(form, t("execution.field.progressText")).fill(PROGRESS_TEXT);
          await field(form, t("execution.field.percent")).fill(String(PROGRESS_PERCENT));
          await field(form, `${TARGET.indicator}, ${TARGET.unit}`).fill(String(ACTUAL));
          await form.locator('input[type="file"][name="files"]').setInputFiles({ name: PDF_NAME, mimeType: "application/pdf", buffer: pdf });
        },
        2,
      );
      await expectStatus(a, t, "in_progress");
      const progressEvent = timelineEvents(a).nth(1);
      expect(await progressEvent.getAttribute("data-kind")).toBe("progress");
      const progressText = await progressEvent.innerText();
      expect(progressText).toContain(t("timeline.kind.progress"));
      expect(progressText).toContain(PROGRESS_TEXT);
      expect(progressText).toContain(t("timeline.percent", { percent: String(PROGRESS_PERCENT) }));
      expect(progressText).toContain(`${TARGET.indicator}: ${formatNumber(ACTUAL, "kk")} ${TARGET.unit}`);
      const fileLink = progressEvent.getByRole("link", { name: new RegExp(escapeRegExp(PDF_NAME)) });
      expect(await fileLink.count()).toBe(1);
      const href = (await fileLink.getAttribute("href"))!;
      expect(href).toMatch(/^\/files\/[0-9a-f-]{36}$/);
      uploadedFileId = href.slice("/files/".length);
      // The targets table shows the latest actual value.
      const targetRow = a.getByRole("table", { name: t("instructions.targets.title"), exact: true }).locator("tbody tr");
      expect(await targetRow.count()).toBe(1);
      expect((await targetRow.locator("td").nth(2).innerText()).trim()).toBe(`${formatNumber(ACTUAL, "kk")} ${TARGET.unit}`);
      // The evidence comes back byte for byte, under its own name.
      const download = await a.request.get(`${server.url}${href}`);
      expect(download.status()).toBe(200);
      expect(download.headers()["content-type"]).toBe("application/pdf");
      expect(download.headers()["content-disposition"]).toContain(`filename*=UTF-8''${encodeURIComponent(PDF_NAME)}`);
      expect(sha256(await download.body())).toBe(sha256(pdf));

      // More time: the current deadline + 14 days.
      await act(
        a,
        "request_extension",
        async (form) => {
          await field(form, t("execution.field.requestedDeadline")).fill(newDeadline);
          await field(form, t("execution.field.reason")).fill(EXTENSION_REASON);
        },
        3,
      );
      await a.getByText(t("execution.pendingExtension", { date: formatDate(newDeadline, "kk") }), { exact: true }).waitFor();
      expect(await timelineEvents(a).nth(2).innerText()).toContain(eventTitle("kk", "extension_request", newDeadline));
      // A second request waits for the first to be decided.
      expect(await actionForm(a, t("execution.action.request_extension")).count()).toBe(0);
      expect(await shownDeadline(a, t)).toBe(formatDate(akmola.deadline, "kk"));
      expect(assignee.problems).toEqual([]);

      // --- The control department: the bell, the review queue, the decision.
      const controller = await signedIn("controller");
      contexts.push(controller.context);
      const c = controller.page;
      const unread = Number((await c.getByTestId("unread-count").innerText()).trim());
      expect(unread).toBeGreaterThanOrEqual(1);
      const controllerId = (await db.selectFrom("users").select("id").where("login", "=", "controller").executeTakeFirstOrThrow()).id;
      const unreadRows = await db.selectFrom("notifications").select("kind").where("user_id", "=", controllerId).where("read_at", "is", null).execute();
      expect(unread).toBe(unreadRows.length);
      expect(unreadRows.map((row) => row.kind)).toContain("extension_requested");

      await c.getByRole("navigation", { name: t("nav.main") }).getByRole("link", { name: t("nav.review"), exact: true }).click();
      await c.waitForURL(`${server.url}/review`);
      const extensionLink = c.getByRole("link", { name: `14/2 · ${akmola.nameKk}`, exact: true });
      await extensionLink.waitFor();
      const request = c.locator("li", { has: extensionLink });
      expect(await request.innerText()).toContain(t("review.extensionLine", { from: formatDate(akmola.deadline, "kk"), to: formatDate(newDeadline, "kk") }));
      expect(await request.innerText()).toContain(EXTENSION_REASON);
      await expectNoRawKeys(c);
      await settledScreenshot(c, "review-kk");
      await extensionLink.click();
      await c.waitForURL(`${server.url}/assignments/${akmola.assignmentId}`);
      await c.getByRole("heading", { level: 1, name: akmola.nameKk, exact: true }).waitFor();
      await c.getByText(t("execution.pendingExtension", { date: formatDate(newDeadline, "kk") }), { exact: true }).waitFor();
      // A controller decides; it does not report.
      expect(await actionForm(c, t("execution.action.post_progress")).count()).toBe(0);
      expect(await actionForm(c, t("execution.action.accept")).count()).toBe(0);

      await act(c, "approve_extension", (form) => field(form, t("execution.field.comment")).fill(APPROVAL_COMMENT), 4);
      expect(await shownDeadline(c, t)).toBe(formatDate(newDeadline, "kk"));
      expect(await summaryValue(c, t("table.deadline")).innerText()).toContain(t("execution.initialDeadline", { date: formatDate(akmola.deadline, "kk") }));
      const approval = timelineEvents(c).nth(3);
      expect(await approval.getAttribute("data-kind")).toBe("extension_approved");
      const approvalText = await approval.innerText();
      expect(approvalText).toContain(eventTitle("kk", "extension_approved", newDeadline));
      expect(approvalText).toContain(t("timeline.deadlineChange", { from: formatDate(akmola.deadline, "kk"), to: formatDate(newDeadline, "kk") }));
      expect(approvalText).toContain(APPROVAL_COMMENT);
      expect(await c.getByText(t("execution.pendingExtension", { date: formatDate(newDeadline, "kk") }), { exact: true }).count()).toBe(0);

      // --- Akmola reports completion.
      await open(a, `/assignments/${akmola.assignmentId}`);
      expect(await shownDeadline(a, t)).toBe(formatDate(newDeadline, "kk"));
      await act(
        a,
        "submit_completion",
        async (form) => {
          expect(await field(form, t("execution.field.percent")).inputValue()).toBe("100");
          await field(form, t("execution.field.completionText")).fill(COMPLETION_1);
        },
        5,
      );
      await expectStatus(a, t, "reported");
      expect(await actionForm(a, t("execution.action.submit_completion")).count()).toBe(0);

      // --- The controller reads it in three languages, then returns it with a reason.
      await open(c, "/");
      await openFromReview(c, "report");
      await expectStatus(c, t, "reported");
      for (const language of LANGUAGES) {
        const tl = translatorFor(language);
        await switchLanguage(c, language);
        expect(new URL(c.url()).pathname).toBe(`/assignments/${akmola.assignmentId}`);
        await c.getByRole("heading", { level: 1, name: akmola.names[language], exact: true }).waitFor();
        await expectStatus(c, tl, "reported");
        expect(await actionForm(c, tl("execution.action.accept")).count()).toBe(1);
        expect(await actionForm(c, tl("execution.action.return")).count()).toBe(1);
        await expectNoRawKeys(c);
        await settledScreenshot(c, `assignment-controller-${language}`);
      }
      await switchLanguage(c, "kk");
      await act(c, "return", (form) => field(form, t("execution.field.reason")).fill(RETURN_REASON), 6);
      await expectStatus(c, t, "in_progress");
      expect(await timelineEvents(c).nth(5).innerText()).toContain(RETURN_REASON);

      // --- Akmola hears of it, and reports again.
      await open(a, "/");
      const akmolaUnread = Number((await a.getByTestId("unread-count").innerText()).trim());
      expect(akmolaUnread).toBeGreaterThanOrEqual(1);
      await a.getByRole("link", { name: t("nav.notificationsCount", { count: String(akmolaUnread) }), exact: true }).click();
      await a.waitForURL(`${server.url}/notifications`);
      const newest = a.getByTestId("notification").first();
      await newest.waitFor();
      expect(await newest.innerText()).toContain(t("notifications.kind.report_returned"));
      await newest.getByRole("link", { name: `14/2 · ${akmola.nameKk}`, exact: true }).click();
      await a.waitForURL(`${server.url}/assignments/${akmola.assignmentId}`);
      await expectStatus(a, t, "in_progress");
      const returned = timelineEvents(a).nth(5);
      expect(await returned.getAttribute("data-kind")).toBe("returned");
      expect(await returned.innerText()).toContain(RETURN_REASON);
      await act(a, "submit_completion", (form) => field(form, t("execution.field.completionText")).fill(COMPLETION_2), 7);
      await expectStatus(a, t, "reported");

      // --- The controller accepts: removed from control.
      await open(c, "/");
      await openFromReview(c, "report");
      await act(c, "accept", (form) => field(form, t("execution.field.comment")).fill(ACCEPT_COMMENT), 8);
      await expectStatus(c, t, "done");
      expect(await c.getByText(t("execution.noActions"), { exact: true }).isVisible()).toBe(true);

      // The instruction: one more akimat done.
      await c.getByRole("link", { name: t("execution.toInstruction"), exact: true }).click();
      await c.waitForURL(`${server.url}/instructions/${instructionId}`);
      await c.getByTestId("leads-done").waitFor();
      expect((await c.getByTestId("leads-done").innerText()).trim()).toBe(
        t("minutes.leadsDone", { done: String(leadsDoneBefore + 1), total: String(leadsTotal) }),
      );
      // Twenty akimats: one tile each, coloured by state; Akmola's is done now and opens its assignment.
      const tile = c.getByTestId("execution-matrix").getByRole("link").filter({ hasText: akmola.nameKk });
      expect(await tile.count()).toBe(1);
      expect(await tile.getAttribute("data-status")).toBe("done");
      // The tile navigates in the app, as a Link would: the page's window survives the click.
      await c.evaluate(() => Object.assign(window, { beforeTileClick: true }));
      await tile.click();
      await c.waitForURL(`${server.url}/assignments/${akmola.assignmentId}`);
      await c.getByRole("heading", { level: 1, name: akmola.nameKk, exact: true }).waitFor();
      expect(await c.evaluate(() => "beforeTileClick" in window)).toBe(true);
      expect(await timelineKinds(c)).toEqual([...JOURNEY_KINDS]);

      // The whole history, in each language.
      for (const language of LANGUAGES) {
        const tl = translatorFor(language);
        await switchLanguage(c, language);
        await c.getByRole("heading", { level: 1, name: akmola.names[language], exact: true }).waitFor();
        await expectStatus(c, tl, "done");
        const texts = await timelineEvents(c).allInnerTexts();
        expect(texts).toHaveLength(JOURNEY_KINDS.length);
        for (const [index, kind] of JOURNEY_KINDS.entries()) {
          expect(texts[index], `${kind} in ${language}`).toContain(eventTitle(language, kind, newDeadline));
        }
        expect(texts[3]).toContain(tl("timeline.deadlineChange", { from: formatDate(akmola.deadline, language), to: formatDate(newDeadline, language) }));
        expect(texts[1]).toContain(PDF_NAME);
        await expectNoRawKeys(c);
        await settledScreenshot(c, `timeline-${language}`);
      }
      await switchLanguage(c, "kk");

      expect(assignee.problems).toEqual([]);
      expect(controller.problems).toEqual([]);
    } finally {
      for (const context of contexts) await context.close();
    }

    // --- What was stored.
    const users = Object.fromEntries(
      (await db.selectFrom("users").select(["login", "id"]).where("login", "in", ["akmola", "controller"]).execute()).map((u) => [u.login, u.id]),
    );
    const assignment = await db.selectFrom("assignments").selectAll().where("id", "=", akmola.assignmentId).executeTakeFirstOrThrow();
    expect(assignment).toMatchObject({
      status: "done",
      version: akmola.version + JOURNEY_ACTIONS.length,
      deadline: newDeadline,
      initial_deadline: akmola.deadline,
      percent_complete: 100,
    });
    expect(assignment.completed_at).toBeTruthy();

    const events = await db
      .selectFrom("assignment_events")
      .selectAll()
      .where("assignment_id", "=", akmola.assignmentId)
      .orderBy("created_at")
      .orderBy("id")
      .execute();
    expect(events.map((event) => event.kind)).toEqual([...JOURNEY_KINDS]);
    const [, progress, extensionRequest, extensionApproved, firstReport, returned, secondReport, accepted] = events;
    const authors = events.slice(1).map((event) => event.author_user_id);
    expect(authors).toEqual([users.akmola, users.akmola, users.controller, users.akmola, users.controller, users.akmola, users.controller]);
    expect(progress).toMatchObject({ body: PROGRESS_TEXT, percent_complete: PROGRESS_PERCENT, from_status: "assigned", to_status: "in_progress" });
    expect(extensionRequest).toMatchObject({ body: EXTENSION_REASON, requested_deadline: newDeadline, from_status: null, to_status: null });
    expect(extensionApproved).toMatchObject({
      body: APPROVAL_COMMENT,
      from_deadline: akmola.deadline,
      to_deadline: newDeadline,
      responds_to_event_id: extensionRequest.id,
    });
    expect(firstReport).toMatchObject({ body: COMPLETION_1, percent_complete: 100, from_status: "in_progress", to_status: "reported" });
    expect(returned).toMatchObject({ body: RETURN_REASON, from_status: "reported", to_status: "in_progress" });
    expect(secondReport).toMatchObject({ body: COMPLETION_2, from_status: "in_progress", to_status: "reported" });
    expect(accepted).toMatchObject({ body: ACCEPT_COMMENT, from_status: "reported", to_status: "done" });
    // One key per rendered form: every step its own.
    expect(new Set(events.slice(1).map((event) => event.idempotency_key)).size).toBe(JOURNEY_ACTIONS.length);

    const files = await db.selectFrom("files").selectAll().where("assignment_id", "=", akmola.assignmentId).execute();
    expect(files).toHaveLength(1);
    expect(files[0]).toMatchObject({
      id: uploadedFileId,
      event_id: progress.id,
      original_name: PDF_NAME,
      content_type: "application/pdf",
      size_bytes: pdf.length,
      sha256: sha256(pdf),
      uploaded_by: users.akmola,
    });
    const stored = path.join(server.filesDir, sha256(pdf).slice(0, 2), sha256(pdf));
    expect(fs.existsSync(stored)).toBe(true);
    expect(sha256(fs.readFileSync(stored))).toBe(sha256(pdf));

    const values = await db
      .selectFrom("event_target_values")
      .innerJoin("assignment_events", "assignment_events.id", "event_target_values.event_id")
      .select(["event_target_values.event_id", "event_target_values.target_id", "event_target_values.actual_value"])
      .where("assignment_events.assignment_id", "=", akmola.assignmentId)
      .execute();
    expect(values).toEqual([{ event_id: progress.id, target_id: targetId, actual_value: ACTUAL }]);

    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id", "after_json"])
      .where("entity_type", "=", "assignment")
      .where("entity_id", "=", akmola.assignmentId)
      .where("action", "like", "assignment.%")
      .orderBy("seq")
      .execute();
    expect(audit.map((row) => row.action)).toEqual(JOURNEY_ACTIONS.map((action) => `assignment.${action}`));
    expect(audit.map((row) => row.actor_user_id)).toEqual(authors);
    expect(audit.map((row) => JSON.parse(row.after_json ?? "{}").event_id)).toEqual(events.slice(1).map((event) => event.id));

    const notices = await db
      .selectFrom("notifications")
      .select(["user_id", "kind"])
      .where("assignment_id", "=", akmola.assignmentId)
      .orderBy("created_at")
      .execute();
    expect(notices.filter((n) => n.user_id === users.controller).map((n) => n.kind)).toEqual([
      "extension_requested",
      "report_submitted",
      "report_submitted",
    ]);
    // The demo told Akmola of the new instruction at publication; the journey adds the decisions.
    expect(notices.filter((n) => n.user_id === users.akmola).map((n) => n.kind)).toEqual(["assigned", "extension_approved", "report_returned", "report_accepted"]);
  });

  it("North Kazakhstan can neither see Akmola's evidence nor act on Akmola's assignment", async () => {
    expect(uploadedFileId).not.toBe("");
    const { context, page, problems } = await signedIn("north-kazakhstan");
    try {
      // Its own assignment it does see (the session works).
      const own = await page.request.get(`${server.url}/assignments/${northKazakhstan.assignmentId}`);
      expect(own.status()).toBe(200);

      const file = await page.request.get(`${server.url}/files/${uploadedFileId}`);
      expect(file.status()).toBe(404);
      expect((await file.body()).includes(pdf.subarray(0, 64))).toBe(false);
      const assignment = await page.request.get(`${server.url}/assignments/${akmola.assignmentId}`);
      expect(assignment.status()).toBe(404);
      expect(await assignment.text()).not.toContain(PROGRESS_TEXT);

      const current = await server.db.selectFrom("assignments").select("version").where("id", "=", akmola.assignmentId).executeTakeFirstOrThrow();
      const before = await snapshotDatabase(server.db);
      const response = await page.request.post(`${server.url}/assignments/${akmola.assignmentId}`, {
        form: {
          action: "post_progress",
          version: String(current.version),
          idempotencyKey: randomUUID(),
          body: "Солтүстік Қазақстаннан бөтен тапсырмаға жазба.",
        },
        headers: { Origin: server.origin },
        maxRedirects: 0,
      });
      expect([403, 404]).toContain(response.status());
      expect(await snapshotDatabase(server.db)).toEqual(before);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("the same rendered progress form, sent twice, records one event", async () => {
    const { context, page, problems } = await signedIn("north-kazakhstan");
    try {
      const id = northKazakhstan.assignmentId;
      await open(page, `/assignments/${id}`);
      const form = actionForm(page, t("execution.action.post_progress"));
      await form.waitFor();
      const hidden = Object.fromEntries(
        await form.locator('input[type="hidden"]').evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value])),
      ) as Record<string, string>;
      expect(hidden.action).toBe("post_progress");
      expect(hidden.idempotencyKey).toMatch(/^[0-9a-f-]{36}$/);
      const before = await server.db.selectFrom("assignments").select("version").where("id", "=", id).executeTakeFirstOrThrow();
      expect(hidden.version).toBe(String(before.version));
      const eventsBefore = await server.db.selectFrom("assignment_events").select("id").where("assignment_id", "=", id).execute();
      const renderedEvents = await timelineEvents(page).count();
      expect(renderedEvents).toBe(eventsBefore.length);

      const body = "Жер учаскелерін бөлу бойынша өтінімдердің 60%-ы қаралды.";
      const send = () =>
        page.request.post(`${server.url}/assignments/${id}`, {
          multipart: { ...hidden, body, percent: "60" },
          headers: { Origin: server.origin },
          maxRedirects: 0,
        });
      const first = await send();
      const second = await send();
      for (const response of [first, second]) {
        expect(response.status()).toBe(302);
        expect(new URL(response.headers()["location"], server.url).pathname).toBe(`/assignments/${id}`);
      }

      const events = await server.db
        .selectFrom("assignment_events")
        .select(["kind", "body", "idempotency_key"])
        .where("assignment_id", "=", id)
        .orderBy("created_at")
        .orderBy("id")
        .execute();
      expect(events).toHaveLength(eventsBefore.length + 1);
      expect(events.at(-1)).toEqual({ kind: "progress", body, idempotency_key: hidden.idempotencyKey });
      const after = await server.db.selectFrom("assignments").select(["version", "percent_complete"]).where("id", "=", id).executeTakeFirstOrThrow();
      expect(after).toEqual({ version: before.version + 1, percent_complete: 60 });
      const audit = await server.db
        .selectFrom("audit_log")
        .select("action")
        .where("entity_id", "=", id)
        .where("action", "=", "assignment.post_progress")
        .execute();
      expect(audit).toHaveLength(1);

      // The page shows it once.
      await open(page, `/assignments/${id}`);
      await waitForTimelineCount(page, renderedEvents + 1);
      expect(await timelineEvents(page).filter({ hasText: body }).count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
