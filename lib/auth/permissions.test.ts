import { describe, expect, it } from "vitest";
import { can, canStaff, roleHome } from "./permissions";

describe("permissions", () => {
  it("gives staff administration and the audit log to admins only", () => {
    expect(can("admin", "staff.manage")).toBe(true);
    for (const role of ["supervisor", "counselor", "city"] as const) {
      expect(can(role, "staff.manage")).toBe(false);
      expect(can(role, "audit.view")).toBe(false);
    }
  });

  it("keeps the city role to reports (R20: inspection is granted separately)", () => {
    expect(can("city", "reports.view")).toBe(true);
    expect(can("city", "console.use")).toBe(false);
    expect(can("city", "records.inspect")).toBe(false);
    for (const role of ["admin", "supervisor", "counselor", "city"] as const) expect(can(role, "records.inspect")).toBe(false);
  });

  it("adds a person's grants to their role's actions, only for grantable actions", () => {
    expect(canStaff({ role: "city", grants: ["records.inspect"] }, "records.inspect")).toBe(true);
    expect(canStaff({ role: "city", grants: [] }, "records.inspect")).toBe(false);
    expect(canStaff({ role: "city", grants: ["staff.manage"] }, "staff.manage")).toBe(false);
    expect(canStaff({ role: "city" }, "reports.view")).toBe(true);
  });

  it("lets supervisors, not the city, mark reports as submitted", () => {
    expect(can("supervisor", "reports.mark_submitted")).toBe(true);
    expect(can("city", "reports.mark_submitted")).toBe(false);
  });

  it("lets counselors and supervisors use the console, and only supervisors oversee it", () => {
    expect(can("counselor", "console.use")).toBe(true);
    expect(can("counselor", "consultations.supervise")).toBe(false);
    expect(can("supervisor", "consultations.supervise")).toBe(true);
  });

  it("lets admins and supervisors, not counselors or the city, edit the on-call roster", () => {
    expect(can("admin", "oncall.manage")).toBe(true);
    expect(can("supervisor", "oncall.manage")).toBe(true);
    expect(can("counselor", "oncall.manage")).toBe(false);
    expect(can("city", "oncall.manage")).toBe(false);
  });

  it("lets admins and supervisors, not counselors or the city, keep the incident register", () => {
    expect(can("admin", "incidents.manage")).toBe(true);
    expect(can("supervisor", "incidents.manage")).toBe(true);
    expect(can("counselor", "incidents.manage")).toBe(false);
    expect(can("city", "incidents.manage")).toBe(false);
  });

  it("lets only admins edit the emergency contact kinds", () => {
    expect(can("admin", "emergency_contact_kinds.manage")).toBe(true);
    for (const role of ["supervisor", "counselor", "city"] as const) expect(can(role, "emergency_contact_kinds.manage")).toBe(false);
  });

  it("sends every role home to a page it may see", () => {
    expect(roleHome).toEqual({ admin: "/admin/staff", supervisor: "/supervisor", counselor: "/console", city: "/reports" });
  });
});
