import { forbidden, notFound } from "next/navigation";
import { z } from "zod";
import { requireStaff } from "@/app/_server/guard";
import { EmergencyPanel } from "@/components/console/emergency/EmergencyPanel";
import { StartEmergencyButton } from "@/components/console/emergency/StartEmergencyButton";
import { EarlierList } from "@/components/console/conversation/EarlierList";
import { MessageList } from "@/components/console/conversation/MessageList";
import { ConsentPanel } from "@/components/console/conversation/ConsentPanel";
import { NotesPanel } from "@/components/console/conversation/NotesPanel";
import { SafetyPlanPanel } from "@/components/console/conversation/SafetyPlanPanel";
import { PriorityForm } from "@/components/console/conversation/PriorityForm";
import { RecordForm } from "@/components/console/conversation/RecordForm";
import { ForgetReplyDraft } from "@/components/console/conversation/ForgetReplyDraft";
import { RefusedConsultation } from "@/components/console/conversation/RefusedConsultation";
import { ReplyBox } from "@/components/console/conversation/ReplyBox";
import { TransferForm } from "@/components/console/conversation/TransferForm";
import { IntakePanel } from "@/components/console/conversation/IntakePanel";
import { HeldTabs } from "@/components/console/HeldTabs";
import { IdleGuard } from "@/components/console/live/IdleGuard";
import { LiveRefresh } from "@/components/console/live/LiveRefresh";
import { StaffShell } from "@/components/console/StaffShell";
import { joinListText } from "@/components/ui/list-text";
import { getDb } from "@/app/_server/database";
import { listCannedResponses } from "@/lib/canned";
import { fillCannedFields } from "@/lib/canned/client";
import { listSharingBasis } from "@/lib/consents";
import { getConfig } from "@/lib/config";
import { ConsoleError, describeConsultationHolder, listCounselorLoad, listHeldConsultations, MAX_MESSAGE_LENGTH, viewConsultation } from "@/lib/consultations";
import { getKeyring } from "@/lib/crypto";
import { canStaff } from "@/lib/auth";
import { formatJstDateTime, listEmergencyContactKinds, toJstDateTimeInput, viewEmergency } from "@/lib/emergencies";
import { now } from "@/lib/clock";
import { ja } from "@/lib/i18n/ja";
import { formatJst } from "@/lib/records";
import { loadSafetyPlan } from "@/lib/safety-plans";
import { findCurrentSession } from "@/lib/schedule";
import { loadCurrentSchedule } from "@/lib/schedule/store";
import { formatAgency, listAgencies } from "@/lib/agencies";

export const dynamic = "force-dynamic";

/** `null`: refused because someone else holds it, or it went back to the queue; the page says so instead of a bare 403. */
async function load(id: string, actor: { id: string; loginId: string; role: "admin" | "supervisor" | "counselor" | "city" }) {
  if (!z.uuid().safeParse(id).success) notFound();
  try {
    return await viewConsultation(await getDb(), id, actor, getKeyring(), now());
  } catch (error) {
    if (error instanceof ConsoleError && error.code === "not_found") notFound();
    if (error instanceof ConsoleError && error.code === "not_holder") return null;
    throw error;
  }
}

/** 今日の終了時刻 for a 定型文: the end of the staffed session under way, none outside the hours. */
async function closingTime(db: Awaited<ReturnType<typeof getDb>>, at: Date): Promise<string | undefined> {
  const schedule = (await loadCurrentSchedule(db))?.schedule;
  const session = schedule ? findCurrentSession(schedule, at) : null;
  return session ? clock.format(session.end) : undefined;
}

const clock = new Intl.DateTimeFormat("ja-JP", { timeZone: "Asia/Tokyo", hour: "2-digit", minute: "2-digit" });

/** One conversation: the holder replies; a supervisor watches read-only, adds notes and reassigns. */
export default async function Page({ params }: { params: Promise<{ id: string }> }) {
  const { staff } = await requireStaff("console.use");
  const { id } = await params;
  const view = await load(id, { id: staff.id, loginId: staff.loginId, role: staff.role });
  const db = await getDb();
  if (!view) {
    // Only someone who held it before, or a supervisor, learns who holds it; anyone else gets the plain 403.
    const holder = await describeConsultationHolder(db, id, { id: staff.id, supervises: canStaff(staff, "consultations.supervise") });
    // A closed consultation that is not this person's to finish has nothing to act on: the plain 403.
    if (!holder || holder.phase === "closed") forbidden();
    return (
      <StaffShell staff={staff}>
        <ForgetReplyDraft staffId={staff.id} consultationId={id} />
        <RefusedConsultation phase={holder.phase} holderName={holder.holderName} />
      </StaffShell>
    );
  }
  const { consultation } = view;
  const safetyPlanOn = getConfig().SOUDAN_SAFETY_PLAN === "on" && consultation.canReply;
  const [held, canned, agencies, colleagues, sharing, safetyPlan, emergency, contactKinds, endsAt] = await Promise.all([
    listHeldConsultations(db, staff.id),
    listCannedResponses(db),
    listAgencies(db),
    listCounselorLoad(db, now(), getConfig().SOUDAN_IDLE_TIMEOUT_MINUTES),
    listSharingBasis(db, consultation.id, getKeyring()),
    safetyPlanOn ? loadSafetyPlan(db, consultation.id, getKeyring()) : null,
    viewEmergency(db, { consultationId: id }, getKeyring()),
    listEmergencyContactKinds(db),
    closingTime(db, now()),
  ]);
  const confirmedAgencies = agencies.filter((a) => !a.isExample);
  const fields = { 相談員名: staff.displayName, 今日の終了時刻: endsAt };
  const open = consultation.phase !== "closed";
  const supervises = canStaff(staff, "consultations.supervise");
  const canWriteSharing = open ? consultation.canReply || supervises : consultation.canFinishRecord;
  return (
    <StaffShell staff={staff}>
      <div className="flex flex-col gap-4">
        <HeldTabs held={held} currentId={consultation.id} />
        <LiveRefresh consultationId={consultation.id} alsoWatch={held.filter((h) => h.id !== consultation.id).map((h) => h.id)} soundByDefault={staff.role === "supervisor"} />
        <IdleGuard idleMinutes={getConfig().SOUDAN_IDLE_TIMEOUT_MINUTES} />
        <header className="flex flex-wrap items-baseline gap-3">
          <h1 className="text-2xl font-bold">{consultation.pseudonym}</h1>
          <span className="text-sm">{ja.console.channel[consultation.channel]}</span>
          {consultation.priority > 0 ? <span className="rounded bg-red-700 px-2 text-sm font-bold text-white">{ja.console.priority[consultation.priority]}</span> : null}
          {consultation.earlierAtRisk ? (
            <span className="rounded border border-red-700 px-2 text-sm font-bold text-red-800" title={ja.console.earlierAtRiskHint} data-testid="earlier-at-risk">
              {ja.console.earlierAtRisk}
            </span>
          ) : null}
          <span className="text-sm" data-testid="holder">
            {ja.console.holder}: {consultation.holderName ?? ja.console.noHolder}
          </span>
          {consultation.closeReason ? (
            <span className="text-sm" data-testid="close-reason">
              {ja.console.closedBecause}: {ja.console.closeReasons[consultation.closeReason]}
            </span>
          ) : null}
          {!consultation.canReply && open ? <span className="text-sm font-semibold text-amber-800">{ja.console.readOnly}</span> : null}
        </header>
        <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
          <div className="flex flex-col gap-4">
            <MessageList messages={view.messages} canRetry={consultation.canReply} markLine={getConfig().CHAT_MODE === "secure"} />
            {consultation.canReply ? (
              <ReplyBox
                key={consultation.id}
                consultationId={consultation.id}
                staffId={staff.id}
                maxLength={MAX_MESSAGE_LENGTH}
                canned={canned.map((c) => ({ id: c.id, title: c.title, text: fillCannedFields(c.body, fields), keywords: "" }))}
                // Seeded examples reach no youth until an admin confirms them.
                agencies={confirmedAgencies.map((a) => ({ id: a.id, title: a.name, text: formatAgency(a), keywords: a.topics.join(" ") }))}
              />
            ) : (
              // Closed, or no longer this person's: an unsent draft to it can never go out.
              <ForgetReplyDraft staffId={staff.id} consultationId={consultation.id} />
            )}
          </div>
          {/* Its own scroll area, so the record form beside the conversation is reachable without moving the reply box off screen. */}
          <aside className="flex flex-col gap-4 lg:h-[calc(100vh-15rem)] lg:overflow-y-auto lg:pr-1" aria-label={ja.console.sidePanel}>
            {emergency ? (
              <EmergencyPanel
                emergency={emergency}
                kinds={contactKinds.map((k) => ({ id: k.id, label: k.label }))}
                canAct={consultation.canReply || supervises}
                canJoin={supervises}
                nowInput={toJstDateTimeInput(now())}
                reportHref={canStaff(staff, "reports.view") ? `/api/emergencies/${emergency.id}/report` : null}
                format={formatJstDateTime}
              />
            ) : open && (consultation.canReply || supervises) ? (
              <StartEmergencyButton consultationId={consultation.id} />
            ) : null}
            {/* A supervisor who joined an emergency replies beside the holder, but the record stays the holder's. */}
            {(open && consultation.holds) || consultation.canFinishRecord ? (
              <RecordForm
                // Remounted when the consultation closes under it (an emergency ended), so the owed record starts from the saved draft.
                key={open ? "close" : "finish"}
                mode={open ? "close" : "finish"}
                consultationId={consultation.id}
                draft={view.draft}
                definition={view.recordForm.definition}
                prefilled={view.prefilled}
                agencies={confirmedAgencies.map((a) => ({ id: a.id, name: a.name }))}
              />
            ) : null}
            <IntakePanel intake={consultation.intake} note={consultation.intakeNote} />
            <ConsentPanel
              consultationId={consultation.id}
              agencies={agencies.map((a) => ({ id: a.id, name: a.name }))}
              consents={sharing.consents.map((c) => ({
                id: c.id,
                recipient: c.recipient,
                scope: joinListText([...c.scopeItems.map((item) => ja.consent.scopeItems[item]), ...(c.scopeNote ? [c.scopeNote] : [])]),
                agreedAt: formatJst(c.agreedAt),
                words: c.words,
                withdrawnAt: c.withdrawnAt ? formatJst(c.withdrawnAt) : null,
                withdrawalNote: c.withdrawalNote,
              }))}
              exceptions={sharing.exceptions.map((x) => ({ id: x.id, recipient: x.recipient, reason: x.reason, supervisorName: x.supervisorName, decidedAt: formatJst(x.decidedAt) }))}
              canWrite={canWriteSharing}
              nowLocal={formatJst(now()).replace(" ", "T")}
            />
            {safetyPlan ? (
              <SafetyPlanPanel
                consultationId={consultation.id}
                plan={safetyPlan.plan}
                versions={safetyPlan.versions.map((v) => ({ version: v.version, label: ja.safetyPlan.version(v.version, v.sentAt ? formatJst(v.sentAt) : null) }))}
              />
            ) : null}
            <section aria-labelledby="earlier-title">
              <h2 id="earlier-title" className="font-bold">{ja.console.earlier}</h2>
              <EarlierList consultationId={consultation.id} earlier={view.earlier} />
            </section>
            {open && (consultation.canReply || staff.role === "supervisor") ? <PriorityForm consultationId={consultation.id} priority={consultation.priority} /> : null}
            {open ? <NotesPanel consultationId={consultation.id} notes={view.notes} /> : null}
            {open ? (
              <TransferForm
                consultationId={consultation.id}
                staff={colleagues.filter((c) => c.id !== consultation.holderId).map((c) => ({ id: c.id, displayName: c.displayName }))}
                label={consultation.holds ? ja.console.transfer : ja.supervisorView.reassign}
                leaveAfter={consultation.holds}
              />
            ) : null}
          </aside>
        </div>
      </div>
    </StaffShell>
  );
}
