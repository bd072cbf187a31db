import { describe, expect, it } from "vitest";
import { assessText } from "./assess-text";
import { defaultLexicon } from "./default-lexicon";
import { lexiconEntriesSchema, type RiskLexicon } from "./lexicon";
import { normalizeText } from "./normalize-text";

const lexicon: RiskLexicon = { version: 1, entries: lexiconEntriesSchema.parse(defaultLexicon) };
const level = (text: string) => assessText(lexicon, text).level;

describe("normalizeText", () => {
  it("folds width, katakana, stretching and spacing", () => {
    expect(normalizeText("ＯＤ　した")).toBe("odした");
    expect(normalizeText("ｼﾆﾀｲ")).toBe("しにたい");
    expect(normalizeText("し に た ー い")).toBe("しにたい");
    expect(normalizeText("しにたぁい…")).toBe("しにたい");
  });
  it("folds the kanji of risk words to their kana, and タヒ to 死", () => {
    expect(normalizeText("死にたい")).toBe("しにたい");
    expect(normalizeText("氏にたい")).toBe("しにたい");
    expect(normalizeText("タヒにたい")).toBe(normalizeText("ﾀﾋにたい"));
    expect(normalizeText("タヒにたい")).toBe("しにたい");
    expect(normalizeText("首吊り")).toBe(normalizeText("首つり"));
  });
});

describe("assessText with the default lexicon", () => {
  it("matches a term written once in all the ways youth write it", () => {
    for (const text of ["もう死にたい", "しにたい", "シニタイ", "ｼﾆﾀｲ", "氏にたい", "タヒにたい", "しにたみ", "し に た い", "しにたーーい"]) {
      expect([text, level(text)]).toEqual([text, "high"]);
    }
    for (const text of ["ODした", "昨日ｏｄ", "オーバードーズ", "ｵｰﾊﾞｰﾄﾞｰｽﾞしちゃった", "リスカした", "首吊り", "くびつりたい", "飛び降りたい", "とびおりる", "消えたい", "きえたい", "いなくなりたい", "いきていたくない"]) {
      expect([text, level(text)]).toEqual([text, "high"]);
    }
  });

  it("rates violence and abuse as concern, and takes the highest level with every matched term", () => {
    expect(level("父に殴られる")).toBe("concern");
    expect(level("なぐられた")).toBe("concern");
    expect(level("電車で触られる")).toBe("concern");
    expect(assessText(lexicon, "殴られるし、消えたい")).toEqual({ level: "high", matched: ["消えたい", "殴られ"], lexiconVersion: 1 });
  });

  it("leaves ordinary words alone, including Latin letters inside other words", () => {
    expect(assessText(lexicon, "テストの点が悪かった")).toEqual({ level: "none", matched: [], lexiconVersion: 1 });
    expect(level("good food")).toBe("none");
    expect(level("METHOD")).toBe("none");
  });

  it("does not count a term inside one of its exclusions, but does count it elsewhere in the text", () => {
    expect(level("死ぬほど笑った")).toBe("none");
    expect(level("しぬほどわらった")).toBe("none");
    expect(level("死ぬかと思った、寒すぎて")).toBe("none");
    expect(level("わたしのうちにきて")).toBe("none");
    expect(level("こころすっきりした")).toBe("none");
    expect(level("死ぬほど笑ったけど、本当はもう死ぬつもり")).toBe("high");
    expect(level("死ぬほどつらい")).toBe("high");
  });

  it("reports the version it used", () => {
    expect(assessText({ version: 7, entries: [{ term: "つらい", level: "concern", exclusions: [] }] }, "ツライ")).toEqual({ level: "concern", matched: ["つらい"], lexiconVersion: 7 });
  });
});

describe("lexiconEntriesSchema", () => {
  it("names an empty term and a duplicate (same word in another script) in Japanese, by row", () => {
    const result = lexiconEntriesSchema.safeParse([
      { term: "死にたい", level: "high" },
      { term: "  ", level: "high" },
      { term: "シニタイ", level: "concern" },
    ]);
    expect(result.success).toBe(false);
    const issues = Object.fromEntries(result.error!.issues.map((i) => [i.path.join("."), i.message]));
    expect(issues).toEqual({ "1.term": "言葉を入力してください。", "2.term": "「死にたい」と同じ言葉です（ひらがな・カタカナ・半角の違いは同じとみなします）。" });
  });
  it("refuses an exclusion that does not contain its term", () => {
    const result = lexiconEntriesSchema.safeParse([{ term: "死ぬ", level: "high", exclusions: ["爆笑"] }]);
    expect(result.error?.issues[0]).toMatchObject({ path: [0, "exclusions", 0], message: "対象外にする言い方には「死ぬ」を含めてください。" });
  });
  it("accepts the default lexicon", () => {
    expect(lexiconEntriesSchema.safeParse(defaultLexicon).success).toBe(true);
  });
});
