import { sql, type Insertable, type Updateable } from "kysely";
import { addDays, almatyDate, almatyWallClockToIso, isCalendarDate } from "../../app/domain/calendar";
import { recordAudit } from "../../app/models/audit.server";
import type { AssignmentEventsTable, AssignmentsTable, Database, Organization } from "../../app/utils/db-schema";
import type { DB } from "../../app/utils/db.server";
import { newId } from "../../app/utils/ids";
import { hashPassword } from "../../app/utils/password.server";
import {
  createAgendaItem,
  createAssignment,
  createAssignmentEvent,
  createEventTargetValue,
  createInstruction,
  createMeeting,
  createOrganization,
  createPerson,
  createSpeaker,
  createTarget,
  createUser,
} from "../../tests/factories";

/*
 * Demo data: the reference case of DESIGN.md (shared/fixtures/selector-meeting-broadband.kk.txt), a Government
 * selector meeting on rural broadband, with a little execution history so every screen has something to show.
 * Dates are relative to `today` (Almaty): the meeting was 20 days ago. Seeded only into a database with no users.
 */

export const DEMO_PASSWORD = "tapsyrma-demo";

export type DemoSignIn = {
  login: string;
  role: "admin" | "secretariat" | "controller" | "assignee";
  organizationCode?: string;
  description: string;
};

export const DEMO_SIGN_INS: DemoSignIn[] = [
  { login: "admin", role: "admin", description: "Administrator: users, organizations and roles" },
  {
    login: "secretariat",
    role: "secretariat",
    organizationCode: "government-office",
    description: "Government Office secretariat: records meetings and instructions and publishes the minutes",
  },
  {
    login: "controller",
    role: "controller",
    organizationCode: "pm-office",
    description: "Prime Minister's Office control department: reviews reports, decides extensions, watches overdue items",
  },
  {
    login: "ministry",
    role: "assignee",
    organizationCode: "mdai",
    description: "Assignee at the Ministry of Digital Development: lead on instruction 14/1, in progress",
  },
  {
    login: "akmola",
    role: "assignee",
    organizationCode: "akmola",
    description: "Assignee at the Akimat of Akmola Region: instruction 14/2, not started yet",
  },
  {
    login: "north-kazakhstan",
    role: "assignee",
    organizationCode: "north-kazakhstan",
    description: "Assignee at the Akimat of North Kazakhstan Region: instruction 14/2, in progress",
  },
];

const DISPLAY_NAMES: Record<string, string> = {
  admin: "Әлия Сейітқызы",
  secretariat: "Гүлнар Омарова",
  controller: "Нұрлан Жақсыбеков",
  ministry: "Дәурен Ахметов",
  akmola: "Айгүл Смағұлова",
  "north-kazakhstan": "Ержан Байтұрсынов",
};

type OrganizationSeed = {
  code: string;
  kind: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  short_name_kk?: string;
  short_name_ru?: string;
  short_name_en?: string;
};

const CENTRAL_ORGANIZATIONS: OrganizationSeed[] = [
  {
    code: "mdai",
    kind: "ministry",
    name_kk: "Қазақстан Республикасы Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі",
    name_ru: "Министерство цифрового развития, инноваций и аэрокосмической промышленности Республики Казахстан",
    name_en: "Ministry of Digital Development, Innovation and Aerospace Industry of the Republic of Kazakhstan",
    short_name_kk: "ЦДИАӨМ",
    short_name_ru: "МЦРИАП",
    short_name_en: "MDDIAI",
  },
  {
    code: "kazakhtelecom",
    kind: "national_company",
    name_kk: "«Қазақтелеком» АҚ",
    name_ru: "АО «Казахтелеком»",
    name_en: "Kazakhtelecom JSC",
    short_name_kk: "Қазақтелеком",
    short_name_ru: "Казахтелеком",
    short_name_en: "Kazakhtelecom",
  },
  {
    code: "transtelecom",
    kind: "operator",
    name_kk: "«Транстелеком» АҚ",
    name_ru: "АО «Транстелеком»",
    name_en: "Transtelecom JSC",
    short_name_kk: "Транстелеком",
    short_name_ru: "Транстелеком",
    short_name_en: "Transtelecom",
  },
  {
    code: "kar-tel",
    kind: "operator",
    name_kk: "«КаР-Тел» ЖШС",
    name_ru: "ТОО «КаР-Тел»",
    name_en: "Kar-Tel LLP",
    short_name_kk: "Beeline (КаР-Тел)",
    short_name_ru: "Beeline (КаР-Тел)",
    short_name_en: "Beeline (Kar-Tel)",
  },
  {
    code: "pm-office",
    kind: "government_office",
    name_kk: "Қазақстан Республикасы Премьер-Министрінің Кеңсесі",
    name_ru: "Канцелярия Премьер-Министра Республики Казахстан",
    name_en: "Office of the Prime Minister of the Republic of Kazakhstan",
    short_name_kk: "Премьер-Министр Кеңсесі",
    short_name_ru: "Канцелярия Премьер-Министра",
    short_name_en: "Prime Minister's Office",
  },
  {
    code: "government-office",
    kind: "government_office",
    name_kk: "Қазақстан Республикасы Үкіметінің Аппараты",
    name_ru: "Аппарат Правительства Республики Казахстан",
    name_en: "Office of the Government of the Republic of Kazakhstan",
    short_name_kk: "Үкімет Аппараты",
    short_name_ru: "Аппарат Правительства",
    short_name_en: "Government Office",
  },
];

/** code, region name in Kazakh (genitive stem takes "облысының"), Russian akimat name, Russian short name, English. */
const REGIONS: Array<[code: string, kk: string, ruAkimat: string, ruShort: string, en: string]> = [
  ["abai", "Абай", "Акимат области Абай", "область Абай", "Abai"],
  ["akmola", "Ақмола", "Акимат Акмолинской области", "Акмолинская область", "Akmola"],
  ["aktobe", "Ақтөбе", "Акимат Актюбинской области", "Актюбинская область", "Aktobe"],
  ["almaty-region", "Алматы", "Акимат Алматинской области", "Алматинская область", "Almaty"],
  ["atyrau", "Атырау", "Акимат Атырауской области", "Атырауская область", "Atyrau"],
  ["east-kazakhstan", "Шығыс Қазақстан", "Акимат Восточно-Казахстанской области", "Восточно-Казахстанская область", "East Kazakhstan"],
  ["zhambyl", "Жамбыл", "Акимат Жамбылской области", "Жамбылская область", "Zhambyl"],
  ["zhetysu", "Жетісу", "Акимат области Жетісу", "область Жетісу", "Zhetysu"],
  ["west-kazakhstan", "Батыс Қазақстан", "Акимат Западно-Казахстанской области", "Западно-Казахстанская область", "West Kazakhstan"],
  ["karaganda", "Қарағанды", "Акимат Карагандинской области", "Карагандинская область", "Karaganda"],
  ["kostanay", "Қостанай", "Акимат Костанайской области", "Костанайская область", "Kostanay"],
  ["kyzylorda", "Қызылорда", "Акимат Кызылординской области", "Кызылординская область", "Kyzylorda"],
  ["mangystau", "Маңғыстау", "Акимат Мангистауской области", "Мангистауская область", "Mangystau"],
  ["pavlodar", "Павлодар", "Акимат Павлодарской области", "Павлодарская область", "Pavlodar"],
  ["north-kazakhstan", "Солтүстік Қазақстан", "Акимат Северо-Казахстанской области", "Северо-Казахстанская область", "North Kazakhstan"],
  ["turkistan", "Түркістан", "Акимат Туркестанской области", "Туркестанская область", "Turkistan"],
  ["ulytau", "Ұлытау", "Акимат области Ұлытау", "область Ұлытау", "Ulytau"],
];

/** Cities of republican significance: code, Kazakh, Russian akimat name, Russian short name, English. */
const CITIES: Array<[code: string, kk: string, ruAkimat: string, ruShort: string, en: string]> = [
  ["astana", "Астана", "Акимат города Астаны", "город Астана", "Astana"],
  ["almaty", "Алматы", "Акимат города Алматы", "город Алматы", "Almaty"],
  ["shymkent", "Шымкент", "Акимат города Шымкента", "город Шымкент", "Shymkent"],
];

const AKIMAT_ORGANIZATIONS: OrganizationSeed[] = [
  ...REGIONS.map(([code, kk, ruAkimat, ruShort, en]) => ({
    code,
    kind: "regional_akimat",
    name_kk: `${kk} облысының әкімдігі`,
    name_ru: ruAkimat,
    name_en: `Akimat of ${en} Region`,
    short_name_kk: `${kk} облысы`,
    short_name_ru: ruShort,
    short_name_en: `${en} Region`,
  })),
  ...CITIES.map(([code, kk, ruAkimat, ruShort, en]) => ({
    code,
    kind: "city_akimat",
    name_kk: `${kk} қаласының әкімдігі`,
    name_ru: ruAkimat,
    name_en: `Akimat of ${en}`,
    short_name_kk: `${kk} қаласы`,
    short_name_ru: ruShort,
    short_name_en: en,
  })),
];

const CHAIR = {
  full_name: "Асқар Мамин",
  position: "Қазақстан Республикасының Премьер-Министрі",
  organizationCode: "pm-office",
};

// Names as the source text gives them (initial and surname); positions in Kazakh as at the meeting.
const SPEAKERS = [
  {
    full_name: "А. Жұмағалиев",
    position: "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрі",
    organizationCode: "mdai",
    summary:
      "«Цифрлық Қазақстан» мемлекеттік бағдарламасы аясында ауылдық елді мекендерді кеңжолақты интернетпен " +
      "қамтамасыз ету бойынша атқарылып жатқан жұмыстар туралы баяндады: жыл соңына дейін 5163 ауылдық елді " +
      "мекенді қосу, желіні пайдаланушылардың үлесін 88%-ға, цифрлық сауаттылық деңгейін 83%-ға жеткізу көзделген.",
  },
  {
    full_name: "К. Есекеев",
    position: "«Қазақтелеком» АҚ басқарма төрағасы",
    organizationCode: "kazakhtelecom",
    summary:
      "Ауылдық елді мекендерге талшықты-оптикалық байланыс желілерін тарту жобаларының барысы туралы баяндады.",
  },
  {
    full_name: "Ж. Надыров",
    position: "«Транстелеком» АҚ басқарма төрағасы",
    organizationCode: "transtelecom",
    summary:
      "Магистральдық байланыс желілерін дамыту және елді мекендерді интернетке қосу бойынша атқарылып жатқан " +
      "жұмыстар туралы баяндады.",
  },
  {
    full_name: "Е. Настрадин",
    position: "«КаР-Тел» ЖШС атқарушы директоры",
    organizationCode: "kar-tel",
    summary:
      "Ауылдық елді мекендерде ұялы байланыс пен мобильді интернетке қолжетімділікті кеңейту жөніндегі " +
      "жұмыстар туралы баяндады.",
  },
  {
    full_name: "Е. Маржықпаев",
    position: "Ақмола облысының әкімі",
    organizationCode: "akmola",
    summary:
      "Облыстың ауылдық елді мекендерін кеңжолақты интернетпен қамтамасыз ету барысы және антенналық-мачталық " +
      "құрылыстарға жер бөлу мәселелері туралы баяндады.",
  },
  {
    full_name: "Қ. Ақсақалов",
    position: "Солтүстік Қазақстан облысының әкімі",
    organizationCode: "north-kazakhstan",
    summary:
      "Облыстың ауылдық елді мекендерінде интернетке қолжетімділікті қамтамасыз ету бойынша атқарылып жатқан " +
      "жұмыстар туралы баяндады.",
  },
];

const MEETING_TITLE =
  "Ауылдық елді мекендерді кеңжолақты интернетпен қамтамасыз ету туралы Үкіметтің селекторлық отырысы";

const MEETING_SUMMARY =
  "Үкіметтің селекторлық отырысында елді мекендерді кеңжолақты интернетке қолжетімділікпен қамтамасыз ету " +
  "мәселесі қаралды: «Цифрлық Қазақстан» мемлекеттік бағдарламасы аясында желіні пайдаланушылардың үлесі 88%-ға, " +
  "цифрлық сауаттылық деңгейі 83%-ға жетіп, жыл соңына дейін 5163 ауылдық елді мекен кеңжолақты интернетпен " +
  "қамтамасыз етіледі. Нәтижесінде ауылдардағы 7,6 млн-нан астам адам онлайн білім алуға, телемедицинаға, " +
  "мемлекеттік қызметтерге және электрондық саудаға қол жеткізеді.";

const AGENDA_ITEM_TITLE = "Елді мекендерді кеңжолақты интернетке қолжетімділікпен қамтамасыз ету";

const INSTRUCTION_1_TEXT =
  "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігіне байланыс операторларымен бірлесіп " +
  "жоспарланған елді мекендерді интернетпен қамтамасыз ету жобаларын уақтылы іске асыру бойынша барлық қажетті " +
  "шараларды қабылдау.";

const INSTRUCTION_2_TEXT =
  "Антенналық-мачталық құрылыстар салуға және байланыс желісін тартуға жер бөлу, электр энергиясымен " +
  "қамтамасыз ету мәселелерін жедел шешу.";

const TARGETS = [
  { indicator: "Кеңжолақты интернетпен қамтамасыз етілген ауылдық елді мекендер", unit: "елді мекен", target_value: 5163 },
  { indicator: "Интернетті пайдаланушылардың үлесі", unit: "%", target_value: 88 },
  { indicator: "Халықтың цифрлық сауаттылық деңгейі", unit: "%", target_value: 83 },
];

/** An assignment as the seed tracks it while appending its history. */
type Tracked = { id: string; organizationId: string; status: string; deadline: string | null };
type Actor = { userId: string | null; organizationId: string | null };
type EventInput = Pick<Insertable<AssignmentEventsTable>, "kind"> &
  Partial<
    Omit<Insertable<AssignmentEventsTable>, "id" | "assignment_id" | "created_at" | "author_user_id" | "author_organization_id">
  >;

/**
 * Appends one event and, when it changes the assignment, updates the row in step with it: the changed
 * columns, updated_at = the event's time and version + 1 (so version = 1 + the number of row-changing events).
 */
async function record(
  trx: DB,
  assignment: Tracked,
  at: string,
  actor: Actor,
  event: EventInput,
  changes: Omit<Updateable<AssignmentsTable>, "version" | "updated_at"> = {},
) {
  const row = await createAssignmentEvent(trx, {
    ...event,
    assignment_id: assignment.id,
    author_user_id: actor.userId,
    author_organization_id: actor.organizationId,
    created_at: at,
  });
  if (Object.keys(changes).length > 0) {
    await trx
      .updateTable("assignments")
      .set({ ...changes, updated_at: at, version: sql<number>`version + 1` })
      .where("id", "=", assignment.id)
      .execute();
    if (typeof changes.status === "string") assignment.status = changes.status;
    if (changes.deadline !== undefined) assignment.deadline = changes.deadline;
  }
  return row;
}

/** Progress note from the assignee; the first one moves the assignment from assigned to in_progress. */
function progress(trx: DB, a: Tracked, at: string, actor: Actor, percent: number, body: string) {
  const moves = a.status !== "in_progress";
  return record(
    trx,
    a,
    at,
    actor,
    {
      kind: "progress",
      body,
      percent_complete: percent,
      from_status: moves ? a.status : null,
      to_status: moves ? "in_progress" : null,
    },
    { ...(moves ? { status: "in_progress" } : {}), percent_complete: percent, last_report_at: at },
  );
}

function completionReport(trx: DB, a: Tracked, at: string, actor: Actor, body: string) {
  return record(
    trx,
    a,
    at,
    actor,
    { kind: "completion_report", body, percent_complete: 100, from_status: a.status, to_status: "reported" },
    { status: "reported", percent_complete: 100, last_report_at: at, reported_at: at },
  );
}

function accept(trx: DB, a: Tracked, at: string, actor: Actor, body: string, respondsTo: string) {
  return record(
    trx,
    a,
    at,
    actor,
    { kind: "accepted", body, from_status: a.status, to_status: "done", responds_to_event_id: respondsTo },
    { status: "done", completed_at: at },
  );
}

function returnForRework(trx: DB, a: Tracked, at: string, actor: Actor, reason: string, respondsTo: string) {
  return record(
    trx,
    a,
    at,
    actor,
    { kind: "returned", body: reason, from_status: a.status, to_status: "in_progress", responds_to_event_id: respondsTo },
    { status: "in_progress", reported_at: null },
  );
}

export async function seedDemoData(db: DB, options: { today?: string } = {}): Promise<{ seeded: boolean }> {
  if (await hasUsers(db)) return { seeded: false };

  const today = options.today ?? almatyDate();
  if (!isCalendarDate(today)) throw new Error(`seedDemoData: today must be a YYYY-MM-DD date, got ${today}`);

  // Hashing is the slow part: do it before the transaction, one salt per user.
  const passwordHashes = await Promise.all(DEMO_SIGN_INS.map(() => hashPassword(DEMO_PASSWORD)));

  const meetingDate = addDays(today, -20);
  /** An Almaty wall-clock time `days` after the meeting day, as a UTC timestamp. */
  const at = (days: number, time: string) => almatyWallClockToIso(addDays(meetingDate, days), time);
  const setUpAt = at(-10, "09:00");
  const heldAt = at(0, "10:00");
  const publishedAt = at(0, "18:00");
  const deadline1 = addDays(meetingDate, 60);
  const deadline2 = addDays(meetingDate, 25);

  return db.transaction().execute(async (trx) => {
    // Another process may have seeded between the check above and this transaction.
    if (await hasUsers(trx)) return { seeded: false };

    const org = new Map<string, Organization>();
    for (const seed of [...CENTRAL_ORGANIZATIONS, ...AKIMAT_ORGANIZATIONS]) {
      const row = await createOrganization(trx, {
        short_name_kk: null,
        short_name_ru: null,
        short_name_en: null,
        ...seed,
        created_at: setUpAt,
      });
      org.set(seed.code, row);
    }
    const orgId = (code: string) => {
      const row = org.get(code);
      if (!row) throw new Error(`seedDemoData: no organization ${code}`);
      return row.id;
    };

    const users = new Map<string, string>();
    for (const [index, signIn] of DEMO_SIGN_INS.entries()) {
      const user = await createUser(trx, {
        login: signIn.login,
        display_name: DISPLAY_NAMES[signIn.login],
        role: signIn.role,
        organization_id: signIn.organizationCode ? orgId(signIn.organizationCode) : null,
        language: "kk",
        password_hash: passwordHashes[index],
        created_at: setUpAt,
      });
      users.set(signIn.login, user.id);
    }
    const userId = (login: string) => users.get(login) as string;

    const chair = await createPerson(trx, {
      full_name: CHAIR.full_name,
      position: CHAIR.position,
      organization_id: orgId(CHAIR.organizationCode),
      created_at: setUpAt,
    });
    const speakerPeople = [];
    for (const speaker of SPEAKERS) {
      speakerPeople.push(
        await createPerson(trx, {
          full_name: speaker.full_name,
          position: speaker.position,
          organization_id: orgId(speaker.organizationCode),
          created_at: setUpAt,
        }),
      );
    }

    const meeting = await createMeeting(trx, {
      kind: "selector_meeting",
      title: MEETING_TITLE,
      held_at: heldAt,
      chair_person_id: chair.id,
      place: "Үкімет үйі, селекторлық режимде",
      protocol_number: "14",
      source_reference: "zakon.kz",
      summary: MEETING_SUMMARY,
      status: "published",
      published_at: publishedAt,
      created_by: userId("secretariat"),
      created_at: at(0, "13:30"),
      updated_at: publishedAt,
    });
    const agendaItem = await createAgendaItem(trx, { meeting_id: meeting.id, sort_order: 1, title: AGENDA_ITEM_TITLE });

    for (const [index, speaker] of SPEAKERS.entries()) {
      await createSpeaker(trx, {
        meeting_id: meeting.id,
        person_id: speakerPeople[index].id,
        sort_order: index + 1,
        position: speaker.position,
        organization_id: orgId(speaker.organizationCode),
        agenda_item_id: agendaItem.id,
        summary: speaker.summary,
      });
    }

    const instructionCreatedAt = at(0, "14:00");
    const instruction1 = await createInstruction(trx, {
      meeting_id: meeting.id,
      agenda_item_id: agendaItem.id,
      number: "1",
      text: INSTRUCTION_1_TEXT,
      issued_by_person_id: chair.id,
      deadline: deadline1,
      special_control: 1,
      created_at: instructionCreatedAt,
    });
    const targets = [];
    for (const [index, target] of TARGETS.entries()) {
      targets.push(await createTarget(trx, { instruction_id: instruction1.id, sort_order: index + 1, ...target }));
    }

    const instruction2 = await createInstruction(trx, {
      meeting_id: meeting.id,
      agenda_item_id: agendaItem.id,
      number: "2",
      text: INSTRUCTION_2_TEXT,
      issued_by_person_id: chair.id,
      deadline: deadline2,
      // "Жедел" (promptly) in the minutes; the secretariat set the date.
      deadline_note: "жедел",
      special_control: 0,
      created_at: instructionCreatedAt,
    });

    // Assignments, each with its 'assigned' event at publish time.
    const secretariat: Actor = { userId: userId("secretariat"), organizationId: orgId("government-office") };
    const controller: Actor = { userId: userId("controller"), organizationId: orgId("pm-office") };
    const assignments = new Map<string, Tracked>();
    const assignmentInstruction = new Map<string, string>();
    const assign = async (instructionId: string, code: string, role: "lead" | "co_executor", deadline: string) => {
      const row = await createAssignment(trx, {
        instruction_id: instructionId,
        organization_id: orgId(code),
        role,
        deadline,
        created_at: publishedAt,
      });
      const tracked: Tracked = { id: row.id, organizationId: row.organization_id, status: row.status, deadline: row.deadline };
      assignmentInstruction.set(row.id, instructionId);
      await createAssignmentEvent(trx, {
        assignment_id: row.id,
        kind: "assigned",
        author_user_id: secretariat.userId,
        author_organization_id: secretariat.organizationId,
        to_status: "assigned",
        to_deadline: deadline,
        created_at: publishedAt,
      });
      return tracked;
    };

    const ministry = await assign(instruction1.id, "mdai", "lead", deadline1);
    const kazakhtelecom = await assign(instruction1.id, "kazakhtelecom", "co_executor", deadline1);
    await assign(instruction1.id, "transtelecom", "co_executor", deadline1);
    await assign(instruction1.id, "kar-tel", "co_executor", deadline1);
    for (const akimat of AKIMAT_ORGANIZATIONS) {
      // Mangystau's own deadline was set earlier than the instruction's, and has passed.
      const deadline = akimat.code === "mangystau" ? addDays(today, -3) : deadline2;
      assignments.set(akimat.code, await assign(instruction2.id, akimat.code, "lead", deadline));
    }
    const akimatAssignment = (code: string) => assignments.get(code) as Tracked;
    // Assignees without a demo user report as their organization (e.g. a report entered from an official letter).
    const assignee = (a: Tracked): Actor => {
      const signIn = DEMO_SIGN_INS.find((s) => s.organizationCode && orgId(s.organizationCode) === a.organizationId);
      return { userId: signIn ? userId(signIn.login) : null, organizationId: a.organizationId };
    };

    // Instruction 1: the ministry leads, Kazakhtelecom reports as co-executor.
    const ministryProgress = await progress(
      trx,
      ministry,
      at(14, "11:30"),
      assignee(ministry),
      60,
      "Байланыс операторларымен бірлесіп жобаларды іске асыру кестесі бекітілді. Жоспарланған ауылдық елді " +
        "мекендердің 3870-і кеңжолақты интернетке қосылды, қалғандарында құрылыс-монтаж жұмыстары жүргізілуде.",
    );
    for (const [index, value] of [3870, 85, 80].entries()) {
      await createEventTargetValue(trx, { event_id: ministryProgress.id, target_id: targets[index].id, actual_value: value });
    }
    await progress(
      trx,
      kazakhtelecom,
      at(12, "15:10"),
      assignee(kazakhtelecom),
      50,
      "Ауылдық елді мекендерге талшықты-оптикалық байланыс желілерін тарту кесте бойынша жүргізілуде; " +
        "жоспарланған учаскелердің жартысында жұмыс аяқталды.",
    );

    // Instruction 2, region by region. Akmola stays 'assigned' with no history beyond its assignment.
    const northKazakhstan = akimatAssignment("north-kazakhstan");
    await progress(
      trx,
      northKazakhstan,
      at(10, "16:20"),
      assignee(northKazakhstan),
      40,
      "Антенналық-мачталық құрылыстарға жер учаскелерін бөлу бойынша өтінімдердің бір бөлігі қаралды, " +
        "электр желілеріне қосылудың техникалық шарттары келісілуде.",
    );

    const kostanay = akimatAssignment("kostanay");
    await progress(
      trx,
      kostanay,
      at(5, "10:00"),
      assignee(kostanay),
      50,
      "Аудан әкімдіктерімен бірлесіп жер учаскелері анықталды, бөлу рәсімі басталды.",
    );
    await completionReport(
      trx,
      kostanay,
      at(15, "12:40"),
      assignee(kostanay),
      "Барлық өтінімдер бойынша антенналық-мачталық құрылыстарға жер учаскелері бөлінді, электрмен " +
        "жабдықтаудың техникалық шарттары берілді. Тапсырманы бақылаудан алуды сұраймыз.",
    );

    const pavlodar = akimatAssignment("pavlodar");
    await progress(
      trx,
      pavlodar,
      at(3, "11:00"),
      assignee(pavlodar),
      70,
      "Жер учаскелерін бөлу туралы әкімдік қаулыларының жобалары дайындалды, электр желілеріне қосылу жұмыстары басталды.",
    );
    const pavlodarReport = await completionReport(
      trx,
      pavlodar,
      at(8, "16:00"),
      assignee(pavlodar),
      "Жер учаскелері бөлініп, байланыс операторларына берілді; барлық нысандар электр энергиясымен қамтамасыз етілді.",
    );
    await accept(trx, pavlodar, at(11, "10:30"), controller, "Есеп қабылданды, тапсырма бақылаудан алынды.", pavlodarReport.id);

    const karaganda = akimatAssignment("karaganda");
    await progress(
      trx,
      karaganda,
      at(2, "09:45"),
      assignee(karaganda),
      30,
      "Байланыс операторларымен бірлесіп қажетті жер учаскелерінің тізбесі жасалды.",
    );
    const karagandaFirstReport = await completionReport(
      trx,
      karaganda,
      at(6, "17:15"),
      assignee(karaganda),
      "Антенналық-мачталық құрылыстарға жер учаскелері бөлінді. Тапсырма орындалды.",
    );
    await returnForRework(
      trx,
      karaganda,
      at(9, "11:20"),
      controller,
      "Электрмен жабдықтау мәселесі бойынша мәлімет жоқ: техникалық шарттар берілген елді мекендердің тізбесін ұсыну қажет.",
      karagandaFirstReport.id,
    );
    const karagandaSecondReport = await completionReport(
      trx,
      karaganda,
      at(13, "14:00"),
      assignee(karaganda),
      "Ескерту ескерілді: электрмен жабдықтаудың техникалық шарттары берілген елді мекендердің тізбесі ұсынылды, " +
        "қосылу жұмыстары аяқталды.",
    );
    await accept(trx, karaganda, at(16, "10:00"), controller, "Есеп қабылданды, тапсырма бақылаудан алынды.", karagandaSecondReport.id);

    const mangystau = akimatAssignment("mangystau");
    await progress(
      trx,
      mangystau,
      at(7, "12:00"),
      assignee(mangystau),
      30,
      "Жер учаскелерін бөлу бойынша жұмыс жүргізілуде; бірқатар учаскелер бойынша жер пайдаланушылармен келісу қажет.",
    );
    await record(trx, mangystau, at(18, "09:30"), controller, {
      kind: "comment",
      body: "Орындау мерзімі өтіп кетті. Ағымдағы жағдай мен аяқтау мерзімі туралы ақпаратты жедел ұсыныңыз.",
    });

    const turkistan = akimatAssignment("turkistan");
    const newDeadline = addDays(deadline2, 20);
    const extensionRequest = await record(trx, turkistan, at(9, "15:00"), assignee(turkistan), {
      kind: "extension_request",
      body:
        "Жер учаскелерін бөлу кезінде жер пайдаланушылармен келісу рәсімдері ұзаққа созылуда, электр желілеріне " +
        "қосылу бойынша жобалау жұмыстары аяқталмаған. Мерзімді ұзартуды сұраймыз.",
      requested_deadline: newDeadline,
    });
    await record(
      trx,
      turkistan,
      at(11, "11:00"),
      controller,
      {
        kind: "extension_approved",
        body: "Мерзімді ұзарту келісілді.",
        from_deadline: turkistan.deadline,
        to_deadline: newDeadline,
        responds_to_event_id: extensionRequest.id,
      },
      { deadline: newDeadline },
    );

    const zhambyl = akimatAssignment("zhambyl");
    await progress(
      trx,
      zhambyl,
      at(8, "14:30"),
      assignee(zhambyl),
      20,
      "Жер учаскелерін бөлуге өтінімдерді жинау аяқталды, аудандарда қарау жүргізілуде.",
    );

    // What the demo users were told: new instructions for the assignees, reports and requests for the controller.
    const tell = async (login: string, kind: string, tracked: Tracked, instructionId: string, createdAt: string, read: boolean) => {
      await trx
        .insertInto("notifications")
        .values({
          id: newId(),
          user_id: userId(login),
          kind,
          assignment_id: tracked.id,
          instruction_id: instructionId,
          event_id: null,
          created_at: createdAt,
          read_at: read ? createdAt : null,
        })
        .execute();
    };
    for (const [login, code, instructionId] of [
      ["ministry", "mdai", instruction1.id],
      ["akmola", "akmola", instruction2.id],
      ["north-kazakhstan", "north-kazakhstan", instruction2.id],
    ] as const) {
      const tracked = [...assignments.values()].find((a) => a.organizationId === orgId(code) && assignmentInstruction.get(a.id) === instructionId);
      if (tracked) await tell(login, "assigned", tracked, instructionId, publishedAt, login !== "akmola");
    }
    await tell("controller", "extension_requested", akimatAssignment("turkistan"), instruction2.id, at(6, "11:00"), true);
    await tell("controller", "report_submitted", kostanay, instruction2.id, at(15, "12:40"), false);

    await auditSeededRows(trx);
    return { seeded: true };
  });
}

/** The seeded tables, parents first, with the entity type each audit row names. */
const SEEDED_ENTITIES: Array<[table: keyof Database, entityType: string]> = [
  ["organizations", "organization"],
  ["users", "user"],
  ["people", "person"],
  ["meetings", "meeting"],
  ["agenda_items", "agenda_item"],
  ["speakers", "speaker"],
  ["instructions", "instruction"],
  ["instruction_targets", "instruction_target"],
  ["assignments", "assignment"],
  ["assignment_events", "assignment_event"],
  ["event_target_values", "event_target_value"],
];

/**
 * Every write leaves an audit row, the seed's too: one "seed.<entity>.create" row per seeded row, holding the
 * row as stored, written in the seed's own transaction. The seed runs only into a database without users, so
 * every row in these tables is its own. No actor: the system did it. Ordered by id (UUIDv7) = creation order.
 */
async function auditSeededRows(trx: DB) {
  for (const [table, entityType] of SEEDED_ENTITIES) {
    const rows = (await trx.selectFrom(table).selectAll().orderBy("id").execute()) as Array<Record<string, unknown>>;
    for (const row of rows) {
      // Folded search text is derived, and a password hash has no place in a log.
      const { search_text: _searchText, password_hash: _passwordHash, ...after } = row;
      await recordAudit(trx, { actorUserId: null, action: `seed.${entityType}.create`, entityType, entityId: String(row.id), after });
    }
  }
}

async function hasUsers(db: DB): Promise<boolean> {
  const row = await db.selectFrom("users").select("id").limit(1).executeTakeFirst();
  return row !== undefined;
}
