/**
 * The national numbers seeded as editable defaults (admins change, reorder, retire them and add local
 * ones on /admin/risk). `seedKey` keeps the seed from inserting them twice; nothing reads it otherwise.
 */
export const defaultSafetyContacts = [
  { seedKey: "police", label: "警察", number: "110", note: "いますぐ危ないとき" },
  { seedKey: "ambulance", label: "救急車", number: "119", note: "けがや、からだが危ないとき" },
  { seedKey: "jidou_soudanjo", label: "児童相談所虐待対応ダイヤル", number: "189", note: "24時間・通話無料" },
  { seedKey: "kodomo_sos", label: "24時間子供SOSダイヤル", number: "0120-0-78310", note: "24時間・通話無料" },
  { seedKey: "childline", label: "チャイルドライン", number: "0120-99-7777", note: "18歳まで・毎日16時〜21時" },
  { seedKey: "inochi_sos", label: "#いのちSOS", number: "0120-061-338", note: "24時間・通話無料" },
  { seedKey: "yorisoi", label: "よりそいホットライン", number: "0120-279-338", note: "24時間・通話無料" },
  { seedKey: "kokoro", label: "こころの健康相談統一ダイヤル", number: "0570-064-556", note: "つながる時間は地域によります" },
].map((contact, i) => ({ ...contact, sortOrder: (i + 1) * 10 }));
