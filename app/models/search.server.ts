import { sql, type Expression, type RawBuilder } from "kysely";
import { MARK_END, MARK_START, ftsMatchExpression, markMatches, tsQueryText } from "../domain/search";
import { scopeOf, type Actor } from "../domain/permissions";
import type { DB } from "../utils/db.server";
import { isPostgres } from "../utils/sql-dialect";
import { visibleAssignments } from "./assignments.server";
import { visibleMeetings } from "./meetings.server";

/*
 * One search box across meetings, speakers' reports, instructions and report events, over the full-text
 * index of migration 2026-11-24T1900 (docs/decisions/009-full-text-search.md). Visibility is part of every
 * query's `where`, through the same visibleMeetings/visibleAssignments the pages use: an assignee finds only
 * what their organization may open.
 */

export const SEARCH_KINDS = ["meetings", "speakers", "instructions", "reports"] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

/** Per kind, best first. */
export const SEARCH_LIMIT_PER_KIND = 20;

// Index columns: 0 kind, 1 ref_id (both unindexed), 2 title, 3 body. A match in a title counts more.
const RANK = sql`bm25(search_index, 0.0, 0.0, 4.0, 1.0)`;
const TITLE = sql<string>`highlight(search_index, 2, ${MARK_START}, ${MARK_END})`;
const SNIPPET = sql<string>`snippet(search_index, 3, ${MARK_START}, ${MARK_END}, '…', 40)`;

export interface MeetingHit {
  id: string;
  /** Title and summary carry MARK_START/MARK_END around matched words (see splitMarked). */
  title: string;
  snippet: string;
  held_at: string;
  protocol_number: string | null;
  status: string;
}

export interface SpeakerHit {
  id: string;
  meeting_id: string;
  meeting_title: string;
  held_at: string;
  /** The person's name, marked. */
  name: string;
  position: string | null;
  snippet: string;
}

export interface InstructionHit {
  id: string;
  number: string;
  protocol_number: string | null;
  meeting_title: string;
  snippet: string;
}

export interface ReportHit {
  id: string;
  assignment_id: string;
  kind: string;
  created_at: string;
  requested_deadline: string | null;
  to_deadline: string | null;
  instruction_number: string;
  protocol_number: string | null;
  organization_name_kk: string;
  organization_name_ru: string;
  organization_name_en: string;
  snippet: string;
}

export interface SearchResults {
  meetings: MeetingHit[];
  speakers: SpeakerHit[];
  instructions: InstructionHit[];
  reports: ReportHit[];
  total: number;
}

const EMPTY: SearchResults = { meetings: [], speakers: [], instructions: [], reports: [], total: 0 };

/** The ids of the instructions an actor may open: all of them, or those addressed to their organization. */
function visibleInstructionIds(db: DB, actor: Actor): Expression<unknown> {
  const scope = scopeOf(actor, "instructions.read");
  if (scope === "all") return db.selectFrom("instructions").select("instructions.id");
  // own_organization: through the assignee's assignments of published minutes; none: visibleAssignments is empty.
  return visibleAssignments(db, actor).select("assignments.instruction_id");
}

export async function searchRecords(
  db: DB,
  actor: Actor,
  query: string,
  options: { limit?: number } = {},
): Promise<SearchResults> {
  const match = ftsMatchExpression(query);
  if (match === null) return EMPTY;
  const limit = Math.min(Math.max(1, options.limit ?? SEARCH_LIMIT_PER_KIND), 100);

  if (isPostgres(db)) return searchPostgres(db, actor, query, limit);

  // SQLite FTS5 from here on. The index must drive each query (highlight and bm25 need its cursor);
  // the joined tables are looked up by primary key.
  const run = <Row>(query: RawBuilder<Row>) => query.execute(db).then((result) => result.rows);

  const [meetings, speakers, instructions, reports] = await Promise.all([
    run(sql<MeetingHit>`
      select m.id, ${TITLE} as title, ${SNIPPET} as snippet, m.held_at, m.protocol_number, m.status
      from search_index
      join meetings m on m.id = search_index.ref_id
      where search_index match ${match} and search_index.kind = 'meeting'
        and m.id in ${visibleMeetings(db, actor).select("meetings.id")}
      order by ${RANK}
      limit ${limit}`),
    run(sql<SpeakerHit>`
      select s.id, s.meeting_id, m.title as meeting_title, m.held_at, ${TITLE} as name, s.position, ${SNIPPET} as snippet
      from search_index
      join speakers s on s.id = search_index.ref_id
      join meetings m on m.id = s.meeting_id
      where search_index match ${match} and search_index.kind = 'speaker'
        and s.meeting_id in ${visibleMeetings(db, actor).select("meetings.id")}
      order by ${RANK}
      limit ${limit}`),
    run(sql<InstructionHit>`
      select i.id, i.number, m.protocol_number, m.title as meeting_title, ${SNIPPET} as snippet
      from search_index
      join instructions i on i.id = search_index.ref_id
      join meetings m on m.id = i.meeting_id
      where search_index match ${match} and search_index.kind = 'instruction'
        and i.id in ${visibleInstructionIds(db, actor)}
      order by ${RANK}
      limit ${limit}`),
    run(sql<ReportHit>`
      select e.id, e.assignment_id, e.kind, e.created_at, e.requested_deadline, e.to_deadline, i.number as instruction_number, m.protocol_number,
        o.name_kk as organization_name_kk, o.name_ru as organization_name_ru, o.name_en as organization_name_en,
        ${SNIPPET} as snippet
      from search_index
      join assignment_events e on e.id = search_index.ref_id
      join assignments a on a.id = e.assignment_id
      join instructions i on i.id = a.instruction_id
      join meetings m on m.id = i.meeting_id
      join organizations o on o.id = a.organization_id
      where search_index match ${match} and search_index.kind = 'event'
        and a.id in ${visibleAssignments(db, actor).select("assignments.id")}
      order by ${RANK}
      limit ${limit}`),
  ]);
  return { meetings, speakers, instructions, reports, total: meetings.length + speakers.length + instructions.length + reports.length };
}

// PostgreSQL: the tsvector column of search_documents (title weighted A, body B; ts_rank's weights are listed
// D, C, B, A, so a title match counts four times a body match, as bm25's weights do on SQLite). Matches are
// marked in JS (markMatches) with the same private-use characters as FTS5's highlight() and snippet():
// ts_headline drops anything tag-like from its fragments, and stored text must come back as stored.
const PG_QUERY = (text: string) => sql`to_tsquery('simple', ${text})`;
const PG_RANK = (q: RawBuilder<unknown>) => sql`ts_rank('{0, 0, 0.25, 1}', d.document, ${q})`;
const PG_TITLE = sql<string>`d.title`;
const PG_SNIPPET = sql<string>`d.body`;
const SNIPPET_WORDS = 40;

async function searchPostgres(db: DB, actor: Actor, query: string, limit: number): Promise<SearchResults> {
  const q = PG_QUERY(tsQueryText(query)!);
  const snippet = <Row extends { snippet: string }>(row: Row): Row => ({ ...row, snippet: markMatches(row.snippet, query, SNIPPET_WORDS) });
  const run = <Row>(query: RawBuilder<Row>) => query.execute(db).then((result) => result.rows);
  // The GIN index finds the documents; only the rows that survive the limit are joined and marked.
  const [meetings, speakers, instructions, reports] = await Promise.all([
    run(sql<MeetingHit>`
      select m.id, ${PG_TITLE} as title, ${PG_SNIPPET} as snippet, m.held_at, m.protocol_number, m.status
      from (
        select d.* from search_documents d
        join meetings m on m.id = d.ref_id
        where d.document @@ ${q} and d.kind = 'meeting' and m.id in ${visibleMeetings(db, actor).select("meetings.id")}
        order by ${PG_RANK(q)} desc, d.id limit ${limit}
      ) d
      join meetings m on m.id = d.ref_id
      order by ${PG_RANK(q)} desc, d.id`),
    run(sql<SpeakerHit>`
      select s.id, s.meeting_id, m.title as meeting_title, m.held_at, ${PG_TITLE} as name, s.position, ${PG_SNIPPET} as snippet
      from (
        select d.* from search_documents d
        join speakers s on s.id = d.ref_id
        where d.document @@ ${q} and d.kind = 'speaker' and s.meeting_id in ${visibleMeetings(db, actor).select("meetings.id")}
        order by ${PG_RANK(q)} desc, d.id limit ${limit}
      ) d
      join speakers s on s.id = d.ref_id
      join meetings m on m.id = s.meeting_id
      order by ${PG_RANK(q)} desc, d.id`),
    run(sql<InstructionHit>`
      select i.id, i.number, m.protocol_number, m.title as meeting_title, ${PG_SNIPPET} as snippet
      from (
        select d.* from search_documents d
        where d.document @@ ${q} and d.kind = 'instruction' and d.ref_id in ${visibleInstructionIds(db, actor)}
        order by ${PG_RANK(q)} desc, d.id limit ${limit}
      ) d
      join instructions i on i.id = d.ref_id
      join meetings m on m.id = i.meeting_id
      order by ${PG_RANK(q)} desc, d.id`),
    run(sql<ReportHit>`
      select e.id, e.assignment_id, e.kind, e.created_at, e.requested_deadline, e.to_deadline, i.number as instruction_number, m.protocol_number,
        o.name_kk as organization_name_kk, o.name_ru as organization_name_ru, o.name_en as organization_name_en,
        ${PG_SNIPPET} as snippet
      from (
        select d.* from search_documents d
        join assignment_events e on e.id = d.ref_id
        where d.document @@ ${q} and d.kind = 'event' and e.assignment_id in ${visibleAssignments(db, actor).select("assignments.id")}
        order by ${PG_RANK(q)} desc, d.id limit ${limit}
      ) d
      join assignment_events e on e.id = d.ref_id
      join assignments a on a.id = e.assignment_id
      join instructions i on i.id = a.instruction_id
      join meetings m on m.id = i.meeting_id
      join organizations o on o.id = a.organization_id
      order by ${PG_RANK(q)} desc, d.id`),
  ]);
  return {
    meetings: meetings.map((row) => snippet({ ...row, title: markMatches(row.title, query) })),
    speakers: speakers.map((row) => snippet({ ...row, name: markMatches(row.name, query) })),
    instructions: instructions.map(snippet),
    reports: reports.map(snippet),
    total: meetings.length + speakers.length + instructions.length + reports.length,
  };
}
