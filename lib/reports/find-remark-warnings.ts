// 所見 are about the service, never about a youth. A phone number or an e-mail address in one is
// almost always a slip (someone's contact copied from a consultation), so the page warns before saving.
const PHONE = /(?:\+81[-\s]?|0)\d{1,4}[-\s(（]?\d{1,4}[-\s)）]?\d{3,4}/;
const EMAIL = /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/;

export type RemarkWarning = "phone" | "email";

/** What in a 所見 looks like someone's contact details. */
export function findRemarkWarnings(body: string): RemarkWarning[] {
  const text = body.normalize("NFKC");
  return [...(PHONE.test(text) ? (["phone"] as const) : []), ...(EMAIL.test(text) ? (["email"] as const) : [])];
}
