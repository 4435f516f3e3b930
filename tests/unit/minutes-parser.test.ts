import { execFileSync, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { detectLanguage, normalizeSource, parseMinutes, resolveDeadline, type DirectoryEntry, type MinutesDraft } from "../../app/domain/minutes-parser";
import { joinSplitInitials, normalizeCharacters } from "../../app/domain/minutes-parser/normalize";
import { splitParagraph } from "../../app/domain/minutes-parser/sentences";
import { kazakh } from "../../app/domain/minutes-parser/kk";
import { russian } from "../../app/domain/minutes-parser/ru";
import { english } from "../../app/domain/minutes-parser/en";
import { matchOrganization, prepareDirectory } from "../../app/domain/minutes-parser/organizations";
import {
  FIXTURE_DIR,
  addCounts,
  emptyCounts,
  formatTable,
  loadFixtures,
  precision,
  recall,
  scoreDraft,
  type Counts,
} from "../support/minutes-scoring";

const root = path.resolve(import.meta.dirname, "../..");
const reference = fs.readFileSync(path.join(FIXTURE_DIR, "reference-broadband.kk.txt"), "utf8");
const directory = JSON.parse(fs.readFileSync(path.join(FIXTURE_DIR, "directory.json"), "utf8")) as DirectoryEntry[];

const surname = (name: string) => name.split(/\s+/).pop();

describe("the reference text (selector meeting on rural broadband, Kazakh)", () => {
  const draft = parseMinutes(reference, { meetingDate: "2020-04-14" });

  it("is a Kazakh selector meeting chaired by A. Mamin", () => {
    expect(draft.language).toBe("kk");
    expect(draft.meeting.kind).toBe("selector_meeting");
    expect(draft.meeting.chair).toBe("Асқар Мамин");
    expect(draft.meeting.chairPosition).toBe("ҚР Премьер-Министрі");
    expect(draft.meeting.date).toBe("2020-04-14");
    expect(draft.meeting.title).toBe("Елді мекендерді кеңжолақты интернетке қолжетімділікпен қамтамасыз ету");
  });

  it("finds the six speakers with their positions and organizations, and not the chair", () => {
    expect(draft.speakers).toEqual([
      {
        name: "А. Жұмағалиев",
        position: "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрі",
        organization: "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі",
      },
      { name: "К. Есекеев", position: '"Қазақтелеком" АҚ басқарма төрағасы', organization: '"Қазақтелеком" АҚ' },
      { name: "Ж. Надыров", position: '"Транстелеком" АҚ басқарма төрағасы', organization: '"Транстелеком" АҚ' },
      { name: "Е. Настрадин", position: '"Кар-Тел" ЖШС атқарушы директоры', organization: '"Кар-Тел" ЖШС' },
      // The source misspells "әкімі" as "әкісі"; the position is kept as written, the organization still found.
      { name: "Е. Маржықпаев", position: "Ақмола облысының әкісі", organization: "Ақмола облысының әкімдігі" },
      { name: "Қ. Ақсақалов", position: "Солтүстік Қазақстан облысының әкімі", organization: "Солтүстік Қазақстан облысының әкімдігі" },
    ]);
  });

  it("finds two instructions: the ministry with the operators, and all the akimats", () => {
    expect(draft.instructions).toHaveLength(2);
    const [ministry, akimats] = draft.instructions;
    expect(ministry.assignees).toEqual([{ name: "Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі" }]);
    expect(ministry.coExecutors).toEqual([{ name: "Байланыс операторлары" }]);
    expect(ministry.allRegionalAkimats).toBe(false);
    expect(ministry.deadline).toBeNull();
    expect(ministry.quote).toMatch(/^Үкімет басшысы Цифрлық даму.*қабылдауды тапсырды\.$/u);
    expect(ministry.text).toBe(
      "Жоспарланған елді мекендерді интернетпен қамтамасыз ету жобаларын уақтылы іске асыру бойынша барлық қажетті шараларды қабылдау.",
    );

    expect(akimats.assignees).toEqual([{ name: "Облыстардың әкімдіктері", allRegionalAkimats: true }]);
    expect(akimats.allRegionalAkimats).toBe(true);
    expect(akimats.coExecutors).toEqual([]);
    expect(akimats.deadline).toEqual({ text: "жедел", date: null, kind: "promptly" });
    expect(akimats.quote.startsWith("Әкімдіктерге антенналық")).toBe(true);
  });

  it("takes nothing from the statistics sentences", () => {
    const quotes = draft.instructions.map((i) => i.quote).join("\n");
    for (const statistic of ["5163", "88%", "83%", "7,6 млн", "пайдаланушылар қатары"]) expect(quotes).not.toContain(statistic);
    // "осы жылдың соңына дейін" is a target stated as a fact, not a deadline of either instruction.
    expect(draft.instructions.every((i) => i.deadline?.date !== "2020-12-31")).toBe(true);
  });

  it("matches the organizations to the directory whatever their case ending", () => {
    const matched = parseMinutes(reference, { meetingDate: "2020-04-14", directory });
    expect(matched.instructions[0].assignees[0].organizationId).toBe("mdai");
    expect(matched.instructions[0].coExecutors[0]).toMatchObject({ name: "Байланыс операторлары", organizationId: null, proposedNew: true });
    expect(matched.instructions[1].assignees[0]).toMatchObject({ allRegionalAkimats: true, organizationId: null, proposedNew: false });
    expect(matched.speakers.map((s) => s.organizationId)).toEqual(["mdai", "kazakhtelecom", "transtelecom", "kar-tel", "akmola", "north-kazakhstan"]);
    expect(matched.warnings.some((w) => w.code === "organization_not_in_directory" && w.message.includes("Байланыс операторлары"))).toBe(true);
  });

  it("gives the same draft when the page comes with CRLF, NBSPs, a menu, share buttons, a dateline and a read-also list", () => {
    const messy = [
      "Басты бет",
      "Жаңалықтар",
      "14.04.2020, 18:12",
      "Бөлісу",
      ...reference.replace(/ (?=\p{L})/gu, (m, offset: number) => (offset % 7 === 0 ? "\u00a0" : m)).split("\n"),
      "\u00a0",
      "Сондай-ақ оқыңыз:",
      "Премьер-Министр әкімдерге жолдарды жөндеуді тапсырды",
      "Тегтер: интернет, ауыл",
    ].join("\r\n");
    const again = parseMinutes(messy, { meetingDate: "2020-04-14" });
    expect(again.speakers).toEqual(draft.speakers);
    expect(again.instructions.map((i) => [i.assignees, i.coExecutors, i.deadline])).toEqual(draft.instructions.map((i) => [i.assignees, i.coExecutors, i.deadline]));
  });

  it("takes the meeting date from the text when it states one, and warns without any", () => {
    const dated = parseMinutes(reference.replace("ҚР Премьер-Министрі", "2020 жылғы 14 сәуірде ҚР Премьер-Министрі"));
    expect(dated.meeting).toMatchObject({ date: "2020-04-14", dateSource: "text" });
    const undated = parseMinutes(reference);
    expect(undated.meeting.date).toBeNull();
    expect(undated.warnings.map((w) => w.code)).toContain("no_meeting_date");
  });
});

describe("normalization", () => {
  it("folds NBSPs and other spaces, composes letters (NFC) and drops invisible characters", () => {
    expect(normalizeCharacters("Ақмола\u00a0облысының\u202fәкімі\u200b")).toBe("Ақмола облысының әкімі");
    expect(normalizeCharacters("а\u0306")).toBe("ӑ");
    expect(normalizeCharacters("и\u0306")).toBe("й");
    expect(normalizeCharacters("a\r\nb\rc")).toBe("a\nb\nc");
  });

  it("joins initials cut from surnames by a line break", () => {
    expect(joinSplitInitials(["министрі А", "Жұмағалиев, басқарма төрағасы К", "Есекеев баяндады."])).toEqual([
      "министрі А. Жұмағалиев, басқарма төрағасы К. Есекеев баяндады.",
    ]);
    expect(joinSplitInitials(["деді А.", "Мамин."])).toEqual(["деді А. Мамин."]);
    // A capital at the end of a line followed by a sentence in lower case is left alone.
    expect(joinSplitInitials(["группа А", "включает"])).toEqual(["группа А", "включает"]);
  });

  it("drops page clutter and keeps the stray date as a publication date", () => {
    const n = normalizeSource(
      [
        "Главная / Новости / Правительство",
        "15 октября 2024, 12:30",
        "Поделиться",
        "Под председательством Премьер-Министра состоялось заседание.",
        "Читайте также:",
        "Бектенов поручил акиматам ускорить выплаты",
        "В Казахстане подорожал бензин",
        "",
        "Министерству финансов поручено внести предложения.",
        "Теги: бюджет",
        "© 2024 Все права защищены",
      ].join("\n"),
    );
    expect(n.paragraphs).toEqual(["Под председательством Премьер-Министра состоялось заседание.", "Министерству финансов поручено внести предложения."]);
    expect(n.datelines).toEqual(["15 октября 2024, 12:30"]);
  });

  it("keeps one copy of a headline repeated as the last line", () => {
    const asBody = normalizeSource("Әкімдіктерге жер бөлу тапсырылды.\nҮкімет отырысы өтті.\nӘкімдіктерге жер бөлу тапсырылды.");
    expect(asBody.paragraphs).toEqual(["Үкімет отырысы өтті.", "Әкімдіктерге жер бөлу тапсырылды."]);
    const asTitle = normalizeSource("Смайылов поручил подключить села\nСовещание прошло в Астане.\nСмайылов поручил подключить села");
    expect(asTitle.paragraphs).toEqual(["Смайылов поручил подключить села", "Совещание прошло в Астане."]);
    expect(asTitle.headlineIsSummary).toBe(true);
  });

  it("joins hard-wrapped lines and splits sentences without breaking initials, abbreviations or point numbers", () => {
    expect(normalizeSource("Министерству энергетики\nобеспечить подготовку\nк отопительному сезону.").paragraphs).toEqual([
      "Министерству энергетики обеспечить подготовку к отопительному сезону.",
    ]);
    expect(splitParagraph("Доложил А. Мамин. В г. Астана 2.1. не делим. Next one")).toEqual(["Доложил А. Мамин.", "В г. Астана 2.1. не делим.", "Next one"]);
    expect(splitParagraph("1. Министерству финансов обеспечить.")).toEqual(["1. Министерству финансов обеспечить."]);
  });

  it("detects the language by its letters", () => {
    expect(detectLanguage("Үкімет басшысы министрлігіне тапсырды")).toBe("kk");
    expect(detectLanguage("Премьер-Министр поручил акимату Жетісу области")).toBe("ru");
    expect(detectLanguage("The Prime Minister instructed the akimat of Zhetysu region")).toBe("en");
  });
});

describe("deadlines", () => {
  const at = "2024-03-14";
  it.each([
    ["kk", "жыл соңына дейін", "2024-12-31"],
    ["kk", "осы жылдың соңына дейін", "2024-12-31"],
    ["kk", "15 сәуірге дейін", "2024-04-15"],
    ["kk", "2025 жылғы 1 наурызға дейін", "2025-03-01"],
    ["kk", "1 наурызға дейін", "2025-03-01"], // already past this year: next March
    ["kk", "бір ай ішінде", "2024-04-14"],
    ["kk", "екі апта мерзімде", "2024-03-28"],
    ["kk", "айлық мерзімде", "2024-04-14"],
    ["kk", "он күн ішінде", "2024-03-24"],
    ["kk", "маусым айының соңына дейін", "2024-06-30"],
    ["ru", "до конца года", "2024-12-31"],
    ["ru", "в срок до 15 апреля", "2024-04-15"],
    ["ru", "до 15 апреля 2025 года", "2025-04-15"],
    ["ru", "не позднее 01.10.2024 г.", "2024-10-01"],
    ["ru", "в месячный срок", "2024-04-14"],
    ["ru", "в двухнедельный срок", "2024-03-28"],
    ["ru", "в 10-дневный срок", "2024-03-24"],
    ["ru", "в течение двух месяцев", "2024-05-14"],
    ["ru", "до конца первого квартала", "2024-03-31"],
    ["ru", "до конца II квартала 2024 года", "2024-06-30"],
    ["en", "by the end of the year", "2024-12-31"],
    ["en", "by 15 April", "2024-04-15"],
    ["en", "by April 15, 2025", "2025-04-15"],
    ["en", "no later than 1 October 2024", "2024-10-01"],
    ["en", "within a month", "2024-04-14"],
    ["en", "within two weeks", "2024-03-28"],
    ["en", "by the end of the third quarter", "2024-09-30"],
  ] as const)("%s «%s» from %s → %s", (language, phrase, date) => {
    expect(resolveDeadline(phrase, language, at)).toMatchObject({ text: phrase, date });
  });

  it("keeps 'promptly' and 'regularly' as deadlines without a date", () => {
    expect(resolveDeadline("оперативно", "ru", at)).toMatchObject({ date: null, kind: "promptly" });
    expect(resolveDeadline("жедел шешу", "kk", at)).toMatchObject({ text: "жедел", date: null, kind: "promptly" });
    expect(resolveDeadline("on a regular basis", "en", at)).toMatchObject({ date: null, kind: "periodic" });
  });

  it("leaves a relative deadline unresolved without a meeting date", () => {
    expect(resolveDeadline("в месячный срок", "ru", null)).toMatchObject({ date: null, unresolved: true });
    expect(resolveDeadline("до 15 апреля 2025 года", "ru", null)).toMatchObject({ date: "2025-04-15", unresolved: false });
  });

  it("does not take dates that state facts or a speaker's plans as deadlines", () => {
    const draft = parseMinutes(
      [
        "Министр доложил, что к 1 марта уже подключено 300 сел, а до конца года планируется подключить еще 500.",
        "Премьер-Министр поручил акиматам, которые к 1 марта уже завершили ремонт, до 1 мая подготовить отчеты.",
      ].join("\n"),
      { meetingDate: at },
    );
    expect(draft.instructions).toHaveLength(1);
    expect(draft.instructions[0].deadline).toMatchObject({ text: "до 1 мая", date: "2024-05-01" });
  });
});

describe("addressees and organizations", () => {
  const names = (rules: typeof kazakh, sentence: string) => rules.findOrganizations(sentence, []).map((m) => [m.names.join(" + "), m.grammaticalCase]);

  it("reads Kazakh organization names leftwards from their case-marked head", () => {
    expect(names(kazakh, "Үкімет басшысы Денсаулық сақтау министрлігіне Қаржы министрлігімен бірлесіп")).toEqual([
      ["Денсаулық сақтау министрлігі", "dat"],
      ["Қаржы министрлігі", "ins"],
    ]);
    expect(names(kazakh, "Ауыл шаруашылығы министрлігі мен облыс әкімдіктеріне")).toEqual([
      ["Ауыл шаруашылығы министрлігі", "dat"], // shares the ending of the last conjunct
      ["Облыстардың әкімдіктері", "dat"],
    ]);
    expect(names(kazakh, "Ақтөбе, Батыс Қазақстан және Қостанай облыстарының әкімдіктеріне")).toEqual([
      ["Ақтөбе облысының әкімдігі + Батыс Қазақстан облысының әкімдігі + Қостанай облысының әкімдігі", "dat"],
    ]);
    expect(names(kazakh, "«Самұрық-Қазына» ҰӘҚ АҚ-ға")).toEqual([["«Самұрық-Қазына» ҰӘҚ АҚ", "dat"]]);
  });

  it("reads Russian names rightwards from the head, adjectives before it back to the nominative", () => {
    expect(names(russian, "Министерству цифрового развития, инноваций и аэрокосмической промышленности совместно с Национальным банком")).toEqual([
      ["Министерство цифрового развития, инноваций и аэрокосмической промышленности", "dat"],
      ["Национальный банк", "ins"],
    ]);
    expect(names(russian, "Генеральной прокуратуре и акиматам областей, городов Астаны, Алматы и Шымкента")).toEqual([
      ["Генеральная прокуратура", "dat"],
      ["Акиматы областей", "dat"],
    ]);
    expect(names(russian, "местным исполнительным органам")[0][0]).toBe("Местные исполнительные органы");
  });

  it("reads English names with their 'of' complement", () => {
    expect(names(english, "instructed the Ministry of Labour and Social Protection of the Population and the akimats of Akmola and Kostanay regions")).toEqual([
      ["Ministry of Labour and Social Protection of the Population", "any"],
      ["Akimat of Akmola Region + Akimat of Kostanay Region", "any"],
    ]);
  });

  it("matches the directory in any language and case form, and not a different organization", () => {
    const prepared = prepareDirectory(directory);
    for (const name of ["Энергетика министрлігіне", "Энергетика министрлігінің", "Министерству энергетики", "Ministry of Energy"]) {
      expect(matchOrganization(name, prepared)?.id, name).toBe("energy");
    }
    expect(matchOrganization("Ақмола облысының әкімдігіне", prepared)?.id).toBe("akmola");
    expect(matchOrganization("Акимату Карагандинской области", prepared)?.id).toBe("karaganda");
    expect(matchOrganization("Министерство юстиции", prepared)).toBeNull();
    expect(matchOrganization("Қаржылық мониторинг агенттігі", prepared)).toBeNull();
  });
});

describe("instructions in every voice", () => {
  const one = (text: string, language?: "kk" | "ru" | "en"): MinutesDraft["instructions"] =>
    parseMinutes(text, { meetingDate: "2024-01-15", language }).instructions;

  it.each([
    ["ru active", "Премьер-Министр поручил Министерству энергетики до 1 мая завершить ремонт.", "Министерство энергетики"],
    ["ru passive", "Министерству энергетики поручено до 1 мая завершить ремонт.", "Министерство энергетики"],
    ["ru first person", "«Поручаю Министерству энергетики до 1 мая завершить ремонт», – сказал Премьер-Министр.", "Министерство энергетики"],
    ["ru bare dative", "3. Министерству энергетики в срок до 1 мая завершить ремонт.", "Министерство энергетики"],
    ["kk active", "Үкімет басшысы Энергетика министрлігіне 1 мамырға дейін жөндеуді аяқтауды тапсырды.", "Энергетика министрлігі"],
    ["kk passive", "Энергетика министрлігіне 1 мамырға дейін жөндеуді аяқтау жүктелді.", "Энергетика министрлігі"],
    ["kk first person", "Энергетика министрлігіне 1 мамырға дейін жөндеуді аяқтауды тапсырамын.", "Энергетика министрлігі"],
    ["kk protocol", "2. Энергетика министрлігі 1 мамырға дейін жөндеуді аяқтасын.", "Энергетика министрлігі"],
    ["en active", "The Prime Minister instructed the Ministry of Energy to complete repairs by 1 May.", "Ministry of Energy"],
    ["en passive", "The Ministry of Energy was instructed to complete repairs by 1 May.", "Ministry of Energy"],
    ["en first person", '"I instruct the Ministry of Energy to complete repairs by 1 May," the Prime Minister said.', "Ministry of Energy"],
    ["en protocol", "2. The Ministry of Energy shall complete repairs by 1 May.", "Ministry of Energy"],
  ])("%s", (_label, sentence, assignee) => {
    const found = one(sentence);
    expect(found).toHaveLength(1);
    expect(found[0].assignees.map((a) => a.name)).toEqual([assignee]);
    expect(found[0].deadline?.date).toBe("2024-05-01");
  });

  it("gives sub-points the addressee of their heading", () => {
    const found = one("2. Министерству просвещения:\n2.1. в срок до 1 апреля утвердить методику;\n2.2. в месячный срок провести инвентаризацию.\n3. Акиматам обеспечить контроль.");
    expect(found.map((i) => [i.assignees.map((a) => a.name), i.deadline?.date ?? null])).toEqual([
      [["Министерство просвещения"], "2024-04-01"],
      [["Министерство просвещения"], "2024-02-15"],
      [["Акиматы областей"], null],
    ]);
  });

  it("ignores recalled instructions, the President's earlier ones, control clauses and notes", () => {
    expect(
      one(
        [
          "Напомним, ранее Глава государства поручил Правительству усилить меры.",
          "Ранее Премьер-Министр поручил Министерству финансов ускорить выплаты.",
          "1. Принять к сведению информацию министра энергетики.",
          "5. Контроль за исполнением настоящего протокола возложить на Министерство энергетики.",
          "По его словам, акиматам необходимо ускорить работу.",
        ].join("\n"),
      ),
    ).toEqual([]);
  });
});

describe("a pure, deterministic parser", () => {
  afterEach(() => vi.useRealTimers());

  it("does not read the clock", () => {
    vi.useFakeTimers();
    vi.setSystemTime(new Date("2031-01-01T00:00:00Z"));
    const later = parseMinutes(reference);
    vi.setSystemTime(new Date("2019-06-01T00:00:00Z"));
    expect(parseMinutes(reference)).toEqual(later);
  });

  it("rejects a meeting date that is not a calendar date", () => {
    expect(() => parseMinutes(reference, { meetingDate: "2020-02-30" })).toThrow(RangeError);
  });
});

describe("the fixtures: recall and precision per language", () => {
  const fixtures = loadFixtures();
  const perLanguage: Record<string, Counts> = { kk: emptyCounts(), ru: emptyCounts(), en: emptyCounts() };
  const overall = emptyCounts();
  const misses: string[] = [];
  for (const fixture of fixtures) {
    const draft = parseMinutes(fixture.text, fixture.expected.options ?? {});
    const { counts, pairs } = scoreDraft(fixture.expected, draft);
    addCounts(perLanguage[fixture.language], counts);
    addCounts(overall, counts);
    for (const { expected, actual } of pairs) {
      if (!expected) misses.push(`${fixture.name}: extra instruction «${actual?.quote.slice(0, 80)}»`);
      else if (!actual) misses.push(`${fixture.name}: missed instruction «${expected.quote.slice(0, 80)}»`);
    }
  }

  it("has at least 15 fixtures of its own in each of the three languages, besides the reference", () => {
    const own = fixtures.filter((f) => f.name !== "reference-broadband");
    expect(own.length).toBeGreaterThanOrEqual(15);
    for (const language of ["kk", "ru", "en"]) expect(own.filter((f) => f.language === language).length).toBeGreaterThanOrEqual(5);
    for (const f of fixtures) expect(f.expected.language, f.name).toBe(f.language);
  });

  it("reports the table and stays above the floors", () => {
    console.log(
      `\nMinutes parser over ${fixtures.length} fixtures (P/R in %, (n) = expected items):\n` +
        formatTable([
          ["kk", perLanguage.kk],
          ["ru", perLanguage.ru],
          ["en", perLanguage.en],
          ["all", overall],
        ]) +
        (misses.length ? `\n${misses.join("\n")}` : ""),
    );
    // Floors, not targets: the fixtures were written by the same hand as the rules, so unseen press text
    // scores lower (see docs/decisions/010-minutes-parser.md). A drop below these means a regression.
    for (const metric of ["instructions", "assignees", "deadlines", "speakers"] as const) {
      expect(precision(overall[metric]), `${metric} precision`).toBeGreaterThanOrEqual(0.85);
      expect(recall(overall[metric]), `${metric} recall`).toBeGreaterThanOrEqual(0.85);
      for (const language of ["kk", "ru", "en"]) {
        expect(precision(perLanguage[language][metric]), `${language} ${metric} precision`).toBeGreaterThanOrEqual(0.75);
        expect(recall(perLanguage[language][metric]), `${language} ${metric} recall`).toBeGreaterThanOrEqual(0.75);
      }
    }
    expect(overall.chair.right / overall.chair.total).toBeGreaterThanOrEqual(0.85);
  });

  it("parses a 10 KB text well within the time budget", () => {
    let text = "";
    for (const f of fixtures.filter((x) => x.language === "ru")) {
      if (Buffer.byteLength(text) >= 10_240) break;
      text += `${f.text}\n\n`;
    }
    expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(10_240);
    const first = performance.now();
    parseMinutes(text, { meetingDate: "2024-03-14" });
    const cold = performance.now() - first;
    const runs: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t0 = performance.now();
      parseMinutes(text, { meetingDate: "2024-03-14" });
      runs.push(performance.now() - t0);
    }
    runs.sort((a, b) => a - b);
    const median = runs[Math.floor(runs.length / 2)];
    console.log(`Parse time of a ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB Russian text: ${median.toFixed(1)} ms (median of 7), first call ${cold.toFixed(1)} ms`);
    // The target is 20 ms; the assertion leaves room for a loaded CI machine.
    expect(median).toBeLessThan(100);
  });
});

describe("the parse-minutes command", () => {
  const tsx = path.join(root, "node_modules/.bin/tsx");
  const script = path.join(root, "scripts/parse-minutes.ts");
  const fixture = path.join(FIXTURE_DIR, "reference-broadband.kk.txt");

  it("prints the draft JSON and nothing else", () => {
    const out = execFileSync(tsx, [script, fixture, "--meeting-date", "2020-04-14"], { cwd: root, encoding: "utf8" });
    expect(out.startsWith("{\n  \"language\": \"kk\",")).toBe(true);
    const draft = JSON.parse(out) as MinutesDraft;
    expect(draft.meeting.date).toBe("2020-04-14");
    expect(draft.instructions.map((i) => i.assignees.map((a) => a.name))).toEqual([
      ["Цифрлық даму, инновациялар және аэроғарыш өнеркәсібі министрлігі"],
      ["Облыстардың әкімдіктері"],
    ]);
    expect(draft.speakers.map((s) => surname(s.name))).toEqual(["Жұмағалиев", "Есекеев", "Надыров", "Настрадин", "Маржықпаев", "Ақсақалов"]);
  });

  it("reports errors on stderr with a non-zero exit and an empty stdout", () => {
    const missing = spawnSync(tsx, [script, "no-such-file.txt"], { cwd: root, encoding: "utf8" });
    expect(missing.status).toBe(1);
    expect(missing.stdout).toBe("");
    expect(missing.stderr).toContain("no-such-file.txt");
    const badDate = spawnSync(tsx, [script, fixture, "--meeting-date", "14.04.2020"], { cwd: root, encoding: "utf8" });
    expect(badDate.status).toBe(2);
    expect(badDate.stdout).toBe("");
    expect(badDate.stderr).toContain("--meeting-date");
  });
});
