import fs from "node:fs";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { kk } from "../../app/i18n/kk";
import { launchBrowser, newContext, screenshot, signInAsDemoUser, watchForProblems } from "../support/browser";
import { startServer, type TestServer } from "../support/server";

/*
 * The printable protocol in real headless Chromium: on screen a sheet with the app around it; in print media
 * only the protocol, without the app's header, navigation, toolbar or footer. And the PDF link downloads.
 */

let server: TestServer;
let browser: Browser;
let meetingId: string;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
  const meeting = await server.db.selectFrom("meetings").select("id").where("protocol_number", "=", "14").executeTakeFirstOrThrow();
  meetingId = meeting.id;
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

const signIn = (page: Page, login: string) => signInAsDemoUser(page, server.url, login);

describe("the printable protocol in the browser", () => {
  it("shows the app around the sheet on screen, and only the protocol in print", async () => {
    const context = await newContext(browser, "kk");
    const page = await context.newPage();
    const problems = watchForProblems(page);
    try {
      await signIn(page, "controller");
      await page.goto(`${server.url}/meetings/${meetingId}/protocol`);

      const shellHeader = page.locator("body header").first();
      const shellFooter = page.locator("body footer").last();
      const mainNav = page.getByRole("navigation", { name: kk["nav.main"], exact: true });
      const toolbar = page.getByRole("navigation", { name: kk["minutes.actions"], exact: true });
      const download = page.getByRole("link", { name: kk["minutes.downloadPdf"], exact: true });
      const protocolHeading = page.getByText(`${kk["protocol.heading"]} № 14`, { exact: true });
      const sheet = page.locator(".protocol-sheet");

      for (const visible of [shellHeader, shellFooter, mainNav, toolbar, download, protocolHeading, sheet]) {
        expect(await visible.isVisible()).toBe(true);
      }
      expect(await sheet.evaluate((element) => getComputedStyle(element).boxShadow)).not.toBe("none");
      await screenshot(page, "protocol-screen-kk");

      await page.emulateMedia({ media: "print" });
      for (const hidden of [shellHeader, shellFooter, mainNav, toolbar, download, page.locator('a[href="#main"]')]) {
        expect(await hidden.isVisible()).toBe(false);
      }
      expect(await page.locator("nav:visible").count()).toBe(0);
      expect(await protocolHeading.isVisible()).toBe(true);
      expect(await page.getByRole("heading", { level: 1 }).isVisible()).toBe(true);
      expect(await page.getByTestId("speaker").count()).toBe(6);
      expect(await page.getByTestId("instruction").count()).toBe(2);
      expect(await sheet.evaluate((element) => getComputedStyle(element).boxShadow)).toBe("none");
      expect(await page.locator("body").evaluate((element) => getComputedStyle(element).color)).toBe("rgb(0, 0, 0)");
      await screenshot(page, "protocol-print-kk");

      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it("downloads the PDF from the sheet's toolbar", async () => {
    const context = await newContext(browser, "kk");
    const page = await context.newPage();
    try {
      await signIn(page, "akmola");
      await page.goto(`${server.url}/meetings/${meetingId}/protocol`);
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: kk["minutes.downloadPdf"], exact: true }).click(),
      ]);
      expect(download.suggestedFilename()).toBe("protocol-14.pdf");
      const file = await download.path();
      expect(fs.readFileSync(file).subarray(0, 5).toString("latin1")).toBe("%PDF-");
    } finally {
      await context.close();
    }
  });
});
