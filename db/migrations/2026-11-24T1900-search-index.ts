import { PostgresAdapter, SqliteAdapter, sql, type Kysely } from "kysely";

/*
 * One full-text index across meetings (title, summary), speakers' reports (the person's name, the summary),
 * instructions (text) and report events (body), for the search box. See docs/decisions/009-full-text-search.md.
 *
 * SQLite: FTS5 with external content. `search_documents` holds one row per searchable record (kind, ref_id,
 * title, body) under a unique (kind, ref_id) index, so a trigger finds the row to replace without scanning the
 * index; `search_index` is the FTS5 table over it, kept in step by the usual three triggers. The source tables
 * fill `search_documents` through their own triggers, so every write path (app, seed, console) keeps the index
 * current. Texts arrive as stored, and the app stores NFC.
 *
 * Tokenizer `unicode61 remove_diacritics 0`: folds case for Cyrillic including the Kazakh letters
 * (Ә→ә, Қ→қ, І→і …) and keeps й apart from и and ё apart from е, as both languages need.
 *
 * PostgreSQL: the same search_documents table and the same sources, filled by plpgsql triggers, with a stored
 * tsvector column (configuration `simple`: lower-cased words, no stemming, like unicode61; the title weighted
 * A, the body B) under a GIN index. `simple` folds case with the database's ctype, so the database must be
 * UTF-8 with a UTF-8 locale (C.UTF-8 will do), as `createdb --locale=C.UTF-8 --template=template0` makes it.
 *
 * Engine-specific SQL, branched below. Frozen in time: never import app code here.
 */

function engineOf(db: Kysely<any>): "sqlite" | "postgres" {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  throw new Error(`search-index migration: unsupported database adapter ${adapter.constructor.name}`);
}

// Each statement is one string: SQLite DDL takes no bound parameters, and every name here is fixed.
const SQLITE_UP = [
  `create table search_documents (
     id integer primary key,
     kind text not null,
     ref_id text not null,
     title text not null default '',
     body text not null default '',
     unique (kind, ref_id)
   )`,
  `create virtual table search_index using fts5(
     kind unindexed, ref_id unindexed, title, body,
     content = 'search_documents', content_rowid = 'id',
     tokenize = 'unicode61 remove_diacritics 0'
   )`,

  // The index follows search_documents (the external-content pattern of the FTS5 documentation).
  `create trigger search_documents_after_insert after insert on search_documents begin
     insert into search_index (rowid, kind, ref_id, title, body) values (new.id, new.kind, new.ref_id, new.title, new.body);
   end`,
  `create trigger search_documents_after_delete after delete on search_documents begin
     insert into search_index (search_index, rowid, kind, ref_id, title, body) values ('delete', old.id, old.kind, old.ref_id, old.title, old.body);
   end`,
  `create trigger search_documents_after_update after update on search_documents begin
     insert into search_index (search_index, rowid, kind, ref_id, title, body) values ('delete', old.id, old.kind, old.ref_id, old.title, old.body);
     insert into search_index (rowid, kind, ref_id, title, body) values (new.id, new.kind, new.ref_id, new.title, new.body);
   end`,

  // Meetings: title and summary.
  `create trigger meetings_search_insert after insert on meetings begin
     insert into search_documents (kind, ref_id, title, body) values ('meeting', new.id, new.title, coalesce(new.summary, ''));
   end`,
  `create trigger meetings_search_update after update of title, summary on meetings begin
     update search_documents set title = new.title, body = coalesce(new.summary, '') where kind = 'meeting' and ref_id = old.id;
   end`,
  `create trigger meetings_search_delete after delete on meetings begin
     delete from search_documents where kind = 'meeting' and ref_id = old.id;
   end`,

  // Speakers: the person's name as the title, what they reported as the body.
  `create trigger speakers_search_insert after insert on speakers begin
     insert into search_documents (kind, ref_id, title, body)
     values ('speaker', new.id, coalesce((select full_name from people where id = new.person_id), ''), coalesce(new.summary, ''));
   end`,
  `create trigger speakers_search_update after update of person_id, summary on speakers begin
     update search_documents
     set title = coalesce((select full_name from people where id = new.person_id), ''), body = coalesce(new.summary, '')
     where kind = 'speaker' and ref_id = old.id;
   end`,
  `create trigger speakers_search_delete after delete on speakers begin
     delete from search_documents where kind = 'speaker' and ref_id = old.id;
   end`,
  // A corrected name reaches every report that person gave.
  `create trigger people_search_rename after update of full_name on people begin
     update search_documents set title = new.full_name
     where kind = 'speaker' and ref_id in (select id from speakers where person_id = new.id);
   end`,

  // Instructions: the text.
  `create trigger instructions_search_insert after insert on instructions begin
     insert into search_documents (kind, ref_id, title, body) values ('instruction', new.id, '', new.text);
   end`,
  `create trigger instructions_search_update after update of text on instructions begin
     update search_documents set body = new.text where kind = 'instruction' and ref_id = old.id;
   end`,
  `create trigger instructions_search_delete after delete on instructions begin
     delete from search_documents where kind = 'instruction' and ref_id = old.id;
   end`,

  // Report events: append-only, so insert is the only write; events without words are left out.
  `create trigger assignment_events_search_insert after insert on assignment_events
   when new.body is not null and trim(new.body) <> '' begin
     insert into search_documents (kind, ref_id, title, body) values ('event', new.id, '', new.body);
   end`,

];

// What is already there: the same statements on both engines.
const BACKFILL = [
  `insert into search_documents (kind, ref_id, title, body)
   select 'meeting', id, title, coalesce(summary, '') from meetings`,
  `insert into search_documents (kind, ref_id, title, body)
   select 'speaker', speakers.id, coalesce(people.full_name, ''), coalesce(speakers.summary, '')
   from speakers left join people on people.id = speakers.person_id`,
  `insert into search_documents (kind, ref_id, title, body)
   select 'instruction', id, '', text from instructions`,
  `insert into search_documents (kind, ref_id, title, body)
   select 'event', id, '', body from assignment_events where body is not null and trim(body) <> ''`,
];

const POSTGRES_UP = [
  `create table search_documents (
     id bigint generated by default as identity primary key,
     kind text not null,
     ref_id text not null,
     title text not null default '',
     body text not null default '',
     document tsvector generated always as (
       setweight(to_tsvector('simple', title), 'A') || setweight(to_tsvector('simple', body), 'B')
     ) stored,
     unique (kind, ref_id)
   )`,
  `create index search_documents_document on search_documents using gin (document)`,

  // One function per source table; each keeps that table's rows in search_documents.
  `create function meetings_search() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' then
       insert into search_documents (kind, ref_id, title, body) values ('meeting', new.id, new.title, coalesce(new.summary, ''));
     elsif tg_op = 'UPDATE' then
       update search_documents set title = new.title, body = coalesce(new.summary, '') where kind = 'meeting' and ref_id = old.id;
     else
       delete from search_documents where kind = 'meeting' and ref_id = old.id;
     end if;
     return null;
   end $$`,
  `create trigger meetings_search_insert after insert on meetings for each row execute function meetings_search()`,
  `create trigger meetings_search_update after update of title, summary on meetings for each row execute function meetings_search()`,
  `create trigger meetings_search_delete after delete on meetings for each row execute function meetings_search()`,

  `create function speakers_search() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' then
       insert into search_documents (kind, ref_id, title, body)
       values ('speaker', new.id, coalesce((select full_name from people where id = new.person_id), ''), coalesce(new.summary, ''));
     elsif tg_op = 'UPDATE' then
       update search_documents
       set title = coalesce((select full_name from people where id = new.person_id), ''), body = coalesce(new.summary, '')
       where kind = 'speaker' and ref_id = old.id;
     else
       delete from search_documents where kind = 'speaker' and ref_id = old.id;
     end if;
     return null;
   end $$`,
  `create trigger speakers_search_insert after insert on speakers for each row execute function speakers_search()`,
  `create trigger speakers_search_update after update of person_id, summary on speakers for each row execute function speakers_search()`,
  `create trigger speakers_search_delete after delete on speakers for each row execute function speakers_search()`,

  // A corrected name reaches every report that person gave.
  `create function people_search_rename() returns trigger language plpgsql as $$
   begin
     update search_documents set title = new.full_name
     where kind = 'speaker' and ref_id in (select id from speakers where person_id = new.id);
     return null;
   end $$`,
  `create trigger people_search_rename after update of full_name on people for each row execute function people_search_rename()`,

  `create function instructions_search() returns trigger language plpgsql as $$
   begin
     if tg_op = 'INSERT' then
       insert into search_documents (kind, ref_id, title, body) values ('instruction', new.id, '', new.text);
     elsif tg_op = 'UPDATE' then
       update search_documents set body = new.text where kind = 'instruction' and ref_id = old.id;
     else
       delete from search_documents where kind = 'instruction' and ref_id = old.id;
     end if;
     return null;
   end $$`,
  `create trigger instructions_search_insert after insert on instructions for each row execute function instructions_search()`,
  `create trigger instructions_search_update after update of text on instructions for each row execute function instructions_search()`,
  `create trigger instructions_search_delete after delete on instructions for each row execute function instructions_search()`,

  // Report events: append-only, so insert is the only write; events without words are left out.
  `create function assignment_events_search() returns trigger language plpgsql as $$
   begin
     insert into search_documents (kind, ref_id, title, body) values ('event', new.id, '', new.body);
     return null;
   end $$`,
  `create trigger assignment_events_search_insert after insert on assignment_events
   for each row when (new.body is not null and trim(new.body) <> '') execute function assignment_events_search()`,
];

const POSTGRES_DOWN = [
  "drop trigger meetings_search_insert on meetings",
  "drop trigger meetings_search_update on meetings",
  "drop trigger meetings_search_delete on meetings",
  "drop trigger speakers_search_insert on speakers",
  "drop trigger speakers_search_update on speakers",
  "drop trigger speakers_search_delete on speakers",
  "drop trigger people_search_rename on people",
  "drop trigger instructions_search_insert on instructions",
  "drop trigger instructions_search_update on instructions",
  "drop trigger instructions_search_delete on instructions",
  "drop trigger assignment_events_search_insert on assignment_events",
  "drop function meetings_search()",
  "drop function speakers_search()",
  "drop function people_search_rename()",
  "drop function instructions_search()",
  "drop function assignment_events_search()",
  "drop table search_documents",
];

const SQLITE_TRIGGERS = [
  "search_documents_after_insert",
  "search_documents_after_delete",
  "search_documents_after_update",
  "meetings_search_insert",
  "meetings_search_update",
  "meetings_search_delete",
  "speakers_search_insert",
  "speakers_search_update",
  "speakers_search_delete",
  "people_search_rename",
  "instructions_search_insert",
  "instructions_search_update",
  "instructions_search_delete",
  "assignment_events_search_insert",
];

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "postgres") {
    // The migrator already runs each PostgreSQL migration in a transaction.
    for (const statement of [...POSTGRES_UP, ...BACKFILL]) await sql.raw(statement).execute(db);
    return;
  }
  // The migrator does not wrap SQLite migrations in a transaction; this one is all-or-nothing.
  await db.transaction().execute(async (trx) => {
    for (const statement of [...SQLITE_UP, ...BACKFILL]) await sql.raw(statement).execute(trx);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "postgres") {
    for (const statement of POSTGRES_DOWN) await sql.raw(statement).execute(db);
    return;
  }
  await db.transaction().execute(async (trx) => {
    for (const trigger of SQLITE_TRIGGERS) await sql.raw(`drop trigger ${trigger}`).execute(trx);
    await sql.raw("drop table search_index").execute(trx);
    await sql.raw("drop table search_documents").execute(trx);
  });
}
