import type SQLite from "better-sqlite3";
import { almatyDate, isCalendarDate } from "../../app/domain/calendar";
import { instructionSearchText, meetingSearchText, organizationSearchText, personSearchText } from "../../app/domain/text";
import { recordAudit } from "../../app/models/audit.server";
import type { DB } from "../../app/utils/db.server";
import { hashPassword } from "../../app/utils/password.server";
import { DEMO_PASSWORD } from "./demo";
import {
  CENTRAL_ORGANIZATIONS,
  CONTROL_NOTES,
  DEMO_CENTRAL_HEADS,
  DISTRICTS,
  EVENT_BODIES,
  FEMALE_FIRST_NAMES,
  INSTRUCTION_ACTIONS,
  INSTRUCTION_OPENINGS,
  INSTRUCTION_QUALIFIERS_RU,
  INSTRUCTION_REPORTING,
  MALE_FIRST_NAMES,
  MEETING_SUMMARIES,
  SPEAKER_SUMMARIES,
  SURNAMES,
  TARGET_TEMPLATES,
  TOPICS,
  femaleSurname,
  russianSpelling,
  transliterate,
  type Lang,
  type Topic,
} from "./large-vocabulary";

/*
 * A national-size data set for load and query-plan work (npm run db:seed -- --large): about 200 organizations
 * (the demo's 26 plus 160 district akimats and 14 more central bodies), 2,000 users, 1,000 meetings over the
 * last three years with about 100 instructions each, about 250,000 assignments and their full histories.
 *
 * Written straight through better-sqlite3 (prepared statements, one transaction per 100 meetings) because the
 * factories' one-round-trip-per-row would take an hour. Every row is what the app itself would have stored:
 * search_text folded by app/domain/text.ts, assignment rows in step with their events (status, deadline,
 * percent_complete, last_report_at, reported_at, completed_at, version = 1 + the events that changed the row,
 * as actOnAssignment counts), an "assigned" event at publication for every assignment of published minutes.
 * Dates are relative to `today`; nothing happens on or after today's start in Almaty.
 *
 * Deterministic: a seeded generator, ids are UUIDv7 built from each row's own time and the generator. Audit:
 * one summary row for the directory and one per batch of meetings (recordAudit, so the chain stays valid), not
 * one row per generated row. No notifications or evidence files are generated.
 */

const SEED = 20_261_124;
const DAY = 86_400_000;
const MINUTE = 60_000;
const ALMATY_OFFSET_MINUTES = 5 * 60;

const GENERATED_USERS = 1_994; // the demo's six make 2,000
const ADMINS = 2;
const SECRETARIAT = 40;
const CONTROLLERS = 30;
const MEETINGS = 1_000;
const BATCH_MEETINGS = 100;

export interface LargeSeedOptions {
  /** Almaty calendar date the data is relative to (default: today). */
  today?: string;
  /** Multiplies the number of meetings (and so instructions, assignments, events); 1 = 1,000 meetings. */
  scale?: number;
  /** Add a generated set even when the database already has meetings beyond the demo. */
  force?: boolean;
  log?: (line: string) => void;
}

export type LargeSeedResult =
  | { ok: true; seconds: number; generated: Record<string, number>; totals: Record<string, number>; auditRows: number }
  | { ok: false; reason: string };

/* ------------------------------------------------------------------ randomness, ids, time */

/** sfc32: small, fast, good enough, and the same sequence on every machine. */
class Random {
  private a = 0x9e3779b9;
  private b = 0x243f6a88;
  private c = 0xb7e15162;
  private d: number;

  constructor(seed: number) {
    this.d = seed | 0;
    for (let i = 0; i < 24; i++) this.uint32();
  }

  uint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  next(): number {
    return this.uint32() / 4_294_967_296;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  weighted<T>(choices: ReadonlyArray<readonly [T, number]>): T {
    let total = 0;
    for (const [, weight] of choices) total += weight;
    let x = this.next() * total;
    for (const [value, weight] of choices) {
      x -= weight;
      if (x < 0) return value;
    }
    return choices[choices.length - 1][0];
  }

  /** `count` distinct items (fewer if there are fewer). */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const out: T[] = [];
    while (out.length < count && copy.length) out.push(copy.splice(Math.floor(this.next() * copy.length), 1)[0]);
    return out;
  }
}

const hex = (value: number, digits: number) => value.toString(16).padStart(digits, "0");

/** A UUIDv7 whose time is the row's own time and whose random bits come from the seeded generator. */
function uuidv7(ms: number, random: Random): string {
  const high = Math.floor(ms / 0x10000);
  const low = ms % 0x10000;
  const r1 = random.uint32();
  const r2 = random.uint32();
  const r3 = random.uint32();
  return `${hex(high, 8)}-${hex(low, 4)}-${hex(0x7000 | (r1 & 0xfff), 4)}-${hex(0x8000 | ((r1 >>> 12) & 0x3fff), 4)}-${hex(r2, 8)}${hex(r3 & 0xffff, 4)}`;
}

const dayOfDate = (date: string) => Math.round(Date.parse(`${date}T00:00:00Z`) / DAY);
const dateCache = new Map<number, string>();
function dateOfDay(day: number): string {
  let date = dateCache.get(day);
  if (!date) {
    date = new Date(day * DAY).toISOString().slice(0, 10);
    dateCache.set(day, date);
  }
  return date;
}
/** 0 = Sunday … 6 = Saturday (day 0 was a Thursday). */
const weekday = (day: number) => (day + 4) % 7;
/** A weekend day moved on to Monday. */
const workdayOnOrAfter = (day: number) => (weekday(day) === 6 ? day + 2 : weekday(day) === 0 ? day + 1 : day);
/** A weekend day moved back to Friday (deadlines and meetings). */
const workdayOnOrBefore = (day: number) => (weekday(day) === 6 ? day - 1 : weekday(day) === 0 ? day - 2 : day);
/** An Almaty wall-clock minute of a day, as epoch milliseconds (Almaty is UTC+5 all year). */
const almatyMs = (day: number, minuteOfDay: number) => day * DAY + (minuteOfDay - ALMATY_OFFSET_MINUTES) * MINUTE;
/** The Almaty calendar day of an instant. */
const almatyDay = (ms: number) => Math.floor((ms + ALMATY_OFFSET_MINUTES * MINUTE) / DAY);
const iso = (ms: number) => new Date(ms).toISOString();

/* ------------------------------------------------------------------ text */

const capitalize = (text: string) => text.charAt(0).toLocaleUpperCase("kk") + text.slice(1);
const lowerFirst = (text: string) => text.charAt(0).toLocaleLowerCase("ru") + text.slice(1);
const fill = (template: string, topic: string) => template.replace("{t}", topic);

function instructionText(random: Random, lang: Lang, topic: Topic): string {
  let sentence: string;
  if (lang === "kk") {
    const action = fill(random.pick(INSTRUCTION_ACTIONS.kk), topic.kk);
    sentence = random.chance(0.35) ? `${random.pick(INSTRUCTION_OPENINGS.kk)} ${action}` : action;
  } else {
    const action = fill(random.pick(INSTRUCTION_ACTIONS.ru), topic.ru);
    sentence = random.chance(0.3) ? `${random.pick(INSTRUCTION_OPENINGS.ru)} ${lowerFirst(action)}` : action;
    if (random.chance(0.35)) sentence += random.pick(INSTRUCTION_QUALIFIERS_RU);
  }
  let text = `${capitalize(sentence)}.`;
  if (random.chance(0.45)) text += ` ${random.pick(INSTRUCTION_REPORTING[lang])}`;
  return text;
}

function speakerSummary(random: Random, lang: Lang, topic: Topic, female: boolean): string {
  if (lang === "kk") return capitalize(fill(random.pick(SPEAKER_SUMMARIES.kk), topic.kk));
  return fill(random.pick(SPEAKER_SUMMARIES.ru), topic.ru).replace(/\{v:([^|]+)\|([^}]+)\}/, (_, male: string, fem: string) => (female ? fem : male));
}

function meetingTitle(kind: string, lang: Lang, topic: Topic): string {
  if (lang === "kk") {
    switch (kind) {
      case "selector_meeting":
        return `${capitalize(topic.kk)} мәселелері жөніндегі Үкіметтің селекторлық кеңесі`;
      case "government_session":
        return `Үкімет отырысы: ${topic.kk} туралы`;
      case "working_meeting":
        return `${capitalize(topic.kk)} мәселелері жөніндегі жұмыс кеңесі`;
      default:
        return `${capitalize(topic.kk)} жөніндегі ведомствоаралық комиссияның отырысы`;
    }
  }
  switch (kind) {
    case "selector_meeting":
      return `Селекторное совещание по вопросам ${topic.ru}`;
    case "government_session":
      return `Заседание Правительства Республики Казахстан по вопросам ${topic.ru}`;
    case "working_meeting":
      return `Рабочее совещание по вопросам ${topic.ru}`;
    default:
      return `Заседание межведомственной комиссии по вопросам ${topic.ru}`;
  }
}

const PLACES: Record<string, Record<Lang, string>> = {
  selector_meeting: { kk: "Үкімет үйі, селекторлық режимде", ru: "Дом Правительства, в режиме видеоконференцсвязи" },
  government_session: { kk: "Үкімет үйі", ru: "Дом Правительства" },
  working_meeting: { kk: "Үкімет үйі", ru: "Дом Правительства" },
  other: { kk: "Астана, онлайн форматта", ru: "Астана, в онлайн-формате" },
};

/* ------------------------------------------------------------------ the directory */

interface Org {
  id: string;
  code: string | null;
  kind: string;
  group: "ministry" | "agency" | "company" | "regional" | "district" | "office";
  /** Share of assignments this organization reports on time (its execution discipline). */
  reliability: number;
  assignees: string[];
}

interface Person {
  id: string;
  female: boolean;
  position: Record<Lang, string>;
  organizationId: string;
  role: "pm" | "first_deputy" | "deputy" | "office_head" | "head" | "deputy_head" | "akim" | "district_akim";
}

interface Directory {
  orgs: Org[];
  byGroup: Record<Org["group"], Org[]>;
  pmOffice: Org;
  governmentOffice: Org;
  people: Person[];
  controllers: string[];
  secretariat: string[];
  counts: Record<string, number>;
}

function groupOf(kind: string): Org["group"] {
  switch (kind) {
    case "ministry":
      return "ministry";
    case "agency":
      return "agency";
    case "national_company":
    case "operator":
      return "company";
    case "regional_akimat":
    case "city_akimat":
      return "regional";
    case "district_akimat":
      return "district";
    default:
      return "office";
  }
}

function buildDirectory(conn: SQLite.Database, random: Random, passwordHash: string, setUpMs: number): Directory {
  const counts = { organizations: 0, users: 0, people: 0 };
  const setUpAt = iso(setUpMs);
  const existing = conn.prepare("select id, code, kind, parent_id from organizations").all() as Array<{ id: string; code: string | null; kind: string; parent_id: string | null }>;
  const byCode = new Map(existing.filter((o) => o.code).map((o) => [o.code as string, o]));
  for (const code of ["pm-office", "government-office", "akmola"]) {
    if (!byCode.has(code)) {
      throw new Error(
        `The large data set builds on the demo's organizations, and "${code}" is missing. ` +
          "Seed it into a new database: DATABASE_URL=data/large.db npm run db:seed -- --large",
      );
    }
  }

  const insertOrganization = conn.prepare(
    `insert into organizations (id, code, kind, name_kk, name_ru, name_en, short_name_kk, short_name_ru, short_name_en, parent_id, is_active, created_at, updated_at, search_text)
     values (@id, @code, @kind, @name_kk, @name_ru, @name_en, @short_name_kk, @short_name_ru, @short_name_en, @parent_id, 1, @created_at, @created_at, @search_text)`,
  );
  const ensureOrganization = (row: {
    code: string;
    kind: string;
    name_kk: string;
    name_ru: string;
    name_en: string;
    short_name_kk: string;
    short_name_ru: string;
    short_name_en: string;
    parent_id: string | null;
  }) => {
    const id = uuidv7(setUpMs, random);
    const found = byCode.get(row.code);
    if (found) return found.id;
    insertOrganization.run({ ...row, id, created_at: setUpAt, search_text: organizationSearchText(row) });
    byCode.set(row.code, { id, code: row.code, kind: row.kind, parent_id: row.parent_id });
    counts.organizations += 1;
    return id;
  };

  for (const o of CENTRAL_ORGANIZATIONS) {
    ensureOrganization({
      code: o.code,
      kind: o.kind,
      name_kk: o.name_kk,
      name_ru: o.name_ru,
      name_en: o.name_en,
      short_name_kk: o.short_kk,
      short_name_ru: o.short_ru,
      short_name_en: o.short_en,
      parent_id: null,
    });
  }
  for (const [regionCode, names] of Object.entries(DISTRICTS)) {
    const region = byCode.get(regionCode);
    if (!region) throw new Error(`The demo's region ${regionCode} is missing.`);
    for (const name of names) {
      const latin = transliterate(name);
      const ru = russianSpelling(name);
      ensureOrganization({
        code: `${regionCode}-${latin.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`,
        kind: "district_akimat",
        name_kk: `${name} ауданының әкімдігі`,
        name_ru: `Акимат района ${ru}`,
        name_en: `Akimat of ${latin} District`,
        short_name_kk: `${name} ауданы`,
        short_name_ru: `район ${ru}`,
        short_name_en: `${latin} District`,
        parent_id: region.id,
      });
    }
  }

  // Everything now in the directory, with names (for the people's positions).
  const all = conn
    .prepare("select id, code, kind, name_kk, name_ru from organizations where is_active = 1 order by id")
    .all() as Array<{ id: string; code: string | null; kind: string; name_kk: string; name_ru: string }>;
  const orgs: Org[] = all.map((o) => {
    const group = groupOf(o.kind);
    const base = group === "district" ? 0.62 : group === "regional" ? 0.7 : 0.72;
    return { id: o.id, code: o.code, kind: o.kind, group, reliability: base + random.next() * 0.26, assignees: [] };
  });
  const byGroup: Directory["byGroup"] = { ministry: [], agency: [], company: [], regional: [], district: [], office: [] };
  for (const org of orgs) byGroup[org.group].push(org);
  const orgByCode = (code: string) => orgs.find((o) => o.code === code) as Org;
  const pmOffice = orgByCode("pm-office");
  const governmentOffice = orgByCode("government-office");

  // People: chairs and those who report at meetings. Reused (same name and position) on a forced second run.
  const existingPeople = new Map(
    (conn.prepare("select id, full_name, position from people").all() as Array<{ id: string; full_name: string; position: string | null }>).map((p) => [
      `${p.full_name}\n${p.position}`,
      p.id,
    ]),
  );
  const insertPerson = conn.prepare(
    "insert into people (id, full_name, position, organization_id, created_at, updated_at, search_text) values (?, ?, ?, ?, ?, ?, ?)",
  );
  const people: Person[] = [];
  const personName = (female: boolean) =>
    female ? `${random.pick(FEMALE_FIRST_NAMES)} ${femaleSurname(random.pick(SURNAMES))}` : `${random.pick(MALE_FIRST_NAMES)} ${random.pick(SURNAMES)}`;
  const addPerson = (role: Person["role"], organizationId: string, position: Record<Lang, string>, femaleShare = 0.2) => {
    const female = random.chance(femaleShare);
    const fullName = personName(female);
    const id = uuidv7(setUpMs, random);
    const key = `${fullName}\n${position.kk}`;
    const found = existingPeople.get(key);
    if (!found) {
      insertPerson.run(id, fullName, position.kk, organizationId, setUpAt, setUpAt, personSearchText({ full_name: fullName, position: position.kk }));
      existingPeople.set(key, id);
      counts.people += 1;
    }
    people.push({ id: found ?? id, female, position, organizationId, role });
  };
  const pm = { kk: "Қазақстан Республикасының Премьер-Министрі", ru: "Премьер-Министр Республики Казахстан" };
  addPerson("pm", pmOffice.id, pm, 0);
  addPerson("pm", pmOffice.id, pm, 0);
  addPerson("first_deputy", pmOffice.id, { kk: "Қазақстан Республикасы Премьер-Министрінің бірінші орынбасары", ru: "Первый заместитель Премьер-Министра Республики Казахстан" }, 0);
  for (let i = 0; i < 3; i++) {
    addPerson("deputy", pmOffice.id, { kk: "Қазақстан Республикасы Премьер-Министрінің орынбасары", ru: "Заместитель Премьер-Министра Республики Казахстан" });
  }
  addPerson("office_head", governmentOffice.id, {
    kk: "Премьер-Министрдің орынбасары – Үкімет Аппаратының Басшысы",
    ru: "Заместитель Премьер-Министра – Руководитель Аппарата Правительства",
  });
  const heads = new Map<string, { head_kk: string; head_ru: string; deputy_kk?: string; deputy_ru?: string }>([
    ...CENTRAL_ORGANIZATIONS.map((o) => [o.code, o] as const),
    ...Object.entries(DEMO_CENTRAL_HEADS),
  ]);
  for (const org of orgs) {
    const head = org.code ? heads.get(org.code) : undefined;
    if (head) {
      addPerson("head", org.id, { kk: head.head_kk, ru: head.head_ru });
      if (head.deputy_kk && head.deputy_ru) {
        addPerson("deputy_head", org.id, { kk: head.deputy_kk, ru: head.deputy_ru }, 0.35);
        addPerson("deputy_head", org.id, { kk: head.deputy_kk, ru: head.deputy_ru }, 0.35);
      }
    }
  }
  for (const o of all) {
    if (o.kind === "regional_akimat" || o.kind === "city_akimat") {
      addPerson("akim", o.id, { kk: o.name_kk.replace(/әкімдігі$/, "әкімі"), ru: o.name_ru.replace(/^Акимат/, "Аким") }, 0.05);
    } else if (o.kind === "district_akimat") {
      addPerson("district_akim", o.id, { kk: o.name_kk.replace(/әкімдігі$/, "әкімі"), ru: o.name_ru.replace(/^Акимат/, "Аким") }, 0.1);
    }
  }

  // Users: secretariat, controllers, a few admins, and assignees in every organization that receives instructions.
  const existingUsers = new Map(
    (conn.prepare("select id, login, role, organization_id from users").all() as Array<{ id: string; login: string; role: string; organization_id: string | null }>).map(
      (u) => [u.login, u],
    ),
  );
  const insertUser = conn.prepare(
    `insert into users (id, login, display_name, password_hash, role, organization_id, language, is_active, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const generatedLogins = new Set<string>();
  const addUser = (role: string, organizationId: string | null): string => {
    const female = random.chance(0.45);
    const first = random.pick(female ? FEMALE_FIRST_NAMES : MALE_FIRST_NAMES);
    const surname = random.pick(SURNAMES);
    const displayName = `${first} ${female ? femaleSurname(surname) : surname}`;
    const stem = `${transliterate(female ? femaleSurname(surname) : surname).toLowerCase()}.${transliterate(first).charAt(0).toLowerCase()}`;
    let login = stem;
    for (let n = 2; generatedLogins.has(login); n++) login = `${stem}${n}`;
    generatedLogins.add(login);
    const createdMs = setUpMs + random.int(0, 900) * DAY;
    const id = uuidv7(createdMs, random);
    const language = random.chance(0.55) ? "kk" : "ru";
    const active = random.chance(0.98) ? 1 : 0;
    const found = existingUsers.get(login);
    if (found) return found.id;
    insertUser.run(id, login, displayName, passwordHash, role, organizationId, language, active, iso(createdMs), iso(createdMs));
    counts.users += 1;
    return id;
  };
  const secretariat: string[] = [];
  const controllers: string[] = [];
  for (let i = 0; i < ADMINS; i++) addUser("admin", null);
  for (let i = 0; i < SECRETARIAT; i++) secretariat.push(addUser("secretariat", governmentOffice.id));
  for (let i = 0; i < CONTROLLERS; i++) controllers.push(addUser("controller", pmOffice.id));
  const receiving = orgs.filter((o) => o.group !== "office");
  const weight = { ministry: 30, agency: 15, company: 12, regional: 25, district: 6, office: 0 } as const;
  const assigneeTotal = GENERATED_USERS - ADMINS - SECRETARIAT - CONTROLLERS;
  const totalWeight = receiving.reduce((sum, o) => sum + weight[o.group], 0);
  // Largest remainder, so the total comes out exact.
  const shares = receiving.map((o) => (weight[o.group] * assigneeTotal) / totalWeight);
  const seats = shares.map(Math.floor);
  const order = shares.map((s, i) => [s - Math.floor(s), i] as const).sort((x, y) => y[0] - x[0]);
  const remainder = assigneeTotal - seats.reduce((a, b) => a + b, 0);
  for (let k = 0; k < remainder; k++) seats[order[k][1]] += 1;
  receiving.forEach((org, index) => {
    for (let i = 0; i < seats[index]; i++) org.assignees.push(addUser("assignee", org.id));
  });
  // The demo's own assignees report too.
  for (const u of existingUsers.values()) {
    if (u.role === "assignee" && u.organization_id) orgs.find((o) => o.id === u.organization_id)?.assignees.push(u.id);
  }
  return { orgs, byGroup, pmOffice, governmentOffice, people, controllers, secretariat, counts };
}

/* ------------------------------------------------------------------ meetings and their histories */

interface EventRow {
  id: string;
  kind: string;
  author: string | null;
  authorOrg: string | null;
  body: string | null;
  percent: number | null;
  fromStatus: string | null;
  toStatus: string | null;
  fromDeadline: string | null;
  toDeadline: string | null;
  requested: string | null;
  respondsTo: string | null;
  at: number;
  targetValues: Array<[targetId: string, value: number]>;
}

interface AssignmentState {
  status: string;
  deadline: string | null;
  percent: number | null;
  lastReport: number | null;
  reported: number | null;
  completed: number | null;
  version: number;
  updated: number;
}

interface Target {
  id: string;
  baseline: number;
  target: number;
}

interface Statements {
  meeting: SQLite.Statement;
  agenda: SQLite.Statement;
  speaker: SQLite.Statement;
  instruction: SQLite.Statement;
  target: SQLite.Statement;
  assignment: SQLite.Statement;
  event: SQLite.Statement;
  targetValue: SQLite.Statement;
}

function prepareStatements(conn: SQLite.Database): Statements {
  return {
    meeting: conn.prepare(
      `insert into meetings (id, kind, title, held_at, chair_person_id, place, protocol_number, source_reference, summary, status,
         published_at, edited_after_publish_at, version, created_by, created_at, updated_at, search_text)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?, ?, ?, ?, ?)`,
    ),
    agenda: conn.prepare("insert into agenda_items (id, meeting_id, sort_order, title) values (?, ?, ?, ?)"),
    speaker: conn.prepare(
      "insert into speakers (id, meeting_id, person_id, sort_order, position, organization_id, agenda_item_id, summary) values (?, ?, ?, ?, ?, ?, ?, ?)",
    ),
    instruction: conn.prepare(
      `insert into instructions (id, meeting_id, agenda_item_id, number, text, issued_by_person_id, deadline, deadline_note, special_control,
         version, created_at, updated_at, search_text)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)`,
    ),
    target: conn.prepare(
      "insert into instruction_targets (id, instruction_id, sort_order, indicator, unit, baseline_value, target_value) values (?, ?, ?, ?, ?, ?, ?)",
    ),
    assignment: conn.prepare(
      `insert into assignments (id, instruction_id, organization_id, role, status, deadline, initial_deadline, percent_complete, last_report_at,
         reported_at, completed_at, version, created_at, updated_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    ),
    event: conn.prepare(
      `insert into assignment_events (id, assignment_id, kind, author_user_id, author_organization_id, body, percent_complete, from_status, to_status,
         from_deadline, to_deadline, requested_deadline, responds_to_event_id, idempotency_key, created_at)
       values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null, ?)`,
    ),
    targetValue: conn.prepare("insert into event_target_values (id, event_id, target_id, actual_value) values (?, ?, ?, ?)"),
  };
}

type Counts = {
  meetings: number;
  drafts: number;
  agenda_items: number;
  speakers: number;
  instructions: number;
  instruction_targets: number;
  assignments: number;
  assignment_events: number;
  event_target_values: number;
};

/** Deadline kinds, relative to the meeting day, with how often protocols use them. */
const DEADLINES: ReadonlyArray<readonly [string, number]> = [
  ["7", 4],
  ["promptly", 5],
  ["14", 8],
  ["30", 20],
  ["45", 8],
  ["60", 17],
  ["90", 14],
  ["quarter", 8],
  ["180", 7],
  ["year", 5],
  ["none", 4],
];

function deadlineFor(random: Random, heldDay: number): { day: number | null; note: keyof typeof CONTROL_NOTES | null } {
  const kind = random.weighted(DEADLINES);
  let day: number;
  switch (kind) {
    case "none":
      return { day: null, note: "permanent" };
    case "promptly":
      return { day: workdayOnOrBefore(heldDay + 10), note: "promptly" };
    case "quarter": {
      const from = new Date((heldDay + 20) * DAY);
      const quarterEnd = Date.UTC(from.getUTCFullYear(), Math.floor(from.getUTCMonth() / 3) * 3 + 3, 0);
      day = quarterEnd / DAY;
      break;
    }
    case "year": {
      const year = new Date(heldDay * DAY).getUTCFullYear();
      const endOfYear = Date.UTC(year, 11, 31) / DAY;
      day = endOfYear - heldDay >= 45 ? endOfYear : Date.UTC(year + 1, 11, 31) / DAY;
      break;
    }
    default:
      day = heldDay + Number(kind);
  }
  return { day: workdayOnOrBefore(day), note: null };
}

interface MeetingContext {
  random: Random;
  dir: Directory;
  st: Statements;
  cutoff: number;
  counts: Counts;
}

/** Generates and stores one meeting with everything in it. */
function generateMeeting(ctx: MeetingContext, heldDay: number, protocolNumber: string, draft: boolean) {
  const { random, dir, st, counts } = ctx;
  const lang: Lang = random.chance(0.6) ? "kk" : "ru";
  const kind = random.weighted([
    ["selector_meeting", 35],
    ["government_session", 20],
    ["working_meeting", 40],
    ["other", 5],
  ] as const);
  const chairs = (role: Person["role"]) => dir.people.filter((p) => p.role === role);
  // The Prime Minister changed halfway through the three years.
  const pmPeople = chairs("pm");
  const pmNow = heldDay < ctx.cutoff / DAY - 540 ? pmPeople[0] : pmPeople[1];
  let chair: Person;
  if (kind === "government_session") chair = pmNow;
  else if (kind === "selector_meeting") chair = random.weighted([[pmNow, 6], [chairs("first_deputy")[0], 2], [random.pick(chairs("deputy")), 2]] as const);
  else chair = random.chance(0.7) ? random.pick(chairs("deputy")) : chairs("office_head")[0];

  const topics = random.sample(TOPICS, random.weighted([[1, 4], [2, 4], [3, 2]] as const));
  const heldAt = almatyMs(heldDay, random.int(18, 32) * 30);
  const createdAt = heldAt + random.int(60, 240) * MINUTE;
  let publishedAt: number | null = null;
  if (!draft) {
    publishedAt = almatyMs(workdayOnOrAfter(heldDay + random.int(0, 2)), random.int(17 * 60, 19 * 60 + 30));
    if (publishedAt >= ctx.cutoff) publishedAt = heldAt + 6 * 60 * MINUTE;
  }
  const meetingId = uuidv7(createdAt, random);
  const createdBy = random.pick(dir.secretariat);
  const title = meetingTitle(kind, lang, topics[0]);
  const place = PLACES[kind][lang];
  const summary = capitalize(fill(random.pick(MEETING_SUMMARIES[lang]), lang === "kk" ? topics.map((t) => t.kk).join(", ") : topics.map((t) => t.ru).join(", ")));
  const source =
    (kind === "government_session" || kind === "selector_meeting") && random.chance(0.5)
      ? `https://primeminister.kz/${lang}/news/${dateOfDay(heldDay).replace(/-/g, "")}-${transliterate(topics[0].kk.split(" ").slice(0, 3).join("-")).toLowerCase().replace(/[^a-z-]/g, "")}`
      : null;

  // Built in memory first: the meeting's version counts the edits that made it.
  const agenda = topics.map((topic, index) => ({
    id: uuidv7(createdAt + index, random),
    topic,
    title: lang === "kk" ? `${capitalize(topic.kk)} барысы туралы` : `О ходе ${topic.ru}`,
  }));
  const speakerPool = dir.people.filter((p) => p.role === "head" || p.role === "deputy_head" || p.role === "akim" || (kind === "selector_meeting" && p.role === "district_akim"));
  const speakers = random.sample(speakerPool, random.int(3, 8));
  const instructionCount = random.int(70, 130);
  let edits = agenda.length + speakers.length + instructionCount + (draft ? 0 : 1);
  let lastEdit = createdAt;

  const pendingInstructions: Array<() => void> = [];
  for (let i = 0; i < instructionCount; i++) {
    const item = agenda[Math.min(agenda.length - 1, Math.floor((i * agenda.length) / instructionCount))];
    const instructionAt = createdAt + (i + 1) * random.int(60, 150) * 1000;
    lastEdit = Math.max(lastEdit, instructionAt);
    const textLang: Lang = random.chance(0.9) ? lang : lang === "kk" ? "ru" : "kk";
    const text = instructionText(random, textLang, item.topic);
    const deadline = deadlineFor(random, heldDay);
    const deadlineDate = deadline.day === null ? null : dateOfDay(deadline.day);
    const note = deadline.note ? CONTROL_NOTES[deadline.note][textLang] : null;
    const number = String(i + 1);
    const instructionId = uuidv7(instructionAt, random);
    const special = random.chance(0.08) ? 1 : 0;
    const targets: Target[] = [];
    const targetRows: unknown[][] = [];
    if (random.chance(0.03)) {
      for (const [index, template] of random.sample(TARGET_TEMPLATES, random.int(1, 2)).entries()) {
        const baseline = random.int(template.baseline[0], template.baseline[1]);
        const target = baseline + random.int(template.gain[0], template.gain[1]);
        const id = uuidv7(instructionAt, random);
        targets.push({ id, baseline, target });
        targetRows.push([id, instructionId, index + 1, template.indicator[textLang], template.unit[textLang], baseline, target]);
      }
      edits += targets.length;
    }

    // Who carries it out: mostly one to three bodies; sometimes every regional akimat, each tracked separately.
    const assignees: Array<{ org: Org; role: string }> = [];
    if (random.chance(0.04)) {
      for (const org of dir.byGroup.regional) assignees.push({ org, role: "lead" });
      edits += 1;
    } else {
      const n = random.weighted([[1, 45], [2, 33], [3, 22]] as const);
      const chosen = new Set<string>();
      while (assignees.length < n) {
        const group = random.weighted([["ministry", 50], ["regional", 16], ["district", 14], ["agency", 6], ["company", 14]] as const);
        const org = random.pick(dir.byGroup[group]);
        if (!org || chosen.has(org.id)) continue;
        chosen.add(org.id);
        assignees.push({ org, role: assignees.length === 0 ? "lead" : "co_executor" });
      }
      edits += n;
    }

    pendingInstructions.push(() => {
      st.instruction.run(
        instructionId,
        meetingId,
        item.id,
        number,
        text,
        chair.id,
        deadlineDate,
        note,
        special,
        iso(instructionAt),
        iso(instructionAt),
        instructionSearchText({ text, number, deadline_note: note }),
      );
      counts.instructions += 1;
      for (const row of targetRows) st.target.run(...row);
      counts.instruction_targets += targetRows.length;
      for (const { org, role } of assignees) {
        let day = deadline.day;
        // Co-executors often report to the lead a few days ahead of the instruction's deadline.
        if (day !== null && role === "co_executor" && random.chance(0.4) && day - 5 >= heldDay + 5) day = workdayOnOrBefore(day - 5);
        storeAssignment(ctx, {
          instructionId,
          org,
          role,
          deadlineDay: day,
          createdAt: instructionAt,
          publishedAt,
          publisher: createdBy,
          lang: textLang,
          targets: role === "lead" ? targets : [],
        });
      }
    });
  }

  const version = 1 + edits;
  const updatedAt = publishedAt ?? lastEdit;
  st.meeting.run(
    meetingId,
    kind,
    title,
    iso(heldAt),
    chair.id,
    place,
    protocolNumber,
    source,
    summary,
    draft ? "draft" : "published",
    publishedAt === null ? null : iso(publishedAt),
    version,
    createdBy,
    iso(createdAt),
    iso(updatedAt),
    meetingSearchText({ title, summary, protocol_number: protocolNumber, place }),
  );
  counts.meetings += 1;
  if (draft) counts.drafts += 1;
  agenda.forEach((item, index) => st.agenda.run(item.id, meetingId, index + 1, item.title));
  counts.agenda_items += agenda.length;
  speakers.forEach((person, index) => {
    const item = agenda[Math.min(agenda.length - 1, Math.floor((index * agenda.length) / speakers.length))];
    st.speaker.run(
      uuidv7(createdAt + 1000 + index, random),
      meetingId,
      person.id,
      index + 1,
      person.position[lang],
      person.organizationId,
      item.id,
      speakerSummary(random, lang, item.topic, person.female),
    );
  });
  counts.speakers += speakers.length;
  for (const store of pendingInstructions) store();
}

interface AssignmentInput {
  instructionId: string;
  org: Org;
  role: string;
  deadlineDay: number | null;
  createdAt: number;
  publishedAt: number | null;
  publisher: string;
  lang: Lang;
  targets: Target[];
}

/**
 * One assignment and its history, simulated event by event through the lifecycle the app enforces
 * (app/domain/lifecycle.ts, actOnAssignment): the row ends as its events say.
 */
function storeAssignment(ctx: MeetingContext, input: AssignmentInput) {
  const { random, dir, st, cutoff, counts } = ctx;
  const { org, lang } = input;
  const deadline = input.deadlineDay === null ? null : dateOfDay(input.deadlineDay);
  const state: AssignmentState = {
    status: "assigned",
    deadline,
    percent: null,
    lastReport: null,
    reported: null,
    completed: null,
    version: 1,
    updated: input.createdAt,
  };
  const events: EventRow[] = [];
  let last = input.publishedAt ?? input.createdAt;

  const assignee = () => (org.assignees.length ? random.pick(org.assignees) : null);
  const controller = () => random.pick(dir.controllers);
  const body = (kind: keyof typeof EVENT_BODIES) => random.pick(EVENT_BODIES[kind][lang]);
  /** A working-hours moment on a day between `fromDay` and `toDay`, moved after the last event. */
  const when = (fromDay: number, toDay: number) => {
    let at = almatyMs(workdayOnOrAfter(random.int(fromDay, Math.max(fromDay, toDay))), random.int(9 * 60, 18 * 60 + 30));
    if (at <= last) at = last + random.int(10, 240) * MINUTE;
    return at;
  };
  /** Appends an event unless its time has not come yet; applies it to the row as actOnAssignment would. */
  const emit = (at: number, kind: string, fields: Partial<EventRow> & { by: "assignee" | "controller" }): EventRow | null => {
    if (at >= cutoff || at <= last) return null;
    const { by, ...rest } = fields;
    const event: EventRow = {
      id: uuidv7(at, random),
      kind,
      author: by === "assignee" ? assignee() : controller(),
      authorOrg: by === "assignee" ? org.id : dir.pmOffice.id,
      body: null,
      percent: null,
      fromStatus: null,
      toStatus: null,
      fromDeadline: null,
      toDeadline: null,
      requested: null,
      respondsTo: null,
      targetValues: [],
      ...rest,
      at,
    };
    const moveTo = (status: string) => {
      if (state.status !== status) {
        event.fromStatus = state.status;
        event.toStatus = status;
        state.status = status;
      }
    };
    switch (kind) {
      case "progress":
        moveTo("in_progress");
        state.percent = event.percent;
        state.lastReport = at;
        break;
      case "completion_report":
        moveTo("reported");
        state.percent = 100;
        event.percent = 100;
        state.lastReport = at;
        state.reported = at;
        break;
      case "accepted":
        moveTo("done");
        state.completed = at;
        break;
      case "returned":
        moveTo("in_progress");
        break;
      case "cancelled":
        moveTo("cancelled");
        break;
      case "extension_approved":
        event.fromDeadline = state.deadline;
        state.deadline = event.toDeadline;
        break;
    }
    if ((kind === "progress" || kind === "completion_report") && input.targets.length) {
      const share = (event.percent ?? 0) / 100;
      event.targetValues = input.targets.map((t) => [t.id, Math.round((t.baseline + (t.target - t.baseline) * share) * 10) / 10]);
    }
    state.version += 1;
    state.updated = at;
    last = at;
    events.push(event);
    return event;
  };

  if (input.publishedAt !== null) {
    // Publication starts every assignment's history (publishMeeting); it does not change the row.
    events.push({
      id: uuidv7(input.publishedAt, random),
      kind: "assigned",
      author: input.publisher,
      authorOrg: null,
      body: null,
      percent: null,
      fromStatus: null,
      toStatus: "assigned",
      fromDeadline: null,
      toDeadline: deadline,
      requested: null,
      respondsTo: null,
      at: input.publishedAt,
      targetValues: [],
    });
    simulate();
  }

  function progressReports(untilMs: number, count: number, fromPercent: number) {
    let percent = fromPercent;
    for (let k = 1; k <= count; k++) {
      const span = untilMs - last;
      if (span < 2 * 60 * MINUTE) return;
      let at = almatyMs(workdayOnOrAfter(almatyDay(last + span / (count + 1 - k + 1))), random.int(9 * 60, 18 * 60 + 30));
      if (at <= last) at = last + random.int(30, 300) * MINUTE;
      percent = Math.min(90, percent + random.int(1, 4) * 10);
      if (at >= untilMs || !emit(at, "progress", { by: "assignee", body: body("progress"), percent })) return;
    }
  }

  function simulate() {
    const publishedDay = almatyDay(input.publishedAt as number);
    const cutoffDay = almatyDay(cutoff);
    const r = org.reliability;

    // Withdrawn by the controller (lost relevance, absorbed by a newer instruction).
    if (random.chance(0.012)) {
      const end = Math.min((input.deadlineDay ?? publishedDay + 200) + 20, cutoffDay - 1);
      if (end > publishedDay + 5) {
        if (random.chance(0.5)) progressReports(almatyMs(end, 0), 1, 0);
        emit(when(publishedDay + 3, end), "cancelled", { by: "controller", body: body("cancelled") });
        return;
      }
    }

    // An extension asked for before the deadline, decided within a week (or still waiting).
    let deadlineDay = input.deadlineDay;
    if (deadlineDay !== null && deadlineDay - publishedDay > 20 && random.chance(0.07)) {
      if (random.chance(0.5)) progressReports(almatyMs(deadlineDay - 10, 0), 1, 0);
      const requested = workdayOnOrBefore(deadlineDay + random.pick([30, 45, 60, 90]));
      const request = emit(when(Math.max(publishedDay + 7, almatyDay(last) + 1), deadlineDay - 2), "extension_request", {
        by: "assignee",
        body: body("extension"),
        requested: dateOfDay(requested),
      });
      if (!request) return;
      const decidedAt = when(almatyDay(request.at) + 1, almatyDay(request.at) + 6);
      if (random.chance(0.75)) {
        if (!emit(decidedAt, "extension_approved", { by: "controller", body: body("approved"), toDeadline: dateOfDay(requested), respondsTo: request.id })) return;
        deadlineDay = requested;
      } else if (!emit(decidedAt, "extension_rejected", { by: "controller", body: body("rejected"), respondsTo: request.id })) {
        return;
      }
    }

    // When (if ever) the completion report is filed: on time by the organization's discipline, else late.
    let reportAt: number | null = null;
    const stuck = random.chance(0.035 * (1.6 - r));
    const fromDay = almatyDay(last);
    if (!stuck) {
      if (deadlineDay === null) {
        if (random.chance(0.5)) reportAt = when(publishedDay + 20, publishedDay + 400);
      } else if (random.chance(r) && deadlineDay > fromDay) {
        const span = deadlineDay - fromDay;
        reportAt = when(fromDay + Math.floor(span * (0.3 + 0.7 * Math.sqrt(random.next()) * 0.7)), deadlineDay);
        // A report filed on the deadline day after hours would be late: keep it inside the day.
        if (reportAt >= almatyMs(deadlineDay + 1, 0)) reportAt = almatyMs(deadlineDay, 17 * 60);
      } else {
        const lateDays = 1 + Math.floor(-Math.log(1 - random.next()) * 25 * (1.5 - r));
        reportAt = when(Math.max(deadlineDay, fromDay) + lateDays, Math.max(deadlineDay, fromDay) + lateDays);
      }
    }

    // Progress notes on the way (some assignees never write one and go straight to the report, or stay silent).
    const horizon = Math.min(reportAt ?? Infinity, cutoff);
    const spanDays = (horizon - last) / DAY;
    const notes = spanDays < 10 ? (random.chance(0.15) ? 1 : 0) : random.chance(0.45) ? 0 : Math.min(3, 1 + Math.floor((spanDays / 90) * random.next() * 2));
    progressReports(horizon, notes, state.percent ?? 0);

    // The report and the controller's review: accepted, or returned for rework and reported again.
    if (reportAt === null || reportAt >= cutoff) return;
    if (reportAt <= last) reportAt = last + random.int(30, 300) * MINUTE;
    let report = emit(reportAt, "completion_report", { by: "assignee", body: body("completion"), percent: 100 });
    for (let returns = 0; report; ) {
      const reviewAt = when(almatyDay(report.at) + 1, almatyDay(report.at) + 8);
      if (returns < 2 && random.chance(0.1)) {
        if (!emit(reviewAt, "returned", { by: "controller", body: body("returned") })) return;
        returns += 1;
        report = emit(when(almatyDay(reviewAt) + 5, almatyDay(reviewAt) + 25), "completion_report", {
          by: "assignee",
          body: body("completion"),
          percent: 100,
        });
      } else {
        emit(reviewAt, "accepted", { by: "controller", body: body("accepted") });
        return;
      }
    }
  }

  const assignmentId = uuidv7(input.createdAt, random);
  const isoOrNull = (ms: number | null) => (ms === null ? null : iso(ms));
  st.assignment.run(
    assignmentId,
    input.instructionId,
    org.id,
    input.role,
    state.status,
    state.deadline,
    deadline,
    state.percent,
    isoOrNull(state.lastReport),
    isoOrNull(state.reported),
    isoOrNull(state.completed),
    state.version,
    iso(input.createdAt),
    iso(state.updated),
  );
  counts.assignments += 1;
  for (const e of events) {
    st.event.run(
      e.id,
      assignmentId,
      e.kind,
      e.author,
      e.authorOrg,
      e.body,
      e.percent,
      e.fromStatus,
      e.toStatus,
      e.fromDeadline,
      e.toDeadline,
      e.requested,
      e.respondsTo,
      iso(e.at),
    );
    for (const [targetId, value] of e.targetValues) st.targetValue.run(uuidv7(e.at, random), e.id, targetId, value);
    counts.event_target_values += e.targetValues.length;
  }
  counts.assignment_events += events.length;
}

/* ------------------------------------------------------------------ the run */

/** Meetings other than the demo's reference meeting (protocol 14 from zakon.kz). */
export function meetingsBeyondDemo(conn: SQLite.Database): number {
  const row = conn
    .prepare("select count(*) as n from meetings where not (coalesce(protocol_number, '') = '14' and coalesce(source_reference, '') = 'zakon.kz')")
    .get() as { n: number };
  return row.n;
}

const TABLES = [
  "organizations",
  "users",
  "people",
  "meetings",
  "agenda_items",
  "speakers",
  "instructions",
  "instruction_targets",
  "assignments",
  "assignment_events",
  "event_target_values",
  "audit_log",
] as const;

export function tableCounts(conn: SQLite.Database): Record<string, number> {
  return Object.fromEntries(TABLES.map((table) => [table, (conn.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n]));
}

/**
 * Generates the data set into `conn`. `db` must be a Kysely instance over the same connection: the audit rows
 * go through recordAudit, inside the same transactions.
 */
export async function seedLargeData(conn: SQLite.Database, db: DB, options: LargeSeedOptions = {}): Promise<LargeSeedResult> {
  const started = performance.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const elapsed = () => `${((performance.now() - started) / 1000).toFixed(1)} s`;
  const today = options.today ?? almatyDate();
  if (!isCalendarDate(today)) throw new Error(`seedLargeData: today must be a YYYY-MM-DD date, got ${today}`);
  const scale = options.scale ?? 1;
  if (!(scale > 0 && scale <= 10)) throw new Error(`seedLargeData: scale must be in (0, 10], got ${scale}`);

  const beyond = meetingsBeyondDemo(conn);
  if (beyond > 0 && !options.force) {
    return {
      ok: false,
      reason:
        `The database already has ${beyond.toLocaleString("en")} meeting(s) beyond the demo: not adding the large data set. ` +
        "Use a new database (DATABASE_URL=data/large.db npm run db:seed -- --large), or add --force to add another generated set to this one.",
    };
  }

  const todayDay = dayOfDate(today);
  const cutoff = almatyMs(todayDay, 0);
  const setUpMs = almatyMs(todayDay - 3 * 365 - 60, 9 * 60);
  const auditBefore = (conn.prepare("select count(*) as n from audit_log").get() as { n: number }).n;
  // Bigger page cache for the bulk load (this connection only).
  conn.pragma("cache_size = -262144");

  // Kysely's transaction on the one connection: the bulk inserts below go straight to `conn`, inside it, and the
  // audit rows through recordAudit on `trx`, which must know it is in a transaction (it opens one otherwise).
  const inTransaction = <T>(work: (trx: DB) => Promise<T> | T): Promise<T> => db.transaction().execute(async (trx) => work(trx));

  // One password for every generated user, hashed once.
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  // The directory comes out the same on every run (a forced second run reuses it); the meetings differ.
  const directoryRandom = new Random(SEED);
  const dir = await inTransaction(async (trx) => {
    const built = buildDirectory(conn, directoryRandom, passwordHash, setUpMs);
    await recordAudit(trx, {
      actorUserId: null,
      action: "seed.large.directory",
      entityType: "seed",
      entityId: null,
      after: { generated: built.counts, note: "generated data set (npm run db:seed -- --large); rows not audited one by one" },
    });
    return built;
  });
  log(
    `Directory: ${dir.counts.organizations} organizations, ${dir.counts.users} users, ${dir.counts.people} people added ` +
      `(${dir.orgs.length} organizations in all) · ${elapsed()}`,
  );

  const random = new Random(SEED + 7919 * beyond);
  const meetingTotal = Math.max(1, Math.round(MEETINGS * scale));
  const firstDay = todayDay - 3 * 365;
  const days = Array.from({ length: meetingTotal }, () => workdayOnOrBefore(random.int(firstDay, todayDay - 1))).sort((a, b) => a - b);
  const draftCount = Math.min(8, Math.max(meetingTotal >= 10 ? 1 : 0, Math.round(8 * scale)));
  const recent = Array.from({ length: Math.min(25, meetingTotal) }, (_, k) => meetingTotal - 1 - k);
  const drafts = new Set(random.sample(recent, draftCount));
  const taken = new Set((conn.prepare("select protocol_number from meetings where protocol_number is not null").all() as Array<{ protocol_number: string }>).map((r) => r.protocol_number));
  const perYear = new Map<number, number>();
  const protocolNumbers = days.map((day) => {
    const year = new Date(day * DAY).getUTCFullYear();
    const seq = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, seq);
    let number = `${year}-${seq}`;
    for (let k = 2; taken.has(number); k++) number = `${year}-${seq}-${k}`;
    taken.add(number);
    return number;
  });

  const counts: Counts = {
    meetings: 0,
    drafts: 0,
    agenda_items: 0,
    speakers: 0,
    instructions: 0,
    instruction_targets: 0,
    assignments: 0,
    assignment_events: 0,
    event_target_values: 0,
  };
  const ctx: MeetingContext = { random, dir, st: prepareStatements(conn), cutoff, counts };
  for (let from = 0; from < meetingTotal; from += BATCH_MEETINGS) {
    const to = Math.min(meetingTotal, from + BATCH_MEETINGS);
    const before = { ...counts };
    await inTransaction(async (trx) => {
      for (let i = from; i < to; i++) generateMeeting(ctx, days[i], protocolNumbers[i], drafts.has(i));
      await recordAudit(trx, {
        actorUserId: null,
        action: "seed.large.meetings",
        entityType: "seed",
        entityId: null,
        after: {
          protocols: [protocolNumbers[from], protocolNumbers[to - 1]],
          meetings: counts.meetings - before.meetings,
          instructions: counts.instructions - before.instructions,
          assignments: counts.assignments - before.assignments,
          assignment_events: counts.assignment_events - before.assignment_events,
        },
      });
    });
    const n = (value: number) => value.toLocaleString("en");
    log(
      `Meetings ${n(to)}/${n(meetingTotal)} · instructions ${n(counts.instructions)} · assignments ${n(counts.assignments)} · ` +
        `events ${n(counts.assignment_events)} · ${elapsed()}`,
    );
  }
  // Planner statistics, so the first server start on this file does not spend seconds gathering them.
  conn.pragma("analysis_limit = 1000");
  conn.exec("ANALYZE");
  conn.pragma("wal_checkpoint(TRUNCATE)");

  const totals = tableCounts(conn);
  return {
    ok: true,
    seconds: (performance.now() - started) / 1000,
    generated: { ...dir.counts, ...counts },
    totals,
    auditRows: totals.audit_log - auditBefore,
  };
}
