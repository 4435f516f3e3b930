import { describe, expect, it } from "vitest";
import { clientJavaScriptPerPage } from "../../scripts/client-js-size";

// The production build (made by the global setup) is what browsers download.
describe("client JavaScript", () => {
  it("stays within 120 KB gzip on every page", async () => {
    const pages = await clientJavaScriptPerPage();
    expect(pages.length).toBeGreaterThan(20);
    const over = pages.filter((page) => page.gzipBytes > 120 * 1024).map((page) => `${page.route}: ${(page.gzipBytes / 1024).toFixed(1)} KB`);
    expect(over).toEqual([]);
  });
});
