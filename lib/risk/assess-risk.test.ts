import { describe, expect, it } from "vitest";
import { assessRisk } from "./assess-risk";
import { normalizeText } from "./normalize-text";

describe("assessRisk", () => {
  it("finds life-threatening words in kanji, kana, katakana and half-width katakana", () => {
    expect(assessRisk("もう死にたい").level).toBe(2);
    expect(assessRisk("しにたい…").level).toBe(2);
    expect(assessRisk("シニタイ").level).toBe(2);
    expect(assessRisk("ｷｴﾀｲ").level).toBe(2);
    expect(assessRisk("き え た い").level).toBe(2);
  });
  it("rates violence and abuse one level lower, and takes the highest when both appear", () => {
    expect(assessRisk("父に殴られる").level).toBe(1);
    expect(assessRisk("殴られるし、消えたい")).toEqual({ level: 2, matched: expect.arrayContaining(["消えたい", "殴られる"]) });
  });
  it("leaves ordinary worries at zero", () => {
    expect(assessRisk("テストの点が悪かった")).toEqual({ level: 0, matched: [] });
  });
});

describe("normalizeText", () => {
  it("folds full-width Latin, katakana and spaces", () => {
    expect(normalizeText("ＯＤ　した")).toBe("odした");
    expect(normalizeText("リスカ")).toBe("りすか");
  });
});
