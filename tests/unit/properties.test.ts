import { cleanText } from "../../app/schemas/form";
import fc from "fast-check";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { isCalendarDate } from "../../app/domain/calendar";
import { structureReview } from "../../app/domain/minutes-import";
import { normalizeSource, parseMinutes } from "../../app/domain/minutes-parser";
import { CATALOGUES, translator } from "../../app/i18n/catalogues";
import * as auth from "../../app/schemas/auth";
import * as directory from "../../app/schemas/directory";
import * as execution from "../../app/schemas/execution";
import { parseForm } from "../../app/schemas/form";
import * as meetings from "../../app/schemas/meetings";
import * as minutesImport from "../../app/schemas/minutes-import";
import * as register from "../../app/schemas/register";
import * as search from "../../app/schemas/search";
import * as twoFactor from "../../app/schemas/two-factor";
import { anyText, hugeText, isCatalogueMessage, runs, wrongType } from "../support/properties";

/*
 * Bad input, as properties (issue #8, item 7): every zod schema of app/schemas and the minutes parser, fed
 * random Unicode, huge strings, control characters, wrong types and impossible dates. FC_RUNS raises the runs.
 */

const modules = { auth, directory, execution, meetings, minutesImport, register, search, twoFactor };
const schemas = Object.entries(modules).flatMap(([module, exports]) =>
  Object.entries(exports)
    .filter(([, value]) => value instanceof z.ZodType)
    .map(([name, schema]) => ({ name: `${module}.${name}`, schema: schema as z.ZodType })),
);

/** Filters in the URL: anything malformed is ignored, never refused. */
const URL_SCHEMAS = new Set(["meetings.meetingFiltersSchema", "register.registerFiltersSchema", "search.searchParamsSchema"]);
/** Parsed from a structured review, not a flat form (see routes/meetings.import.$importId.tsx). */
const STRUCTURED = new Set(["minutesImport.importReviewSchema"]);

type Shape = Record<string, z.ZodType>;
/** The fields of a form schema, and for a discriminated union the values of its discriminator. */
function fieldsOf(schema: z.ZodType): { fields: string[]; discriminator?: { field: string; values: string[] } } {
  const s = schema as unknown as { shape?: Shape; options?: { shape: Shape }[]; def: { discriminator?: string } };
  if (s.shape) return { fields: Object.keys(s.shape) };
  if (s.options && s.def.discriminator) {
    const field = s.def.discriminator;
    const fields = new Set(s.options.flatMap((option) => Object.keys(option.shape)));
    const values = s.options.map((option) => String((option.shape[field] as unknown as { value: string }).value));
    return { fields: [...fields], discriminator: { field, values } };
  }
  // A field schema (twoFactor.codeField): the form is that one field.
  return { fields: [] };
}

function formValuesFor(schema: z.ZodType): fc.Arbitrary<Record<string, string>> {
  const { fields, discriminator } = fieldsOf(schema);
  const entries = Object.fromEntries(
    fields.map((field) => [field, discriminator?.field === field ? fc.oneof(fc.constantFrom(...discriminator.values), anyText(10)) : fc.oneof(anyText(), hugeText)]),
  );
  return fc.record(entries, { requiredKeys: discriminator ? [discriminator.field] : [] }) as fc.Arbitrary<Record<string, string>>;
}

function toFormData(values: Record<string, string>): FormData {
  const formData = new FormData();
  for (const [key, value] of Object.entries(values)) formData.append(key, value);
  return formData;
}

describe("every schema of app/schemas", () => {
  it("is found here: a new schema joins these properties by itself", () => {
    expect(schemas.length).toBeGreaterThan(15);
  });

  it("never throws, whatever the types of the values", () => {
    for (const { name, schema } of schemas) {
      const fields = STRUCTURED.has(name) ? ["kind", "title", "speakers", "instructions"] : fieldsOf(schema).fields;
      const value = fc.oneof(anyText(), wrongType);
      const values = fields.length ? fc.dictionary(fc.constantFrom(...fields, "extra"), value, { maxKeys: fields.length + 1 }) : value;
      fc.assert(
        fc.property(values, (input) => {
          schema.safeParse(input);
        }),
        runs(100),
      );
    }
  });

  it("refuses bad form input with messages in the reader's language, and keeps accepted text as its trimmed NFC form", () => {
    const failures: string[] = [];
    for (const { name, schema } of schemas.filter(({ name, schema }) => !URL_SCHEMAS.has(name) && !STRUCTURED.has(name) && fieldsOf(schema).fields.length)) {
      fc.assert(
        fc.property(formValuesFor(schema), fc.constantFrom("kk" as const, "ru" as const), (values, language) => {
          const result = parseForm(schema, toFormData(values), translator(language));
          if (!result.ok) {
            for (const [field, message] of Object.entries(result.errors)) {
              if (!isCatalogueMessage(message, language)) failures.push(`${name}.${field} (${language}): ${JSON.stringify(message)}`);
            }
            return;
          }
          for (const [field, stored] of Object.entries(result.data as Record<string, unknown>)) {
            if (typeof stored !== "string" || !(field in values)) continue;
            const typed = values[field];
            // Passwords are taken exactly as typed; everything else as its trimmed NFC form.
            expect([typed, cleanText(typed)], `${name}.${field}`).toContain(stored);
          }
        }),
        runs(60),
      );
    }
    expect([...new Set(failures.map((failure) => failure.replace(/: .*/, "")))]).toEqual([]);
  });

  it("ignores malformed filters in the URL rather than refusing them", () => {
    for (const name of URL_SCHEMAS) {
      const schema = schemas.find((s) => s.name === name)!.schema;
      fc.assert(
        fc.property(formValuesFor(schema), (values) => {
          expect(schema.safeParse(values).success).toBe(true);
        }),
        runs(100),
      );
    }
  });

  it("answers a bad import review with catalogue keys only", () => {
    const row = fc.record({ include: fc.constantFrom("on", ""), text: anyText(), deadline: anyText(12), person: anyText(10), name: anyText() });
    fc.assert(
      fc.property(anyText(), anyText(), anyText(12), fc.array(row, { maxLength: 3 }), (kind, title, heldDate, rows) => {
        const values: Record<string, string> = { kind, title, heldDate, heldTime: "10:00", chair: "" };
        rows.forEach((r, i) => {
          for (const [key, value] of Object.entries(r)) values[`instructions.${i}.${key}`] = value;
        });
        const parsed = minutesImport.importReviewSchema.safeParse(structureReview(values));
        if (!parsed.success) for (const issue of parsed.error.issues) expect(Object.keys(CATALOGUES.en)).toContain(issue.message);
      }),
      runs(100),
    );
  });
});

describe("the minutes parser", () => {
  // Pieces of real minutes, so random text also reaches the rules for chairs, instructions and deadlines.
  const phrase = fc.constantFrom(
    "Премьер-Министр А. Мамин селекторлық кеңес өткізді.",
    "Цифрлық даму министрлігіне 15 сәуірге дейін шаралар қабылдау тапсырылды",
    "Акиматам областей поручено в месячный срок обеспечить",
    "The Ministry of Energy is instructed to ensure by the end of the year",
    "А\nЖұмағалиев",
    "\u00a0",
    "31 ақпанға дейін",
    "до 31 февраля 2026 года",
    "\n\n",
  );
  const minutes = fc.array(fc.oneof(phrase, anyText()), { maxLength: 12 }).map((parts) => parts.join(" "));

  it("never throws on any text, is deterministic, quotes only the text, and dates only real days", () => {
    fc.assert(
      fc.property(minutes, fc.option(fc.constantFrom("2026-11-20", "2024-02-29"), { nil: undefined }), (text, meetingDate) => {
        const draft = parseMinutes(text, { meetingDate });
        expect(parseMinutes(text, { meetingDate })).toEqual(draft);
        const normalized = normalizeSource(text).paragraphs.join("\n");
        for (const instruction of draft.instructions) {
          expect(normalized.replace(/\s+/g, " ")).toContain(instruction.quote.replace(/\s+/g, " "));
          if (instruction.deadline?.date) expect(isCalendarDate(instruction.deadline.date)).toBe(true);
        }
        if (draft.meeting.date !== null) expect(isCalendarDate(draft.meeting.date)).toBe(true);
      }),
      runs(150),
    );
  });

  it("takes a huge text without throwing", () => {
    fc.assert(
      fc.property(fc.integer({ min: 50_000, max: 200_000 }), (length) => {
        parseMinutes("Тапсырылды ".repeat(length / 10));
      }),
      // Each run takes a tenth of a second or more: FC_RUNS does not lengthen this one.
      { ...runs(2), numRuns: 2 },
    );
  });
});
