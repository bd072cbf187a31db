// Run in a child process with a chosen TZ by timezone.test.ts: prints what the schedule answers,
// plus the process's own UTC offset to prove the TZ really differed.
import { findNextOpening, formatOpeningLine, isStaffedAt, listOpenings, takeo2024Preset } from "../index";
import { formatNextOpeningJa } from "./format-next-opening";

const at = (iso: string) => new Date(iso);
const probes = [
  "2024-08-12T19:59:59+09:00",
  "2024-08-12T20:00:00+09:00",
  "2024-08-12T23:59:59+09:00",
  "2024-08-13T00:00:00+09:00",
  "2025-01-01T21:00:00+09:00",
];
const nextFrom = at("2024-12-29T08:00:00+09:00");
const next = findNextOpening(takeo2024Preset, nextFrom);

console.log(
  JSON.stringify({
    utcOffsetMinutes: new Date("2024-08-12T00:00:00Z").getTimezoneOffset(),
    openings: listOpenings(takeo2024Preset, at("2024-07-01T00:00:00+09:00"), at("2025-05-01T00:00:00+09:00")).map(formatOpeningLine),
    staffed: probes.map((probe) => `${probe} ${isStaffedAt(takeo2024Preset, at(probe))}`),
    next: next && formatNextOpeningJa(next, nextFrom),
  }),
);
