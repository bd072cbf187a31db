import { formatSessionJa } from "../describe-opening";
import type { Session } from "../sessions";

/** The sentence the hand-written expectations name the next session with (the product's wording is a template). */
export function formatNextOpeningJa(session: Session, reference: Date): string {
  return `次の相談時間は ${formatSessionJa(session, reference)} です`;
}
