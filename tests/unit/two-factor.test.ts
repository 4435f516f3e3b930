import { describe, expect, it } from "vitest";
import { ROLES } from "../../app/domain/permissions";
import { groupSecret, isRecoveryCode, isTotpCode, normalizeCode, recoveryCodeFromBytes, timeStep, twoFactorPolicy } from "../../app/domain/two-factor";

describe("two-factor rules", () => {
  it("requires it of admin and controller only when enforced", () => {
    expect(ROLES.filter((role) => twoFactorPolicy(role, true) === "required")).toEqual(["admin", "controller"]);
    expect(ROLES.filter((role) => twoFactorPolicy(role, false) === "required")).toEqual([]);
  });

  it("reads codes as people type them", () => {
    expect(normalizeCode(" 123 456 ")).toBe("123456");
    expect(isTotpCode(normalizeCode("123 456"))).toBe(true);
    expect(isTotpCode("12345")).toBe(false);
    expect(normalizeCode("ABCDE-FGH23")).toBe("abcdefgh23");
  });

  it("makes recovery codes of ten unambiguous characters, shown in two groups", () => {
    const code = recoveryCodeFromBytes(Uint8Array.from({ length: 10 }, (_, i) => i * 29));
    expect(code).toMatch(/^[a-z2-9]{5}-[a-z2-9]{5}$/);
    expect(code).not.toMatch(/[ilo01]/);
    expect(isRecoveryCode(normalizeCode(code))).toBe(true);
    expect(isRecoveryCode("abcde")).toBe(false);
  });

  it("groups the key in fours and counts 30-second steps", () => {
    expect(groupSecret("ABCDEFGHIJ")).toBe("ABCD EFGH IJ");
    expect(timeStep(new Date(59_999))).toBe(1);
    expect(timeStep(new Date(60_000))).toBe(2);
  });
});
