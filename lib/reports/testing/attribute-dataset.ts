import { eq } from "drizzle-orm";
import type { Db } from "@/db";
import { consultations } from "@/db/schema";
import { now, setClockForTests } from "@/lib/clock";
import { claimConsultation, closeConsultationWithRecord, sendCounselorMessage, type ConsoleActor } from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import type { Keyring } from "@/lib/crypto";
import { loadCurrentForm } from "@/lib/forms";
import { submitIntake } from "@/lib/intake";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "@/lib/line/testing/webhook";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { submitSurvey } from "@/lib/surveys";
import { ensureYouth } from "@/lib/youths";

/**
 * A small history for the issue-16 figures, hand-counted in attributes.test.ts, made through the
 * product's own functions (LINE postbacks through the webhook, the secure chat's intake and survey).
 *
 *   2024-08-03 Sat 20:10  c1  U1 (line); recorded: 本人, 新規 left to derivation, 傾聴・助言;
 *                             survey by quick replies: とてもよかった, はい; then taps とてもよかった again (kept once)
 *   2024-08-10 Sat 20:10  c2  U1 again (line); recorded: 本人, derived 継続, 情報提供+他機関紹介, topic 自殺念慮・自傷;
 *                             survey: taps 答えない (nothing stored)
 *   2024-08-17 Sat 20:10  c3  U2 (line); recorded: 保護者, 継続 chosen by the counselor, 他機関につないだ+緊急対応,
 *                             topic メンタル不調; survey: よかった, then the second question tapped 9 days later (not kept)
 *   2024-08-20 Tue 20:10  c4  U3 (secure chat, intake says 友だちのこと); recorded: 友人, derived 新規, 傾聴・助言;
 *                             survey in the chat: どちらともいえない, わからない, a comment; a second submission (kept once)
 *   2024-08-25 Sun 20:05  c5  U4 (line), still open: 記録なし
 *   2024-09-07 Sat 20:10  c6  U5 (line); recorded: 教職員, 新規, 電話・対面相談へ移行; survey: よくなかった, いいえ
 */
export async function buildAttributeDataset(db: Db, keyring: Keyring): Promise<void> {
  const jst = (local: string) => {
    const at = new Date(`${local}+09:00`);
    setClockForTests(at);
    return at;
  };
  const alice = await makeStaff(db, "alice", "counselor");
  await saveSchedule(db, takeo2024Preset, null, now(), "service period");
  const postback = async (lineUserId: string, data: string, local: string) => {
    jst(local);
    const raw = JSON.stringify({ destination: "U0", events: [userEvent(lineUserId, { type: "postback", postback: { data } }, Date.now())] });
    await receiveWebhook(db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: now() });
    while (await processNextInboxEvent(db, { keyring, now }));
  };
  // Claimed two minutes after it arrived, answered a minute later.
  const after = (local: string, minutes: number) => {
    const at = new Date(new Date(`${local}+09:00`).getTime() + minutes * 60_000);
    setClockForTests(at);
    return at;
  };
  const handle = async (consultationId: string, by: ConsoleActor, opened: string, closed: string, form: Record<string, unknown>) => {
    await claimConsultation(db, consultationId, by, { at: after(opened, 2), maxActive: 5 });
    await sendCounselorMessage(db, { consultationId, text: "話してくれてありがとう。", at: after(opened, 3), mode: "line" }, by, keyring);
    const result = await closeConsultationWithRecord(
      db,
      { consultationId, at: jst(closed), form: { ageBand: "high_school", gender: "female", topics: ["other"], contentSummary: "要約", responseSummary: "対応", outcome: "advice", referralAgencyId: "", ...form } },
      by,
      keyring,
    );
    if (!result.ok) throw new Error(`record refused: ${JSON.stringify(result.fieldErrors)}`);
  };
  const survey = (step: string, choice: string) => new URLSearchParams({ action: "survey", step, choice }).toString();

  const u1 = "U" + "1".repeat(32);
  const c1 = await youthWrites(db, keyring, "話を聞いてほしい", { at: jst("2024-08-03T20:10:00"), lineUserId: u1 });
  await handle(c1.consultationId, alice, "2024-08-03T20:10:00", "2024-08-03T20:40:00", { requester: "self", actions: ["listening"] });
  await postback(u1, survey("satisfaction", "very_good"), "2024-08-03T20:45:00");
  await postback(u1, survey("again", "yes"), "2024-08-03T20:46:00");
  await postback(u1, survey("satisfaction", "very_good"), "2024-08-03T20:47:00");

  const c2 = await youthWrites(db, keyring, "また話したい", { at: jst("2024-08-10T20:10:00"), lineUserId: u1 });
  await handle(c2.consultationId, alice, "2024-08-10T20:10:00", "2024-08-10T20:40:00", { requester: "self", actions: ["information", "introduced"], topics: ["suicidal"] });
  await postback(u1, new URLSearchParams({ action: "survey", step: "satisfaction", skip: "1" }).toString(), "2024-08-10T20:45:00");

  const u2 = "U" + "2".repeat(32);
  const c3 = await youthWrites(db, keyring, "子どものことで", { at: jst("2024-08-17T20:10:00"), lineUserId: u2 });
  await handle(c3.consultationId, alice, "2024-08-17T20:10:00", "2024-08-17T20:40:00", { requester: "parent", visit: "continuing", actions: ["connected", "emergency"], topics: ["mental"] });
  await postback(u2, survey("satisfaction", "good"), "2024-08-17T20:45:00");
  await postback(u2, survey("again", "yes"), "2024-08-26T20:45:00");

  const u3 = await ensureYouth(db, "U" + "3".repeat(32), keyring);
  const intake = await loadCurrentForm(db, "intake");
  const opened = await submitIntake(
    db,
    { youthId: u3.id, versionId: intake.id, answers: { ageBand: "high_school", gender: "female", topics: ["friends"], requester: "friend", consent: true }, at: jst("2024-08-20T20:10:00"), pagingConfigured: false },
    keyring,
  );
  if (!opened.ok) throw new Error(`intake refused: ${JSON.stringify(opened)}`);
  const [c4] = await db.select({ id: consultations.id }).from(consultations).where(eq(consultations.youthId, u3.id));
  await handle(c4!.id, alice, "2024-08-20T20:10:00", "2024-08-20T20:40:00", { requester: "friend", actions: ["listening"] });
  await submitSurvey(db, { youthId: u3.id, answers: { satisfaction: "neutral", again: "unsure", comment: "話せてよかった" }, at: jst("2024-08-20T20:50:00") }, keyring);
  await submitSurvey(db, { youthId: u3.id, answers: { satisfaction: "very_bad" }, at: jst("2024-08-20T20:51:00") }, keyring);

  await youthWrites(db, keyring, "待っています", { at: jst("2024-08-25T20:05:00") });

  const u5 = "U" + "5".repeat(32);
  const c6 = await youthWrites(db, keyring, "生徒のことで", { at: jst("2024-09-07T20:10:00"), lineUserId: u5 });
  await handle(c6.consultationId, alice, "2024-09-07T20:10:00", "2024-09-07T20:40:00", { requester: "teacher", actions: ["moved_to_phone"] });
  await postback(u5, survey("satisfaction", "very_bad"), "2024-09-07T20:45:00");
  await postback(u5, survey("again", "no"), "2024-09-07T20:46:00");
  setClockForTests(null);
}
