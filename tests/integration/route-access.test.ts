import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ROLES, ROUTE_ACCESS, can, type Role } from "../../app/domain/permissions";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * The route × role matrix, from the real route manifest of the production build and the permission
 * module: a route missing from ROUTE_ACCESS fails here, and every denial must leave the database as it was.
 */

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  index?: boolean;
  module: { action?: unknown; loader?: unknown; default?: unknown };
}

const DEMO_LOGIN: Record<Role, string> = { admin: "admin", secretariat: "secretariat", controller: "controller", assignee: "akmola" };
type Who = Role | "anonymous";
const EVERYONE: Who[] = ["anonymous", ...ROLES];

let server: TestServer;
let routes: { pattern: string; route: ManifestRoute }[] = [];
const clients = new Map<Who, Client>();

function urlPattern(route: ManifestRoute, all: Record<string, ManifestRoute>): string {
  const parts: string[] = [];
  for (let current: ManifestRoute | undefined = route; current; current = current.parentId ? all[current.parentId] : undefined) {
    if (current.path) parts.unshift(current.path);
  }
  return `/${parts.join("/")}`;
}

/** A concrete URL for a pattern: params get a value that names no object. */
function concrete(pattern: string): string {
  return pattern.replace(/:\w+\??/g, "00000000-0000-7000-8000-000000000000").replace("*", "no-such-page");
}

function allowed(who: Who, access: string): boolean {
  if (access === "public") return true;
  if (who === "anonymous") return false;
  if (access === "signed_in") return true;
  return can({ role: who }, access as Parameters<typeof can>[1]);
}

function isDenial(response: Response): boolean {
  return response.status === 403 || (response.status === 302 && (response.headers.get("location") ?? "").startsWith("/login"));
}

beforeAll(async () => {
  server = await startServer();
  const build = await import(pathToFileURL(path.resolve(import.meta.dirname, "../../build/server/index.js")).href);
  const all = build.routes as Record<string, ManifestRoute>;
  routes = Object.values(all)
    .filter((route) => route.id !== "root")
    .map((route) => ({ pattern: urlPattern(route, all), route }));
  clients.set("anonymous", new Client(server));
  for (const role of ROLES) {
    const client = new Client(server);
    expect((await client.signIn(DEMO_LOGIN[role])).status).toBe(302);
    clients.set(role, client);
  }
});
afterAll(() => server?.stop());

describe("route access matrix", () => {
  it("covers every route of the build", () => {
    expect(routes.length).toBeGreaterThan(4);
    const missing = routes.map((r) => r.pattern).filter((pattern) => !(pattern in ROUTE_ACCESS));
    expect(missing).toEqual([]);
  });

  it("names no route the build does not have", () => {
    const patterns = new Set(routes.map((r) => r.pattern));
    expect(Object.keys(ROUTE_ACCESS).filter((pattern) => !patterns.has(pattern))).toEqual([]);
  });

  it("lets each role read exactly what the permission table allows", async () => {
    const failures: string[] = [];
    for (const { pattern } of routes) {
      const access = ROUTE_ACCESS[pattern as keyof typeof ROUTE_ACCESS];
      for (const who of EVERYONE) {
        const response = await clients.get(who)!.get(concrete(pattern));
        await response.arrayBuffer();
        const expected = allowed(who, access);
        if (expected === isDenial(response)) failures.push(`GET ${pattern} as ${who}: ${response.status}, expected ${expected ? "allowed" : "denied"}`);
        if (response.status >= 500) failures.push(`GET ${pattern} as ${who}: ${response.status}`);
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses every write a role may not make, and the database stays as it was", async () => {
    const failures: string[] = [];
    for (const { pattern, route } of routes) {
      if (!route.module.action) continue;
      const access = ROUTE_ACCESS[pattern as keyof typeof ROUTE_ACCESS];
      for (const who of EVERYONE) {
        if (allowed(who, access)) continue;
        const before = await snapshotDatabase(server.db);
        const response = await clients.get(who)!.post(concrete(pattern), { intent: "any" });
        await response.arrayBuffer();
        if (!isDenial(response)) failures.push(`POST ${pattern} as ${who}: ${response.status}`);
        expect(await snapshotDatabase(server.db), `POST ${pattern} as ${who}`).toEqual(before);
      }
    }
    expect(failures).toEqual([]);
  });
});
