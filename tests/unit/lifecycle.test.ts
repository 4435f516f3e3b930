import { describe, expect, it } from "vitest";
import {
  ASSIGNMENT_ACTIONS,
  ASSIGNMENT_STATUSES,
  TRANSITIONS,
  availableActions,
  decide,
  instructionStatus,
  type AssignmentAction,
  type AssignmentStatus,
} from "../../app/domain/lifecycle";
import { ROLES, type Actor } from "../../app/domain/permissions";

const OWN = "org-akmola";
const OTHER = "org-north";
const actorFor = (role: Actor["role"]): Actor => ({ id: "u", role, organizationId: role === "assignee" ? OWN : null });

// DESIGN.md's lifecycle, written out by hand: (action) → who, from which states, to which.
const EXPECTED: Record<AssignmentAction, { roles: Actor["role"][]; from: AssignmentStatus[]; to: AssignmentStatus | "same" }> = {
  post_progress: { roles: ["assignee"], from: ["assigned", "in_progress"], to: "in_progress" },
  submit_completion: { roles: ["assignee"], from: ["assigned", "in_progress"], to: "reported" },
  request_extension: { roles: ["assignee"], from: ["assigned", "in_progress", "reported"], to: "same" },
  accept: { roles: ["controller", "admin"], from: ["reported"], to: "done" },
  return: { roles: ["controller", "admin"], from: ["reported"], to: "in_progress" },
  cancel: { roles: ["controller", "admin"], from: ["assigned", "in_progress", "reported"], to: "cancelled" },
  approve_extension: { roles: ["controller", "admin"], from: ["assigned", "in_progress", "reported"], to: "same" },
  reject_extension: { roles: ["controller", "admin"], from: ["assigned", "in_progress", "reported"], to: "same" },
};

describe("assignment lifecycle: every (state, action, role)", () => {
  for (const action of ASSIGNMENT_ACTIONS) {
    const extensionDecision = action === "approve_extension" || action === "reject_extension";
    for (const status of ASSIGNMENT_STATUSES) {
      for (const role of ROLES) {
        const expected = EXPECTED[action];
        const allowed = expected.roles.includes(role) && expected.from.includes(status);
        it(`${role} ${action} on ${status}: ${allowed ? "allowed" : "refused"}`, () => {
          const decision = decide(action, { status, organizationId: OWN, hasPendingExtension: extensionDecision }, actorFor(role));
          expect(decision.allowed).toBe(allowed);
          if (decision.allowed) expect(decision.to).toBe(expected.to === "same" ? status : expected.to);
        });
      }
    }
  }

  it("matches the module's own table", () => {
    for (const action of ASSIGNMENT_ACTIONS) {
      expect([...TRANSITIONS[action].from].sort()).toEqual([...EXPECTED[action].from].sort());
      expect(TRANSITIONS[action].to).toBe(EXPECTED[action].to);
    }
  });

  it("never lets an assignee act on another organization's assignment", () => {
    for (const action of ASSIGNMENT_ACTIONS) {
      const decision = decide(action, { status: "in_progress", organizationId: OTHER, hasPendingExtension: false }, actorFor("assignee"));
      expect(decision).toEqual({ allowed: false, reason: "forbidden" });
    }
  });

  it("decides an extension only when one is pending, and takes one request at a time", () => {
    const controller = actorFor("controller");
    expect(decide("approve_extension", { status: "in_progress", organizationId: OWN, hasPendingExtension: false }, controller)).toEqual({
      allowed: false,
      reason: "no_pending_extension",
    });
    expect(decide("request_extension", { status: "in_progress", organizationId: OWN, hasPendingExtension: true }, actorFor("assignee"))).toEqual({
      allowed: false,
      reason: "extension_pending",
    });
    expect(availableActions({ status: "reported", organizationId: OWN, hasPendingExtension: true }, controller)).toEqual([
      "accept",
      "return",
      "cancel",
      "approve_extension",
      "reject_extension",
    ]);
  });
});

describe("an instruction's status is derived from its assignments", () => {
  it("is done when every lead is done, whatever the co-executors", () => {
    expect(instructionStatus([{ role: "lead", status: "done" }, { role: "co_executor", status: "in_progress" }])).toBe("done");
  });
  it("is the least advanced open state otherwise", () => {
    expect(instructionStatus([{ role: "lead", status: "done" }, { role: "lead", status: "reported" }, { role: "lead", status: "assigned" }])).toBe("assigned");
    expect(instructionStatus([{ role: "lead", status: "reported" }, { role: "lead", status: "in_progress" }])).toBe("in_progress");
  });
  it("ignores cancelled leads, and is cancelled when all are", () => {
    expect(instructionStatus([{ role: "lead", status: "cancelled" }, { role: "lead", status: "done" }])).toBe("done");
    expect(instructionStatus([{ role: "lead", status: "cancelled" }])).toBe("cancelled");
  });
});
