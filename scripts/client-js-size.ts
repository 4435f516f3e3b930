// Client JavaScript per page, gzipped, from the production build: npm run -s client-js [-- --limit 120]
// A page loads the client entry, the root route and its own route module, each with the chunks they import
// (the assets manifest of the server build lists them). Prints every route, largest first; exits 1 over the limit.
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { gzipSync } from "node:zlib";
import { buildIfStale, projectRoot } from "./build-if-stale.js";

interface AssetsEntry {
  module: string;
  imports?: string[];
}
interface RouteAssets extends AssetsEntry {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
}

export interface PageWeight {
  route: string;
  files: number;
  gzipBytes: number;
}

/** Gzipped bytes of the JavaScript each route's page loads, largest first. */
export async function clientJavaScriptPerPage(): Promise<PageWeight[]> {
  const build = await import(pathToFileURL(path.join(projectRoot, "build/server/index.js")).href);
  const assets = build.assets as { entry: AssetsEntry; routes: Record<string, RouteAssets> };
  const modules = build.routes as Record<string, { module: { default?: unknown } }>;
  const gzipped = new Map<string, number>();
  const sizeOf = (url: string) => {
    if (!gzipped.has(url)) gzipped.set(url, gzipSync(fs.readFileSync(path.join(projectRoot, "build/client", url)), { level: 9 }).length);
    return gzipped.get(url)!;
  };
  const filesOf = (entry: AssetsEntry) => [entry.module, ...(entry.imports ?? [])];
  const pages: PageWeight[] = [];
  for (const route of Object.values(assets.routes)) {
    // Resource routes (exports, feeds, files) render no page and load no script.
    if (route.id === "root" || !modules[route.id]?.module.default) continue;
    const files = new Set(filesOf(assets.entry));
    for (let current: RouteAssets | undefined = route; current; current = current.parentId ? assets.routes[current.parentId] : undefined) {
      for (const file of filesOf(current)) files.add(file);
    }
    const label = route.index ? `${route.path ?? ""} (index)` : (route.path ?? route.id);
    pages.push({ route: `/${label}`, files: files.size, gzipBytes: [...files].reduce((sum, file) => sum + sizeOf(file), 0) });
  }
  return pages.sort((a, b) => b.gzipBytes - a.gzipBytes);
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const { values } = parseArgs({ options: { limit: { type: "string", default: "120" } } });
  const limitKb = Number(values.limit);
  buildIfStale({ quiet: true });
  const pages = await clientJavaScriptPerPage();
  const width = Math.max(...pages.map((p) => p.route.length));
  console.log(`${"route".padEnd(width)}  files  KB gzip`);
  for (const page of pages) console.log(`${page.route.padEnd(width)}  ${String(page.files).padStart(5)}  ${(page.gzipBytes / 1024).toFixed(1).padStart(7)}`);
  const largest = pages[0];
  console.log(`\nLargest page: ${largest.route} ${(largest.gzipBytes / 1024).toFixed(1)} KB gzip (limit ${limitKb} KB)`);
  if (largest.gzipBytes > limitKb * 1024) process.exitCode = 1;
}
