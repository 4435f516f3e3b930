import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { LANGUAGES, interpolate, languageFromAcceptLanguage } from "../../app/i18n";
import { CATALOGUES, translator } from "../../app/i18n/catalogues";
import { almatyWallClockToIso } from "../../app/domain/calendar";
import { formatDate, formatDateTime, formatNumber } from "../../app/i18n/format";

const english = CATALOGUES.en;
const keys = Object.keys(english).sort();
// Strings that are rightly the same in every language: the product name, language names, symbols.
const SAME_IN_EVERY_LANGUAGE = new Set(["app.name", "language.kk", "language.ru", "language.en", "table.code", "login.login"]);

describe("message catalogues", () => {
  for (const language of LANGUAGES) {
    it(`${language} has exactly the English key set`, () => {
      expect(Object.keys(CATALOGUES[language]).sort()).toEqual(keys);
    });

    it(`${language} has no empty message and keeps every placeholder`, () => {
      for (const key of keys) {
        const message = CATALOGUES[language][key as keyof typeof english];
        expect(message.trim(), key).not.toBe("");
        const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        expect(placeholders(message), key).toEqual(placeholders(english[key as keyof typeof english]));
      }
    });
  }

  for (const language of ["kk", "ru"] as const) {
    it(`${language} is translated, not copied from English`, () => {
      const copied = keys.filter((key) => !SAME_IN_EVERY_LANGUAGE.has(key) && CATALOGUES[language][key as keyof typeof english] === english[key as keyof typeof english]);
      expect(copied).toEqual([]);
    });
  }

  it("Kazakh uses Kazakh letters, Russian uses none of them", () => {
    const kazakhOnly = /[әғқңөұүһі]/i;
    expect(Object.values(CATALOGUES.kk).filter((m) => kazakhOnly.test(m)).length).toBeGreaterThan(keys.length / 3);
    expect(Object.entries(CATALOGUES.ru).filter(([key, m]) => key !== "language.kk" && kazakhOnly.test(m))).toEqual([]);
  });

  it("every key used in the app exists in the catalogue", () => {
    const used = new Set<string>();
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name) && !file.includes(`${path.sep}i18n${path.sep}`)) {
          for (const match of fs.readFileSync(file, "utf8").matchAll(/\bt\(\s*"([a-zA-Z0-9_.]+)"/g)) used.add(match[1]);
        }
      }
    };
    walk(path.resolve(import.meta.dirname, "../../app"));
    expect(used.size).toBeGreaterThan(20);
    expect([...used].filter((key) => !(key in english))).toEqual([]);
  });
});

describe("translation helpers", () => {
  it("fills placeholders and leaves unknown ones visible", () => {
    expect(interpolate("{a} and {b}", { a: 1 })).toBe("1 and {b}");
    expect(translator("kk")("dashboard.greeting", { name: "Әлия" })).toBe("Қош келдіңіз, Әлия");
  });

  it("picks the first supported language from Accept-Language by quality", () => {
    expect(languageFromAcceptLanguage("ru-RU,ru;q=0.9,en;q=0.8")).toBe("ru");
    expect(languageFromAcceptLanguage("de-DE, en;q=0.5, kk;q=0.7")).toBe("kk");
    expect(languageFromAcceptLanguage("fr, de")).toBeNull();
    expect(languageFromAcceptLanguage(null)).toBeNull();
  });

  it("formats deadlines as calendar dates and moments in Almaty time, per language", () => {
    expect(formatDate("2026-12-31", "ru")).toBe("31 декабря 2026 г.");
    expect(formatDate("2026-12-31", "en")).toBe("31 December 2026");
    expect(formatDate("2026-12-31", "kk")).toBe("2026 жылғы 31 желтоқсан");
    // 19:30 UTC on the 31st is already 1 January in Almaty (UTC+5).
    expect(formatDateTime("2026-12-31T19:30:00.000Z", "en")).toBe("1 January 2027, 00:30");
    expect(formatDateTime("2026-11-10T05:00:00.000Z", "ru")).toBe("10 ноября 2026 г., 10:00");
    // Almaty was UTC+6 until March 2024: a time entered for an older meeting still reads back as entered.
    expect(formatDateTime(almatyWallClockToIso("2020-04-14", "10:00"), "kk")).toBe("2020 жылғы 14 сәуір, 10:00");
    expect(formatNumber(5163.5, "kk")).toBe("5\u00a0163,5");
  });
});
