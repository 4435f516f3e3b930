import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ASSIGNMENT_ACTIONS, TRANSITIONS, type AssignmentAction } from "../../app/domain/lifecycle";
import { ROLES, ROUTE_ACCESS, scopeOf, type Permission, type Role } from "../../app/domain/permissions";
import { hashFeedSecret } from "../../app/models/calendar-feeds.server";
import { assignmentActionSchema } from "../../app/schemas/execution";
import { twoFactorIntentSchema } from "../../app/schemas/two-factor";
import { createAgendaItem, createAssignment, createInstruction, createMeeting, createPerson, createSpeaker, createTarget } from "../factories";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { testEngine } from "../support/database";
import { snapshotDatabase, writeFingerprint } from "../support/snapshot";

/*
 * The authorization matrix (issue #8, item 3): every route of the real build × every form its action takes
 * × every role × real objects (a published meeting addressed to the assignee's organization, a published
 * one addressed to another organization, a draft addressed to the assignee's organization).
 * The expected answer comes from PERMISSIONS (scopeOf) and lifecycle.ts TRANSITIONS; the one object rule
 * ("own_organization" means: published, and addressed to the actor's organization) is applied here to the
 * organizations each object belongs to. Every denial must be 403/404 (anonymous: a redirect to /login) and
 * leave the database unchanged; every allowed request must not be 403/404/5xx.
 */

interface ManifestRoute {
  id: string;
  parentId?: string;
  path?: string;
  module: { action?: unknown; loader?: unknown; intents?: readonly string[] };
}

const DEMO_LOGIN: Record<Role, string> = {
  admin: "admin",
  secretariat: "secretariat",
  controller: "controller",
  assignee: "akmola",
};
type Who = Role | "anonymous";
const EVERYONE: Who[] = ["anonymous", ...ROLES];

/**
 * Routes whose action takes a discriminated union from app/schemas rather than an `intents` export:
 * the forms are read from the schema itself, so a new form there joins the matrix by itself.
 */
const SCHEMA_INTENTS: Record<string, { field: string; values: readonly string[] }> = {
  "/assignments/:assignmentId": {
    field: "action",
    values: assignmentActionSchema.options.map((option) => option.shape.action.value),
  },
  "/account/two-factor": {
    field: "intent",
    values: twoFactorIntentSchema.options.map((option) => option.shape.intent.value),
  },
};

/** An object in a URL: the organizations it is addressed to, and whether its meeting is published. */
interface Target {
  id: string;
  organizations: string[];
  published: boolean;
  /** Notifications belong to one user, not to an organization. */
  owner?: Who;
}
interface Context {
  name: string;
  objects: Record<string, Target>;
}

let server: TestServer;
let routes: { pattern: string; route: ManifestRoute; source: string }[] = [];
const clients = new Map<Who, Client>();
let contexts: Context[] = [];
let assigneeOrganization = "";

function urlPattern(route: ManifestRoute, all: Record<string, ManifestRoute>): string {
  const parts: string[] = [];
  for (let current: ManifestRoute | undefined = route; current; current = current.parentId ? all[current.parentId] : undefined) {
    if (current.path) parts.unshift(current.path);
  }
  return `/${parts.join("/")}`;
}

/** The source of a route module, from its id ("routes/meetings.$meetingId.edit"). */
function routeSource(id: string): string {
  const base = path.resolve(import.meta.dirname, "../../app", id);
  const file = [".tsx", ".ts"].map((extension) => base + extension).find((candidate) => fs.existsSync(candidate));
  if (!file) throw new Error(`no source for route ${id}`);
  return fs.readFileSync(file, "utf8");
}

function paramsOf(pattern: string): string[] {
  return [...pattern.matchAll(/:(\w+)/g)].map((match) => match[1]);
}

function concrete(pattern: string, context: Context): string {
  return pattern.replace(/:(\w+)/g, (_, name: string) => context.objects[name].id).replace("*", "no-such-page");
}

/** The forms a route's action takes: its `intents` export, a schema of SCHEMA_INTENTS, or one plain form. */
function formsOf(pattern: string, route: ManifestRoute): { field: string | null; values: readonly string[] } {
  if (SCHEMA_INTENTS[pattern]) return SCHEMA_INTENTS[pattern];
  if (route.module.intents) return { field: "intent", values: route.module.intents };
  return { field: null, values: [""] };
}

/** The expected answer, from the permission table and the lifecycle's transitions. */
function expected(who: Who, pattern: string, context: Context, intent: string): "allowed" | "denied" {
  const access = ROUTE_ACCESS[pattern as keyof typeof ROUTE_ACCESS];
  if (access === "public") return "allowed";
  if (who === "anonymous") return "denied";
  const objects = paramsOf(pattern).map((name) => context.objects[name]);
  if (access === "signed_in") return objects.every((object) => object.owner === undefined || object.owner === who) ? "allowed" : "denied";
  const permissions: Permission[] = [access];
  const transition = pattern === "/assignments/:assignmentId" ? TRANSITIONS[intent as AssignmentAction] : undefined;
  if (transition) {
    permissions.push(transition.permission);
    // An assignment of a draft is not issued yet: no lifecycle action applies to it, whoever asks.
    if (!context.objects.assignmentId.published) return "denied";
  }
  for (const permission of permissions) {
    const scope = scopeOf({ role: who }, permission);
    if (scope === "none") return "denied";
    if (scope === "own_organization" && !objects.every((object) => object.published && object.organizations.includes(assigneeOrganization))) return "denied";
  }
  return "allowed";
}

/** A body the action would take if the role were allowed, so a denial is the permission's doing, not validation's. */
function bodyFor(field: string | null, intent: string, context: Context): Record<string, string> {
  if (field === "action") {
    // A stale version: an allowed actor gets a conflict (409) and nothing is written.
    return {
      action: intent,
      version: "999999",
      idempotencyKey: randomBytes(12).toString("hex"),
      body: "Тексеру",
      requestedDeadline: "2030-01-15",
      percent: "",
    };
  }
  const body: Record<string, string> = {
    version: "999999",
    title: "Тексеру",
    text: "Тексеру",
    code: "000000",
    login: "nobody",
    password: "wrong",
  };
  if (field) body[field] = intent;
  const item = /^agenda/.test(intent)
    ? context.objects.agendaItem
    : /^speaker/.test(intent)
    ? context.objects.speakerId
    : /^target/.test(intent)
    ? context.objects.target
    : /^assignment/.test(intent)
    ? context.objects.assignmentId
    : undefined;
  if (item) body.itemId = item.id;
  return body;
}

function isDenial(who: Who, response: Response): boolean {
  if (who === "anonymous") return response.status === 302 && (response.headers.get("location") ?? "").startsWith("/login");
  return response.status === 403 || response.status === 404;
}

/**
 * The printable protocol renders a PDF in Chromium (about 2 s each). In CI one allowed role per scope reads it;
 * AUTH_MATRIX_FULL=1 reads it as every allowed role. Denials are always checked for every role.
 */
const SLOW = new Set(["/meetings/:meetingId/protocol.pdf"]);
const FULL = process.env.AUTH_MATRIX_FULL === "1";

/** Public routes whose own answer is a 404 (ROUTE_ACCESS says why): no permission is involved. */
const ANSWERS_404 = new Set(["/*", "/bench/floor"]);

function isRefusalOfAllowed(pattern: string, response: Response): boolean {
  if (response.status === 404) return !ANSWERS_404.has(pattern);
  // Signing out ends at the sign-in page: that is its success.
  const toLogin = response.status === 302 && (response.headers.get("location") ?? "").startsWith("/login") && pattern !== "/logout";
  return response.status === 403 || response.status >= 500 || toLogin;
}

/** Changes exactly when the server commits a write (tests/support/snapshot.ts); cheap enough for every request. */
const dataVersion = () => writeFingerprint(server.db);

/**
 * The database, byte for byte. SQLite: the file's hash after a checkpoint. In WAL mode committed pages may sit
 * in the -wal file, so the main file alone proves nothing; a TRUNCATE checkpoint (between requests, when the
 * server holds no read transaction) copies every committed page into it and empties the log. A checkpoint that
 * has nothing to copy writes nothing, so two hashes around a block of denials are equal exactly when no page
 * changed. PostgreSQL keeps no such file per database: there, every row of every table.
 */
async function fileHash(): Promise<string> {
  if (testEngine === "postgres") return createHash("sha256").update(JSON.stringify(await snapshotDatabase(server.db))).digest("hex");
  const result = await sql<{
    busy: number;
    log: number;
    checkpointed: number;
  }>`pragma wal_checkpoint(TRUNCATE)`.execute(server.db);
  expect(result.rows[0].busy).toBe(0);
  return createHash("sha256").update(fs.readFileSync(server.databaseFile)).digest("hex");
}

/** Parameters naming objects an allowed form may delete. */
const DELETABLE = ["meetingId", "instructionId", "assignmentId", "speakerId", "importId"];

async function exists(id: string): Promise<boolean> {
  for (const table of ["meetings", "instructions", "assignments", "speakers", "agenda_items", "instruction_targets", "minutes_imports"] as const) {
    const row = await sql`select 1 from ${sql.table(table)} where id = ${id}`.execute(server.db);
    if (row.rows.length) return true;
  }
  return false;
}

const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");

async function attachFile(login: string, assignmentId: string): Promise<string> {
  const client = new Client(server);
  expect((await client.signIn(login)).status).toBe(302);
  const { version } = await server.db.selectFrom("assignments").select("version").where("id", "=", assignmentId).executeTakeFirstOrThrow();
  const response = await client.postMultipart(
    `/assignments/${assignmentId}`,
    {
      action: "post_progress",
      version: String(version),
      idempotencyKey: randomBytes(12).toString("hex"),
      body: "Есеп",
      percent: "10",
    },
    [
      {
        name: "files",
        filename: "evidence.pdf",
        bytes: PDF,
        type: "application/pdf",
      },
    ]
  );
  expect(response.status, await response.text()).toBe(302);
  const file = await server.db.selectFrom("files").select("id").where("assignment_id", "=", assignmentId).executeTakeFirstOrThrow();
  return file.id;
}

async function arrange(): Promise<void> {
  const db = server.db;
  const userOf = (login: string) => db.selectFrom("users").selectAll().where("login", "=", login).executeTakeFirstOrThrow();
  const akmola = await userOf("akmola");
  const northKazakhstan = await userOf("north-kazakhstan");
  assigneeOrganization = akmola.organization_id!;
  const other = northKazakhstan.organization_id!;

  // The reference meeting (published) and its assignment to the assignee's organization.
  const own = await db
    .selectFrom("assignments")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .innerJoin("meetings", "meetings.id", "instructions.meeting_id")
    .select(["assignments.id as assignmentId", "instructions.id as instructionId", "meetings.id as meetingId"])
    .where("assignments.organization_id", "=", assigneeOrganization)
    .where("meetings.status", "=", "published")
    .where("assignments.status", "in", ["assigned", "in_progress"])
    .executeTakeFirstOrThrow();
  const person = await createPerson(db);
  const ownSpeaker = await createSpeaker(db, {
    meeting_id: own.meetingId,
    person_id: person.id,
  });
  const ownAgenda = await createAgendaItem(db, { meeting_id: own.meetingId });
  const ownTarget = await createTarget(db, {
    instruction_id: own.instructionId,
  });

  // A published meeting addressed to another organization only.
  const now = new Date().toISOString();
  const otherMeeting = await createMeeting(db, {
    status: "published",
    published_at: now,
    protocol_number: "99",
  });
  const otherInstruction = await createInstruction(db, {
    meeting_id: otherMeeting.id,
    deadline: "2030-06-01",
  });
  const otherAssignment = await createAssignment(db, {
    instruction_id: otherInstruction.id,
    organization_id: other,
  });
  const otherSpeaker = await createSpeaker(db, {
    meeting_id: otherMeeting.id,
    person_id: person.id,
  });
  const otherAgenda = await createAgendaItem(db, {
    meeting_id: otherMeeting.id,
  });
  const otherTarget = await createTarget(db, {
    instruction_id: otherInstruction.id,
  });

  // A draft addressed to the assignee's organization: invisible to assignees until it is published.
  const draft = await createMeeting(db, {
    status: "draft",
    protocol_number: "98",
  });
  const draftInstruction = await createInstruction(db, {
    meeting_id: draft.id,
    deadline: "2030-06-01",
  });
  const draftAssignment = await createAssignment(db, {
    instruction_id: draftInstruction.id,
    organization_id: assigneeOrganization,
  });
  const draftSpeaker = await createSpeaker(db, {
    meeting_id: draft.id,
    person_id: person.id,
  });
  const draftAgenda = await createAgendaItem(db, { meeting_id: draft.id });
  const draftTarget = await createTarget(db, {
    instruction_id: draftInstruction.id,
  });

  // Evidence files, uploaded through the real form by each organization.
  const ownFile = await attachFile("akmola", own.assignmentId);
  const otherFile = await attachFile("north-kazakhstan", otherAssignment.id);

  // A minutes import under review, made through the real form.
  const secretariat = new Client(server);
  await secretariat.signIn("secretariat");
  const imported = await secretariat.post("/meetings/import", {
    text: "Премьер-Министр селекторлық кеңес өткізді.",
    meetingDate: "2026-11-20",
  });
  expect(imported.status).toBe(302);
  const importId = (imported.headers.get("location") ?? "").split("/").pop()!;

  const notificationOf = async (userId: string) =>
    (await db.selectFrom("notifications").select("id").where("user_id", "=", userId).executeTakeFirstOrThrow()).id;
  const secret = randomBytes(32).toString("base64url");
  await db
    .insertInto("calendar_feeds")
    .values({
      id: randomBytes(8).toString("hex"),
      user_id: akmola.id,
      token_hash: hashFeedSecret(secret),
      created_at: now,
    })
    .execute();

  const shared: Record<string, Target> = {
    personId: { id: person.id, organizations: [], published: true },
    importId: { id: importId, organizations: [], published: true },
    secret: { id: secret, organizations: [], published: true },
    // The interface's texts: the same public script for everyone.
    file: { id: "kk.js", organizations: [], published: true },
  };
  const pub = (id: string, organization: string) => ({
    id,
    organizations: [organization],
    published: true,
  });
  contexts = [
    {
      name: "published, own organization",
      objects: {
        ...shared,
        meetingId: pub(own.meetingId, assigneeOrganization),
        instructionId: pub(own.instructionId, assigneeOrganization),
        assignmentId: pub(own.assignmentId, assigneeOrganization),
        speakerId: pub(ownSpeaker.id, assigneeOrganization),
        agendaItem: pub(ownAgenda.id, assigneeOrganization),
        target: pub(ownTarget.id, assigneeOrganization),
        organizationId: pub(assigneeOrganization, assigneeOrganization),
        fileId: pub(ownFile, assigneeOrganization),
        notificationId: {
          id: await notificationOf(akmola.id),
          organizations: [],
          published: true,
          owner: "assignee",
        },
      },
    },
    {
      name: "published, another organization",
      objects: {
        ...shared,
        meetingId: pub(otherMeeting.id, other),
        instructionId: pub(otherInstruction.id, other),
        assignmentId: pub(otherAssignment.id, other),
        speakerId: pub(otherSpeaker.id, other),
        agendaItem: pub(otherAgenda.id, other),
        target: pub(otherTarget.id, other),
        organizationId: pub(other, other),
        fileId: pub(otherFile, other),
        notificationId: {
          id: await notificationOf(northKazakhstan.id),
          organizations: [],
          published: true,
          owner: "nobody" as Who,
        },
      },
    },
    {
      name: "draft, own organization",
      objects: {
        ...shared,
        meetingId: {
          id: draft.id,
          organizations: [assigneeOrganization],
          published: false,
        },
        instructionId: {
          id: draftInstruction.id,
          organizations: [assigneeOrganization],
          published: false,
        },
        assignmentId: {
          id: draftAssignment.id,
          organizations: [assigneeOrganization],
          published: false,
        },
        speakerId: {
          id: draftSpeaker.id,
          organizations: [assigneeOrganization],
          published: false,
        },
        agendaItem: {
          id: draftAgenda.id,
          organizations: [assigneeOrganization],
          published: false,
        },
        target: {
          id: draftTarget.id,
          organizations: [assigneeOrganization],
          published: false,
        },
        organizationId: pub(assigneeOrganization, assigneeOrganization),
        fileId: pub(ownFile, assigneeOrganization),
        notificationId: {
          id: await notificationOf(akmola.id),
          organizations: [],
          published: true,
          owner: "assignee",
        },
      },
    },
  ];
}

beforeAll(async () => {
  server = await startServer();
  const build = await import(pathToFileURL(path.resolve(import.meta.dirname, "../../build/server/index.js")).href);
  const all = build.routes as Record<string, ManifestRoute>;
  routes = Object.values(all)
    .filter((route) => route.id !== "root")
    .map((route) => ({
      pattern: urlPattern(route, all),
      route,
      source: routeSource(route.id),
    }));
  clients.set("anonymous", new Client(server));
  for (const role of ROLES) {
    const client = new Client(server);
    expect((await client.signIn(DEMO_LOGIN[role])).status).toBe(302);
    clients.set(role, client);
  }
  await arrange();
});
afterAll(() => server?.stop());

describe("authorization matrix", () => {
  it("knows every form of every action: a route reading an intent must declare its intents", () => {
    const undeclared = routes
      .filter(({ route, pattern }) => route.module.action && formsOf(pattern, route).field === null)
      .filter(({ source }) => /["'](intent|action)["']|\.intent\b/.test(source.slice(source.indexOf("export async function action"))))
      .map(({ pattern }) => pattern);
    expect(undeclared).toEqual([]);
    expect([...SCHEMA_INTENTS["/assignments/:assignmentId"].values].sort()).toEqual([...ASSIGNMENT_ACTIONS].sort());
    // Every object parameter of the build has real objects here.
    const params = new Set(routes.flatMap(({ pattern }) => paramsOf(pattern)));
    for (const context of contexts) expect([...params].filter((name) => !(name in context.objects))).toEqual([]);
  });

  it("answers every read as the permission table says, and a denied read writes nothing", async () => {
    const failures: string[] = [];
    for (const { pattern } of routes) {
      const variants = paramsOf(pattern).length ? contexts : contexts.slice(0, 1);
      for (const context of variants) {
        const sampled = new Set<string>();
        for (const who of EVERYONE) {
          if (SLOW.has(pattern) && !FULL && expected(who, pattern, context, "") === "allowed") {
            // Roles with the same scope take the same path through the loader: one of each is enough in CI.
            const scope = who === "anonymous" ? "public" : scopeOf({ role: who }, ROUTE_ACCESS[pattern as keyof typeof ROUTE_ACCESS] as Permission);
            if (sampled.has(scope)) continue;
            sampled.add(scope);
          }
          const before = await dataVersion();
          const response = await clients.get(who)!.get(concrete(pattern, context));
          await response.arrayBuffer();
          const label = `GET ${pattern} [${context.name}] as ${who}: ${response.status}`;
          if (expected(who, pattern, context, "") === "denied") {
            if (!isDenial(who, response)) failures.push(`${label}, expected a denial`);
            if ((await dataVersion()) !== before) failures.push(`${label} wrote to the database`);
          } else if (isRefusalOfAllowed(pattern, response)) failures.push(`${label}, expected it allowed`);
        }
      }
    }
    expect(failures).toEqual([]);
  });

  it("refuses every form a role may not submit with 403/404, and the database stays byte for byte as it was", async () => {
    const failures: string[] = [];
    let cases = 0;
    const hashBefore = await fileHash();
    for (const { pattern, route } of routes) {
      if (!route.module.action) continue;
      const { field, values } = formsOf(pattern, route);
      const snapshotBefore = await snapshotDatabase(server.db);
      for (const context of paramsOf(pattern).length ? contexts : contexts.slice(0, 1)) {
        for (const intent of values) {
          for (const who of EVERYONE) {
            if (expected(who, pattern, context, intent) === "allowed") continue;
            cases++;
            const before = await dataVersion();
            const response = await clients.get(who)!.post(concrete(pattern, context), bodyFor(field, intent, context));
            await response.arrayBuffer();
            const label = `POST ${pattern} ${intent} [${context.name}] as ${who}: ${response.status}`;
            if (!isDenial(who, response)) failures.push(`${label}, expected a denial`);
            if ((await dataVersion()) !== before) failures.push(`${label} wrote to the database`);
          }
        }
      }
      expect(await snapshotDatabase(server.db), `POST ${pattern}`).toEqual(snapshotBefore);
    }
    expect(await fileHash()).toBe(hashBefore);
    expect(failures).toEqual([]);
    expect(cases).toBeGreaterThan(100);
  });

  it("lets every role submit what the table allows: never a 403, 404 or 5xx", async () => {
    const failures: string[] = [];
    // Runs after the denials: allowed forms may change (or delete) the objects the other cases use.
    for (const { pattern, route } of routes) {
      if (!route.module.action) continue;
      const { field, values } = formsOf(pattern, route);
      for (const context of paramsOf(pattern).length ? contexts : contexts.slice(0, 1)) {
        for (const intent of values) {
          for (const who of EVERYONE) {
            if (expected(who, pattern, context, intent) === "denied") continue;
            // Signing out ends the session: do it on a session of its own.
            let client = clients.get(who)!;
            if (pattern === "/logout" && who !== "anonymous") {
              client = new Client(server);
              await client.signIn(DEMO_LOGIN[who]);
            }
            const body = bodyFor(field, intent, context);
            const response = await client.post(concrete(pattern, context), body);
            await response.arrayBuffer();
            if (!isRefusalOfAllowed(pattern, response)) continue;
            // A 404 is right once an earlier allowed form deleted the object (say, the instruction).
            const ids = [
              ...paramsOf(pattern)
                .filter((name) => DELETABLE.includes(name))
                .map((name) => context.objects[name].id),
              ...(body.itemId ? [body.itemId] : []),
            ];
            if (response.status === 404 && !(await Promise.all(ids.map(exists))).every(Boolean) && ids.length) continue;
            failures.push(`POST ${pattern} ${intent} [${context.name}] as ${who}: ${response.status}`);
          }
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
