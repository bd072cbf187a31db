"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { requireStaff, type ActiveStaff } from "@/app/_server/guard";
import { getDb } from "@/app/_server/database";
import { acknowledgeAlert, AlertError } from "@/lib/alerts";
import { now } from "@/lib/clock";
import { getConfig } from "@/lib/config";
import {
  addInternalNote,
  claimConsultation,
  closeConsultationWithRecord,
  ConsoleError,
  finishConsultationRecord,
  readEarlierConsultation,
  recordDraftSchema,
  retryCounselorMessage,
  saveRecordDraft,
  sendCounselorMessage,
  showTypingIndicator,
  transferConsultation,
  priorityInputSchema,
  setConsultationPriority,
  type ConsoleActor,
  type FieldErrors,
} from "@/lib/consultations";
import { getKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { describeLiffApp } from "@/lib/liff";
import { wakeLineWorkers } from "@/lib/line";

export type ConsoleActionState = { ok: boolean; message: string | null; fieldErrors?: FieldErrors };

const id = z.uuid();
const text = z.string().max(10_000);

function actorOf(session: ActiveStaff): ConsoleActor {
  return { id: session.staff.id, loginId: session.staff.loginId, role: session.staff.role };
}

/** Every console action: permission first, then one lib call; refusals become Japanese messages. */
async function run(work: (actor: ConsoleActor) => Promise<unknown>, done: string | null): Promise<ConsoleActionState> {
  const actor = actorOf(await requireStaff("console.use"));
  try {
    await work(actor);
  } catch (error) {
    if (error instanceof ConsoleError) return { ok: false, message: ja.console.errors[error.code] };
    if (error instanceof z.ZodError) return { ok: false, message: ja.fieldErrorSummary };
    throw error;
  }
  return { ok: true, message: done };
}

export async function claimAction(consultationId: string): Promise<ConsoleActionState> {
  const result = await run(
    async (actor) => claimConsultation(await getDb(), id.parse(consultationId), actor, { at: now(), maxActive: getConfig().SOUDAN_MAX_CONSULTATIONS_PER_COUNSELOR }),
    ja.console.claimed,
  );
  if (result.ok) redirect(`/console/c/${consultationId}`);
  return result;
}

export async function sendMessageAction(consultationId: string, body: string): Promise<ConsoleActionState> {
  const result = await run(
    async (actor) =>
      sendCounselorMessage(
        await getDb(),
        { consultationId: id.parse(consultationId), text: text.parse(body), at: now(), mode: getConfig().CHAT_MODE, liffUrl: describeLiffApp(getConfig()).url },
        actor,
        getKeyring(),
      ),
    null,
  );
  if (result.ok) wakeLineWorkers();
  return result;
}

export async function typingAction(consultationId: string): Promise<void> {
  const result = await run(async (actor) => {
    if (getConfig().CHAT_MODE !== "line") return false;
    return showTypingIndicator(await getDb(), { consultationId: id.parse(consultationId) }, actor, getKeyring());
  }, null);
  if (result.ok) wakeLineWorkers();
}

export async function retryMessageAction(messageId: string): Promise<ConsoleActionState> {
  const result = await run(async (actor) => retryCounselorMessage(await getDb(), id.parse(messageId), actor), null);
  if (result.ok) wakeLineWorkers();
  return result;
}

export async function addNoteAction(consultationId: string, body: string): Promise<ConsoleActionState> {
  return run(async (actor) => addInternalNote(await getDb(), { consultationId: id.parse(consultationId), text: text.parse(body), at: now() }, actor, getKeyring()), ja.console.noteAdded);
}

/** `leave`: the holder handing over goes home, as the conversation is no longer theirs to read. */
export async function transferAction(consultationId: string, toStaffId: string, leave: boolean): Promise<ConsoleActionState> {
  const to = toStaffId ? id.parse(toStaffId) : null;
  const result = await run(async (actor) => transferConsultation(await getDb(), { consultationId: id.parse(consultationId), toStaffId: to, at: now() }, actor), ja.console.transferred);
  if (result.ok) revalidatePath("/console");
  if (result.ok && leave) redirect("/console");
  return result;
}

export async function saveDraftAction(consultationId: string, draft: unknown): Promise<ConsoleActionState> {
  return run(
    async (actor) => saveRecordDraft(await getDb(), { consultationId: id.parse(consultationId), draft: recordDraftSchema.parse(draft), at: now() }, actor, getKeyring()),
    ja.console.draftSaved,
  );
}

export async function closeAction(consultationId: string, form: unknown): Promise<ConsoleActionState> {
  let fieldErrors: FieldErrors | undefined;
  const result = await run(async (actor) => {
    const closed = await closeConsultationWithRecord(await getDb(), { consultationId: id.parse(consultationId), form, at: now() }, actor, getKeyring());
    if (!closed.ok) fieldErrors = closed.fieldErrors;
  }, ja.console.closedDone);
  if (fieldErrors) return { ok: false, message: ja.console.fieldErrors, fieldErrors };
  if (result.ok) redirect("/console");
  return result;
}

/** The record of a consultation that ended without one (the youth ended it, or it closed for inactivity). */
export async function finishRecordAction(consultationId: string, form: unknown): Promise<ConsoleActionState> {
  let fieldErrors: FieldErrors | undefined;
  const result = await run(async (actor) => {
    const finished = await finishConsultationRecord(await getDb(), { consultationId: id.parse(consultationId), form, at: now() }, actor, getKeyring());
    if (!finished.ok) fieldErrors = finished.fieldErrors;
  }, ja.console.recordFinished);
  if (fieldErrors) return { ok: false, message: ja.console.fieldErrors, fieldErrors };
  if (result.ok) redirect("/console");
  return result;
}

export type HistoryMessage = { id: string; sender: string; text: string | null; sentAt: string };

export async function readHistoryAction(consultationId: string, earlierId: string): Promise<{ ok: boolean; message: string | null; messages: HistoryMessage[] }> {
  let messages: HistoryMessage[] = [];
  const result = await run(async (actor) => {
    const rows = await readEarlierConsultation(await getDb(), { consultationId: id.parse(consultationId), earlierId: id.parse(earlierId) }, actor, getKeyring());
    messages = rows.map((m) => ({ id: m.id, sender: m.sender, text: m.text, sentAt: m.sentAt.toISOString() }));
  }, null);
  return { ...result, messages };
}

/** 確認しました: a person has seen the alert, so it is no longer re-sent. */
export async function acknowledgeAlertAction(alertId: string): Promise<ConsoleActionState> {
  const { staff } = await requireStaff("console.use");
  try {
    await acknowledgeAlert(await getDb(), { alertId: id.parse(alertId), at: now() }, { id: staff.id, loginId: staff.loginId });
  } catch (error) {
    if (error instanceof AlertError) return { ok: false, message: ja.alerts.errors[error.code] };
    throw error;
  }
  revalidatePath("/console");
  revalidatePath("/supervisor");
  return { ok: true, message: ja.alerts.acknowledged };
}

export type PriorityActionState = { ok: boolean; message: string | null; fieldErrors?: Partial<Record<"priority" | "reason", string>> };

/** Sets a consultation's priority by hand; the reason is required (a Japanese field error otherwise). */
export async function setPriorityAction(consultationId: string, values: unknown): Promise<PriorityActionState> {
  const parsed = priorityInputSchema.safeParse(values);
  if (!parsed.success) {
    await requireStaff("console.use");
    return { ok: false, message: ja.fieldErrorSummary, fieldErrors: Object.fromEntries(parsed.error.issues.map((i) => [String(i.path[0]), i.message])) };
  }
  let changed = true;
  const result = await run(async (actor) => {
    ({ changed } = await setConsultationPriority(await getDb(), { consultationId: id.parse(consultationId), ...parsed.data, at: now() }, actor, getKeyring()));
  }, ja.console.setPriority.done);
  if (result.ok && !changed) return { ok: false, message: ja.console.setPriority.same, fieldErrors: { priority: ja.console.setPriority.same } };
  return { ok: result.ok, message: result.message };
}

/** A keystroke after the idle warning: any guarded request refreshes the session's last activity. */
export async function keepSessionAliveAction(): Promise<void> {
  await requireStaff("console.use");
}
