import { storedIntakeSchema } from "./intake-answers";

/** The intake's age band whose youth get やさしい日本語: 小学生, by its id (ids never change across versions). */
export const EASY_JAPANESE_AGE_BAND = "elementary";

/** Whether a consultation's intake answers ask for やさしい日本語 (the youth said 小学生). */
export function readsEasyJapanese(intake: unknown): boolean {
  return storedIntakeSchema.safeParse(intake ?? {}).data?.ageBand === EASY_JAPANESE_AGE_BAND;
}
