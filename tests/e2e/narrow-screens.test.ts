import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, screenshot, signInAsDemoUser, watchForProblems } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/*
 * A phone's width (390 px) in real headless Chromium: each role's pages fit the screen, so nothing but a wide
 * table's own scroller moves sideways. A page the document itself scrolls sideways on shows blank space to the
 * right of everything and loses its header when read with a thumb.
 */

const PHONE = { width: 390, height: 844 };

let server: TestServer;
let browser: Browser;
/** Paths each demo user reads, with the demo data's own ids. */
let pagesOf: Record<string, string[]>;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const db = server.db;
  const meeting = await db.selectFrom("meetings").select("id").where("protocol_number", "=", "14").executeTakeFirstOrThrow();
  const instructions = await db.selectFrom("instructions").select(["id", "number"]).where("meeting_id", "=", meeting.id).orderBy("number").execute();
  const manyAssignees = instructions.find((row) => row.number === "2")!;
  const ministryAssignment = await db
    .selectFrom("assignments")
    .innerJoin("users", "users.organization_id", "assignments.organization_id")
    .select("assignments.id")
    .where("users.login", "=", "ministry")
    .executeTakeFirstOrThrow();
  pagesOf = {
    controller: ["/", "/instructions", "/review", "/meetings", `/meetings/${meeting.id}`, `/instructions/${manyAssignees.id}`, `/assignments/${ministryAssignment.id}`, "/search?q=интернет"],
    ministry: ["/", "/assignments", `/assignments/${ministryAssignment.id}`, "/notifications"],
    secretariat: ["/", "/meetings", `/meetings/${meeting.id}/edit`, "/meetings/import", "/people"],
    admin: ["/organizations", "/people"],
  };
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signIn = (page: Page, login: string) => signInAsDemoUser(page, server.url, login);

/** What sticks out past the screen's right edge, named by tag and class, or null when the page fits. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement;
    if (root.scrollWidth <= root.clientWidth) return null;
    // Inside a scroller (a wide table's, the navigation's) sticking out is that scroller's business.
    const clipped = (element: Element) => {
      for (let parent = element.parentElement; parent && parent !== document.body; parent = parent.parentElement) {
        if (getComputedStyle(parent).overflowX !== "visible") return true;
      }
      return false;
    };
    const sticking = [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > root.clientWidth + 1 && !clipped(element))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.getAttribute("class") ?? ""}`);
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, sticking };
  });
}

describe("on a phone's width", () => {
  for (const login of ["controller", "ministry", "secretariat", "admin"]) {
    it(`every page ${login} reads fits the screen`, async () => {
      const context = await newContext(browser, "kk");
      const page = await context.newPage();
      await page.setViewportSize(PHONE);
      const problems = watchForProblems(page);
      try {
        await signIn(page, login);
        const wide: Record<string, unknown> = {};
        for (const path of pagesOf[login]) {
          const response = await page.goto(`${server.url}${path}`);
          expect(response?.status(), path).toBe(200);
          const sticking = await overflow(page);
          if (sticking) wide[path] = sticking;
        }
        await screenshot(page, `narrow-${login}-last-kk`);
        expect(wide).toEqual({});
        expect(problems).toEqual([]);
      } finally {
        await context.close();
      }
    });
  }
});
