import type { Db } from "@/db";
import { now, setClockForTests } from "@/lib/clock";
import {
  claimConsultation,
  closeConsultationWithRecord,
  closeInactiveConsultations,
  endConsultationByYouth,
  receiveYouthMessage,
  sendCounselorMessage,
  type ConsoleActor,
} from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import type { Keyring } from "@/lib/crypto";
import { processNextInboxEvent, receiveWebhook } from "@/lib/line";
import { sign, TEST_CHANNEL_SECRET, userEvent } from "@/lib/line/testing/webhook";
import { saveAgency } from "@/lib/agencies";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { createFakeLineApi } from "@/lib/line-api/testing/fake-line-api";
import { recordFollowerSnapshot } from "../record-follower-snapshot";

/**
 * A small history with hand-counted figures, made through the same domain functions the product
 * uses (webhook, claim, reply, close, inactivity, abandonment), each at a set JST time on the 2024
 * contract's schedule. The expected figures live in the tests, worked out by hand from this script.
 *
 *   2024-07-21 Sun 20:30  X  before the service period, left open
 *   2024-07-27 Sat 20:30  P  claimed 20:35 (alice), reply 20:36, recorded 21:00 (high school, female, family, advice)
 *   2024-08-03 Sat 19:00     U1 adds the account (follow)
 *   2024-08-03 Sat 20:10  A  U1; claimed 20:15 (alice), reply 20:17, youth 20:20, reply 20:25,
 *                            recorded 20:45 (junior high, female, bullying+school, referral to the agency)
 *   2024-08-03 Sat 21:00  B  「死にたい」; claimed 21:02 (bob), reply 21:03, recorded 21:30
 *                            (high school, male, health, emergency, emergency noted)
 *   2024-08-06 Tue 12:00  C  out of hours, and an image at 12:01; claimed 08-10 20:00 (alice), reply 20:01,
 *                            recorded 20:30 (out of range, other, other, advice, 対象外)
 *   2024-08-10 Sat 22:00  D  U4 waits, blocks the account 22:10 (abandoned)
 *   2024-08-12 Mon 20:20  H  振替休日; claimed 20:21 (bob), reply 20:22, the youth ends it 20:40
 *   2024-08-17 Sat 20:30  E  claimed 20:40 (alice), no reply, closed for inactivity 21:30
 *   2024-08-20 Tue 10:00     U1 unblocks (follow with isUnblocked)
 *   2024-08-25 Sun 20:05  G  still waiting
 *   2024-08-31 Sat 06:00     LINE reports 37 friends for 08-30
 *   2024-08-31 Sat 23:50  F  claimed 23:55 (bob), reply 23:56, recorded 09-01 00:20
 *                            (elementary, female, abuse+family, phone, consent to share)
 *   2024-09-05 Thu 10:00     a new schedule version closes 08-25 after the fact (August keeps its hours)
 *   2025-02-11 Tue 20:10  Y  建国記念の日; claimed 20:12 (alice), reply 20:13, recorded 20:40
 *                            (young adult, female, young carer, advice)
 *   2025-04-01 Tue 12:00  Z  the next fiscal year, left open
 */
export async function buildKnownDataset(db: Db, keyring: Keyring): Promise<{ alice: ConsoleActor; bob: ConsoleActor; agencyName: string }> {
  const jst = (local: string) => {
    const at = new Date(`${local}+09:00`);
    setClockForTests(at);
    return at;
  };
  const admin = await makeStaff(db, "admin", "admin");
  const alice = await makeStaff(db, "alice", "counselor");
  const bob = await makeStaff(db, "bob", "counselor");
  await saveSchedule(db, takeo2024Preset, null, jst("2024-07-01T09:00:00"), "the 2024 contract");
  const agencyName = "佐賀県中央児童相談所";
  const agencyId = await saveAgency(db, { name: agencyName, phone: "0952-26-1212", at: jst("2024-07-01T09:00:00") }, admin);

  const webhook = async (lineUserId: string, fields: Record<string, unknown>) => {
    const raw = JSON.stringify({ destination: "U0", events: [userEvent(lineUserId, fields, Date.now())] });
    await receiveWebhook(db, { rawBody: raw, signature: sign(raw) }, { channelSecret: TEST_CHANNEL_SECRET, keyring, at: now() });
    while (await processNextInboxEvent(db, { keyring, now }));
  };
  const writes = (text: string, local: string, lineUserId?: string) => youthWrites(db, keyring, text, { at: jst(local), ...(lineUserId ? { lineUserId } : {}) });
  const claim = (id: string, by: ConsoleActor, local: string) => claimConsultation(db, id, by, { at: jst(local), maxActive: 5 });
  const reply = (id: string, by: ConsoleActor, local: string) => sendCounselorMessage(db, { consultationId: id, text: "話してくれてありがとう。", at: jst(local), mode: "line" }, by, keyring);
  const record = async (id: string, by: ConsoleActor, local: string, form: Record<string, unknown>) => {
    const result = await closeConsultationWithRecord(
      db,
      { consultationId: id, at: jst(local), form: { contentSummary: "要約", responseSummary: "対応", emergency: false, informationShared: false, outOfScope: false, referralAgencyId: "", ...form } },
      by,
      keyring,
    );
    if (!result.ok) throw new Error(`record refused: ${JSON.stringify(result.fieldErrors)}`);
  };

  await writes("相談したいです", "2024-07-21T20:30:00");

  const p = await writes("家のことで悩んでいます", "2024-07-27T20:30:00");
  await claim(p.consultationId, alice, "2024-07-27T20:35:00");
  await reply(p.consultationId, alice, "2024-07-27T20:36:00");
  await record(p.consultationId, alice, "2024-07-27T21:00:00", { ageBand: "high_school", gender: "female", topics: ["family"], outcome: "advice" });

  const u1 = "U" + "1".repeat(32);
  jst("2024-08-03T19:00:00");
  await webhook(u1, { type: "follow", follow: { isUnblocked: false } });
  const a = await writes("クラスで無視されています", "2024-08-03T20:10:00", u1);
  await claim(a.consultationId, alice, "2024-08-03T20:15:00");
  await reply(a.consultationId, alice, "2024-08-03T20:17:00");
  await writes("先生にも言えません", "2024-08-03T20:20:00", u1);
  await reply(a.consultationId, alice, "2024-08-03T20:25:00");
  await record(a.consultationId, alice, "2024-08-03T20:45:00", { ageBand: "junior_high", gender: "female", topics: ["bullying", "school"], outcome: "referral", referralAgencyId: agencyId });

  const b = await writes("もう死にたい", "2024-08-03T21:00:00");
  await claim(b.consultationId, bob, "2024-08-03T21:02:00");
  await reply(b.consultationId, bob, "2024-08-03T21:03:00");
  await record(b.consultationId, bob, "2024-08-03T21:30:00", { ageBand: "high_school", gender: "male", topics: ["health"], outcome: "emergency", emergency: true, emergencyNote: "市と警察に連絡した" });

  const c = await writes("聞いてほしいことがあります", "2024-08-06T12:00:00");
  await receiveYouthMessage(db, { youthId: c.youthId, via: "line", kind: "media_refused", mediaType: "image", sentAt: jst("2024-08-06T12:01:00") }, keyring);
  await claim(c.consultationId, alice, "2024-08-10T20:00:00");
  await reply(c.consultationId, alice, "2024-08-10T20:01:00");
  await record(c.consultationId, alice, "2024-08-10T20:30:00", { ageBand: "out_of_range", gender: "other", topics: ["other"], outcome: "advice", outOfScope: true });

  const u4 = "U" + "4".repeat(32);
  await writes("順番待ちです", "2024-08-10T22:00:00", u4);
  jst("2024-08-10T22:10:00");
  await webhook(u4, { type: "unfollow" });

  const h = await writes("休みの日に話したくて", "2024-08-12T20:20:00");
  await claim(h.consultationId, bob, "2024-08-12T20:21:00");
  await reply(h.consultationId, bob, "2024-08-12T20:22:00");
  await endConsultationByYouth(db, { youthId: h.youthId, at: jst("2024-08-12T20:40:00") }, keyring);

  const e = await writes("こんばんは", "2024-08-17T20:30:00");
  await claim(e.consultationId, alice, "2024-08-17T20:40:00");
  await closeInactiveConsultations(db, { at: jst("2024-08-17T21:30:00"), minutes: 30, keyring });

  jst("2024-08-20T10:00:00");
  await webhook(u1, { type: "follow", follow: { isUnblocked: true } });

  await writes("待っています", "2024-08-25T20:05:00");

  // LINE's Insight API: 37 friends on 08-30 (read on the 31st); nothing read for July.
  const line = createFakeLineApi();
  line.setFollowers({ followers: 37, blocks: 2 });
  await recordFollowerSnapshot(db, { api: line.api, at: jst("2024-08-31T06:00:00") });

  const f = await writes("親に叩かれる", "2024-08-31T23:50:00");
  await claim(f.consultationId, bob, "2024-08-31T23:55:00");
  await reply(f.consultationId, bob, "2024-08-31T23:56:00");
  await record(f.consultationId, bob, "2024-09-01T00:20:00", { ageBand: "elementary", gender: "female", topics: ["abuse", "family"], outcome: "phone" });

  // In September the schedule is changed to close 08-25 after the fact: August keeps the hours it ran under.
  await saveSchedule(db, { ...takeo2024Preset, closures: [...takeo2024Preset.closures, { from: "2024-08-25", to: "2024-08-25", reason: "後から入力した休止" }] }, null, jst("2024-09-05T10:00:00"), "a later change");

  const y = await writes("家族の介護をしています", "2025-02-11T20:10:00");
  await claim(y.consultationId, alice, "2025-02-11T20:12:00");
  await reply(y.consultationId, alice, "2025-02-11T20:13:00");
  await record(y.consultationId, alice, "2025-02-11T20:40:00", { ageBand: "young_adult", gender: "female", topics: ["young_carer"], outcome: "advice" });

  await writes("新しい年度です", "2025-04-01T12:00:00");
  setClockForTests(null);
  return { alice, bob, agencyName };
}
