import { daysBetween } from "./calendar";
import { canForOrganization, type Actor, type Permission } from "./permissions";

/*
 * The assignment lifecycle of DESIGN.md, in one place: its states, the actions that move between them,
 * and who may take each. Routes and models ask `decide`; the tests read TRANSITIONS.
 *
 *   assigned ──(progress)──> in_progress ──(completion report)──> reported
 *   reported ──(accept)──> done          reported ──(return, with reason)──> in_progress
 *   any open state ──(cancel, with reason)──> cancelled
 *   extension: requested by the assignee, approved (deadline moves) or rejected by the controller
 */

export const ASSIGNMENT_STATUSES = ["assigned", "in_progress", "reported", "done", "cancelled"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const OPEN_STATUSES = ["assigned", "in_progress", "reported"] as const satisfies readonly AssignmentStatus[];
export const CLOSED_STATUSES = ["done", "cancelled"] as const satisfies readonly AssignmentStatus[];

export const ASSIGNMENT_ROLES = ["lead", "co_executor"] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

export const ASSIGNMENT_ACTIONS = [
  "post_progress",
  "submit_completion",
  "request_extension",
  "accept",
  "return",
  "cancel",
  "approve_extension",
  "reject_extension",
] as const;
export type AssignmentAction = (typeof ASSIGNMENT_ACTIONS)[number];

interface Transition {
  permission: Permission;
  from: readonly AssignmentStatus[];
  /** The state after the action; "same" leaves it where it was. */
  to: AssignmentStatus | "same";
  /** A written reason is required (returns, cancellations, rejections, extension requests). */
  reasonRequired: boolean;
  /** Needs an extension request waiting for a decision (true), or no such request (false), or either. */
  pendingExtension?: boolean;
}

export const TRANSITIONS: Record<AssignmentAction, Transition> = {
  post_progress: { permission: "assignments.report", from: ["assigned", "in_progress"], to: "in_progress", reasonRequired: false },
  submit_completion: { permission: "assignments.report", from: ["assigned", "in_progress"], to: "reported", reasonRequired: false },
  request_extension: {
    permission: "assignments.report",
    from: ["assigned", "in_progress", "reported"],
    to: "same",
    reasonRequired: true,
    pendingExtension: false,
  },
  accept: { permission: "assignments.review", from: ["reported"], to: "done", reasonRequired: false },
  return: { permission: "assignments.review", from: ["reported"], to: "in_progress", reasonRequired: true },
  cancel: { permission: "assignments.review", from: ["assigned", "in_progress", "reported"], to: "cancelled", reasonRequired: true },
  approve_extension: {
    permission: "assignments.review",
    from: ["assigned", "in_progress", "reported"],
    to: "same",
    reasonRequired: false,
    pendingExtension: true,
  },
  reject_extension: {
    permission: "assignments.review",
    from: ["assigned", "in_progress", "reported"],
    to: "same",
    reasonRequired: true,
    pendingExtension: true,
  },
};

export type Decision =
  | { allowed: true; to: AssignmentStatus }
  | { allowed: false; reason: "forbidden" | "wrong_state" | "no_pending_extension" | "extension_pending" };

export function isAssignmentAction(value: string): value is AssignmentAction {
  return (ASSIGNMENT_ACTIONS as readonly string[]).includes(value);
}

/**
 * May this actor take this action on this assignment at all, whatever its state? Only on published minutes (a
 * draft's assignments are not yet anyone's to act on), and only as the transition's permission allows for the
 * assignment's organization. Refusals here are 403; the state-dependent ones (decide) are conflicts.
 */
export function mayTakeAction(action: AssignmentAction, assignment: { organizationId: string; meetingStatus: string }, actor: Actor): boolean {
  return assignment.meetingStatus === "published" && canForOrganization(actor, TRANSITIONS[action].permission, assignment.organizationId);
}

/** May this actor take this action on this assignment now, and where does it lead? */
export function decide(
  action: AssignmentAction,
  assignment: { status: string; organizationId: string; hasPendingExtension: boolean },
  actor: Actor,
): Decision {
  const transition = TRANSITIONS[action];
  if (!canForOrganization(actor, transition.permission, assignment.organizationId)) return { allowed: false, reason: "forbidden" };
  if (!(transition.from as readonly string[]).includes(assignment.status)) return { allowed: false, reason: "wrong_state" };
  if (transition.pendingExtension === true && !assignment.hasPendingExtension) return { allowed: false, reason: "no_pending_extension" };
  if (transition.pendingExtension === false && assignment.hasPendingExtension) return { allowed: false, reason: "extension_pending" };
  return { allowed: true, to: transition.to === "same" ? (assignment.status as AssignmentStatus) : transition.to };
}

/** The actions this actor may take on this assignment now: what the page offers. */
export function availableActions(assignment: { status: string; organizationId: string; hasPendingExtension: boolean }, actor: Actor): AssignmentAction[] {
  return ASSIGNMENT_ACTIONS.filter((action) => decide(action, assignment, actor).allowed);
}

export function isOpenStatus(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

/** Overdue is derived, never stored: the deadline has passed and the assignment is still open. */
export function isOverdue(assignment: { status: string; deadline: string | null }, today: string): boolean {
  return assignment.deadline !== null && isOpenStatus(assignment.status) && assignment.deadline < today;
}

export function daysOverdue(assignment: { status: string; deadline: string | null }, today: string): number {
  return isOverdue(assignment, today) ? daysBetween(assignment.deadline as string, today) : 0;
}

const PROGRESS_ORDER: Record<AssignmentStatus, number> = { assigned: 0, in_progress: 1, reported: 2, done: 3, cancelled: 4 };

/**
 * An instruction's status, derived from its assignments: done ("removed from control") when every lead
 * assignment is done; otherwise the least advanced open state among them.
 */
export function instructionStatus(assignments: { role: string; status: string }[]): AssignmentStatus | "none" {
  const leads = assignments.filter((a) => a.role === "lead" && a.status !== "cancelled");
  if (leads.length === 0) return assignments.length && assignments.every((a) => a.status === "cancelled") ? "cancelled" : "none";
  if (leads.every((a) => a.status === "done")) return "done";
  const open = leads.filter((a) => isOpenStatus(a.status)).map((a) => a.status as AssignmentStatus);
  return open.sort((a, b) => PROGRESS_ORDER[a] - PROGRESS_ORDER[b])[0] ?? "done";
}
