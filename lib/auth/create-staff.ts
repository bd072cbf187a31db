import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staff } from "@/db/schema";
import { appendAudit } from "@/lib/audit";
import { AuthError } from "./errors";
import { hashPassword } from "./password";
import { createStaffInputSchema, type Actor, type CreateStaffInput } from "./staff-input";

/** `actor` is null only for the first admin made from the command line. */
export async function createStaff(db: Db, input: CreateStaffInput, actor: Actor | null): Promise<{ id: string }> {
  const data = createStaffInputSchema.parse(input);
  const [existing] = await db.select({ id: staff.id }).from(staff).where(eq(staff.loginId, data.loginId));
  if (existing) throw new AuthError("login_id_taken");
  const passwordHash = await hashPassword(data.password);
  return db.transaction(async (tx) => {
    const [created] = await tx
      .insert(staff)
      .values({ loginId: data.loginId, displayName: data.displayName, role: data.role, qualifications: data.qualifications, passwordHash })
      .returning({ id: staff.id });
    if (!created) throw new Error("insert returned no row");
    await appendAudit(tx, {
      action: "staff.created",
      actor,
      actorLabel: actor ? undefined : "command line",
      target: `staff:${created.id}`,
      details: { loginId: data.loginId, role: data.role, qualifications: data.qualifications },
    });
    return created;
  });
}
