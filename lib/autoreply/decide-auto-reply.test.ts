import { describe, expect, it } from "vitest";
import { takeo2024Preset } from "@/lib/schedule";
import { decideAutoReply, REPEAT_AFTER_MS } from "./decide-auto-reply";
import { renderTemplate, templateBodySchema } from "./templates";

const at = (iso: string) => new Date(iso);
const fresh = { kind: null, at: null };

describe("decideAutoReply", () => {
  it("names the next staffed time out of hours (Friday night → Saturday 20:00)", () => {
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-08-02T21:00:00+09:00"), wait: { position: 1, minutes: 15 }, previous: fresh })).toEqual({
      kind: "out_of_hours",
      values: { nextOpening: "8月3日(土) 20:00〜24:00" },
    });
  });

  it("crosses the new-year closure and shows the year when it changes", () => {
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-12-29T12:00:00+09:00"), wait: { position: 1, minutes: 15 }, previous: fresh })?.values.nextOpening).toBe(
      "2025年1月11日(土) 20:00〜24:00",
    );
  });

  it("says 'before opening' on a staffed day before 20:00", () => {
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-08-03T19:59:59+09:00"), wait: { position: 1, minutes: 15 }, previous: fresh })).toEqual({
      kind: "before_opening",
      values: { nextOpening: "8月3日(土) 20:00〜24:00" },
    });
  });

  it("gives the queue position and an estimated wait while staffed", () => {
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-08-03T20:30:00+09:00"), wait: { position: 3, minutes: 45 }, previous: fresh })).toEqual({
      kind: "waiting",
      values: { position: "3", estimatedWait: "約45分" },
    });
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-08-03T20:30:00+09:00"), wait: { position: 5, minutes: 75 }, previous: fresh })?.values.estimatedWait).toBe("約1時間15分");
  });

  it("tells the first in line they are next, and says nothing while a counselor holds the consultation", () => {
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-08-03T20:30:00+09:00"), wait: { position: 1, minutes: 10 }, previous: fresh })).toEqual({
      kind: "waiting_next",
      values: { position: "1", estimatedWait: "約10分" },
    });
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-08-03T20:30:00+09:00"), wait: null, previous: fresh })).toBeNull();
  });

  it("never sends a waiting or out-of-hours notice into a consultation a counselor holds, whatever the hour", () => {
    // After the session ended, and with no schedule at all: the counselor who kept talking answers.
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-08-02T21:00:00+09:00"), wait: null, previous: fresh })).toBeNull();
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-08-04T00:30:00+09:00"), wait: null, previous: fresh })).toBeNull();
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2025-04-01T10:00:00+09:00"), wait: null, previous: fresh })).toBeNull();
    expect(decideAutoReply({ schedule: null, at: at("2025-04-01T10:00:00+09:00"), wait: null, previous: fresh })).toBeNull();
  });

  it("says the service has ended after the period, and has a plain answer with no schedule", () => {
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2025-04-01T10:00:00+09:00"), wait: { position: 1, minutes: 15 }, previous: fresh })?.kind).toBe("service_ended");
    expect(decideAutoReply({ schedule: null, at: at("2025-04-01T10:00:00+09:00"), wait: { position: 1, minutes: 15 }, previous: fresh })?.kind).toBe("no_schedule");
  });

  it("does not repeat the same notice within three hours, but answers a change of situation", () => {
    const t = at("2024-08-06T10:00:00+09:00");
    const previous = { kind: "out_of_hours", at: t };
    expect(decideAutoReply({ schedule: takeo2024Preset, at: new Date(t.getTime() + 60_000), wait: { position: 1, minutes: 15 }, previous })).toBeNull();
    expect(decideAutoReply({ schedule: takeo2024Preset, at: new Date(t.getTime() + REPEAT_AFTER_MS), wait: { position: 1, minutes: 15 }, previous })?.kind).toBe("out_of_hours");
    expect(decideAutoReply({ schedule: takeo2024Preset, at: at("2024-08-03T20:05:00+09:00"), wait: { position: 1, minutes: 15 }, previous: { kind: "before_opening", at: at("2024-08-03T19:00:00+09:00") } })?.kind).toBe("waiting_next");
  });
});

describe("templates", () => {
  it("fills the Japanese variables and leaves other text alone", () => {
    expect(renderTemplate("次は {次の相談時間}、{順番}番目（{待ち時間の目安}）", { nextOpening: "8月3日(土) 20:00〜24:00", position: "2", estimatedWait: "約30分" })).toBe(
      "次は 8月3日(土) 20:00〜24:00、2番目（約30分）",
    );
  });

  it("refuses unknown variables and empty or overlong bodies, in Japanese", () => {
    expect(templateBodySchema.safeParse("{次の相談時間} です").success).toBe(true);
    expect(templateBodySchema.safeParse("{相談員の名前} です").error?.issues[0]?.message).toContain("「{相談員の名前}」は使えない差し込み項目です");
    expect(templateBodySchema.safeParse("   ").error?.issues[0]?.message).toBe("本文を入力してください。");
    expect(templateBodySchema.safeParse("あ".repeat(1001)).error?.issues[0]?.message).toBe("本文は1000文字以内にしてください。");
  });
});
