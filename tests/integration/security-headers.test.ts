import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, newContext, watchForProblems } from "../support/browser";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";

/*
 * The headers every answer carries: a Content-Security-Policy with a fresh nonce per request that every inline
 * script of the page carries, nosniff, Referrer-Policy, no-store on signed-in pages, HSTS only over HTTPS.
 */

let server: TestServer;
let controller: Client;

beforeAll(async () => {
  server = await startServer({ TRUST_PROXY: "loopback" });
  controller = new Client(server);
  expect((await controller.signIn("controller")).status).toBe(302);
});
afterAll(() => server?.stop());

function directives(response: Response): Map<string, string> {
  const policy = response.headers.get("content-security-policy") ?? "";
  return new Map(policy.split(";").map((part) => part.trim().split(/\s+/)).map(([name, ...values]) => [name, values.join(" ")]));
}

/** The nonce of the header, after checking that every script of the page carries exactly that one. */
async function checkPage(response: Response): Promise<string> {
  const csp = directives(response);
  const nonce = csp.get("script-src")?.match(/'nonce-([^']+)'/)?.[1];
  expect(nonce).toBeTruthy();
  expect(csp.get("script-src")).not.toContain("unsafe-inline");
  expect(csp.get("script-src")).not.toContain("unsafe-eval");
  expect(csp.get("style-src")).toBe("'self'");
  expect(csp.get("object-src")).toBe("'none'");
  expect(csp.get("base-uri")).toBe("'none'");
  expect(csp.get("frame-ancestors")).toBe("'none'");
  expect(csp.get("default-src")).toBe("'self'");
  expect(response.headers.get("x-content-type-options")).toBe("nosniff");
  expect(response.headers.get("referrer-policy")).toBe("same-origin");
  const html = await response.text();
  const scripts = html.match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const tag of scripts) expect(tag).toContain(`nonce="${nonce}"`);
  // The policy allows no inline styles; the markup must not need any.
  expect(html).not.toMatch(/\sstyle="/);
  return nonce!;
}

describe("security headers", () => {
  it("gives a signed-in page the policy, a fresh nonce on every script, and no-store", async () => {
    for (const path of ["/", "/instructions", "/meetings", "/review"]) {
      const response = await controller.get(path);
      expect(response.status, path).toBe(200);
      expect(response.headers.get("cache-control"), path).toBe("no-store");
      expect(response.headers.get("strict-transport-security"), path).toBeNull();
      await checkPage(response);
    }
    const first = await checkPage(await controller.get("/"));
    const second = await checkPage(await controller.get("/"));
    expect(first).not.toBe(second);
  });

  it("keeps signed-in data out of caches when the browser navigates with JavaScript too", async () => {
    const response = await controller.get("/instructions.data");
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("private, no-cache");
  });

  it("gives a public page the same policy", async () => {
    const response = await new Client(server).get("/login");
    expect(response.status).toBe(200);
    await checkPage(response);
  });

  it("sends HSTS only when the request came over HTTPS through the trusted proxy", async () => {
    const plain = await new Client(server).get("/login");
    expect(plain.headers.get("strict-transport-security")).toBeNull();
    const secure = await new Client(server).get("/login", { "X-Forwarded-Proto": "https" });
    expect(secure.headers.get("strict-transport-security")).toBe("max-age=31536000; includeSubDomains");
  });

  it("lets the browser tests see a violation: an injected inline script is blocked and reported", async () => {
    const browser = await launchBrowser();
    try {
      const context = await newContext(browser, "kk");
      const page = await context.newPage();
      const problems = watchForProblems(page);
      await page.goto(`${server.url}/login`);
      expect(problems).toEqual([]);
      await page.evaluate(() => {
        const script = document.createElement("script");
        script.textContent = "document.title = 'injected'";
        document.head.append(script);
      });
      await expect.poll(() => problems.some((p) => p.startsWith("CSP violation: script-src-elem blocked inline"))).toBe(true);
      expect(await page.title()).not.toBe("injected");
    } finally {
      await browser.close();
    }
  });
});
