import { describe, expect, it } from "vitest";
import { easy, easyVersion, parseRuby, rubyToKana } from "./client";
import { ja } from "./ja";

/** The 80 kanji of the first grade (学年別漢字配当表): the only ones an easy text may show without furigana. */
const FIRST_GRADE = new Set("一右雨円王音下火花貝学気九休玉金空月犬見五口校左三山子四糸字耳七車手十出女小上森人水正生青夕石赤千川先早草足村大男竹中虫町天田土二日入年白八百文木本名目立力林六");
const KANJI = /\p{Script=Han}/u;
/** An automatic reply's variable, {次の相談時間}: filled in by the server, not read by the child as written. */
const VARIABLE = /\{[^{}|]+\}/g;

type Leaf = { path: string; easy: unknown; standard: unknown };

function leaves(easier: unknown, standard: unknown, path = ""): Leaf[] {
  if (easier && typeof easier === "object") {
    return Object.entries(easier).flatMap(([key, value]) =>
      leaves(value, standard && typeof standard === "object" ? (standard as Record<string, unknown>)[key] : undefined, path ? `${path}.${key}` : key),
    );
  }
  return [{ path, easy: easier, standard }];
}

const all = leaves(easy, ja);
/** Each text as a child sees it (functions called with a sample argument). */
const texts = all.map(({ path, easy: text }) => ({ path, text: typeof text === "function" ? (text as (s: string) => string)("いじめ") : (text as string) }));

describe("the easy dictionary", () => {
  it("has, for every key, a standard text of the same kind at the same place in ja", () => {
    expect(all.length).toBeGreaterThan(60);
    for (const leaf of all) {
      expect(typeof leaf.standard, leaf.path).toBe(typeof leaf.easy);
      if (typeof leaf.easy === "function") expect((leaf.easy as () => string).length, leaf.path).toBe((leaf.standard as () => string).length);
    }
  });

  it("writes only well-formed furigana: every brace pair is {base|reading} or a variable the standard text also has", () => {
    for (const { path, text } of texts) {
      const braces = text.match(/\{[^{}]*\}/g) ?? [];
      for (const brace of braces) expect(brace, path).toMatch(/^\{(?:[^{}|]+\|[\p{Script=Hiragana}ー]+|[^{}|]+)\}$/u);
      expect(text.replace(/\{[^{}]*\}/g, ""), `${path}: a stray brace or bar`).not.toMatch(/[{}|]/);
      const variables = text.match(VARIABLE) ?? [];
      const standard = all.find((leaf) => leaf.path === path)!.standard;
      if (typeof standard === "string") expect(new Set(variables), path).toEqual(new Set(standard.match(VARIABLE) ?? []));
    }
  });

  it("puts furigana on every kanji beyond the first grade, and furigana only on kanji", () => {
    for (const { path, text } of texts) {
      const outside = parseRuby(text.replace(VARIABLE, ""))
        .filter((s) => !s.reading)
        .map((s) => s.text)
        .join("");
      const bare = [...outside].filter((c) => KANJI.test(c) && !FIRST_GRADE.has(c));
      expect(bare, path).toEqual([]);
      for (const s of parseRuby(text).filter((s) => s.reading)) expect(KANJI.test(s.text), `${path}: ${s.text}`).toBe(true);
    }
  });

  it("maps each standard wording to one easy wording, so a text found by its wording is unambiguous", () => {
    const seen = new Map<string, string>();
    for (const leaf of all) {
      if (typeof leaf.standard !== "string") continue;
      const earlier = seen.get(leaf.standard);
      if (earlier !== undefined) expect(leaf.easy, leaf.path).toBe(earlier);
      seen.set(leaf.standard, leaf.easy as string);
    }
  });
});

describe("easyVersion", () => {
  it("finds the easy wording of a standard text, and leaves any other text as it is", () => {
    expect(easyVersion(ja.queueStatus.ended)).toBe(easy.queueStatus.ended);
    expect(easyVersion(ja.forms.defaults.intake.consent.agree)).toBe(easy.forms.defaults.intake.consent.agree);
    expect(easyVersion("市のスタッフが書いた表示名")).toBe("市のスタッフが書いた表示名");
  });
});

describe("furigana markup", () => {
  it("parses into plain runs and ruby pairs, keeping variables as plain text", () => {
    expect(parseRuby("{相談|そうだん}を おわる")).toEqual([{ text: "相談", reading: "そうだん" }, { text: "を おわる" }]);
    expect(parseRuby("つぎは {次の相談時間} です")).toEqual([{ text: "つぎは {次の相談時間} です" }]);
    expect(parseRuby("")).toEqual([]);
  });

  it("becomes kana for LINE, where ruby cannot be shown", () => {
    expect(rubyToKana("{相談員|そうだんいん}が {順番|じゅんばん}に へんじを します。{次の相談時間}")).toBe("そうだんいんが じゅんばんに へんじを します。{次の相談時間}");
    for (const { path, text } of texts) expect(rubyToKana(text), path).not.toMatch(/\|/);
  });
});
