import { tz } from "@date-fns/tz";
import { format } from "date-fns";

const inTokyo = tz("Asia/Tokyo");

/** "2024-08-03T20:15" (an <input type="datetime-local">, read as Japan's time) → the instant; null when malformed. */
export function parseJstDateTime(value: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const at = new Date(`${value}:00+09:00`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** The instant as an <input type="datetime-local"> value in Japan's time. */
export function toJstDateTimeInput(at: Date): string {
  return format(at, "yyyy-MM-dd'T'HH:mm", { in: inTokyo });
}

/** "2024-08-03 20:15" in Japan's time, whatever the server's TZ. */
export function formatJstDateTime(at: Date | null): string {
  return at ? format(at, "yyyy-MM-dd HH:mm", { in: inTokyo }) : "";
}
