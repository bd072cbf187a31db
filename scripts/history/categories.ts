/**
 * The record form's choice ids in version 1 (lib/forms/default-definitions.ts), which the synthetic
 * history draws from. Ids are permanent, so data made with them stays countable under later versions.
 */
export const ageBands = ["elementary", "junior_high", "high_school", "young_adult", "out_of_range", "unknown"] as const;
export const genders = ["female", "male", "other", "unknown"] as const;
export const topics = ["abuse", "truancy", "bullying", "developmental", "young_carer", "family", "friends", "school", "health", "sexuality", "career", "suicidal", "mental", "other"] as const;
export type Topic = (typeof topics)[number];
export const requesters = ["self", "parent", "friend", "teacher", "other"] as const;
export const satisfactions = ["very_good", "good", "neutral", "bad", "very_bad"] as const;
export const agains = ["yes", "unsure", "no"] as const;
