import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addDays } from "../../app/domain/calendar";
import { kk } from "../../app/i18n/kk";
import { createTarget } from "../factories";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * The execution workflow over HTTP, as browsers without JavaScript post it: every step of the lifecycle,
 * ownership, double submits and fifty stale submits at once.
 */

let server: TestServer;
const clients: Record<string, Client> = {};
let akmolaAssignmentId: string;
let targetId: string;
const PDF = new TextEncoder().encode("%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n");

async function as(login: string) {
  if (!clients[login]) {
    const client = new Client(server);
    expect((await client.signIn(login)).status).toBe(302);
    clients[login] = client;
  }
  return clients[login];
}

async function assignmentOf(code: string) {
  return server.db
    .selectFrom("assignments")
    .innerJoin("organizations", "organizations.id", "assignments.organization_id")
    .innerJoin("instructions", "instructions.id", "assignments.instruction_id")
    .selectAll("assignments")
    .where("organizations.code", "=", code)
    .where("instructions.number", "=", "2")
    .executeTakeFirstOrThrow();
}

let keyCounter = 0;
/** A submission as the page renders it: the current version and a fresh idempotency key. */
async function act(login: string, assignmentId: string, fields: Record<string, string>, files: Parameters<Client["postMultipart"]>[2] = []) {
  const { version } = await server.db.selectFrom("assignments").select("version").where("id", "=", assignmentId).executeTakeFirstOrThrow();
  return (await as(login)).postMultipart(
    `/assignments/${assignmentId}`,
    { version: String(version), idempotencyKey: `test-key-${++keyCounter}-${Date.now()}`, ...fields },
    files,
  );
}

async function eventKinds(assignmentId: string) {
  const rows = await server.db.selectFrom("assignment_events").select("kind").where("assignment_id", "=", assignmentId).orderBy("created_at").orderBy("id").execute();
  return rows.map((row) => row.kind);
}

beforeAll(async () => {
  server = await startServer();
  akmolaAssignmentId = (await assignmentOf("akmola")).id;
  const instruction = await server.db.selectFrom("instructions").select("id").where("number", "=", "2").executeTakeFirstOrThrow();
  targetId = (await createTarget(server.db, { instruction_id: instruction.id, indicator: "Бөлінген жер учаскелері", unit: "бірлік", target_value: 120 })).id;
});
afterAll(() => server?.stop());

describe("the lifecycle, step by step", () => {
  it("takes a progress report with a PDF and a target value, stored under its SHA-256", async () => {
    const response = await act("akmola", akmolaAssignmentId, { action: "post_progress", body: "Жер учаскелері анықталды", percent: "40", [`target:${targetId}`]: "35" }, [
      { name: "files", filename: "акт-жер-бөлу.pdf", bytes: PDF, type: "application/pdf" },
    ]);
    expect(response.status).toBe(302);
    const assignment = await assignmentOf("akmola");
    expect(assignment.status).toBe("in_progress");
    expect(assignment.percent_complete).toBe(40);
    const file = await server.db.selectFrom("files").selectAll().where("assignment_id", "=", akmolaAssignmentId).executeTakeFirstOrThrow();
    const sha = createHash("sha256").update(PDF).digest("hex");
    expect(file.sha256).toBe(sha);
    expect(file.original_name).toBe("акт-жер-бөлу.pdf");
    expect(fs.readFileSync(path.join(server.filesDir, sha.slice(0, 2), sha))).toEqual(Buffer.from(PDF));
    const value = await server.db.selectFrom("event_target_values").selectAll().where("target_id", "=", targetId).executeTakeFirstOrThrow();
    expect(value.actual_value).toBe(35);

    const download = await (await as("akmola")).get(`/files/${file.id}`);
    expect(download.status).toBe(200);
    expect(download.headers.get("content-type")).toBe("application/pdf");
    expect(Buffer.from(await download.arrayBuffer())).toEqual(Buffer.from(PDF));
  });

  it("moves the deadline only when the controller approves an extension, keeping the original", async () => {
    const before = await assignmentOf("akmola");
    const newDeadline = addDays(before.deadline!, 14);
    expect((await act("akmola", akmolaAssignmentId, { action: "request_extension", requestedDeadline: newDeadline, body: "Жер комиссиясының шешімі күтілуде" })).status).toBe(302);
    expect((await assignmentOf("akmola")).deadline).toBe(before.deadline);
    const queue = await (await (await as("controller")).get("/review")).text();
    expect(queue).toContain(`/assignments/${akmolaAssignmentId}`);

    expect((await act("controller", akmolaAssignmentId, { action: "approve_extension", body: "" })).status).toBe(302);
    const after = await assignmentOf("akmola");
    expect(after.deadline).toBe(newDeadline);
    expect(after.initial_deadline).toBe(before.initial_deadline);
    const approval = await server.db.selectFrom("assignment_events").selectAll().where("assignment_id", "=", akmolaAssignmentId).where("kind", "=", "extension_approved").executeTakeFirstOrThrow();
    expect([approval.from_deadline, approval.to_deadline]).toEqual([before.deadline, newDeadline]);
  });

  it("returns a completion report with a reason, takes it again, and accepts it", async () => {
    expect((await act("akmola", akmolaAssignmentId, { action: "submit_completion", body: "Барлық мәселе шешілді" })).status).toBe(302);
    expect((await assignmentOf("akmola")).status).toBe("reported");
    const missingReason = await act("controller", akmolaAssignmentId, { action: "return", body: "" });
    expect(missingReason.status).toBe(400);
    expect(await missingReason.text()).toContain(kk["validation.required"]);
    expect((await act("controller", akmolaAssignmentId, { action: "return", body: "Электрмен жабдықтау туралы құжат жоқ" })).status).toBe(302);
    expect((await assignmentOf("akmola")).status).toBe("in_progress");
    expect((await act("akmola", akmolaAssignmentId, { action: "submit_completion", body: "Құжат қоса берілді" })).status).toBe(302);
    expect((await act("controller", akmolaAssignmentId, { action: "accept", body: "" })).status).toBe(302);
    const done = await assignmentOf("akmola");
    expect(done.status).toBe("done");
    expect(done.completed_at).not.toBeNull();
    expect(await eventKinds(akmolaAssignmentId)).toEqual([
      "assigned",
      "progress",
      "extension_request",
      "extension_approved",
      "completion_report",
      "returned",
      "completion_report",
      "accepted",
    ]);
    const audits = await server.db.selectFrom("audit_log").select("action").where("entity_id", "=", akmolaAssignmentId).where("action", "like", "assignment.%").orderBy("seq").execute();
    expect(audits.map((a) => a.action)).toEqual([
      "assignment.post_progress",
      "assignment.request_extension",
      "assignment.approve_extension",
      "assignment.submit_completion",
      "assignment.return",
      "assignment.submit_completion",
      "assignment.accept",
    ]);
  });

  it("tells the controller of reports and the assignee of decisions", async () => {
    const controller = await server.db.selectFrom("users").select("id").where("login", "=", "controller").executeTakeFirstOrThrow();
    const akmola = await server.db.selectFrom("users").select("id").where("login", "=", "akmola").executeTakeFirstOrThrow();
    const kindsFor = async (userId: string) =>
      (await server.db.selectFrom("notifications").select("kind").where("user_id", "=", userId).where("assignment_id", "=", akmolaAssignmentId).execute()).map((n) => n.kind).sort();
    expect(await kindsFor(controller.id)).toEqual(["extension_requested", "report_submitted", "report_submitted"]);
    expect(await kindsFor(akmola.id)).toEqual(["assigned", "extension_approved", "report_accepted", "report_returned"]);
    const page = await (await (await as("akmola")).get("/notifications")).text();
    expect(page).toContain(kk["notifications.kind.report_returned"]);
    expect((await (await as("akmola")).post("/notifications", {})).status).toBe(302);
    const unread = await server.db.selectFrom("notifications").select("id").where("user_id", "=", akmola.id).where("read_at", "is", null).execute();
    expect(unread).toHaveLength(0);
  });
});

describe("refusals", () => {
  it("keeps another organization out of Akmola's assignment and files, changing nothing", async () => {
    const file = await server.db.selectFrom("files").select("id").where("assignment_id", "=", akmolaAssignmentId).executeTakeFirstOrThrow();
    const north = await as("north-kazakhstan");
    const before = await snapshotDatabase(server.db);
    expect((await north.get(`/assignments/${akmolaAssignmentId}`)).status).toBe(404);
    expect((await north.get(`/files/${file.id}`)).status).toBe(404);
    const filesDir = server.filesDir;
    const listFiles = () => fs.readdirSync(filesDir, { recursive: true }).map(String).sort();
    const filesBefore = listFiles();
    const stranger = new TextEncoder().encode("%PDF-1.4\n% stranger's evidence\n%%EOF\n");
    const post = await act("north-kazakhstan", akmolaAssignmentId, { action: "post_progress", body: "Бөтен есеп" }, [
      { name: "files", filename: "бөтен.pdf", bytes: stranger, type: "application/pdf" },
    ]);
    expect([403, 404]).toContain(post.status);
    expect(await snapshotDatabase(server.db)).toEqual(before);
    // Nothing of a refused request reaches the disk either.
    expect(listFiles()).toEqual(filesBefore);
  });

  it("refuses reporting to the controller and reviewing to an assignee", async () => {
    const target = await assignmentOf("zhambyl");
    const before = await snapshotDatabase(server.db);
    expect((await act("controller", target.id, { action: "post_progress", body: "Бақылаушы есебі" })).status).toBe(403);
    const north = await assignmentOf("north-kazakhstan");
    expect((await act("north-kazakhstan", north.id, { action: "cancel", body: "Өзім тоқтатам" })).status).toBe(403);
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });

  it("refuses a stranger before judging the form, so validation says nothing to them", async () => {
    const before = await snapshotDatabase(server.db);
    const zhambyl = await assignmentOf("zhambyl");
    // An empty report (invalid for anyone) from the controller, who may see it but not report on it: 403, not 400.
    const controller = await as("controller");
    expect((await controller.postMultipart(`/assignments/${zhambyl.id}`, { action: "post_progress" }, [])).status).toBe(403);
    // From another organization, who may not even see it: 404, whatever the form says.
    const north = await as("north-kazakhstan");
    expect((await north.postMultipart(`/assignments/${zhambyl.id}`, { action: "post_progress" }, [])).status).toBe(404);
    expect((await north.postMultipart(`/assignments/${zhambyl.id}`, { action: "no-such-action" }, [])).status).toBe(404);
    // The assignee itself still gets its field errors.
    const own = await (await as("akmola")).postMultipart(`/assignments/${akmolaAssignmentId}`, { action: "post_progress" }, []);
    expect(own.status).toBe(400);
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });

  it("refuses a file that is not what it says, keeping the typed text", async () => {
    const north = await assignmentOf("north-kazakhstan");
    const before = await snapshotDatabase(server.db);
    const response = await act("north-kazakhstan", north.id, { action: "post_progress", body: "Мәтін сақталуы керек" }, [
      { name: "files", filename: "report.pdf", bytes: new TextEncoder().encode("MZ not a pdf"), type: "application/pdf" },
    ]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain("Мәтін сақталуы керек");
    expect(html).toContain("report.pdf");
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });

  it("refuses an empty file by name instead of dropping it, keeping the typed text", async () => {
    const north = await assignmentOf("north-kazakhstan");
    const before = await snapshotDatabase(server.db);
    const response = await act("north-kazakhstan", north.id, { action: "post_progress", body: "Актіні тіркедім" }, [
      { name: "files", filename: "бос-акт.pdf", bytes: new Uint8Array(0), type: "application/pdf" },
    ]);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(html).toContain(kk["execution.error.fileEmpty"].replace("{name}", "бос-акт.pdf"));
    expect(html).toContain("Актіні тіркедім");
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });

  it("refuses an extension that does not move the deadline later", async () => {
    const north = await assignmentOf("north-kazakhstan");
    const response = await act("north-kazakhstan", north.id, { action: "request_extension", requestedDeadline: north.deadline!, body: "Себеп" });
    expect(response.status).toBe(400);
    expect(await response.text()).toContain(kk["execution.error.extensionNotLater"]);
  });
});

describe("concurrency", () => {
  it("records a double-submitted form once", async () => {
    const north = await assignmentOf("north-kazakhstan");
    const client = await as("north-kazakhstan");
    const fields = { action: "post_progress", body: "Екі рет басылды", percent: "55", version: String(north.version), idempotencyKey: `double-${Date.now()}` };
    const [first, second] = await Promise.all([client.postMultipart(`/assignments/${north.id}`, fields), client.postMultipart(`/assignments/${north.id}`, fields)]);
    expect([first.status, second.status]).toEqual([302, 302]);
    const events = await server.db.selectFrom("assignment_events").select("id").where("idempotency_key", "=", fields.idempotencyKey).execute();
    expect(events).toHaveLength(1);
    expect((await assignmentOf("north-kazakhstan")).version).toBe(north.version + 1);
  });

  it("lets exactly one of 50 concurrent submits based on the same version through", async () => {
    const target = await assignmentOf("zhambyl");
    const zhambylUser = new Client(server);
    // Zhambyl has no demo user: the test makes one the way an administrator would.
    const { createUser } = await import("../factories");
    const organization = await server.db.selectFrom("organizations").select("id").where("code", "=", "zhambyl").executeTakeFirstOrThrow();
    await createUser(server.db, { login: "zhambyl", role: "assignee", organization_id: organization.id, password: "tapsyrma-demo" });
    expect((await zhambylUser.signIn("zhambyl")).status).toBe(302);
    const eventsBefore = (await eventKinds(target.id)).length;
    const responses = await Promise.all(
      Array.from({ length: 50 }, (_, index) =>
        zhambylUser.postMultipart(`/assignments/${target.id}`, {
          action: "post_progress",
          body: `Параллель есеп ${index}`,
          version: String(target.version),
          idempotencyKey: `stale-${index}-${Date.now()}`,
        }),
      ),
    );
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 302)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    expect(statuses.filter((s) => s >= 500)).toHaveLength(0);
    const conflict = await responses[statuses.indexOf(409)].text();
    expect(conflict).toContain(kk["execution.error.conflict"].split("«")[0].trim());
    expect((await eventKinds(target.id)).length).toBe(eventsBefore + 1);
    expect((await assignmentOf("zhambyl")).version).toBe(target.version + 1);
  });
});
