import { format, getYear } from "date-fns";
import { ja } from "date-fns/locale";
import { calendarDateOf, clockOf, inTokyo, isEndOfDay } from "@/lib/calendar";
import type { Session } from "./sessions";

// The year is shown only when it differs from the reference's (JST) year: in December a reply
// naming 「1月11日」 could be read as last January, while within the year it is noise. The reference
// is the caller's `now`, passed in because this module never reads a clock.
function formatDayJa(instant: Date, reference: Date): string {
  const sameYear = getYear(instant, { in: inTokyo }) === getYear(reference, { in: inTokyo });
  return format(instant, sameYear ? "M月d日(E)" : "yyyy年M月d日(E)", { in: inTokyo, locale: ja });
}

function formatEndJa(session: Session, reference: Date): string {
  const day = calendarDateOf(session.start);
  if (isEndOfDay(day, session.end)) return "24:00";
  if (calendarDateOf(session.end) === day) return clockOf(session.end, "H:mm");
  return `${formatDayJa(session.end, reference)} ${clockOf(session.end, "H:mm")}`;
}

/** 「8月3日(土) 20:00〜24:00」; a session running past midnight names its end day too. */
export function formatSessionJa(session: Session, reference: Date): string {
  return `${formatDayJa(session.start, reference)} ${clockOf(session.start, "H:mm")}〜${formatEndJa(session, reference)}`;
}
