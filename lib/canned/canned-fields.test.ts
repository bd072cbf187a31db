import { describe, expect, it } from "vitest";
import { fillCannedFields, findUnfilledPlaceholders } from "./client";

describe("fillCannedFields", () => {
  it("fills the counselor's name and today's closing time wherever they appear", () => {
    const text = "相談員の{相談員名}です。今日は{今日の終了時刻}まで話せます。{相談員名}より";
    expect(fillCannedFields(text, { 相談員名: "相談 一郎", 今日の終了時刻: "22:00" })).toBe("相談員の相談 一郎です。今日は22:00まで話せます。相談 一郎より");
  });

  it("leaves a field without a value, and an unknown field, as typed so the send check still catches it", () => {
    expect(fillCannedFields("{今日の終了時刻}まで。{あだ名}さん", { 相談員名: "一郎" })).toBe("{今日の終了時刻}まで。{あだ名}さん");
  });
});

describe("findUnfilledPlaceholders", () => {
  it("finds braces, 〇〇 and ＊＊ blanks once each", () => {
    expect(findUnfilledPlaceholders("相談員の〇〇です。〇〇より。{相談員名} と ＊＊ と **")).toEqual(["〇〇", "{相談員名}", "＊＊", "**"]);
  });

  it("does not flag ordinary text, a single mark or an empty reply", () => {
    expect(findUnfilledPlaceholders("○ 学校のこと\n* 家のこと\nまた話そうね")).toEqual([]);
    expect(findUnfilledPlaceholders("")).toEqual([]);
  });
});
