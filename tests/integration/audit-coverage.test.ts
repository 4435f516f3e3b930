import fs from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { sql } from "kysely";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../app/domain/calendar";
import { verifyAuditChain } from "../../app/models/audit.server";
import { createDatabase } from "../../app/utils/db.server";
import { formFields, totp } from "../support/forms";
import { Client } from "../support/http";
import { freshDatabaseFile, startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * Every mutation audited: each action below runs over HTTP as its user would send it, and the database is
 * compared before and after. Every row that changed in a table of records has an audit row naming it, written
 * by this action, whose `before` matches the old row and whose `after` matches the new one.
 */

/** Tables of official records: a changed row here without its audit row is a finding. */
const RECORD_TABLES = ["organizations", "people", "meetings", "agenda_items", "speakers", "instructions", "instruction_targets", "assignments", "calendar_feeds"];

/**
 * A parent's version and timestamps move when a child changes (touchMeeting: optimistic locking of the whole
 * minutes). The child's audit row records that change; the parent's bookkeeping needs no row of its own.
 */
const BOOKKEEPING = new Set(["version", "updated_at", "edited_after_publish_at"]);

type Row = Record<string, unknown>;
interface AuditRow {
  seq: number;
  action: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
}

let server: TestServer;
const clients: Record<string, Client> = {};
async function as(login: string) {
  if (!clients[login]) {
    const client = new Client(server);
    expect((await client.signIn(login)).status).toBe(302);
    clients[login] = client;
  }
  return clients[login];
}

beforeAll(async () => {
  server = await startServer();
});
afterAll(() => server?.stop());

/** Each key the audit names that is also a column must hold the stored value; other keys are context. */
function mismatches(audited: Row | null, stored: Row | undefined, label: string): string[] {
  if (!audited || !stored) return audited || stored ? [`${label}: audit ${audited ? "has" : "lacks"} it, the table ${stored ? "has" : "lacks"} it`] : [];
  return Object.keys(audited)
    .filter((key) => key in stored && JSON.stringify(audited[key]) !== JSON.stringify(stored[key]))
    .map((key) => `${label}.${key}: audit ${JSON.stringify(audited[key])}, stored ${JSON.stringify(stored[key])}`);
}

/** Runs one action and checks its audit trail against what changed; returns the new audit rows. */
async function audited(run: () => Promise<Response>, expected: { actions: string[]; status?: number }): Promise<AuditRow[]> {
  const before = await snapshotDatabase(server.db);
  const response = await run();
  const body = await response.text();
  expect(response.status, body.slice(0, 300)).toBe(expected.status ?? 302);
  const after = await snapshotDatabase(server.db);
  const seen = new Set((before.audit_log as AuditRow[]).map((row) => row.seq));
  const fresh = (after.audit_log as AuditRow[]).filter((row) => !seen.has(row.seq));
  expect(fresh.map((row) => row.action).sort()).toEqual([...expected.actions].sort());

  const problems: string[] = [];
  for (const table of RECORD_TABLES) {
    const old = new Map((before[table] as Row[]).map((row) => [row.id as string, row]));
    const now = new Map((after[table] as Row[]).map((row) => [row.id as string, row]));
    for (const id of new Set([...old.keys(), ...now.keys()])) {
      if (JSON.stringify(old.get(id)) === JSON.stringify(now.get(id))) continue;
      const trail = fresh.filter((row) => row.entity_id === id);
      const changed = old.has(id) && now.has(id) ? Object.keys(now.get(id)!).filter((key) => JSON.stringify(old.get(id)![key]) !== JSON.stringify(now.get(id)![key])) : ["*"];
      if (trail.length === 0 && fresh.length > 0 && changed.every((key) => BOOKKEEPING.has(key))) continue;
      if (trail.length !== 1) {
        problems.push(`${table} ${id} changed with ${trail.length} audit rows`);
        continue;
      }
      const [entry] = trail;
      const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Row));
      problems.push(...mismatches(parse(entry.before_json), old.get(id), `${entry.action} before`));
      problems.push(...mismatches(parse(entry.after_json), now.get(id), `${entry.action} after`));
    }
  }
  expect(problems).toEqual([]);
  return fresh;
}

async function id(table: "organizations" | "people", column: "code" | "full_name", value: string) {
  return (await server.db.selectFrom(table).select("id").where(column as never, "=", value as never).executeTakeFirstOrThrow()).id as string;
}

describe("every mutation writes exactly the audit rows that describe it", () => {
  it("directory: organizations and officials created and edited", async () => {
    const admin = await as("admin");
    const organization = {
      kind: "agency",
      name_kk: "Стратегиялық жоспарлау және реформалар агенттігі",
      name_ru: "Агентство по стратегическому планированию и реформам",
      name_en: "Agency for Strategic Planning and Reforms",
      short_name_kk: "",
      short_name_ru: "",
      short_name_en: "",
      parent_id: "",
    };
    await audited(() => admin.post("/organizations/new", organization), { actions: ["organization.create"] });
    const created = await server.db.selectFrom("organizations").select("id").where("name_en", "=", organization.name_en).executeTakeFirstOrThrow();
    await audited(() => admin.post(`/organizations/${created.id}/edit`, { ...organization, name_en: "Agency for Strategic Planning", is_active: "on" }), { actions: ["organization.update"] });

    const secretariat = await as("secretariat");
    const mdai = await id("organizations", "code", "mdai");
    await audited(() => secretariat.post("/people/new", { full_name: "Бағдат Мусин", position: "Вице-министр", organization_id: mdai }), { actions: ["person.create"] });
    const person = await id("people", "full_name", "Бағдат Мусин");
    await audited(() => secretariat.post(`/people/${person}/edit`, { full_name: "Бағдат Мусин", position: "Министр", organization_id: mdai }), { actions: ["person.update"] });
  });

  it("calendar feeds: created and revoked", async () => {
    const akmola = await as("akmola");
    await audited(() => akmola.post("/account/calendar", { intent: "create" }), { actions: ["calendar_feed.create"], status: 200 });
    await audited(() => akmola.post("/account/calendar", { intent: "revoke" }), { actions: ["calendar_feed.revoke"] });
  });

  it("minutes: a draft created, edited, given an instruction, assigned, published; another draft deleted", async () => {
    const secretariat = await as("secretariat");
    const chair = (await server.db.selectFrom("people").select("id").where("full_name", "like", "%Мамин%").executeTakeFirstOrThrow()).id;
    const form = (protocolNumber: string, title: string) => ({
      kind: "government_session",
      title,
      heldDate: "2026-11-20",
      heldTime: "10:00",
      chairPersonId: chair,
      place: "Үкімет үйі",
      protocolNumber,
      sourceReference: "",
      summary: "",
    });
    await audited(() => secretariat.post("/meetings/new", form("31", "Үкімет отырысы: ауыл шаруашылығы")), { actions: ["meeting.create"] });
    const meeting = await server.db.selectFrom("meetings").selectAll().where("protocol_number", "=", "31").executeTakeFirstOrThrow();
    await audited(() => secretariat.post(`/meetings/${meeting.id}/edit`, { intent: "update", version: String(meeting.version), ...form("31", "Үкімет отырысы: егін жинау") }), {
      actions: ["meeting.update"],
    });
    await audited(
      () => secretariat.post(`/meetings/${meeting.id}/instructions/new`, { number: "1", text: "Әкімдіктерге егін жинауды аяқтау", deadlineChoice: "one_month" }),
      { actions: ["instruction.create"] },
    );
    const instruction = await server.db.selectFrom("instructions").select("id").where("meeting_id", "=", meeting.id).executeTakeFirstOrThrow();
    // One action, twenty records: one audit row for each assignment it creates.
    await audited(() => secretariat.post(`/meetings/${meeting.id}/instructions/${instruction.id}`, { intent: "assign_akimats" }), {
      actions: Array(20).fill("assignment.create"),
    });
    const { version } = await server.db.selectFrom("meetings").select("version").where("id", "=", meeting.id).executeTakeFirstOrThrow();
    await audited(() => secretariat.post(`/meetings/${meeting.id}/edit`, { intent: "publish", version: String(version) }), { actions: ["meeting.publish"] });

    // A speaker of the reference meeting, edited after publication.
    const speaker = await server.db.selectFrom("speakers").selectAll().orderBy("id").executeTakeFirstOrThrow();
    await audited(
      () =>
        secretariat.post(`/meetings/${speaker.meeting_id}/speakers/${speaker.id}`, {
          position: "Өзгертілген лауазым",
          organizationId: speaker.organization_id ?? "",
          agendaItemId: speaker.agenda_item_id ?? "",
          summary: speaker.summary ?? "",
        }),
      { actions: ["speaker.update"] },
    );

    await audited(() => secretariat.post("/meetings/new", form("32", "Жойылатын жоба")), { actions: ["meeting.create"] });
    const draft = await server.db.selectFrom("meetings").select("id").where("protocol_number", "=", "32").executeTakeFirstOrThrow();
    await audited(() => secretariat.post(`/meetings/${draft.id}/edit`, { intent: "delete", confirm: "yes" }), { actions: ["meeting.delete_draft"] });
  });

  it("execution: every step of an assignment's lifecycle", async () => {
    const user = await server.db.selectFrom("users").select("organization_id").where("login", "=", "north-kazakhstan").executeTakeFirstOrThrow();
    const assignmentId = (await server.db.selectFrom("assignments").select("id").where("organization_id", "=", user.organization_id).orderBy("created_at").executeTakeFirstOrThrow()).id;
    let key = 0;
    const act = async (login: string, fields: Record<string, string>) => {
      const { version } = await server.db.selectFrom("assignments").select("version").where("id", "=", assignmentId).executeTakeFirstOrThrow();
      return (await as(login)).post(`/assignments/${assignmentId}`, { version: String(version), idempotencyKey: `audit-coverage-${++key}`, ...fields });
    };
    const deadline = async () => (await server.db.selectFrom("assignments").select("deadline").where("id", "=", assignmentId).executeTakeFirstOrThrow()).deadline!;
    const steps: [string, Record<string, string>][] = [
      ["north-kazakhstan", { action: "post_progress", body: "Жұмыс басталды", percent: "30" }],
      ["north-kazakhstan", { action: "request_extension", requestedDeadline: addDays(await deadline(), 10), body: "Мердігер кешікті" }],
      ["controller", { action: "reject_extension", body: "Мерзім өзгермейді" }],
      ["north-kazakhstan", { action: "request_extension", requestedDeadline: addDays(await deadline(), 7), body: "Қайта сұраймыз" }],
      ["controller", { action: "approve_extension", body: "" }],
      ["north-kazakhstan", { action: "submit_completion", body: "Орындалды" }],
      ["controller", { action: "return", body: "Акт жоқ" }],
      ["north-kazakhstan", { action: "submit_completion", body: "Акт қоса берілді" }],
      ["controller", { action: "accept", body: "" }],
    ];
    for (const [login, fields] of steps) await audited(() => act(login, fields), { actions: [`assignment.${fields.action}`] });

    const other = await server.db.selectFrom("assignments").innerJoin("organizations", "organizations.id", "assignments.organization_id").select("assignments.id").where("organizations.code", "=", "zhambyl").executeTakeFirstOrThrow();
    const { version } = await server.db.selectFrom("assignments").select("version").where("id", "=", other.id).executeTakeFirstOrThrow();
    await audited(() => clients.controller.post(`/assignments/${other.id}`, { action: "cancel", version: String(version), idempotencyKey: "audit-coverage-cancel", body: "Тапсырма өзектілігін жойды" }), {
      actions: ["assignment.cancel"],
    });
  });
});

describe("imports and sign-in security write their audit rows too", () => {
  it("minutes import: the pasted draft, and everything its confirmation creates", async () => {
    const secretariat = await as("secretariat");
    const text = fs.readFileSync(path.resolve(import.meta.dirname, "../fixtures/minutes/reference-broadband.kk.txt"), "utf8");
    let review = "";
    await audited(
      async () => {
        const response = await secretariat.post("/meetings/import", { text, meetingDate: "2020-04-14" });
        review = response.headers.get("location") ?? "";
        return response;
      },
      { actions: ["minutes_import.create"] },
    );
    const fields = formFields(await (await secretariat.get(review)).text());
    // As parsed: six speakers and the chair matched, "the operators" proposed as a new organization.
    await audited(() => secretariat.post(review, fields), {
      actions: [
        "minutes_import.confirm",
        "meeting.create",
        "organization.create",
        ...Array(6).fill("speaker.create"),
        ...Array(2).fill("instruction.create"),
        ...Array(22).fill("assignment.create"),
      ],
    });
  });

  it("two-factor sign-in: enrolment, sign-in with a recovery code, new recovery codes, switching it off", async () => {
    const ministry = await as("ministry");
    const secret = (await (await ministry.get("/account/two-factor")).text()).match(/data-testid="two-factor-secret">([A-Z2-7 ]+)</)![1].replace(/ /g, "");
    let recoveryCodes: string[] = [];
    await audited(
      async () => {
        const response = await ministry.post("/account/two-factor", { intent: "enable", code: totp(secret) });
        const page = await response.clone().text();
        recoveryCodes = [...(page.match(/data-testid="recovery-codes">(.*?)<\/ol>/s)?.[1] ?? "").matchAll(/<li>([a-z0-9-]+)<\/li>/g)].map((m) => m[1]);
        return response;
      },
      { actions: ["two_factor.enable"], status: 200 },
    );
    expect(recoveryCodes.length).toBeGreaterThan(0);
    const returning = new Client(server);
    expect((await returning.post("/login", { login: "ministry", password: "tapsyrma-demo" })).headers.get("location")).toBe("/login/two-factor");
    await audited(() => returning.post("/login/two-factor", { code: recoveryCodes[0] }), { actions: ["two_factor.recovery_code_use"] });
    await audited(() => returning.post("/account/two-factor", { intent: "regenerate", code: totp(secret, 1) }), {
      actions: ["two_factor.recovery_codes_regenerate"],
      status: 200,
    });
    // Half a minute later: the step used above is spent, so the clock must have moved on for the next code.
    await server.db.updateTable("two_factor_credentials").set({ last_used_step: 0 }).execute();
    await audited(() => returning.post("/account/two-factor", { intent: "disable", code: totp(secret) }), { actions: ["two_factor.disable"] });
  });
});

describe("coverage", () => {
  it("exercises every route with an action above, except those that change no official record", async () => {
    const exercised = [
      "/organizations/new",
      "/organizations/:organizationId/edit",
      "/people/new",
      "/people/:personId/edit",
      "/account/calendar",
      "/meetings/new",
      "/meetings/:meetingId/edit",
      "/meetings/:meetingId/instructions/new",
      "/meetings/:meetingId/instructions/:instructionId",
      "/meetings/:meetingId/speakers/:speakerId",
      "/assignments/:assignmentId",
      "/meetings/import",
      "/meetings/import/:importId",
      "/account/two-factor",
      "/login/two-factor",
    ];
    // Sessions, read marks and a language preference: the user's own state, not records (sign-in failures
    // have their own table, sessions are hashed tokens).
    const notRecords = ["/login", "/logout", "/language", "/notifications"];
    const build = await import(pathToFileURL(path.resolve(import.meta.dirname, "../../build/server/index.js")).href);
    const all = build.routes as Record<string, { id: string; parentId?: string; path?: string; module: { action?: unknown } }>;
    const patterns = Object.values(all)
      .filter((route) => route.id !== "root" && route.module.action)
      .map((route) => {
        const parts: string[] = [];
        for (let current: typeof route | undefined = route; current; current = current.parentId ? all[current.parentId] : undefined) if (current.path) parts.unshift(current.path);
        return `/${parts.join("/")}`;
      });
    expect(patterns.filter((pattern) => !exercised.includes(pattern) && !notRecords.includes(pattern))).toEqual([]);
  });
});

describe("tampering with any audit row", () => {
  it("is found at that row, whichever row and whichever field is altered, and wherever a row is removed", async () => {
    const file = freshDatabaseFile();
    const db = createDatabase(file);
    try {
      // Someone past the application: the append-only triggers are gone, only the hash chain is left.
      await sql`drop trigger audit_log_no_update`.execute(db);
      await sql`drop trigger audit_log_no_delete`.execute(db);
      const rows = await db.selectFrom("audit_log").select(["seq", "id"]).orderBy("seq").execute();
      expect(rows.length).toBeGreaterThan(50);
      const fields = ["occurred_at", "actor_user_id", "action", "entity_type", "entity_id", "before_json", "after_json", "prev_hash", "hash"] as const;
      const missed: string[] = [];
      for (const [index, row] of rows.entries()) {
        const field = fields[index % fields.length];
        const rollback = new Error("rollback");
        for (const change of ["alter", "remove"] as const) {
          await db
            .transaction()
            .execute(async (trx) => {
              if (change === "alter") await sql`update audit_log set ${sql.ref(field)} = coalesce(${sql.ref(field)}, '') || 'x' where seq = ${row.seq}`.execute(trx);
              else await trx.deleteFrom("audit_log").where("seq", "=", row.seq).execute();
              const verdict = await verifyAuditChain(trx);
              // A removed last row leaves a shorter, intact chain: its absence shows in the head, not in a link.
              const expectedSeq = change === "remove" ? Number(row.seq) + 1 : Number(row.seq);
              const found = verdict.ok ? change === "remove" && index === rows.length - 1 && verdict.rows === rows.length - 1 : verdict.brokenSeq === expectedSeq;
              if (!found) missed.push(`${change} seq ${row.seq}${change === "alter" ? ` ${field}` : ""}: ${JSON.stringify(verdict)}`);
              throw rollback;
            })
            .catch((error: unknown) => {
              if (error !== rollback) throw error;
            });
        }
      }
      expect(missed).toEqual([]);
    } finally {
      await db.destroy();
      fs.rmSync(path.dirname(file), { recursive: true, force: true });
    }
  });
});
