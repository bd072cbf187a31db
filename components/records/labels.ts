import { ja } from "@/lib/i18n/ja";

const pick = (table: Record<string, string>, value: string | null) => (value === null ? ja.records.none : (table[value] ?? value));

export const ageBandLabel = (v: string | null) => pick(ja.console.ageBands, v);
export const genderLabel = (v: string | null) => pick(ja.console.genders, v);
export const outcomeLabel = (v: string | null) => pick(ja.console.outcomes, v);
export const closeReasonLabel = (v: string | null) => pick(ja.records.closeReasons, v);
export const topicsLabel = (topics: string[]) => (topics.length === 0 ? ja.records.none : topics.map((t) => pick(ja.console.topicLabels, t)).join("、"));
export const yesNo = (v: boolean | null) => (v === null ? ja.records.none : v ? ja.records.yes : ja.records.no);
export const minutesLabel = (seconds: number | null) => (seconds === null ? ja.records.none : `${Math.round(seconds / 60)}${ja.records.minutes}`);
