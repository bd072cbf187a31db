import type { Db } from "@/db";
import { DEMO_PASSWORD, demoStaff } from "../seed-demo-staff";
import { staff } from "@/db/schema";
import { verifyPassword } from "@/lib/auth";

/**
 * Synthetic history must never be mixed into a real service's records. A database is the demo's when
 * every staff account is one of the demo accounts and still has the demo password: a real install has
 * at least one account created with its own password (`npm run staff:create`). Returns why not, or null.
 */
export async function whyNotDemoDatabase(db: Db): Promise<string | null> {
  const demoLogins = new Set(demoStaff.map((s) => s.loginId));
  const rows = await db.select({ loginId: staff.loginId, passwordHash: staff.passwordHash }).from(staff);
  const foreign = rows.filter((r) => !demoLogins.has(r.loginId));
  if (foreign.length > 0) return `it has ${foreign.length} staff account(s) that are not the demo's`;
  for (const row of rows) {
    if (!(await verifyPassword(row.passwordHash, DEMO_PASSWORD))) return `the account "${row.loginId}" no longer has the demo password`;
  }
  return null;
}
