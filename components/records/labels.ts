import type { RecordLabels } from "@/lib/forms";
import { ja } from "@/lib/i18n/ja";

const pick = (table: Record<string, string>, value: string | null) => (value === null ? ja.records.none : (table[value] ?? value));

export const ageBandLabel = (labels: RecordLabels, v: string | null) => pick(labels.ageBand, v);
export const genderLabel = (labels: RecordLabels, v: string | null) => pick(labels.gender, v);
export const outcomeLabel = (labels: RecordLabels, v: string | null) => pick(labels.outcome, v);
export const closeReasonLabel = (v: string | null) => pick(ja.records.closeReasons, v);
export const topicsLabel = (labels: RecordLabels, topics: string[]) => (topics.length === 0 ? ja.records.none : topics.map((t) => pick(labels.topics, t)).join("、"));
export const yesNo = (v: boolean | null) => (v === null ? ja.records.none : v ? ja.records.yes : ja.records.no);
export const minutesLabel = (seconds: number | null) => (seconds === null ? ja.records.none : `${Math.round(seconds / 60)}${ja.records.minutes}`);
