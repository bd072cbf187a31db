/**
 * Words that raise a consultation's priority. Level 2: danger to life (R10: the supervisor is alerted
 * and the youth is answered first); level 1: violence or abuse. Deliberately short and reviewable:
 * a word list only ever orders the queue, it never decides anything about a youth by itself.
 * Kanji and kana spellings are both listed; width and katakana are folded by normalizeText.
 */
export const riskWords: { level: 1 | 2; words: string[] }[] = [
  {
    level: 2,
    words: [
      "死にたい", "しにたい", "死のう", "しのう", "死ぬ", "消えたい", "きえたい", "自殺", "じさつ",
      "生きていたくない", "いきていたくない", "生きるのがつらい", "飛び降り", "とびおり", "首を吊", "首つり",
      "リストカット", "りすか", "オーバードーズ", "殺される", "ころされる", "殺す", "ころす",
    ],
  },
  {
    level: 1,
    words: [
      "殴られる", "殴られた", "なぐられ", "叩かれ", "たたかれ", "蹴られ", "けられ", "虐待", "ぎゃくたい",
      "家に帰りたくない", "いえにかえりたくない", "帰れない", "ごはんがない", "性的", "さわられ", "触られ",
      "いじめられ", "脅され", "おどされ",
    ],
  },
];
