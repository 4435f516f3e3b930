import fs from "node:fs";
import path from "node:path";
import type { MinutesDraft } from "../../app/domain/minutes-parser";
import { surnameKey } from "../../app/domain/minutes-parser/names";
import { organizationStems, stemSimilarity } from "../../app/domain/minutes-parser/organizations";

/*
 * Scoring a parsed draft against a fixture's expected draft: instructions are matched by how much their
 * quotes overlap (not by exact text), assignees and co-executors by organization stems (so case endings and
 * "Қазақстан Республикасының" do not matter; "all the akimats" matches "all the akimats" whatever the name),
 * deadlines by their date, speakers by surname.
 */

export type ExpectedOrganization = string | { name: string; allRegionalAkimats?: boolean };

export interface ExpectedDraft {
  options?: { meetingDate?: string };
  language: "kk" | "ru" | "en";
  meeting: { kind: string; chair: string | null; date: string | null };
  speakers: { name: string; position: string | null; organization: string | null }[];
  instructions: {
    quote: string;
    assignees: ExpectedOrganization[];
    coExecutors: ExpectedOrganization[];
    deadline: { text: string; date: string | null } | null;
  }[];
}

export interface Fixture {
  name: string;
  language: "kk" | "ru" | "en";
  text: string;
  expected: ExpectedDraft;
}

export const FIXTURE_DIR = path.resolve(import.meta.dirname, "../fixtures/minutes");

export function loadFixtures(dir = FIXTURE_DIR): Fixture[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /\.(kk|ru|en)\.txt$/.test(f))
    .sort()
    .map((file) => {
      const [, name, language] = /^(.+)\.(kk|ru|en)\.txt$/.exec(file) as RegExpExecArray;
      const expected = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), "utf8")) as ExpectedDraft;
      return { name, language: language as Fixture["language"], text: fs.readFileSync(path.join(dir, file), "utf8"), expected };
    });
}

export interface Count {
  tp: number;
  fp: number;
  fn: number;
}

export const METRICS = ["instructions", "assignees", "coExecutors", "deadlines", "speakers"] as const;
export type Metric = (typeof METRICS)[number];
export type Counts = Record<Metric, Count> & { chair: { right: number; total: number }; meetingDate: { right: number; total: number } };

export function emptyCounts(): Counts {
  const counts = {} as Counts;
  for (const m of METRICS) counts[m] = { tp: 0, fp: 0, fn: 0 };
  counts.chair = { right: 0, total: 0 };
  counts.meetingDate = { right: 0, total: 0 };
  return counts;
}

export function addCounts(into: Counts, from: Counts): void {
  for (const m of METRICS) {
    into[m].tp += from[m].tp;
    into[m].fp += from[m].fp;
    into[m].fn += from[m].fn;
  }
  into.chair.right += from.chair.right;
  into.chair.total += from.chair.total;
  into.meetingDate.right += from.meetingDate.right;
  into.meetingDate.total += from.meetingDate.total;
}

export const precision = (c: Count) => (c.tp + c.fp === 0 ? 1 : c.tp / (c.tp + c.fp));
export const recall = (c: Count) => (c.tp + c.fn === 0 ? 1 : c.tp / (c.tp + c.fn));

function words(text: string): Set<string> {
  return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).map((w) => w.slice(0, 5)));
}

export function quoteSimilarity(a: string, b: string): number {
  const x = words(a);
  const y = words(b);
  let shared = 0;
  for (const w of x) if (y.has(w)) shared++;
  return shared / Math.max(1, x.size + y.size - shared);
}

type Org = { name: string; allRegionalAkimats?: boolean };

function asOrg(o: ExpectedOrganization | Org): Org {
  return typeof o === "string" ? { name: o } : o;
}

function sameOrganization(a: Org, b: Org): boolean {
  if (a.allRegionalAkimats || b.allRegionalAkimats) return Boolean(a.allRegionalAkimats && b.allRegionalAkimats);
  return stemSimilarity(organizationStems(a.name), organizationStems(b.name)) >= 0.7;
}

/** How many of `expected` find a distinct partner in `actual`. */
function matchOrganizations(expected: Org[], actual: Org[]): number {
  const pool = [...actual];
  let matched = 0;
  for (const e of expected) {
    const i = pool.findIndex((a) => sameOrganization(e, a));
    if (i >= 0) {
      matched++;
      pool.splice(i, 1);
    }
  }
  return matched;
}

function countOrganizations(count: Count, expected: Org[], actual: Org[]): void {
  const matched = matchOrganizations(expected, actual);
  count.tp += matched;
  count.fn += expected.length - matched;
  count.fp += actual.length - matched;
}

export interface InstructionPair {
  expected: ExpectedDraft["instructions"][number] | null;
  actual: MinutesDraft["instructions"][number] | null;
}

export function scoreDraft(expected: ExpectedDraft, actual: MinutesDraft): { counts: Counts; pairs: InstructionPair[] } {
  const counts = emptyCounts();
  const pairs: InstructionPair[] = [];
  const unused = [...actual.instructions];
  for (const e of expected.instructions) {
    let best = -1;
    let bestScore = 0;
    unused.forEach((a, i) => {
      const q = quoteSimilarity(e.quote, a.quote);
      if (q < 0.5) return;
      const score = q + 0.5 * (matchOrganizations(e.assignees.map(asOrg), a.assignees) / Math.max(1, e.assignees.length));
      if (score > bestScore) {
        bestScore = score;
        best = i;
      }
    });
    if (best >= 0) {
      pairs.push({ expected: e, actual: unused[best] });
      unused.splice(best, 1);
    } else pairs.push({ expected: e, actual: null });
  }
  for (const a of unused) pairs.push({ expected: null, actual: a });

  for (const { expected: e, actual: a } of pairs) {
    if (e && a) counts.instructions.tp++;
    else if (e) counts.instructions.fn++;
    else counts.instructions.fp++;
    countOrganizations(counts.assignees, (e?.assignees ?? []).map(asOrg), a?.assignees ?? []);
    countOrganizations(counts.coExecutors, (e?.coExecutors ?? []).map(asOrg), a?.coExecutors ?? []);
    const ed = e?.deadline ?? null;
    const ad = a?.deadline ?? null;
    if (ed && ad && ed.date === ad.date) counts.deadlines.tp++;
    else {
      if (ed) counts.deadlines.fn++;
      if (ad) counts.deadlines.fp++;
    }
  }

  const speakerPool = actual.speakers.map((s) => surnameKey(s.name));
  for (const s of expected.speakers) {
    const i = speakerPool.indexOf(surnameKey(s.name));
    if (i >= 0) {
      counts.speakers.tp++;
      speakerPool.splice(i, 1);
    } else counts.speakers.fn++;
  }
  counts.speakers.fp += speakerPool.length;

  counts.chair.total++;
  if (expected.meeting.chair && actual.meeting.chair && surnameKey(expected.meeting.chair) === surnameKey(actual.meeting.chair)) counts.chair.right++;
  if (!expected.meeting.chair && !actual.meeting.chair) counts.chair.right++;
  counts.meetingDate.total++;
  if (expected.meeting.date === actual.meeting.date) counts.meetingDate.right++;
  return { counts, pairs };
}

const pct = (x: number) => `${Math.round(x * 100)}`.padStart(3);

/** A table: one row per language and overall; P/R per metric in %. */
export function formatTable(rows: [string, Counts][]): string {
  const header = ["", ...METRICS.map((m) => `${m} P/R`), "chair", "date"];
  const lines = [header.map((h, i) => (i === 0 ? h.padEnd(8) : h.padStart(16))).join("")];
  for (const [label, c] of rows) {
    lines.push(
      [
        label.padEnd(8),
        ...METRICS.map((m) => `${pct(precision(c[m]))}/${pct(recall(c[m]))} (${c[m].tp + c[m].fn})`.padStart(16)),
        `${c.chair.right}/${c.chair.total}`.padStart(16),
        `${c.meetingDate.right}/${c.meetingDate.total}`.padStart(16),
      ].join(""),
    );
  }
  return lines.join("\n");
}
