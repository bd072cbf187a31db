"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import {
  AuthError,
  can,
  changeStaffRole,
  createStaff,
  createStaffInputSchema,
  passwordSchema,
  deactivateStaff,
  grantStaffPermission,
  reactivateStaff,
  resetSecondFactor,
  resetStaffPassword,
  revokeStaffPermission,
  roleSchema,
  type Role,
  type Actor,
  unlockStaff,
} from "@/lib/auth";
import { now } from "@/lib/clock";
import { releaseConsultationsOf } from "@/lib/consultations";
import { getKeyring } from "@/lib/crypto";
import { errorMessage, ja } from "@/lib/i18n/ja";

export type StaffActionState = { ok: boolean; message: string | null; fieldErrors?: Record<string, string> };

const idSchema = z.uuid();

async function run(work: (actor: Actor) => Promise<void>, done: string): Promise<StaffActionState> {
  const { staff } = await requireStaff("staff.manage");
  try {
    await work({ id: staff.id, loginId: staff.loginId });
  } catch (error) {
    if (error instanceof AuthError) return { ok: false, message: errorMessage(error.code) };
    if (error instanceof z.ZodError) return { ok: false, message: ja.fieldErrorSummary };
    throw error;
  }
  revalidatePath("/admin/staff");
  return { ok: true, message: done };
}

export async function createStaffAction(values: unknown): Promise<StaffActionState> {
  await requireStaff("staff.manage");
  const parsed = createStaffInputSchema.safeParse(values);
  if (!parsed.success) {
    const fieldErrors = Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message]));
    return { ok: false, message: ja.fieldErrorSummary, fieldErrors };
  }
  return run(async (actor) => {
    await createStaff(await getDb(), parsed.data, actor);
  }, ja.staffAdmin.created);
}

export async function deactivateStaffAction(_: StaffActionState, form: FormData): Promise<StaffActionState> {
  // Their consultations return to the queue in the same transaction (R9: nobody is left holding on to no one).
  const release = (tx: Parameters<typeof releaseConsultationsOf>[0], staffId: string) => releaseConsultationsOf(tx, staffId, { at: now(), keyring: getKeyring() });
  return run(async (actor) => deactivateStaff(await getDb(), idSchema.parse(form.get("staffId")), actor, release), ja.staffAdmin.done);
}

export async function reactivateStaffAction(_: StaffActionState, form: FormData): Promise<StaffActionState> {
  return run(async (actor) => reactivateStaff(await getDb(), idSchema.parse(form.get("staffId")), actor), ja.staffAdmin.done);
}

export async function changeStaffRoleAction(_: StaffActionState, form: FormData): Promise<StaffActionState> {
  // A role without the console (admin, city) cannot keep holding youth: they return to the queue.
  const release = (tx: Parameters<typeof releaseConsultationsOf>[0], staffId: string, role: Role) =>
    can(role, "console.use") ? Promise.resolve() : releaseConsultationsOf(tx, staffId, { at: now(), keyring: getKeyring(), reason: "role_changed" });
  return run(
    async (actor) => changeStaffRole(await getDb(), idSchema.parse(form.get("staffId")), roleSchema.parse(form.get("role")), actor, release),
    ja.staffAdmin.done,
  );
}

export async function resetSecondFactorAction(_: StaffActionState, form: FormData): Promise<StaffActionState> {
  return run(async (actor) => resetSecondFactor(await getDb(), idSchema.parse(form.get("staffId")), actor), ja.staffAdmin.done);
}

export async function unlockStaffAction(_: StaffActionState, form: FormData): Promise<StaffActionState> {
  return run(async (actor) => unlockStaff(await getDb(), { staffId: idSchema.parse(form.get("staffId")), at: now() }, actor), ja.staffAdmin.unlocked);
}

export async function resetStaffPasswordAction(_: StaffActionState, form: FormData): Promise<StaffActionState> {
  const password = passwordSchema.safeParse(form.get("password"));
  if (!password.success) return { ok: false, message: password.error.issues[0]?.message ?? ja.fieldErrorSummary };
  return run(
    async (actor) => resetStaffPassword(await getDb(), { staffId: idSchema.parse(form.get("staffId")), password: password.data, at: now() }, actor),
    ja.staffAdmin.passwordReset,
  );
}

/** R20: records inspection is given to a person (usually a city officer), never to a role. */
export async function grantRecordsInspectionAction(_: StaffActionState, form: FormData): Promise<StaffActionState> {
  return run(async (actor) => grantStaffPermission(await getDb(), idSchema.parse(form.get("staffId")), "records.inspect", actor), ja.staffAdmin.done);
}

export async function revokeRecordsInspectionAction(_: StaffActionState, form: FormData): Promise<StaffActionState> {
  return run(async (actor) => revokeStaffPermission(await getDb(), idSchema.parse(form.get("staffId")), "records.inspect", actor), ja.staffAdmin.done);
}
