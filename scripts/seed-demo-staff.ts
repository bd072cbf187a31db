import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { staff } from "@/db/schema";
import { createStaff, type CreateStaffInput } from "@/lib/auth";

/** One password for every demo account, printed by `npm run demo`; the demo needs no second factor. */
export const DEMO_PASSWORD = "soudan-demo-password";

export const demoStaff: Omit<CreateStaffInput, "password">[] = [
  { loginId: "admin", displayName: "管理 太郎", role: "admin" },
  { loginId: "supervisor", displayName: "責任 花子", role: "supervisor", qualifications: ["social_worker"] },
  { loginId: "counselor1", displayName: "相談 一郎", role: "counselor", qualifications: ["certified_public_psychologist"] },
  { loginId: "counselor2", displayName: "相談 二美", role: "counselor", qualifications: ["psychiatric_social_worker", "child_welfare_officer_experience"] },
  { loginId: "city", displayName: "武雄 市子", role: "city" },
];

/** Idempotent: accounts that exist are left as they are. */
export async function seedDemoStaff(db: Db): Promise<number> {
  let created = 0;
  for (const member of demoStaff) {
    const [existing] = await db.select({ id: staff.id }).from(staff).where(eq(staff.loginId, member.loginId));
    if (existing) continue;
    await createStaff(db, { ...member, password: DEMO_PASSWORD }, null);
    created++;
  }
  return created;
}
