import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Browser, BrowserContext, Locator, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seeds/demo";
import { addDays, almatyDate, almatyWallClockToIso, endOfYear } from "../../app/domain/calendar";
import { en } from "../../app/i18n/en";
import { formatDate } from "../../app/i18n/format";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { launchBrowser, newContext, screenshot, watchForProblems } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/*
 * The reference case recorded by hand, in real headless Chromium against the production server: the
 * secretariat types the selector meeting on rural broadband (shared/fixtures/selector-meeting-broadband.kk.txt)
 * into the editor, with its six speakers and two instructions, and publishes the minutes; then an akimat,
 * the controller and the printable PDF each see what they should.
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

/** A message key showing through instead of its text, e.g. "minutes.speakers". */
const RAW_KEY = new RegExp(
  `\\b(${[...new Set(Object.keys(en).map((key) => key.split(".")[0]))].join("|")})\\.[a-z][A-Za-z]+(\\.[a-z][A-Za-z]+)?\\b`,
);

// ---------------------------------------------------------------------------------------------------------
// What the secretariat reads in the news item and types in.

// The texts are the fixture's own words (with its quirks, e.g. "антенналық - мачталық"), as a secretary would
// copy them from the news item into the form; the repository does not carry the fixture, so they are quoted here.
const PROTOCOL = "E2E-15";
const TITLE = "Елді мекендерді кеңжолақты интернетке қолжетімділікпен қамтамасыз ету мәселесі бойынша Үкіметтің селекторлық отырысы";
const PLACE = "Үкімет үйі, селекторлық режимде";
const SOURCE = "zakon.kz";
const SUMMARY =
  "Сондықтан \"Цифрлық Қазақстан\" мемлекеттік бағдарламасын іске асыру аясында желіні пайдаланушылардың үлесі 88%-ға дейін, " +
  "ал цифрлық сауаттылық деңгейі 83%-ға жетеді. Бұл міндеттерді осы жылдың соңына дейін жүзеге асыру 5163 ауылдық елді " +
  "мекенді кеңжолақты интернетпен қамтамасыз етуге мүмкіндік береді. Нәтижесінде ауылдарда 7,6 млн астам адам онлайн білім " +
  "алуға, телемедицинаға, мемлекеттік қызметтерге, электрондық саудаға қол жеткізеді.";
const CHAIR = "Асқар Мамин";
/** "Үкімет басшысы … шараларды қабылдауды тапсырды." as the protocol words it. */
const INSTRUCTION_1 =
  "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігіне байланыс операторларымен бірлесіп жоспарланған " +
  "елді мекендерді интернетпен қамтамасыз ету жобаларын уақтылы іске асыру бойынша барлық қажетті шараларды қабылдау.";
/** "Әкімдіктерге … мәселелерін жедел шешу тапсырылды." */
const INSTRUCTION_2 =
  "Әкімдіктерге антенналық - мачталық құрылыстар салуға және байланыс желісін тартуға жер бөлу, электр энергиясымен " +
  "қамтамасыз ету мәселелерін жедел шешу.";

const SPEAKERS = [
  {
    name: "А. Жұмағалиев",
    position: "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрі",
    organization: "mdai",
    summary: "Ауылдық елді мекендерді кеңжолақты интернетпен қамтамасыз ету жұмыстары туралы баяндады.",
  },
  {
    name: "К. Есекеев",
    position: "«Қазақтелеком» АҚ басқарма төрағасы",
    organization: "kazakhtelecom",
    summary: "Талшықты-оптикалық байланыс желілерін тарту барысы туралы баяндады.",
  },
  {
    name: "Ж. Надыров",
    position: "«Транстелеком» АҚ басқарма төрағасы",
    organization: "transtelecom",
    summary: "Магистральдық желілерді дамыту туралы баяндады.",
  },
  {
    name: "Е. Настрадин",
    position: "«Кар-Тел» ЖШС атқарушы директоры",
    organization: "kar-tel",
    summary: "Ауылдарда мобильді интернетке қолжетімділікті кеңейту туралы баяндады.",
  },
  {
    name: "Е. Маржықпаев",
    position: "Ақмола облысының әкімі",
    organization: "akmola",
    summary: "Антенналық-мачталық құрылыстарға жер бөлу мәселелері туралы баяндады.",
  },
  {
    name: "Қ. Ақсақалов",
    position: "Солтүстік Қазақстан облысының әкімі",
    organization: "north-kazakhstan",
    summary: "Облыс ауылдарында интернетке қолжетімділік туралы баяндады.",
  },
] as const;
const SPEAKER_NAMES = SPEAKERS.map((speaker) => speaker.name);
const SURNAMES = SPEAKER_NAMES.map((name) => name.split(" ").at(-1)!);
const INLINE_PERSON = "Тест Тұлғасы";
const CO_EXECUTORS = ["kazakhtelecom", "transtelecom", "kar-tel"] as const;

/** The meeting was held 20 days ago (Almaty), like the demo one. */
const MEETING_DATE = addDays(almatyDate(), -20);
const MEETING_TIME = "10:00";
const DEADLINE_1 = endOfYear(MEETING_DATE);
const DEADLINE_2 = addDays(MEETING_DATE, 25);

// ---------------------------------------------------------------------------------------------------------

let server: TestServer;
let browser: Browser;
/** Organization ids and Kazakh names by code, from the demo directory. */
let organizations: Map<string, { id: string; name_kk: string; kind: string; parent_id: string | null }>;
/** Set by the first case, read by the others. */
let meetingId = "";

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const rows = await server.db.selectFrom("organizations").select(["id", "code", "name_kk", "kind", "parent_id"]).execute();
  organizations = new Map(rows.flatMap((row) => (row.code ? [[row.code, row] as const] : [])));
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function organization(code: string) {
  const row = organizations.get(code);
  if (!row) throw new Error(`no organization ${code} in the demo directory`);
  return row;
}

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

/**
 * A form control by its label's text. Required fields add an aria-hidden " *" to the label, which is not part
 * of the accessible name but is part of the text Playwright's getByLabel matches, so the marker is allowed.
 */
function field(scope: Page | Locator, label: string) {
  return scope.getByLabel(new RegExp(`^${escapeRegExp(label)}(\\s*\\*)?$`));
}

function escapeRegExp(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

const button = (scope: Page | Locator, name: string) => scope.getByRole("button", { name, exact: true });

/** The one option of a select whose text contains `text` (the pickers show "Name — position, organization"). */
async function chooseByText(select: Locator, text: string) {
  const options = select.locator("option", { hasText: text });
  expect(await options.count(), `options containing ${text}`).toBe(1);
  await select.selectOption((await options.getAttribute("value"))!);
}

/** The field error rendered under a control: <p id="…-error">, and the control points at it. */
async function fieldError(control: Locator): Promise<string | null> {
  const describedBy = await control.getAttribute("aria-describedby");
  if (!describedBy?.endsWith("-error")) return null;
  expect(await control.getAttribute("aria-invalid")).toBe("true");
  const error = control.page().locator(`p#${describedBy}`);
  // Next to the field: in the same wrapper as the control and its label.
  expect(await control.locator("xpath=..").locator(`p#${describedBy}`).count()).toBe(1);
  return (await error.textContent())?.trim() ?? null;
}

async function waitForFlash(page: Page, text: string) {
  await page.getByRole("status").filter({ hasText: text }).waitFor();
}

async function expectNoRawKeys(page: Page) {
  const body = (await page.locator("body").innerText()) + " " + (await page.title());
  expect(body).not.toMatch(RAW_KEY);
}

/** A fresh context signed in as a demo user, in Kazakh unless said otherwise. */
async function signedIn(login: string, language: Language = "kk") {
  await server.db.updateTable("users").set({ language }).where("login", "=", login).execute();
  const context = await newContext(browser, language);
  try {
    const page = await context.newPage();
    const problems = watchForProblems(page);
    await page.goto(`${server.url}/login`);
    await hydrated(page);
    const tl = translatorFor(language);
    await field(page, tl("login.login")).fill(login);
    await field(page, tl("login.password")).fill(DEMO_PASSWORD);
    await button(page, tl("login.submit")).click();
    await page.waitForURL(`${server.url}/`);
    await page.getByTestId("user-name").waitFor();
    // Remix's lazy route discovery fetches /__manifest for the dashboard's links once it hydrates; the cases go on
    // with page.goto, and a document navigation would abort that fetch mid-flight (a "request failed" that is
    // the test's doing, not the app's). So let the dashboard finish loading first.
    await hydrated(page);
    await page.waitForLoadState("networkidle");
    return { context, page, problems };
  } catch (error) {
    await context.close();
    throw error;
  }
}

async function withUser(login: string, run: (page: Page, problems: string[], context: BrowserContext) => Promise<void>) {
  const { context, page, problems } = await signedIn(login);
  try {
    await run(page, problems, context);
  } finally {
    await context.close();
  }
}

/** Opens a page of the app and waits for React to take over. */
async function open(page: Page, pathname: string) {
  await page.goto(`${server.url}${pathname}`);
  await hydrated(page);
}

// Editor helpers.

const speakerItems = (page: Page) => page.locator("#speakers ol > li");

/** The speakers as the editor lists them: names, in order (the line reads "1.А. Жұмағалиев"). */
async function editorSpeakerNames(page: Page): Promise<string[]> {
  const lines = await speakerItems(page).locator("p:first-child").allInnerTexts();
  return lines.map((line) => line.replace(/^\d+\.\s*/, "").trim());
}

async function waitForSpeakerCount(page: Page, count: number) {
  await expect.poll(() => speakerItems(page).count(), { timeout: 10_000 }).toBe(count);
}

function speakerItem(page: Page, name: string) {
  return speakerItems(page).filter({ hasText: name });
}

/** Assignment rows in the instruction page's table. */
function assigneeRows(page: Page) {
  return page.getByRole("table", { name: t("instructions.assignments.title"), exact: true }).locator("tbody tr");
}

async function waitForAssigneeCount(page: Page, count: number) {
  await expect.poll(() => assigneeRows(page).count(), { timeout: 10_000 }).toBe(count);
}

async function addAssignee(page: Page, code: string, role: "lead" | "co_executor") {
  const before = await assigneeRows(page).count();
  await field(page, t("table.organization")).selectOption({ label: organization(code).name_kk });
  await field(page, t("instructions.assignments.role")).selectOption(role);
  await button(page, t("instructions.assignments.add")).click();
  await waitForAssigneeCount(page, before + 1);
  const row = assigneeRows(page).filter({ hasText: organization(code).name_kk });
  expect(await row.locator("td").nth(1).innerText()).toBe(t(`assignmentRole.${role}`));
}

/** Back from an instruction to the meeting editor, by its link. */
async function backToEditor(page: Page) {
  await page.getByRole("link", { name: t("instructions.edit.backToMeeting"), exact: true }).click();
  await page.waitForURL((url) => url.pathname === `/meetings/${meetingId}/edit`);
  await page.locator("#speakers").waitFor();
}

// Minutes helpers.

async function minutesSpeakerNames(page: Page): Promise<string[]> {
  return (await page.getByTestId("speaker").locator("div > p:first-child").allInnerTexts()).map((name) => name.trim());
}

async function instructionCodes(page: Page): Promise<string[]> {
  return (await page.getByTestId("instruction").locator("span.font-mono").allInnerTexts()).map((code) => code.trim());
}

function chairLine(page: Page, language: Language) {
  return page.locator("dl > div", { has: page.locator("dt", { hasText: translate(language, "minutes.chair") }) }).locator("dd");
}

describe("recording the reference meeting by hand", () => {
  it("the secretariat records the selector meeting, its speakers and instructions, and publishes the minutes", { timeout: 120_000 }, async () => {
    await withUser("secretariat", async (page, problems) => {
      // /meetings → New meeting.
      await open(page, "/meetings");
      await page.getByRole("link", { name: t("meetings.new.title"), exact: true }).click();
      await page.waitForURL(`${server.url}/meetings/new`);
      await page.getByRole("heading", { level: 1, name: t("meetings.new.title"), exact: true }).waitFor();

      // Everything but the title: the form refuses it and keeps what was typed.
      const form = page.locator("main form[method=post]");
      await field(form, t("meetings.field.kind")).selectOption("selector_meeting");
      await field(form, t("meetings.field.protocolNumber")).fill(PROTOCOL);
      await field(form, t("meetings.field.heldDate")).fill(MEETING_DATE);
      await field(form, t("meetings.field.heldTime")).fill(MEETING_TIME);
      await chooseByText(field(form, t("meetings.field.chair")), CHAIR);
      const chairId = await field(form, t("meetings.field.chair")).inputValue();
      await field(form, t("meetings.field.place")).fill(PLACE);
      await field(form, t("meetings.field.sourceReference")).fill(SOURCE);
      await field(form, t("meetings.field.summary")).fill(SUMMARY);
      await button(form, t("meetings.new.submit")).click();

      const title = field(form, t("meetings.field.title"));
      await page.locator("p#field-title-error").waitFor();
      expect(await fieldError(title)).toBe(t("validation.required"));
      expect(new URL(page.url()).pathname).toBe("/meetings/new");
      expect(await form.locator('p[id$="-error"]').count()).toBe(1);
      expect(await field(form, t("meetings.field.kind")).inputValue()).toBe("selector_meeting");
      expect(await field(form, t("meetings.field.protocolNumber")).inputValue()).toBe(PROTOCOL);
      expect(await field(form, t("meetings.field.heldDate")).inputValue()).toBe(MEETING_DATE);
      expect(await field(form, t("meetings.field.heldTime")).inputValue()).toBe(MEETING_TIME);
      expect(await field(form, t("meetings.field.chair")).inputValue()).toBe(chairId);
      expect(await field(form, t("meetings.field.place")).inputValue()).toBe(PLACE);
      expect(await field(form, t("meetings.field.sourceReference")).inputValue()).toBe(SOURCE);
      expect(await field(form, t("meetings.field.summary")).inputValue()).toBe(SUMMARY);
      expect(await server.db.selectFrom("meetings").select("id").where("protocol_number", "=", PROTOCOL).executeTakeFirst()).toBeUndefined();
      await settledScreenshot(page, "meeting-form-error-kk");

      await title.fill(TITLE);
      await button(form, t("meetings.new.submit")).click();
      await page.waitForURL(/\/meetings\/[^/]+\/edit$/);
      meetingId = new URL(page.url()).pathname.split("/")[2];
      await waitForFlash(page, t("meetings.flash.created"));
      await page.getByRole("heading", { level: 1, name: t("meetings.edit.title"), exact: true }).waitFor();
      expect(await page.getByText(t("meetings.speakers.empty"), { exact: true }).isVisible()).toBe(true);

      // The six speakers, picked from the directory, with their positions as at the meeting.
      const speakerForm = page.locator("#speakers form", { has: page.locator('input[name="intent"][value="speaker_add"]') });
      for (const [index, speaker] of SPEAKERS.entries()) {
        await chooseByText(field(speakerForm, t("meetings.speakers.pickPerson")), speaker.name);
        await field(speakerForm, t("meetings.speakers.newPerson")).fill("");
        await field(speakerForm, t("meetings.speakers.position")).fill(speaker.position);
        await field(speakerForm, t("meetings.speakers.organization")).selectOption({ label: organization(speaker.organization).name_kk });
        await field(speakerForm, t("meetings.speakers.summary")).fill(speaker.summary);
        await button(speakerForm, t("meetings.speakers.add")).click();
        await waitForSpeakerCount(page, index + 1);
      }
      expect(await editorSpeakerNames(page)).toEqual(SPEAKER_NAMES);
      for (const speaker of SPEAKERS) {
        expect(await speakerItem(page, speaker.name).innerText()).toContain(`${speaker.position}, ${organization(speaker.organization).name_kk}`);
      }

      // One typed inline as a new person, then removed.
      await field(speakerForm, t("meetings.speakers.pickPerson")).selectOption("");
      await field(speakerForm, t("meetings.speakers.newPerson")).fill(INLINE_PERSON);
      await field(speakerForm, t("meetings.speakers.position")).fill("Сынақ лауазымы");
      await field(speakerForm, t("meetings.speakers.organization")).selectOption("");
      await field(speakerForm, t("meetings.speakers.summary")).fill("Сынақ баяндамасы.");
      await button(speakerForm, t("meetings.speakers.add")).click();
      await waitForSpeakerCount(page, 7);
      expect(await editorSpeakerNames(page)).toEqual([...SPEAKER_NAMES, INLINE_PERSON]);
      expect(await server.db.selectFrom("people").select("id").where("full_name", "=", INLINE_PERSON).execute()).toHaveLength(1);
      // Each row's buttons name their subject, so a screen reader can tell the rows apart.
      await button(page, `${t("common.remove")}: ${INLINE_PERSON}`).click();
      await waitForSpeakerCount(page, 6);
      expect(await editorSpeakerNames(page)).toEqual(SPEAKER_NAMES);

      // The second speaker down one place, and back up.
      const [first, second, third, ...rest] = SPEAKER_NAMES;
      expect(await button(page, `${t("common.moveUp")}: ${first}`).isDisabled()).toBe(true);
      expect(await button(page, `${t("common.moveDown")}: ${SPEAKER_NAMES[5]}`).isDisabled()).toBe(true);
      await button(page, `${t("common.moveDown")}: ${second}`).click();
      await expect.poll(() => editorSpeakerNames(page), { timeout: 10_000 }).toEqual([first, third, second, ...rest]);
      await button(page, `${t("common.moveUp")}: ${second}`).click();
      await expect.poll(() => editorSpeakerNames(page), { timeout: 10_000 }).toEqual(SPEAKER_NAMES);

      // Instruction 1: to the ministry with the operators, by the end of the year, under special control.
      await page.getByRole("link", { name: t("instructions.new.title"), exact: true }).click();
      await page.waitForURL(`${server.url}/meetings/${meetingId}/instructions/new`);
      await page.getByRole("heading", { level: 1, name: t("instructions.new.title"), exact: true }).waitFor();
      expect(await field(page, t("instructions.field.number")).inputValue()).toBe("1");
      await field(page, t("instructions.field.text")).fill(INSTRUCTION_1);
      const endOfYearChoice = page.getByRole("radio", {
        name: t("instructions.deadline.endOfYear", { date: formatDate(DEADLINE_1, "kk") }),
        exact: true,
      });
      await endOfYearChoice.check();
      await field(page, t("instructions.field.specialControl")).check();
      await button(page, t("instructions.new.submit")).click();
      await page.waitForURL(new RegExp(`/meetings/${meetingId}/instructions/(?!new)[^/#]+(#assignments)?$`));
      await waitForFlash(page, t("instructions.flash.created"));
      await page.getByRole("heading", { level: 1, name: t("instructions.edit.title", { code: `${PROTOCOL}/1` }), exact: true }).waitFor();
      expect(await page.getByText(t("instructions.assignments.empty"), { exact: true }).isVisible()).toBe(true);

      await addAssignee(page, "mdai", "lead");
      for (const code of CO_EXECUTORS) await addAssignee(page, code, "co_executor");
      await waitForAssigneeCount(page, 4);

      // Instruction 2: to every akimat, with a typed date, first one before the meeting.
      await backToEditor(page);
      await page.getByRole("link", { name: t("instructions.new.title"), exact: true }).click();
      await page.waitForURL(`${server.url}/meetings/${meetingId}/instructions/new`);
      await hydrated(page);
      expect(await field(page, t("instructions.field.number")).inputValue()).toBe("2");
      await field(page, t("instructions.field.text")).fill(INSTRUCTION_2);
      await page.getByRole("radio", { name: t("instructions.deadline.date"), exact: true }).check();
      const deadline = field(page, t("instructions.deadline.dateLabel"));
      await deadline.fill(addDays(MEETING_DATE, -1));
      await button(page, t("instructions.new.submit")).click();
      await page.locator("p#field-deadline-error").waitFor();
      expect(await fieldError(deadline)).toBe(t("instructions.error.deadlineBeforeMeeting"));
      expect(new URL(page.url()).pathname).toBe(`/meetings/${meetingId}/instructions/new`);
      expect(await field(page, t("instructions.field.text")).inputValue()).toBe(INSTRUCTION_2);
      expect(await field(page, t("instructions.field.number")).inputValue()).toBe("2");
      await deadline.fill(DEADLINE_2);
      await button(page, t("instructions.new.submit")).click();
      await page.getByRole("heading", { level: 1, name: t("instructions.edit.title", { code: `${PROTOCOL}/2` }), exact: true }).waitFor();
      await waitForFlash(page, t("instructions.flash.created"));

      await button(page, t("instructions.assignments.allAkimats")).click();
      await waitForFlash(page, t("instructions.flash.akimatsAssigned"));
      await waitForAssigneeCount(page, 20);
      const roles = await assigneeRows(page).locator("td:nth-child(2)").allInnerTexts();
      expect(new Set(roles)).toEqual(new Set([t("assignmentRole.lead")]));

      // Publish from the editor.
      await backToEditor(page);
      const instructionLines = await page.locator("#instructions li").allInnerTexts();
      expect(instructionLines).toHaveLength(2);
      expect(instructionLines[0]).toContain(`${PROTOCOL}/1`);
      expect(instructionLines[0]).toContain(t("meetings.instructions.assigneeCount", { count: "4" }));
      expect(instructionLines[1]).toContain(`${PROTOCOL}/2`);
      expect(instructionLines[1]).toContain(t("meetings.instructions.assigneeCount", { count: "20" }));
      expect(await page.getByText(t("meetings.publish.ready"), { exact: true }).isVisible()).toBe(true);
      await button(page, t("meetings.publish.submit")).click();
      await page.waitForURL(`${server.url}/meetings/${meetingId}`);
      await waitForFlash(page, t("meetings.flash.published"));

      // The minutes.
      await page.getByRole("heading", { level: 1, name: TITLE, exact: true }).waitFor();
      expect((await chairLine(page, "kk").innerText()).trim().startsWith(CHAIR)).toBe(true);
      expect(await minutesSpeakerNames(page)).toEqual(SPEAKER_NAMES);
      for (const [index, speaker] of SPEAKERS.entries()) {
        expect(await page.getByTestId("speaker").nth(index).innerText()).toContain(speaker.position);
      }
      expect(await page.getByTestId("instruction").count()).toBe(2);
      expect(await instructionCodes(page)).toEqual([`${PROTOCOL}/1`, `${PROTOCOL}/2`]);
      expect(await page.getByTestId("instruction").nth(0).innerText()).toContain(INSTRUCTION_1);
      expect(await page.getByTestId("instruction").nth(1).innerText()).toContain(INSTRUCTION_2);
      expect(await page.getByTestId("instruction").nth(0).innerText()).toContain(t("minutes.specialControl"));
      expect(await page.getByTestId("instruction").nth(0).getByTestId("assignment").count()).toBe(4);
      expect(await page.getByTestId("instruction").nth(1).getByTestId("assignment").count()).toBe(20);
      expect(await page.getByTestId("assignment").count()).toBe(24);
      await expectNoRawKeys(page);

      expect(problems).toEqual([]);
    });

    // What was stored.
    const db = server.db;
    const meeting = await db.selectFrom("meetings").selectAll().where("id", "=", meetingId).executeTakeFirstOrThrow();
    const secretariat = await db.selectFrom("users").select("id").where("login", "=", "secretariat").executeTakeFirstOrThrow();
    const chair = await db.selectFrom("people").select("id").where("full_name", "=", CHAIR).executeTakeFirstOrThrow();
    expect(meeting).toMatchObject({
      status: "published",
      kind: "selector_meeting",
      title: TITLE,
      protocol_number: PROTOCOL,
      held_at: almatyWallClockToIso(MEETING_DATE, MEETING_TIME),
      chair_person_id: chair.id,
      place: PLACE,
      source_reference: SOURCE,
      summary: SUMMARY,
      created_by: secretariat.id,
    });
    expect(meeting.published_at).toBeTruthy();

    const speakers = await db
      .selectFrom("speakers")
      .innerJoin("people", "people.id", "speakers.person_id")
      .select(["people.full_name", "speakers.sort_order", "speakers.position", "speakers.organization_id", "speakers.summary"])
      .where("speakers.meeting_id", "=", meetingId)
      .orderBy("speakers.sort_order")
      .execute();
    expect(speakers).toEqual(
      SPEAKERS.map((speaker, index) => ({
        full_name: speaker.name,
        sort_order: index + 1,
        position: speaker.position,
        organization_id: organization(speaker.organization).id,
        summary: speaker.summary,
      })),
    );

    const instructions = await db
      .selectFrom("instructions")
      .select(["id", "number", "text", "deadline", "special_control", "issued_by_person_id"])
      .where("meeting_id", "=", meetingId)
      .orderBy("number")
      .execute();
    expect(instructions.map(({ id: _id, ...rest }) => rest)).toEqual([
      { number: "1", text: INSTRUCTION_1, deadline: DEADLINE_1, special_control: 1, issued_by_person_id: chair.id },
      { number: "2", text: INSTRUCTION_2, deadline: DEADLINE_2, special_control: 0, issued_by_person_id: chair.id },
    ]);

    const assignments = await db
      .selectFrom("assignments")
      .innerJoin("organizations", "organizations.id", "assignments.organization_id")
      .select(["assignments.id", "assignments.instruction_id", "assignments.role", "assignments.status", "assignments.deadline", "organizations.code"])
      .where("assignments.instruction_id", "in", instructions.map((instruction) => instruction.id))
      .execute();
    expect(assignments).toHaveLength(24);
    const first = assignments.filter((a) => a.instruction_id === instructions[0].id);
    expect(Object.fromEntries(first.map((a) => [a.code, a.role]))).toEqual({
      mdai: "lead",
      kazakhtelecom: "co_executor",
      transtelecom: "co_executor",
      "kar-tel": "co_executor",
    });
    const second = assignments.filter((a) => a.instruction_id === instructions[1].id);
    const akimatCodes = [...organizations.entries()]
      .filter(([, row]) => row.kind === "regional_akimat" || (row.kind === "city_akimat" && row.parent_id === null))
      .map(([code]) => code)
      .sort();
    expect(akimatCodes).toHaveLength(20);
    expect(second.map((a) => a.code).sort()).toEqual(akimatCodes);
    expect(new Set(second.map((a) => a.role))).toEqual(new Set(["lead"]));
    expect(new Set(first.map((a) => a.deadline))).toEqual(new Set([DEADLINE_1]));
    expect(new Set(second.map((a) => a.deadline))).toEqual(new Set([DEADLINE_2]));
    expect(new Set(assignments.map((a) => a.status))).toEqual(new Set(["assigned"]));

    const events = await db
      .selectFrom("assignment_events")
      .select(["assignment_id", "kind", "to_status", "author_user_id"])
      .where("assignment_id", "in", assignments.map((a) => a.id))
      .execute();
    expect(events).toHaveLength(24);
    expect(new Set(events.map((event) => event.assignment_id)).size).toBe(24);
    for (const event of events) expect(event).toMatchObject({ kind: "assigned", to_status: "assigned", author_user_id: secretariat.id });

    const audit = await db
      .selectFrom("audit_log")
      .select(["action", "actor_user_id"])
      .where("entity_type", "=", "meeting")
      .where("entity_id", "=", meetingId)
      .orderBy("seq")
      .execute();
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(["meeting.create", "meeting.publish"]));
    expect(audit[0].action).toBe("meeting.create");
    expect(audit.at(-1)!.action).toBe("meeting.publish");
    for (const row of audit) expect(row.actor_user_id).toBe(secretariat.id);
  });

  it("the akmola akimat sees instruction 2 of the new minutes and not instruction 1", async () => {
    expect(meetingId).not.toBe("");
    await withUser("akmola", async (page, problems) => {
      await open(page, `/meetings/${meetingId}`);
      await page.getByRole("heading", { level: 1, name: TITLE, exact: true }).waitFor();
      expect(await instructionCodes(page)).toEqual([`${PROTOCOL}/2`]);
      const body = await page.locator("main").innerText();
      expect(body).toContain(INSTRUCTION_2);
      expect(body).not.toContain(INSTRUCTION_1);
      expect(body).not.toContain(`${PROTOCOL}/1`);
      expect(await page.getByTestId("assignment").filter({ hasText: organization("akmola").name_kk }).count()).toBe(1);
      expect(await page.getByTestId("assignment").filter({ hasText: organization("mdai").name_kk }).count()).toBe(0);
      // An assignee does not edit.
      expect(await page.getByRole("link", { name: t("minutes.edit"), exact: true }).count()).toBe(0);

      await page.getByRole("link", { name: t("minutes.backToList") }).click();
      await page.waitForURL(`${server.url}/meetings`);
      await page.locator(`main a[href="/meetings/${meetingId}"]`).waitFor();
      expect((await page.locator(`main a[href="/meetings/${meetingId}"]`).innerText()).trim()).toBe(TITLE);
      expect(problems).toEqual([]);
    });
  });

  it("the controller sees every assignment of the new minutes", async () => {
    expect(meetingId).not.toBe("");
    await withUser("controller", async (page, problems) => {
      await open(page, `/meetings/${meetingId}`);
      await page.getByRole("heading", { level: 1, name: TITLE, exact: true }).waitFor();
      expect(await instructionCodes(page)).toEqual([`${PROTOCOL}/1`, `${PROTOCOL}/2`]);
      expect(await page.getByTestId("assignment").count()).toBe(24);
      expect(await minutesSpeakerNames(page)).toEqual(SPEAKER_NAMES);
      expect(problems).toEqual([]);
    });
  });

  it("the minutes and the editor read in kk, ru and en", async () => {
    expect(meetingId).not.toBe("");
    await withUser("secretariat", async (page, problems) => {
      await open(page, `/meetings/${meetingId}`);
      for (const language of LANGUAGES) {
        const tl = translatorFor(language);
        if ((await htmlLang(page)) !== language) {
          await page.locator(`form[action="/language"] button[lang="${language}"]`).click();
          await page.waitForFunction((lang) => document.documentElement.lang === lang, language);
        }
        await page.getByRole("heading", { level: 2, name: tl("minutes.speakers"), exact: true }).waitFor();
        expect((await chairLine(page, language).innerText()).trim().startsWith(CHAIR)).toBe(true);
        expect(await page.getByTestId("speaker").count()).toBe(6);
        expect(await instructionCodes(page)).toEqual([`${PROTOCOL}/1`, `${PROTOCOL}/2`]);
        expect(await page.getByTestId("assignment").count()).toBe(24);
        await expectNoRawKeys(page);
        await settledScreenshot(page, `minutes-${language}`);

        await page.getByRole("link", { name: tl("minutes.edit"), exact: true }).click();
        await page.waitForURL(`${server.url}/meetings/${meetingId}/edit`);
        await page.getByRole("heading", { level: 1, name: tl("meetings.edit.title"), exact: true }).waitFor();
        expect(await htmlLang(page)).toBe(language);
        expect(await editorSpeakerNames(page)).toEqual(SPEAKER_NAMES);
        expect(await page.getByText(tl("meetings.edit.publishedNotice"), { exact: true }).isVisible()).toBe(true);
        await expectNoRawKeys(page);
        await settledScreenshot(page, `editor-${language}`);

        await page.getByRole("link", { name: tl("meetings.edit.viewMinutes"), exact: true }).click();
        await page.waitForURL(`${server.url}/meetings/${meetingId}`);
      }
      expect(problems).toEqual([]);
    });
  });

  it("the protocol PDF names the chair, the six speakers and both instruction codes", async () => {
    expect(meetingId).not.toBe("");
    await withUser("secretariat", async (page, problems) => {
      await open(page, `/meetings/${meetingId}`);
      const link = page.getByRole("link", { name: t("minutes.downloadPdf"), exact: true });
      const href = await link.getAttribute("href");
      expect(href).toBe(`/meetings/${meetingId}/protocol.pdf`);
      // With this context's session cookie.
      const response = await page.request.get(`${server.url}${href}`);
      expect(response.status()).toBe(200);
      expect(response.headers()["content-type"]).toMatch(/^application\/pdf\b/);
      const pdf = await response.body();
      expect(pdf.subarray(0, 5).toString("latin1")).toBe("%PDF-");

      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tapsyrma-pdf-"));
      try {
        const file = path.join(dir, "protocol.pdf");
        fs.writeFileSync(file, pdf);
        const text = execFileSync("pdftotext", ["-enc", "UTF-8", file, "-"], { encoding: "utf8" }).normalize("NFC").replace(/\s+/g, " ");
        expect(text).toContain(CHAIR);
        for (const surname of SURNAMES) expect(text).toContain(surname);
        expect(text).toContain(`${PROTOCOL}/1`);
        expect(text).toContain(`${PROTOCOL}/2`);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
      expect(problems).toEqual([]);
    });
  });
});
