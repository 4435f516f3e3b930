/*
 * The permission table of DESIGN.md: the one place that says who may do what.
 * Every loader and action asks it (through utils/auth.server.ts), queries take their visibility
 * scope from it, and the route × role matrix test reads it too.
 */

export const ROLES = ["admin", "secretariat", "controller", "assignee"] as const;
export type Role = (typeof ROLES)[number];

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

/** Who is asking: enough to decide any permission. */
export interface Actor {
  id: string;
  role: Role;
  organizationId: string | null;
}

/** "all": every object; "own_organization": only objects of the actor's organization; "none": refused. */
export type Scope = "all" | "own_organization" | "none";

export const PERMISSIONS = {
  "dashboard.view": { admin: "all", secretariat: "all", controller: "all", assignee: "own_organization" },
  /** Meetings and instructions; an assignee sees published ones addressed to their organization. */
  "meetings.read": { admin: "all", secretariat: "all", controller: "all", assignee: "own_organization" },
  "meetings.edit": { admin: "all", secretariat: "all", controller: "none", assignee: "none" },
  "instructions.read": { admin: "all", secretariat: "all", controller: "all", assignee: "own_organization" },
  /** Progress, completion reports, extension requests. */
  "assignments.report": { admin: "none", secretariat: "none", controller: "none", assignee: "own_organization" },
  /** Accept, return, cancel, decide extensions. */
  "assignments.review": { admin: "all", secretariat: "none", controller: "all", assignee: "none" },
  "directory.read": { admin: "all", secretariat: "all", controller: "all", assignee: "all" },
  "directory.edit": { admin: "all", secretariat: "all", controller: "none", assignee: "none" },
  "users.manage": { admin: "all", secretariat: "none", controller: "none", assignee: "none" },
  "audit.read": { admin: "all", secretariat: "none", controller: "all", assignee: "none" },
} as const satisfies Record<string, Record<Role, Scope>>;

export type Permission = keyof typeof PERMISSIONS;
export const PERMISSION_NAMES = Object.keys(PERMISSIONS) as Permission[];

export function scopeOf(actor: Pick<Actor, "role">, permission: Permission): Scope {
  return PERMISSIONS[permission][actor.role];
}

/** May the actor do this to at least some objects? */
export function can(actor: Pick<Actor, "role">, permission: Permission): boolean {
  return scopeOf(actor, permission) !== "none";
}

/** May the actor do this to an object that belongs to `organizationId`? */
export function canForOrganization(actor: Actor, permission: Permission, organizationId: string | null): boolean {
  const scope = scopeOf(actor, permission);
  if (scope === "all") return true;
  if (scope === "own_organization") return actor.organizationId !== null && actor.organizationId === organizationId;
  return false;
}

/**
 * What each route needs, by URL pattern: "public" (anyone), "signed_in" (any user), or a permission.
 * The route × role matrix test walks the real route manifest and fails on a route missing here.
 */
export const ROUTE_ACCESS = {
  "/": "dashboard.view",
  "/meetings": "meetings.read",
  "/meetings/new": "meetings.edit",
  /** Import from a pasted or uploaded report: the text, then the review of its draft (secretariat). */
  "/meetings/import": "meetings.edit",
  "/meetings/import/:importId": "meetings.edit",
  "/meetings/:meetingId": "meetings.read",
  "/meetings/:meetingId/edit": "meetings.edit",
  "/meetings/:meetingId/speakers/:speakerId": "meetings.edit",
  "/meetings/:meetingId/instructions/new": "meetings.edit",
  "/meetings/:meetingId/instructions/:instructionId": "meetings.edit",
  "/meetings/:meetingId/protocol": "meetings.read",
  "/meetings/:meetingId/protocol.pdf": "meetings.read",
  "/assignments": "instructions.read",
  "/assignments/:assignmentId": "instructions.read",
  "/instructions": "instructions.read",
  "/instructions/export.xlsx": "instructions.read",
  "/instructions/export.csv": "instructions.read",
  "/instructions/:instructionId": "instructions.read",
  /** One search box; each group of results is filtered by what the reader may open. */
  "/search": "instructions.read",
  "/review": "assignments.review",
  "/discipline.xlsx": "assignments.review",
  "/discipline.csv": "assignments.review",
  "/notifications": "signed_in",
  "/notifications/:notificationId": "signed_in",
  "/account/calendar": "signed_in",
  /** Two-factor enrolment: the one page a user who must enrol can reach (requireUser sends them here). */
  "/account/two-factor": "signed_in",
  /** The code step of sign-in: its own challenge cookie is the credential, never a session. */
  "/login/two-factor": "public",
  /** The deadline feed: the secret in the address is its credential (calendar clients send no cookie). */
  "/calendar/:secret.ics": "public",
  "/files/:fileId": "instructions.read",
  "/login": "public",
  "/logout": "signed_in",
  "/language": "public",
  "/healthz": "public",
  /** The interface's texts in one language, as a script: the same for everyone. */
  "/i18n/:file": "public",
  /** Benchmarks only: a 404 unless the server runs with BENCH_FLOOR=1 (never set on a real deployment). */
  "/bench/floor": "public",
  "/organizations": "directory.read",
  "/organizations/new": "directory.edit",
  "/organizations/:organizationId": "instructions.read",
  "/organizations/:organizationId/edit": "directory.edit",
  "/people": "directory.read",
  "/people/new": "directory.edit",
  "/people/:personId/edit": "directory.edit",
  /** Any unknown address: a 404 page, the same for everyone. */
  "/*": "public",
} as const satisfies Record<string, "public" | "signed_in" | Permission>;
