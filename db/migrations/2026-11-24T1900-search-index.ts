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
 * Engine-specific SQL, branched below. Frozen in time: never import app code here.
 */

function engineOf(db: Kysely<any>): "sqlite" | "postgres" {
  const adapter = db.getExecutor().adapter;
  if (adapter instanceof SqliteAdapter) return "sqlite";
  if (adapter instanceof PostgresAdapter) return "postgres";
  throw new Error(`search-index migration: unsupported database adapter ${adapter.constructor.name}`);
}

const POSTGRES_TODO =
  "search index on PostgreSQL: not implemented yet (issue \"Scale out on PostgreSQL\": a tsvector column with a GIN index, " +
  "filled by plpgsql triggers from the same four sources)";

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

  // What is already there.
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
    // TODO(issue "Scale out on PostgreSQL"): the tsvector version of this index.
    throw new Error(POSTGRES_TODO);
  }
  // The migrator does not wrap SQLite migrations in a transaction; this one is all-or-nothing.
  await db.transaction().execute(async (trx) => {
    for (const statement of SQLITE_UP) await sql.raw(statement).execute(trx);
  });
}

export async function down(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === "postgres") {
    // TODO(issue "Scale out on PostgreSQL"): drop what up() will create there.
    throw new Error(POSTGRES_TODO);
  }
  await db.transaction().execute(async (trx) => {
    for (const trigger of SQLITE_TRIGGERS) await sql.raw(`drop trigger ${trigger}`).execute(trx);
    await sql.raw("drop table search_index").execute(trx);
    await sql.raw("drop table search_documents").execute(trx);
  });
}
