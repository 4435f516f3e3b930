import { daysBetween } from "./calendar";

// The assignment lifecycle of DESIGN.md. States live here; the transitions join them with the execution issue.

export const ASSIGNMENT_STATUSES = ["assigned", "in_progress", "reported", "done", "cancelled"] as const;
export type AssignmentStatus = (typeof ASSIGNMENT_STATUSES)[number];

export const OPEN_STATUSES = ["assigned", "in_progress", "reported"] as const satisfies readonly AssignmentStatus[];
export const CLOSED_STATUSES = ["done", "cancelled"] as const satisfies readonly AssignmentStatus[];

export const ASSIGNMENT_ROLES = ["lead", "co_executor"] as const;
export type AssignmentRole = (typeof ASSIGNMENT_ROLES)[number];

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
