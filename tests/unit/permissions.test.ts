import { describe, expect, it } from "vitest";
import { PERMISSIONS, ROLES, can, canForOrganization, scopeOf, type Actor, type Permission } from "../../app/domain/permissions";

// DESIGN.md's permission table, written out once more by hand: the module must say exactly this.
const DESIGN_TABLE: Record<Permission, Record<(typeof ROLES)[number], "all" | "own_organization" | "none">> = {
  "dashboard.view": { admin: "all", secretariat: "all", controller: "all", assignee: "own_organization" },
  "meetings.read": { admin: "all", secretariat: "all", controller: "all", assignee: "own_organization" },
  "meetings.edit": { admin: "all", secretariat: "all", controller: "none", assignee: "none" },
  "instructions.read": { admin: "all", secretariat: "all", controller: "all", assignee: "own_organization" },
  "assignments.report": { admin: "none", secretariat: "none", controller: "none", assignee: "own_organization" },
  "assignments.review": { admin: "all", secretariat: "none", controller: "all", assignee: "none" },
  "directory.read": { admin: "all", secretariat: "all", controller: "all", assignee: "all" },
  "directory.edit": { admin: "all", secretariat: "all", controller: "none", assignee: "none" },
  "users.manage": { admin: "all", secretariat: "none", controller: "none", assignee: "none" },
  "audit.read": { admin: "all", secretariat: "none", controller: "all", assignee: "none" },
};

const actor = (role: Actor["role"], organizationId: string | null = null): Actor => ({ id: "u", role, organizationId });

describe("permission table", () => {
  it("has exactly the permissions of the design", () => {
    expect(Object.keys(PERMISSIONS).sort()).toEqual(Object.keys(DESIGN_TABLE).sort());
  });

  for (const permission of Object.keys(DESIGN_TABLE) as Permission[]) {
    for (const role of ROLES) {
      const expected = DESIGN_TABLE[permission][role];
      it(`${role} → ${permission}: ${expected}`, () => {
        expect(scopeOf(actor(role), permission)).toBe(expected);
        expect(can(actor(role), permission)).toBe(expected !== "none");
      });
    }
  }

  it("limits an assignee to their own organization's objects", () => {
    const akmola = actor("assignee", "org-akmola");
    expect(canForOrganization(akmola, "assignments.report", "org-akmola")).toBe(true);
    expect(canForOrganization(akmola, "assignments.report", "org-north")).toBe(false);
    expect(canForOrganization(akmola, "instructions.read", "org-north")).toBe(false);
    expect(canForOrganization(actor("assignee", null), "assignments.report", null)).toBe(false);
  });

  it("lets only the controller and admin review, and nobody but assignees report", () => {
    expect(ROLES.filter((role) => can(actor(role), "assignments.review"))).toEqual(["admin", "controller"]);
    expect(ROLES.filter((role) => can(actor(role), "assignments.report"))).toEqual(["assignee"]);
    expect(canForOrganization(actor("controller"), "assignments.review", "any-org")).toBe(true);
  });
});
