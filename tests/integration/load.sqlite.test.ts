import { expect, inject, it } from "vitest";
import { runLoad } from "../../bench/load";

// The short variant of `npm run bench:load` (60 s): a few seconds of the same mix, checking only that nothing
// fails; timings on a shared CI machine prove nothing. It runs on a copy of the SQLite template: *.sqlite.test.ts, not run by test:pg.
it("serves a few seconds of pages and form posts from 20 connections without one error", async () => {
  const report = await runLoad({ duration: 4, template: inject("templateDatabase") });
  console.log(`pages: ${report.pages.requests} requests, p99 ${report.pages.p99} ms; posts: ${report.posts.requests} requests, p99 ${report.posts.p99} ms`);
  expect(report.pages.requests).toBeGreaterThan(0);
  expect(report.posts.requests).toBeGreaterThan(0);
  expect(report.pages.errors).toBe(0);
  expect(report.posts.errors).toBe(0);
}, 60_000);
