import type { Generated, Insertable, Selectable, Updateable } from "kysely";

// Hand-kept table types, one file, matching db/migrations. Timestamps are ISO-8601 UTC text,
// calendar dates "YYYY-MM-DD", flags 0/1 (see docs/decisions/002-portable-schema.md).

export interface OrganizationsTable {
  id: string;
  /** Folded text for search (app/domain/text.ts); maintained by the models. */
  search_text: Generated<string>;
  code: string | null;
  kind: string;
  name_kk: string;
  name_ru: string;
  name_en: string;
  short_name_kk: string | null;
  short_name_ru: string | null;
  short_name_en: string | null;
  parent_id: string | null;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface PeopleTable {
  id: string;
  /** Folded text for search (app/domain/text.ts); maintained by the models. */
  search_text: Generated<string>;
  full_name: string;
  position: string | null;
  organization_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  login: string;
  display_name: string;
  password_hash: string;
  role: string;
  organization_id: string | null;
  language: string;
  is_active: number;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  expires_at: string;
  absolute_expires_at: string;
  created_at: string;
  last_seen_at: string;
  client_address: string | null;
  user_agent: string | null;
}

export interface SignInFailuresTable {
  id: string;
  login: string;
  client_address: string;
  attempted_at: string;
}

export interface TwoFactorCredentialsTable {
  user_id: string;
  /** Base32 TOTP secret once enrolment is confirmed (docs/decisions/013-two-factor.md). */
  secret: string | null;
  enabled_at: string | null;
  /** The TOTP time step of the last accepted code: a code is never accepted twice. */
  last_used_step: number | null;
  pending_secret: string | null;
  pending_created_at: string | null;
  updated_at: string;
}

export interface TwoFactorRecoveryCodesTable {
  id: string;
  user_id: string;
  code_hash: string;
  created_at: string;
  used_at: string | null;
}

export interface TwoFactorChallengesTable {
  /** SHA-256 of the challenge cookie's token. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
}

export interface TwoFactorFailuresTable {
  id: string;
  user_id: string;
  attempted_at: string;
}

export interface MeetingsTable {
  id: string;
  /** Folded text for search (app/domain/text.ts); maintained by the models. */
  search_text: Generated<string>;
  kind: string;
  title: string;
  held_at: string;
  chair_person_id: string | null;
  place: string | null;
  protocol_number: string | null;
  source_reference: string | null;
  summary: string | null;
  status: string;
  published_at: string | null;
  edited_after_publish_at: string | null;
  version: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface AgendaItemsTable {
  id: string;
  meeting_id: string;
  sort_order: number;
  title: string;
}

export interface SpeakersTable {
  id: string;
  meeting_id: string;
  person_id: string;
  sort_order: number;
  position: string | null;
  organization_id: string | null;
  agenda_item_id: string | null;
  summary: string | null;
}

export interface InstructionsTable {
  id: string;
  /** Folded text for search (app/domain/text.ts); maintained by the models. */
  search_text: Generated<string>;
  meeting_id: string;
  agenda_item_id: string | null;
  number: string;
  text: string;
  issued_by_person_id: string | null;
  deadline: string | null;
  deadline_note: string | null;
  special_control: number;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface InstructionTargetsTable {
  id: string;
  instruction_id: string;
  sort_order: number;
  indicator: string;
  unit: string | null;
  baseline_value: number | null;
  target_value: number | null;
}

export interface AssignmentsTable {
  id: string;
  instruction_id: string;
  organization_id: string;
  role: string;
  status: string;
  deadline: string | null;
  initial_deadline: string | null;
  percent_complete: number | null;
  last_report_at: string | null;
  reported_at: string | null;
  completed_at: string | null;
  version: number;
  created_at: string;
  updated_at: string;
}

export interface AssignmentEventsTable {
  id: string;
  assignment_id: string;
  kind: string;
  author_user_id: string | null;
  author_organization_id: string | null;
  body: string | null;
  percent_complete: number | null;
  from_status: string | null;
  to_status: string | null;
  from_deadline: string | null;
  to_deadline: string | null;
  requested_deadline: string | null;
  responds_to_event_id: string | null;
  idempotency_key: string | null;
  created_at: string;
}

export interface EventTargetValuesTable {
  id: string;
  event_id: string;
  target_id: string;
  actual_value: number;
}

export interface FilesTable {
  id: string;
  assignment_id: string;
  event_id: string | null;
  original_name: string;
  content_type: string;
  size_bytes: number;
  sha256: string;
  storage_path: string;
  uploaded_by: string | null;
  created_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  kind: string;
  assignment_id: string | null;
  instruction_id: string | null;
  event_id: string | null;
  created_at: string;
  read_at: string | null;
}

export interface AuditLogTable {
  id: string;
  seq: number;
  occurred_at: string;
  actor_user_id: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

/** Bumped by triggers on every change to the tables named (see the data-versions migration). */
export interface DataVersionsTable {
  name: "execution";
  version: number;
}

export interface CalendarFeedsTable {
  id: string;
  user_id: string;
  /** SHA-256 (hex) of the feed's secret; the secret itself is shown to the user once and never stored. */
  token_hash: string;
  created_at: string;
  revoked_at: string | null;
  last_used_at: string | null;
}

/** A pasted or uploaded meeting report under review; meeting_id is set once it is confirmed. */
export interface MinutesImportsTable {
  id: string;
  created_by: string;
  created_at: string;
  updated_at: string;
  /** The uploaded file's name; null when the text was pasted. */
  source_name: string | null;
  source_text: string;
  /** The parser's MinutesDraft, as JSON. */
  draft_json: string;
  /** The review form's values (field name → value) as the secretariat last submitted them. */
  form_json: string;
  meeting_id: string | null;
  confirmed_at: string | null;
}

export interface Database {
  organizations: OrganizationsTable;
  people: PeopleTable;
  users: UsersTable;
  sessions: SessionsTable;
  sign_in_failures: SignInFailuresTable;
  meetings: MeetingsTable;
  agenda_items: AgendaItemsTable;
  speakers: SpeakersTable;
  instructions: InstructionsTable;
  instruction_targets: InstructionTargetsTable;
  assignments: AssignmentsTable;
  assignment_events: AssignmentEventsTable;
  event_target_values: EventTargetValuesTable;
  files: FilesTable;
  notifications: NotificationsTable;
  audit_log: AuditLogTable;
  calendar_feeds: CalendarFeedsTable;
  data_versions: DataVersionsTable;
  minutes_imports: MinutesImportsTable;
  two_factor_credentials: TwoFactorCredentialsTable;
  two_factor_recovery_codes: TwoFactorRecoveryCodesTable;
  two_factor_challenges: TwoFactorChallengesTable;
  two_factor_failures: TwoFactorFailuresTable;
}

export type Organization = Selectable<OrganizationsTable>;
export type NewOrganization = Insertable<OrganizationsTable>;
export type Person = Selectable<PeopleTable>;
export type User = Selectable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
export type Meeting = Selectable<MeetingsTable>;
export type Instruction = Selectable<InstructionsTable>;
export type Assignment = Selectable<AssignmentsTable>;
export type AssignmentEvent = Selectable<AssignmentEventsTable>;
