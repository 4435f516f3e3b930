import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { organizationSearchText, personSearchText, sortByText } from "../../app/domain/text";
import { kk } from "../../app/i18n/kk";
import { ru } from "../../app/i18n/ru";
import { newId } from "../../app/utils/ids";
import { createPerson, createUser } from "../factories";
import { Client } from "../support/http";
import { startServer, type TestServer } from "../support/server";
import { snapshotDatabase } from "../support/snapshot";

/*
 * The directory (organizations and officials) against the real server, as a browser without JavaScript:
 * Kazakh alphabetical order, case-insensitive search in Kazakh and Russian, exact round-trip of Kazakh text,
 * refusals in the reader's language with nothing saved, one audit row per edit, and 403 for those who may only read.
 */

let server: TestServer;
const RU_PASSWORD = "орыс тілді хатшы 2026";

function decode(text: string): string {
  return text
    .replace(/<[^>]+>/g, "")
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .trim();
}

/** The first cell of every body row (the row header: an organization's or a person's name), in page order. */
function rowNames(html: string): string[] {
  return [...html.matchAll(/<th scope="row"[^>]*>([\s\S]*?)<\/th>/g)].map((m) => decode(m[1].replace(/<span[\s\S]*<\/span>/, "")));
}

/** The value an <input name=…> shows. */
function inputValue(html: string, name: string): string | null {
  const tag = html.match(new RegExp(`<input[^>]*\\bname="${name}"[^>]*>`))?.[0];
  if (!tag) return null;
  const value = tag.match(/\bvalue="([^"]*)"/)?.[1];
  return value === undefined ? "" : decode(value);
}

/** The option a <select name=…> has selected. */
function selectedOption(html: string, name: string): string | null {
  const select = html.match(new RegExp(`<select[^>]*\\bname="${name}"[^>]*>([\\s\\S]*?)</select>`))?.[1];
  const option = [...(select ?? "").matchAll(/<option[^>]*>/g)].map((m) => m[0]).find((tag) => /\bselected=""/.test(tag));
  return option?.match(/\bvalue="([^"]*)"/)?.[1] ?? null;
}

/** The error message shown under a field. */
function fieldError(html: string, name: string): string | null {
  const message = html.match(new RegExp(`id="field-${name}-error"[^>]*>([\\s\\S]*?)</p>`))?.[1];
  return message === undefined ? null : decode(message);
}

async function signedIn(login: string, password?: string): Promise<Client> {
  const client = new Client(server);
  const response = await client.signIn(login, password);
  expect(response.status, `sign in as ${login}`).toBe(302);
  return client;
}

async function organizationId(code: string): Promise<string> {
  const row = await server.db.selectFrom("organizations").select("id").where("code", "=", code).executeTakeFirstOrThrow();
  return row.id;
}

async function auditRows(entityId: string) {
  return server.db.selectFrom("audit_log").selectAll().where("entity_id", "=", entityId).orderBy("seq").execute();
}

const organizationForm = (overrides: Record<string, string> = {}) => ({
  kind: "agency",
  name_kk: "Қазақстан Республикасы Стратегиялық жоспарлау және реформалар агенттігі",
  name_ru: "Агентство по стратегическому планированию и реформам Республики Казахстан",
  name_en: "Agency for Strategic Planning and Reforms of the Republic of Kazakhstan",
  short_name_kk: "",
  short_name_ru: "",
  short_name_en: "",
  parent_id: "",
  ...overrides,
});

beforeAll(async () => {
  server = await startServer();
  await createUser(server.db, { login: "ru-secretariat", display_name: "Ольга Петрова", role: "secretariat", language: "ru", password: RU_PASSWORD });
});
afterAll(() => server?.stop());

describe("lists", () => {
  it("lists organizations alphabetically in Kazakh, not in SQLite's byte order", async () => {
    const client = await signedIn("controller");
    const response = await client.get("/organizations");
    expect(response.status).toBe(200);
    const names = rowNames(await response.text());
    expect(names).toHaveLength(26);
    // қ comes after к and before л; ұ after у and before ш: byte order puts both the other way round.
    expect(names.indexOf("Ақмола облысының әкімдігі")).toBeLessThan(names.indexOf("Алматы облысының әкімдігі"));
    expect(names.indexOf("Ұлытау облысының әкімдігі")).toBeLessThan(names.indexOf("Шығыс Қазақстан облысының әкімдігі"));
    // «Қазақтелеком» АҚ files under Қ (after Жетісу, before Қарағанды), not before А because of its opening quote.
    expect(names.indexOf("«Қазақтелеком» АҚ")).toBeGreaterThan(names.indexOf("Жетісу облысының әкімдігі"));
    expect(names.indexOf("«Қазақтелеком» АҚ")).toBeLessThan(names.indexOf("Қарағанды облысының әкімдігі"));
    expect(names).not.toEqual([...names].sort());
  });

  it("lists officials alphabetically in Kazakh", async () => {
    for (const full_name of ["Дана Ким", "Ғалым Ахметов", "Бауыржан Нұров", "Әсел Бекова"]) {
      await createPerson(server.db, { full_name, position: "Сынақ лауазымы" });
    }
    const client = await signedIn("controller");
    const names = rowNames(await (await client.get("/people?q=сынақ лауазымы")).text());
    expect(names).toEqual(["Әсел Бекова", "Бауыржан Нұров", "Ғалым Ахметов", "Дана Ким"]);
    const all = rowNames(await (await client.get("/people")).text());
    expect(all).toEqual(sortByText(all, (name) => name));
    expect(all).toContain("Асқар Мамин");
  });

  it("pages a long list by 50, keeping the search in the page links", async () => {
    for (let n = 1; n <= 55; n++) await createPerson(server.db, { full_name: `Тұлға ${String(n).padStart(2, "0")}`, position: "Беттеу сынағы" });
    const client = await signedIn("controller");
    const q = encodeURIComponent("беттеу");
    const first = await (await client.get(`/people?q=${q}`)).text();
    expect(rowNames(first)).toHaveLength(50);
    expect(rowNames(first)[0]).toBe("Тұлға 01");
    expect(first).toContain(kk["directory.pagination.status"].replace("{page}", "1").replace("{pages}", "2"));
    expect(first).toContain(`href="/people?q=${q}&amp;page=2"`);
    const second = await (await client.get(`/people?q=${q}&page=2`)).text();
    expect(rowNames(second)).toEqual(["Тұлға 51", "Тұлға 52", "Тұлға 53", "Тұлға 54", "Тұлға 55"]);
    // A page past the end shows the last one.
    expect(rowNames(await (await client.get(`/people?q=${q}&page=99`)).text())).toEqual(rowNames(second));
  });

  it("offers creating and editing only to those who may edit", async () => {
    const reader = await (await signedIn("akmola")).get("/organizations");
    expect(reader.status).toBe(200);
    const readerHtml = await reader.text();
    expect(readerHtml).not.toContain('href="/organizations/new"');
    expect(readerHtml).not.toMatch(/href="\/organizations\/[^"]+\/edit"/);
    const editorHtml = await (await (await signedIn("secretariat")).get("/organizations")).text();
    expect(editorHtml).toContain('href="/organizations/new"');
    expect(editorHtml).toContain(kk["directory.organizations.new"]);
    expect(editorHtml).toMatch(/href="\/organizations\/[^"]+\/edit"/);
  });

  it("shows each organization's short name, kind and parent in the reader's language", async () => {
    const client = await signedIn("ru-secretariat", RU_PASSWORD);
    const html = await (await client.get("/organizations?kind=operator")).text();
    expect(rowNames(html)).toEqual(["АО «Транстелеком»", "ТОО «КаР-Тел»"]);
    expect(html).toContain(ru["organizationKind.operator"]);
    expect(html).toContain(ru["directory.table.shortName"]);
  });
});

describe("search", () => {
  it("finds every akimat by «ӘКІМДІГІ» in capitals, whatever the case", async () => {
    const client = await signedIn("controller");
    const names = rowNames(await (await client.get(`/organizations?q=${encodeURIComponent("ӘКІМДІГІ")}`)).text());
    expect(names).toHaveLength(20);
    expect(names).toContain("Ақмола облысының әкімдігі");
    expect(names).toContain("Шымкент қаласының әкімдігі");
    expect(names.every((name) => name.includes("әкімдігі"))).toBe(true);
  });

  it("finds Akmola by «акмол» and «АКМОЛ» for a Russian reader, shown in Russian", async () => {
    const client = await signedIn("ru-secretariat", RU_PASSWORD);
    for (const q of ["акмол", "АКМОЛ"]) {
      const names = rowNames(await (await client.get(`/organizations?q=${encodeURIComponent(q)}`)).text());
      expect(names, q).toEqual(["Акимат Акмолинской области"]);
    }
  });

  it("treats % and _ as letters, not as wildcards", async () => {
    const client = await signedIn("controller");
    for (const q of ["%", "_", "\\"]) {
      const html = await (await client.get(`/organizations?q=${encodeURIComponent(q)}`)).text();
      expect(rowNames(html), q).toEqual([]);
      expect(html).toContain(kk["directory.organizations.empty"]);
    }
  });

  it("searches officials by position, ignoring case", async () => {
    const client = await signedIn("controller");
    const names = rowNames(await (await client.get(`/people?q=${encodeURIComponent("ОБЛЫСЫНЫҢ ӘКІМІ")}`)).text());
    expect(names).toEqual(["Е. Маржықпаев", "Қ. Ақсақалов"]);
  });
});

describe("creating and editing organizations", () => {
  it("saves Kazakh names exactly, in NFC, with the search text the model maintains", async () => {
    const client = await signedIn("secretariat");
    const westKazakhstan = await organizationId("west-kazakhstan");
    const nameKk = "Ақжайық ауданының әкімдігі";
    const typed = nameKk.normalize("NFD"); // й typed as и + combining breve
    expect(typed).not.toBe(nameKk);
    const response = await client.post(
      "/organizations/new",
      organizationForm({
        kind: "district_akimat",
        name_kk: `  ${typed} `,
        name_ru: "Акимат Акжаикского района",
        name_en: "Akimat of Akzhaik District",
        short_name_kk: "әғқңөұүһі ӘҒҚҢӨҰҮҺІ",
        parent_id: westKazakhstan,
      }),
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/organizations");

    const row = await server.db.selectFrom("organizations").selectAll().where("name_en", "=", "Akimat of Akzhaik District").executeTakeFirstOrThrow();
    expect(row.name_kk).toBe(nameKk);
    expect(row.short_name_kk).toBe("әғқңөұүһі ӘҒҚҢӨҰҮҺІ");
    expect(row.short_name_ru).toBeNull();
    expect(row.parent_id).toBe(westKazakhstan);
    expect(row.is_active).toBe(1);
    expect(row.search_text).toBe(organizationSearchText(row));

    const audit = await auditRows(row.id);
    expect(audit.map((a) => a.action)).toEqual(["organization.create"]);
    expect(JSON.parse(audit[0].after_json!).name_kk).toBe(nameKk);

    // The flash message, then the new row with its parent, found by a capitalised search.
    const list = await (await client.get(`/organizations?q=${encodeURIComponent("АҚЖАЙЫҚ")}`)).text();
    expect(list).toContain(kk["directory.organization.saved"]);
    // React 18.3.1 once leaked NUL bytes here, where a Kazakh letter straddled its 2 KB buffer (see entry.server.tsx).
    expect(list).not.toContain("\u0000");
    expect(rowNames(list)).toEqual([nameKk]);
    expect(list).toContain("Батыс Қазақстан облысының әкімдігі");
    expect(list).toContain(kk["organizationKind.district_akimat"]);
  });

  it("refuses a district akimat without a parent in the reader's language, keeps what was typed, saves nothing", async () => {
    const client = await signedIn("ru-secretariat", RU_PASSWORD);
    const before = await snapshotDatabase(server.db);
    const typed = organizationForm({
      kind: "district_akimat",
      name_kk: "Бөкей орда ауданының әкімдігі",
      name_ru: "Акимат Бокейординского района",
      name_en: "",
      short_name_kk: "Бөкей орда ауданы",
    });
    const response = await client.post("/organizations/new", typed);
    expect(response.status).toBe(400);
    const html = await response.text();
    expect(fieldError(html, "parent_id")).toBe(ru["directory.error.parentRequired"]);
    expect(fieldError(html, "name_en")).toBe(ru["directory.error.required"]);
    expect(fieldError(html, "name_kk")).toBeNull();
    expect(html).toContain(ru["directory.form.errorSummary"]);
    expect(inputValue(html, "name_kk")).toBe("Бөкей орда ауданының әкімдігі");
    expect(inputValue(html, "name_ru")).toBe("Акимат Бокейординского района");
    expect(inputValue(html, "short_name_kk")).toBe("Бөкей орда ауданы");
    expect(selectedOption(html, "kind")).toBe("district_akimat");
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });

  it("refuses a parent that does not exist or is not a regional akimat, and over-long names", async () => {
    const client = await signedIn("secretariat");
    const before = await snapshotDatabase(server.db);
    const unknown = await client.post("/organizations/new", organizationForm({ kind: "district_akimat", parent_id: newId() }));
    expect(unknown.status).toBe(400);
    expect(fieldError(await unknown.text(), "parent_id")).toBe(kk["directory.error.parentUnknown"]);

    const ministry = await organizationId("mdai");
    const notRegional = await client.post("/organizations/new", organizationForm({ kind: "district_akimat", parent_id: ministry }));
    expect(notRegional.status).toBe(400);
    expect(fieldError(await notRegional.text(), "parent_id")).toBe(kk["directory.error.parentNotRegional"]);

    const tooLong = await client.post("/organizations/new", organizationForm({ name_ru: "я".repeat(301), short_name_en: "x".repeat(51), kind: "nonsense" }));
    expect(tooLong.status).toBe(400);
    const html = await tooLong.text();
    expect(fieldError(html, "name_ru")).toBe(kk["directory.error.max300"]);
    expect(fieldError(html, "short_name_en")).toBe(kk["directory.error.max50"]);
    expect(fieldError(html, "kind")).toBe(kk["directory.error.kind"]);
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });

  it("writes exactly one audit row per edit, with before and after, and none for an unchanged save", async () => {
    const client = await signedIn("secretariat");
    const id = await organizationId("transtelecom");
    const secretariat = await server.db.selectFrom("users").select("id").where("login", "=", "secretariat").executeTakeFirstOrThrow();
    const page = await client.get(`/organizations/${id}/edit`);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(inputValue(html, "name_ru")).toBe("АО «Транстелеком»");
    expect(selectedOption(html, "kind")).toBe("operator");

    const stored = {
      kind: "operator",
      name_kk: "«Транстелеком» АҚ",
      name_ru: "АО «Транстелеком»",
      name_en: "Transtelecom JSC",
      short_name_kk: "Транстелеком",
      short_name_ru: "Транстелеком",
      short_name_en: "Transtelecom",
      parent_id: "",
      is_active: "on",
    };
    const auditBefore = await auditRows(id);
    const unchanged = await client.post(`/organizations/${id}/edit`, stored);
    expect(unchanged.status).toBe(302);
    expect(await auditRows(id)).toEqual(auditBefore);

    const response = await client.post(`/organizations/${id}/edit`, { ...stored, name_ru: "АО «Транстелеком» (ж/д связь)" });
    expect(response.status).toBe(302);
    const audit = await auditRows(id);
    expect(audit).toHaveLength(auditBefore.length + 1);
    const entry = audit.at(-1)!;
    expect(entry.action).toBe("organization.update");
    expect(entry.entity_type).toBe("organization");
    expect(entry.actor_user_id).toBe(secretariat.id);
    expect(JSON.parse(entry.before_json!).name_ru).toBe("АО «Транстелеком»");
    expect(JSON.parse(entry.after_json!).name_ru).toBe("АО «Транстелеком» (ж/д связь)");
    const row = await server.db.selectFrom("organizations").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.search_text).toBe(organizationSearchText(row));
  });

  it("deactivates an organization when the box is unticked and marks it in the list", async () => {
    const client = await signedIn("secretariat");
    const id = await organizationId("kar-tel");
    const response = await client.post(`/organizations/${id}/edit`, {
      kind: "operator",
      name_kk: "«КаР-Тел» ЖШС",
      name_ru: "ТОО «КаР-Тел»",
      name_en: "Kar-Tel LLP",
      short_name_kk: "Beeline (КаР-Тел)",
      short_name_ru: "Beeline (КаР-Тел)",
      short_name_en: "Beeline (Kar-Tel)",
      parent_id: "",
    });
    expect(response.status).toBe(302);
    const row = await server.db.selectFrom("organizations").select("is_active").where("id", "=", id).executeTakeFirstOrThrow();
    expect(row.is_active).toBe(0);
    expect(await (await client.get("/organizations?kind=operator")).text()).toContain(kk["directory.inactive"]);
  });

  it("keeps a region with district akimats a regional akimat", async () => {
    const client = await signedIn("secretariat");
    const id = await organizationId("west-kazakhstan");
    const before = await snapshotDatabase(server.db);
    const response = await client.post(`/organizations/${id}/edit`, organizationForm({ kind: "other", is_active: "on" }));
    expect(response.status).toBe(400);
    expect(fieldError(await response.text(), "kind")).toBe(kk["directory.error.kindHasChildren"]);
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });

  it("answers 404 for an organization that does not exist, and saves nothing", async () => {
    const client = await signedIn("secretariat");
    const missing = newId();
    expect((await client.get(`/organizations/${missing}/edit`)).status).toBe(404);
    const before = await snapshotDatabase(server.db);
    expect((await client.post(`/organizations/${missing}/edit`, organizationForm({ is_active: "on" }))).status).toBe(404);
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });
});

describe("creating and editing officials", () => {
  it("creates an official with an organization and finds them by position", async () => {
    const client = await signedIn("secretariat");
    const mdai = await organizationId("mdai");
    const response = await client.post("/people/new", {
      full_name: "Бағдат Мусин",
      position: "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі вице-министрі",
      organization_id: mdai,
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/people");
    const row = await server.db.selectFrom("people").selectAll().where("full_name", "=", "Бағдат Мусин").executeTakeFirstOrThrow();
    expect(row.organization_id).toBe(mdai);
    expect(row.search_text).toBe(personSearchText(row));
    expect((await auditRows(row.id)).map((a) => a.action)).toEqual(["person.create"]);

    const list = await (await client.get(`/people?q=${encodeURIComponent("ВИЦЕ-МИНИСТРІ")}`)).text();
    expect(list).toContain(kk["directory.person.saved"]);
    expect(rowNames(list)).toEqual(["Бағдат Мусин"]);
    expect(list).toContain("Қазақстан Республикасы Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі");
  });

  it("refuses a missing name and an unknown organization in the reader's language, saving nothing", async () => {
    const client = await signedIn("ru-secretariat", RU_PASSWORD);
    const before = await snapshotDatabase(server.db);
    const empty = await client.post("/people/new", { full_name: "  ", position: "Аким района", organization_id: "" });
    expect(empty.status).toBe(400);
    const html = await empty.text();
    expect(fieldError(html, "full_name")).toBe(ru["directory.error.required"]);
    expect(html).toContain(">Аким района</textarea>");

    const unknown = await client.post("/people/new", { full_name: "Ерлан Қарин", position: "", organization_id: newId() });
    expect(unknown.status).toBe(400);
    const unknownHtml = await unknown.text();
    expect(fieldError(unknownHtml, "organization_id")).toBe(ru["directory.error.organizationUnknown"]);
    expect(inputValue(unknownHtml, "full_name")).toBe("Ерлан Қарин");
    expect(await snapshotDatabase(server.db)).toEqual(before);
  });

  it("writes exactly one audit row per edit of an official", async () => {
    const client = await signedIn("secretariat");
    const person = await server.db.selectFrom("people").selectAll().where("full_name", "=", "Е. Маржықпаев").executeTakeFirstOrThrow();
    expect((await client.get(`/people/${person.id}/edit`)).status).toBe(200);
    const auditBefore = await auditRows(person.id);
    const response = await client.post(`/people/${person.id}/edit`, {
      full_name: "Ермек Маржықпаев",
      position: person.position ?? "",
      organization_id: person.organization_id ?? "",
    });
    expect(response.status).toBe(302);
    const audit = await auditRows(person.id);
    expect(audit).toHaveLength(auditBefore.length + 1);
    expect(audit.at(-1)!.action).toBe("person.update");
    expect(JSON.parse(audit.at(-1)!.before_json!).full_name).toBe("Е. Маржықпаев");
    expect(JSON.parse(audit.at(-1)!.after_json!).full_name).toBe("Ермек Маржықпаев");
  });
});

describe("who may edit", () => {
  for (const login of ["controller", "akmola"]) {
    it(`refuses ${login} every form and every write with 403, and the database stays as it was`, async () => {
      const client = await signedIn(login);
      const organization = await organizationId("kazakhtelecom");
      const person = await server.db.selectFrom("people").select("id").where("full_name", "=", "Асқар Мамин").executeTakeFirstOrThrow();
      const before = await snapshotDatabase(server.db);
      const writes: [string, Record<string, string>][] = [
        ["/organizations/new", organizationForm()],
        [`/organizations/${organization}/edit`, organizationForm({ kind: "national_company", is_active: "on" })],
        ["/people/new", { full_name: "Бөтен Адам", position: "", organization_id: "" }],
        [`/people/${person.id}/edit`, { full_name: "Бөтен Адам", position: "", organization_id: "" }],
      ];
      for (const [path, form] of writes) {
        const page = await client.get(path);
        expect(page.status, `GET ${path}`).toBe(403);
        expect(await page.text()).toContain(kk["error.forbidden.title"]);
        expect((await client.post(path, form)).status, `POST ${path}`).toBe(403);
      }
      expect(await snapshotDatabase(server.db)).toEqual(before);
      // Reading stays open to them.
      expect((await client.get("/organizations")).status).toBe(200);
      expect((await client.get("/people")).status).toBe(200);
    });
  }
});
