import type { LexiconEntry } from "./lexicon";

const high = (term: string, exclusions: string[] = []): LexiconEntry => ({ term, level: "high", exclusions });
const concern = (term: string, exclusions: string[] = []): LexiconEntry => ({ term, level: "concern", exclusions });

/**
 * Version 1 of the risk words, seeded into the database: admins edit them from there. Each term is
 * written once; width, katakana and the kana of its kanji are folded by normalizeText (死にたい also
 * matches しにたい, ｼﾆﾀｲ, 氏にたい, タヒにたい). A word list only orders the queue and answers with the
 * safety numbers; it never decides anything about a youth by itself.
 */
export const defaultLexicon: LexiconEntry[] = [
  high("死にたい"),
  high("しにたみ"),
  high("死のう", ["しのうち", "しのうえ"]),
  high("死ぬ", ["死ぬほど笑", "死ぬほどわら", "死ぬほどおもしろ", "死ぬほど面白", "死ぬほどうま", "死ぬほど美味", "死ぬほど眠", "死ぬほどねむ", "死ぬかと思った", "笑い死ぬ"]),
  high("消えたい"),
  high("いなくなりたい"),
  high("自殺"),
  high("生きていたくない"),
  high("生きるのがつらい"),
  high("飛び降り"),
  high("首を吊"),
  high("首吊り"),
  high("リストカット"),
  high("リスカ"),
  high("OD"),
  high("オーバードーズ"),
  high("殺される"),
  high("殺す", ["こころす", "ところす"]),
  concern("殴られ"),
  concern("叩かれ"),
  concern("蹴られ"),
  concern("虐待"),
  concern("帰りたくない"),
  concern("帰れない"),
  concern("ごはんがない"),
  concern("性的"),
  concern("触られ"),
  concern("いじめられ"),
  concern("脅され"),
];
