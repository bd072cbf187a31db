import { and, eq, ne } from "drizzle-orm";
import type { Db } from "@/db";
import { staff } from "@/db/schema";
import { AuthError } from "./errors";

type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];

export async function loadStaffForUpdate(tx: Tx, staffId: string) {
  const [row] = await tx.select().from(staff).where(eq(staff.id, staffId)).for("update");
  if (!row) throw new AuthError("not_found");
  return row;
}

/** The service must always keep one administrator who can sign in. */
export async function assertAnotherActiveAdmin(tx: Tx, staffId: string): Promise<void> {
  const others = await tx
    .select({ id: staff.id })
    .from(staff)
    .where(and(eq(staff.role, "admin"), eq(staff.active, true), ne(staff.id, staffId)))
    .for("update");
  if (others.length === 0) throw new AuthError("last_admin");
}
