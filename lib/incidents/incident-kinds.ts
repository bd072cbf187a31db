/** The kinds of incident 個人情報取扱特記事項 第4・第5 names, plus 誤送信 (a message to the wrong person) and その他. */
export const incidentKinds = ["leak", "loss", "damage", "tampering", "misdelivery", "other"] as const;
export type IncidentKind = (typeof incidentKinds)[number];
