import type { DirectoryEntry } from "./types";

/*
 * Matching an organization phrase to the directory whatever its case ending: "министрлігіне",
 * "министрлігі", "министрлігінің" and "Министерству" / "Министерство" compare by the first five letters
 * of each word, after dropping the words every official name carries ("Қазақстан Республикасы",
 * "Республики Казахстан", "of the Republic of Kazakhstan") and the conjunctions.
 */

const NOISE = new Set([
  "қазақстан", "қазақстанның", "республикасы", "республикасының", "қр", "республики", "казахстан", "рк", "republic",
  "kazakhstan", "of", "the", "and", "және", "мен", "пен", "бен", "и", "для", "по", "for", "on", "жөніндегі", "ісі", "істері",
]);

const STEM = 5;

export function organizationStems(name: string): string[] {
  const words = name.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !NOISE.has(w)).map((w) => w.slice(0, STEM));
}

/** Dice similarity of two stem lists (multisets). */
export function stemSimilarity(a: string[], b: string[]): number {
  if (a.length === 0 || b.length === 0) return 0;
  const pool = [...b];
  let common = 0;
  for (const stem of a) {
    const i = pool.indexOf(stem);
    if (i >= 0) {
      common++;
      pool.splice(i, 1);
    }
  }
  return (2 * common) / (a.length + b.length);
}

export const MATCH_THRESHOLD = 0.75;

export interface PreparedDirectory {
  entries: { id: string; stems: string[][] }[];
}

export function prepareDirectory(directory: DirectoryEntry[]): PreparedDirectory {
  return {
    entries: directory.map((entry) => ({ id: entry.id, stems: entry.names.filter(Boolean).map(organizationStems) })),
  };
}

/** The best directory match for an organization phrase, or null below the threshold. */
export function matchOrganization(name: string, directory: PreparedDirectory): { id: string; score: number } | null {
  const stems = organizationStems(name);
  let best: { id: string; score: number } | null = null;
  for (const entry of directory.entries) {
    for (const candidate of entry.stems) {
      const score = stemSimilarity(stems, candidate);
      if (score >= MATCH_THRESHOLD && (!best || score > best.score)) best = { id: entry.id, score };
    }
  }
  return best;
}
