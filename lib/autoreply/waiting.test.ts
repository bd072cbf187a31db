import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { consultationTimings, consultations } from "@/db/schema";
import { createTestDatabase, testDatabaseKind, type TestDatabase } from "@/db/testing";
import { estimateWaitMinutes, findQueuePosition, type ConsoleActor } from "@/lib/consultations";
import { makeStaff, youthWrites } from "@/lib/consultations/testing/console-fixture";
import { setClockForTests } from "@/lib/clock";
import { createKeyring } from "@/lib/crypto";
import { ja } from "@/lib/i18n/ja";
import { takeo2024Preset } from "@/lib/schedule";
import { saveSchedule } from "@/lib/schedule/store";
import { checkQueueStatus, loadWaitingSettings, saveWaitingSettings } from "./index";

const keyring = createKeyring(randomBytes(32).toString("base64"));
let database: TestDatabase;
let admin: ConsoleActor;

beforeAll(async () => {
  database = await createTestDatabase();
  admin = await makeStaff(database.db, "admin", "admin");
  await saveSchedule(database.db, takeo2024Preset, null, new Date(), "test");
});
afterAll(async () => {
  await database.close();
});
beforeEach(async () => {
  await database.db.execute(sql`truncate consultation_timings, consultation_messages, consultations, youths, waiting_settings cascade`);
});

/** A past consultation that waited `minutes`, received at `iso`, as closing records it (R17). */
async function pastWait(iso: string, minutes: number, staffed = true) {
  const { consultationId } = await youthWrites(database.db, keyring, "x", { at: new Date(iso) });
  const receivedAt = new Date(iso);
  await database.db.update(consultations).set({ status: "closed", closedAt: new Date(receivedAt.getTime() + 3_600_000) }).where(sql`id = ${consultationId}`);
  await database.db.insert(consultationTimings).values({
    consultationId,
    receivedAt,
    arrivedInStaffedHours: staffed,
    closedAt: new Date(receivedAt.getTime() + 3_600_000),
    waitingSeconds: minutes * 60,
    youthMessages: 1,
    counselorMessages: 1,
    computedAt: receivedAt,
  });
}

describe(`the waiting youth's estimate (${testDatabaseKind()})`, () => {
  const saturday2030 = new Date("2024-08-17T20:30:00+09:00");

  it("counts 15 minutes a place while nothing is recorded", async () => {
    expect(await estimateWaitMinutes(database.db, { position: 1, at: saturday2030 })).toBe(15);
    expect(await estimateWaitMinutes(database.db, { position: 3, at: saturday2030 })).toBe(45);
  });

  it("uses the median wait recorded on the same weekday and hour, rounded up to 5 minutes", async () => {
    // Saturdays 20:xx in the weeks before: 8, 12 and 40 minutes (median 12); a Sunday and a 22:00 wait do not count.
    await pastWait("2024-08-10T20:10:00+09:00", 8);
    await pastWait("2024-08-03T20:40:00+09:00", 12);
    await pastWait("2024-07-27T20:05:00+09:00", 40);
    await pastWait("2024-08-11T20:10:00+09:00", 90);
    await pastWait("2024-08-10T22:10:00+09:00", 90);
    expect(await estimateWaitMinutes(database.db, { position: 1, at: saturday2030 })).toBe(15);
    expect(await estimateWaitMinutes(database.db, { position: 2, at: saturday2030 })).toBe(25);
  });

  it("falls back to all staffed hours of the last eight weeks when the hour has too few, ignoring unstaffed arrivals and older ones", async () => {
    await pastWait("2024-08-11T21:00:00+09:00", 20);
    await pastWait("2024-08-10T23:00:00+09:00", 30);
    await pastWait("2024-08-04T22:00:00+09:00", 40);
    await pastWait("2024-08-09T10:00:00+09:00", 600, false);
    await pastWait("2024-05-04T20:10:00+09:00", 600);
    expect(await estimateWaitMinutes(database.db, { position: 1, at: saturday2030 })).toBe(30);
  });
});

describe(`the waiting youth's place and notice (${testDatabaseKind()})`, () => {
  const at = new Date("2024-08-03T20:30:00+09:00");

  it("orders places as the counselors' queue does: priority first, then arrival", async () => {
    const a = await youthWrites(database.db, keyring, "a", { at: new Date(at.getTime() - 3 * 60_000) });
    const b = await youthWrites(database.db, keyring, "b", { at: new Date(at.getTime() - 2 * 60_000) });
    const c = await youthWrites(database.db, keyring, "c", { at: new Date(at.getTime() - 60_000) });
    await database.db.update(consultations).set({ priority: 2 }).where(sql`id = ${c.consultationId}`);
    expect(await findQueuePosition(database.db, c.consultationId)).toBe(1);
    expect(await findQueuePosition(database.db, a.consultationId)).toBe(2);
    expect(await findQueuePosition(database.db, b.consultationId)).toBe(3);
    expect((await checkQueueStatus(database.db, c.youthId, at)).text).toContain("次はあなたの番です");
    expect((await checkQueueStatus(database.db, b.youthId, at)).text).toContain("あなたの順番は 3 番目、待ち時間の目安は 約45分");
  });

  it("adds the busy notice from the admins' threshold, and the self-help text when switched on", async () => {
    const first = await youthWrites(database.db, keyring, "a", { at });
    const second = await youthWrites(database.db, keyring, "b", { at: new Date(at.getTime() + 1000) });
    expect(await loadWaitingSettings(database.db)).toEqual({ busyThresholdMinutes: 60, selfHelpEnabled: false });
    await saveWaitingSettings(database.db, { settings: { busyThresholdMinutes: 30, selfHelpEnabled: true }, at }, admin);
    const busy = await checkQueueStatus(database.db, second.youthId, at);
    expect(busy).toMatchObject({ state: "waiting", position: 2, minutes: 30, busy: true });
    expect(busy.text).toContain(ja.autoReply.busy);
    expect(busy.text).toContain(ja.autoReply.self_help);
    const calm = await checkQueueStatus(database.db, first.youthId, at);
    expect(calm).toMatchObject({ busy: false });
    expect(calm.text).not.toContain(ja.autoReply.busy);
    await expect(saveWaitingSettings(database.db, { settings: { busyThresholdMinutes: 2, selfHelpEnabled: false }, at }, admin)).rejects.toThrow(/5から600まで/);
    await saveWaitingSettings(database.db, { settings: { busyThresholdMinutes: null, selfHelpEnabled: false }, at }, admin);
    expect(await checkQueueStatus(database.db, second.youthId, at)).toMatchObject({ busy: false });
  });

  it("outside hours names the next session instead of a place", async () => {
    const youth = await youthWrites(database.db, keyring, "a", { at: new Date("2024-08-02T21:00:00+09:00") });
    const status = await checkQueueStatus(database.db, youth.youthId, new Date("2024-08-02T21:00:00+09:00"));
    expect(status).toMatchObject({ state: "waiting", position: null });
    expect(status.text).toContain("8月3日(土) 20:00〜24:00");
  });
});

describe(`the estimate reused for a minute (${testDatabaseKind()})`, () => {
  // A Sunday 21:xx, an hour no other test here asks about, so no earlier estimate is remembered for it.
  const sunday2130 = new Date("2024-08-04T21:30:00+09:00");

  it("answers from the estimate made within the last minute, and asks the records again after it", async () => {
    setClockForTests(sunday2130);
    try {
      const youth = await youthWrites(database.db, keyring, "a", { at: new Date(sunday2130.getTime() - 60_000) });
      expect(await checkQueueStatus(database.db, youth.youthId, sunday2130)).toMatchObject({ position: 1, minutes: 15 });
      // Three Sundays 21:xx that waited 40 minutes: the records now say 40, but the minute-old estimate stands.
      for (const day of ["2024-07-28", "2024-07-21", "2024-07-14"]) await pastWait(`${day}T21:10:00+09:00`, 40);
      const later = new Date(sunday2130.getTime() + 30_000);
      setClockForTests(later);
      expect(await checkQueueStatus(database.db, youth.youthId, later)).toMatchObject({ position: 1, minutes: 15 });
      const afterMinute = new Date(sunday2130.getTime() + 61_000);
      setClockForTests(afterMinute);
      expect(await checkQueueStatus(database.db, youth.youthId, afterMinute)).toMatchObject({ position: 1, minutes: 40 });
    } finally {
      setClockForTests(null);
    }
  });
});
