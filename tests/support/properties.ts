import fc from "fast-check";
import { CATALOGUES } from "../../app/i18n/catalogues";
import type { Language } from "../../app/i18n";

/*
 * Shared by the property tests (issue #8, item 7). Runs are seeded so CI is reproducible: a failure prints
 * the seed and the shrunk counterexample. FC_RUNS raises the number of runs for a long local run
 * (FC_RUNS=2000 npx vitest run tests/unit/properties.test.ts); FC_SEED replays another seed.
 */
export const FC_SEED = Number(process.env.FC_SEED ?? 20261125);

export function runs(ci: number): fc.Parameters<unknown> {
  return { seed: FC_SEED, numRuns: Number(process.env.FC_RUNS ?? ci), endOnFailure: true };
}

const KAZAKH = "әғқңөұүһіӘҒҚҢӨҰҮҺІ";
const CONTROL = "\u0000\u0001\u0007\u0008\u000b\u000c\u001b\u007f\u0085\u200b\u200e\u202e\u2028\u2029\ufeff\ufffe";

/** Text a hostile or careless user may type: any Unicode, Kazakh letters, decomposed forms, controls, lone surrogates. */
export const anyText = (maxLength = 60): fc.Arbitrary<string> =>
  fc.oneof(
    fc.string({ unit: "grapheme", maxLength }),
    fc.string({ unit: "binary", maxLength }),
    fc.string({ unit: fc.constantFrom(...KAZAKH, ...CONTROL, " ", "\t", "\n", "\r", "\u00a0", "a", "1", "-", "/", ":", ".", "<", "&"), maxLength }),
    // Decomposed letters (й = и + U+0306, ё = е + U+0308): stored text must come back in NFC.
    fc.string({ unit: fc.constantFrom("и\u0306", "е\u0308", "a\u0301", "Ә", " "), maxLength: 20 }),
    fc.constantFrom("", " ", "\u0000", "2026-02-30", "2026-13-01", "0000-00-00", "9999-99-99", "25:61", "NaN", "Infinity", "-1", "1e309", "__proto__", "constructor"),
  );

/** A very long string: over every field's limit. */
export const hugeText = fc.integer({ min: 10_001, max: 60_000 }).map((length) => "ә".repeat(length));

/** Values of the wrong type for a form field (what a JSON-minded client or a bug could hand a schema). */
export const wrongType = fc.oneof(
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.string(), { maxLength: 3 }),
  fc.object({ maxDepth: 1 }),
);

function templatePattern(template: string): RegExp {
  const escaped = template.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\\\{\w+\\\}/g, "[\\s\\S]+");
  return new RegExp(`^${escaped}$`);
}
const patterns = Object.fromEntries(
  (Object.keys(CATALOGUES) as Language[]).map((language) => [language, Object.values(CATALOGUES[language]).map(templatePattern)]),
) as Record<Language, RegExp[]>;
const keys = new Set(Object.keys(CATALOGUES.en));

/** A message the user can read: a (filled-in) value of their language's catalogue, never a bare key or zod's English. */
export function isCatalogueMessage(message: string, language: Language): boolean {
  if (keys.has(message)) return false;
  // Several messages joined (one per refused file, say) are each a catalogue message.
  return message.split(/(?<=[.!?])\s+/).every((part) => patterns[language].some((pattern) => pattern.test(part)));
}
