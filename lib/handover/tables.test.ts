import { getTableConfig } from "drizzle-orm/pg-core";
import { describe, expect, it } from "vitest";
import { encryptedColumns } from "@/db/encrypted-columns";
import { bundleTables, schemaTables } from "./schema-tables";
import { handoverTables } from "./tables";

describe("the handover bundle's classification of db/schema.ts", () => {
  it("classifies every table of the schema, exported or excluded with a reason, and names no table the schema lacks", () => {
    const inSchema = [...schemaTables().keys()].sort();
    expect(inSchema.length).toBeGreaterThan(30);
    expect(Object.keys(handoverTables).sort()).toEqual(inSchema);
    for (const spec of Object.values(handoverTables)) if (spec.kind === "excluded") expect(spec.reason.length).toBeGreaterThan(5);
  });

  it("describes every exported field in Japanese and explains every column it leaves out", () => {
    for (const table of bundleTables()) {
      const fields = table.columns.map((c) => c.field).sort();
      expect({ table: table.name, fields: Object.keys(table.spec.fields).sort() }).toEqual({ table: table.name, fields });
      for (const field of fields) expect(table.spec.fields[field], `${table.name}.${field}`).toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      const columns = new Set(getTableConfig(table.table).columns.map((c) => c.name));
      for (const omitted of Object.keys(table.spec.omitted ?? {})) expect(columns, `${table.name}.${omitted}`).toContain(omitted);
    }
  });

  it("hands over the kinds the contract names, decrypted, and no secret", () => {
    const exported = new Map(bundleTables().map((t) => [t.name, t]));
    for (const kind of ["consultations", "consultation_messages", "consultation_records", "consents", "sharing_exceptions", "emergencies", "emergency_contacts", "consultation_notes", "support_agencies", "canned_responses", "schedule_versions", "form_versions", "staff", "audit_log"]) {
      expect(exported.has(kind), kind).toBe(true);
    }
    for (const spec of encryptedColumns) {
      const table = exported.get(spec.table);
      if (!table) continue;
      for (const column of spec.columns) {
        const exportedColumn = table.columns.find((c) => c.column.name === column);
        if (exportedColumn) expect(exportedColumn).toMatchObject({ encrypted: true, field: column.replace(/_enc$/, "") });
      }
    }
    const staff = exported.get("staff")!.columns.map((c) => c.column.name);
    for (const secret of ["password_hash", "totp_secret", "totp_pending_secret"]) expect(staff).not.toContain(secret);
  });

  it("orders the tables so every row's parents are inserted first", () => {
    const order = bundleTables().map((t) => t.name);
    for (const table of bundleTables()) {
      for (const fk of getTableConfig(table.table).foreignKeys) {
        const parent = getTableConfig(fk.reference().foreignTable).name;
        if (order.includes(parent) && parent !== table.name) expect(order.indexOf(parent), `${parent} before ${table.name}`).toBeLessThan(order.indexOf(table.name));
      }
    }
  });
});
